"""Reads for leader sessions: lists within the viewer's scope, the audience, reach over time."""

import datetime
from collections import Counter
from dataclasses import dataclass

from django.db.models import Prefetch, Q, QuerySet
from django.utils import timezone

from workforce_health.core.models import Employment, Membership, Organisation, Person, Team
from workforce_health.core.permissions import Capability, membership_can
from workforce_health.core.scope import Scope
from workforce_health.listening import reach as reach_module
from workforce_health.listening.models import AttendanceCount, InvitedCount, LeaderSession
from workforce_health.surveys.groups import ROLE_GROUP_OF


def _visible(scope: Scope) -> Q:
    """Sessions for the whole organisation, or with an audience within the scope: its teams, or
    (with no teams named) its service."""
    if scope.whole_organisation:
        return Q()
    everyone = Q(audience_services__isnull=True, audience_teams__isnull=True)
    services = [scope.service.pk] if scope.sees_records and scope.service is not None else []
    return (
        everyone
        | Q(audience_teams__in=list(scope.teams().values_list("pk", flat=True)))
        | Q(audience_teams__isnull=True, audience_services__in=services)
    )


def session_list(*, scope: Scope) -> QuerySet[LeaderSession]:
    ids = (
        LeaderSession.objects.filter(organisation=scope.organisation)
        .filter(_visible(scope))
        .values("pk")
    )
    return (
        LeaderSession.objects.filter(pk__in=ids)
        .prefetch_related("audience_services", "audience_teams", "attendance", "invited")
        .order_by("-starts_at", "title")
    )


def session_get(*, scope: Scope, session_id: int) -> LeaderSession | None:
    return session_list(scope=scope).filter(pk=session_id).first()


def upcoming_sessions(*, organisation: Organisation, person: Person | None) -> list[LeaderSession]:
    """Planned sessions from today whose audience includes this member of staff (all planned
    organisation-wide sessions when the sign-in has no staff record)."""
    now = timezone.now()
    planned = (
        LeaderSession.objects.filter(
            organisation=organisation, status=LeaderSession.Status.PLANNED, starts_at__gte=now
        )
        .prefetch_related(
            Prefetch("audience_teams", queryset=Team.objects.only("pk", "service_id")),
            "audience_services",
        )
        .order_by("starts_at")
    )
    member = _current_post(person) if person is not None else None
    found = []
    for session in planned:
        if member is None:
            if not session.audience_services.all() and not session.audience_teams.all():
                found.append(session)
        elif _in_audience(session, *member):
            found.append(session)
    return found


def _current_post(person: Person) -> tuple[int, int, str] | None:
    """(team, service, role group) of the person's latest current employment."""
    today = timezone.localdate()
    employment = (
        Employment.objects.filter(person=person, start_date__lte=today)
        .exclude(end_date__lt=today)
        .select_related("team")
        .order_by("-start_date", "-pk")
        .first()
    )
    if employment is None:
        return None
    return (
        employment.team_id,
        employment.team.service_id,
        ROLE_GROUP_OF.get(employment.job_role, ""),
    )


def _in_audience(session: LeaderSession, team_id: int, service_id: int, role_group: str) -> bool:
    teams = {t.pk for t in session.audience_teams.all()}
    services = {s.pk for s in session.audience_services.all()}
    if teams and team_id not in teams:
        return False
    if not teams and services and service_id not in services:
        return False
    return not session.audience_role_groups or role_group in session.audience_role_groups


@dataclass(frozen=True)
class AudienceMember:
    person_id: int
    team_id: int


def session_audience(*, session: LeaderSession, on: datetime.date) -> list[AudienceMember]:
    """Staff in post on `on` in the session's audience: one row per person (their latest post)."""
    teams = list(session.audience_teams.values_list("pk", flat=True))
    services = list(session.audience_services.values_list("pk", flat=True))
    current = (
        Employment.objects.filter(organisation=session.organisation, start_date__lte=on)
        .exclude(end_date__lt=on)
        .order_by("person_id", "-start_date", "-pk")
    )
    if teams:
        current = current.filter(team_id__in=teams)
    elif services:
        current = current.filter(team__service_id__in=services)
    chosen: dict[int, AudienceMember] = {}
    for person_id, team_id, job_role in current.values_list("person_id", "team_id", "job_role"):
        if person_id in chosen:
            continue
        if session.audience_role_groups and (
            ROLE_GROUP_OF.get(job_role, "") not in session.audience_role_groups
        ):
            continue
        chosen[person_id] = AudienceMember(person_id, team_id)
    return list(chosen.values())


def audience_team_ids(session: LeaderSession) -> list[int]:
    """The teams a session is for: its teams, else those of its services, else every team."""
    teams = list(session.audience_teams.values_list("pk", flat=True))
    if teams:
        return teams
    found = Team.objects.filter(organisation=session.organisation)
    services = list(session.audience_services.values_list("pk", flat=True))
    if services:
        found = found.filter(service_id__in=services)
    return list(found.values_list("pk", flat=True))


def audience_by_team(*, session: LeaderSession, on: datetime.date) -> Counter[int]:
    return Counter(member.team_id for member in session_audience(session=session, on=on))


def invited_total(session: LeaderSession) -> int | None:
    counts = [c.invited for c in session.invited.all()]
    return sum(counts) if counts else None


def attended_total(session: LeaderSession) -> int | None:
    counts = [c.attended for c in session.attendance.all()]
    return sum(counts) if counts else None


def attendance_rows(session: LeaderSession) -> list[AttendanceCount]:
    return sorted(session.attendance.all(), key=lambda c: (c.team_id is None, str(c.team)))


def invited_rows(session: LeaderSession) -> list[InvitedCount]:
    return sorted(session.invited.all(), key=lambda c: str(c.team))


def _untallied(session: LeaderSession, *, whole: bool) -> int | None:
    """The one total of a session counted that way (for organisation-wide viewers), else None."""
    totals = [c.attended for c in session.attendance.all() if c.team_id is None]
    return totals[0] if totals and whole else None


def session_reach(*, scope: Scope, start: datetime.date, end: datetime.date) -> reach_module.Reach:
    """Sessions held from `start` to `end` and their reach, by quarter, within the viewer's
    scope: a manager's figures count only their own teams."""
    held = [
        s
        for s in session_list(scope=scope).filter(status=LeaderSession.Status.HELD)
        if start <= timezone.localtime(s.starts_at).date() <= end
    ]
    teams = {
        t.pk: t
        for t in Team.objects.filter(organisation=scope.organisation).select_related("service")
    }
    own_teams = set(scope.teams().values_list("pk", flat=True))

    def mine(team_id: int | None) -> bool:
        return team_id is not None and (scope.whole_organisation or team_id in own_teams)

    def key(team_id: int) -> tuple[str, str]:
        return teams[team_id].service.name, teams[team_id].name

    records = [
        reach_module.HeldSession(
            held_on=timezone.localtime(s.starts_at).date(),
            kind=s.get_kind_display(),
            invited={key(c.team_id): c.invited for c in s.invited.all() if mine(c.team_id)},
            attended={
                key(c.team_id): c.attended
                for c in s.attendance.all()
                if c.team_id is not None and mine(c.team_id)
            },
            by_team=not any(c.team_id is None for c in s.attendance.all()),
            attended_untallied=_untallied(s, whole=scope.whole_organisation),
        )
        for s in held
    ]
    return reach_module.reach(
        records,
        periods=reach_module.quarters(start, end),
        kinds=[str(label) for _, label in LeaderSession.Kind.choices],
    )


def session_for_calendar(*, viewer: Membership, session_id: int) -> LeaderSession | None:
    """A session whose calendar file the viewer may download: any they may see as a leader;
    for other staff, a planned session they are in the audience of."""
    if membership_can(viewer, Capability.VIEW_LISTENING):
        return session_get(scope=Scope.of(viewer), session_id=session_id)
    upcoming = upcoming_sessions(organisation=viewer.organisation, person=viewer.person)
    return next((s for s in upcoming if s.pk == session_id), None)
