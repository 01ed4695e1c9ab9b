"""Writes for leader sessions: plan, change, cancel, invite by email with a calendar file, and
record attendance as counts (or, for a mandatory briefing that keeps one, a register)."""

import datetime
from collections import Counter
from collections.abc import Iterable, Mapping
from email.mime.text import MIMEText
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone

from workforce_health.core.models import Membership, Organisation, Person, Service, Team
from workforce_health.listening import ics
from workforce_health.listening.models import (
    AttendanceCount,
    InvitedCount,
    LeaderSession,
    RegisterEntry,
)
from workforce_health.listening.selectors.sessions import (
    audience_by_team,
    audience_team_ids,
    session_audience,
)
from workforce_health.listening.services._save import save

# Changing any of these changes the calendar entry: its SEQUENCE goes up.
CALENDAR_FIELDS = ("title", "starts_at", "duration_minutes", "location", "format")
SESSION_FIELDS = (
    "kind",
    "title",
    "starts_at",
    "duration_minutes",
    "format",
    "location",
    "hosts",
    "audience_role_groups",
    "standards",
    "topics",
    "mandatory",
    "keeps_register",
)


def _audience(
    organisation: Organisation, services: Iterable[Service], teams: Iterable[Team]
) -> tuple[list[Service], list[Team]]:
    services, teams = list(services), list(teams)
    if any(s.organisation_id != organisation.pk for s in services) or any(
        t.organisation_id != organisation.pk for t in teams
    ):
        raise ValidationError({"audience_services": f"Choose services and teams of {organisation}"})
    if services and any(t.service_id not in {s.pk for s in services} for t in teams):
        raise ValidationError(
            {"audience_teams": "Choose teams within the services chosen, or no services"}
        )
    return services, teams


@transaction.atomic
def session_create(
    *,
    organisation: Organisation,
    audience_services: Iterable[Service] = (),
    audience_teams: Iterable[Team] = (),
    **fields: Any,
) -> LeaderSession:
    unknown = set(fields) - set(SESSION_FIELDS)
    if unknown:
        raise TypeError(f"session_create() got unexpected fields: {', '.join(sorted(unknown))}")
    services, teams = _audience(organisation, audience_services, audience_teams)
    session = save(LeaderSession(organisation=organisation, **fields))
    session.audience_services.set(services)
    session.audience_teams.set(teams)
    return session


@transaction.atomic
def session_update(
    *,
    session: LeaderSession,
    audience_services: Iterable[Service] = (),
    audience_teams: Iterable[Team] = (),
    **fields: Any,
) -> LeaderSession:
    """Change a planned session. A change to when or where it is raises its calendar SEQUENCE,
    so the next invitations replace the earlier entry in people's calendars."""
    locked = LeaderSession.objects.select_for_update().get(pk=session.pk)
    if locked.status == LeaderSession.Status.CANCELLED:
        raise ValidationError("This session was cancelled, so it cannot change")
    unknown = set(fields) - set(SESSION_FIELDS)
    if unknown:
        raise TypeError(f"session_update() got unexpected fields: {', '.join(sorted(unknown))}")
    moved = any(getattr(locked, name) != fields[name] for name in CALENDAR_FIELDS if name in fields)
    for name, value in fields.items():
        setattr(locked, name, value)
    if moved:
        locked.sequence += 1
    services, teams = _audience(locked.organisation, audience_services, audience_teams)
    save(locked)
    locked.audience_services.set(services)
    locked.audience_teams.set(teams)
    return locked


def _addresses(organisation: Organisation, person_ids: Iterable[int]) -> dict[int, str]:
    """Where to email each person: their staff record's address, else their sign-in's."""
    wanted = set(person_ids)
    rows = Membership.objects.filter(organisation=organisation, person_id__in=wanted).values_list(
        "person_id", "user__email"
    )
    found = {person: email for person, email in rows if email}
    found.update(
        Person.objects.filter(organisation=organisation, pk__in=wanted)
        .exclude(email="")
        .values_list("pk", "email")
    )
    return found


def calendar_event(session: LeaderSession, *, host: str) -> ics.SessionEvent:
    hosts = ", ".join(session.host_labels())
    lines = [f"{session.get_kind_display()} hosted by {hosts}."]
    if session.topics:
        lines.append(f"Topics: {session.topics}")
    lines.append(f"{session.get_format_display()}.")
    return ics.SessionEvent(
        uid=f"{session.uid}@{host}",
        title=session.title,
        starts_at=session.starts_at,
        ends_at=session.ends_at,
        location=session.location,
        description="\n".join(lines),
        sequence=session.sequence,
        organiser_email=settings.DEFAULT_FROM_EMAIL,
        organiser_name=session.organisation.name,
        cancelled=session.status == LeaderSession.Status.CANCELLED,
    )


def session_calendar(session: LeaderSession, *, host: str) -> bytes:
    return ics.calendar_bytes(calendar_event(session, host=host), stamped_at=timezone.now())


def _calendar_part(calendar: bytes, *, cancelled: bool) -> MIMEText:
    """The .ics as a text/calendar attachment carrying its METHOD (RFC 6047)."""
    part = MIMEText(calendar.decode(), "calendar", "utf-8")
    part.set_param("method", "CANCEL" if cancelled else "PUBLISH")
    part.add_header("Content-Disposition", "attachment", filename="session.ics")
    return part


def _invited_counts_record(session: LeaderSession, on: datetime.date) -> Counter[int]:
    counts = audience_by_team(session=session, on=on)
    InvitedCount.objects.filter(session=session).delete()
    InvitedCount.objects.bulk_create(
        InvitedCount(session=session, team_id=team, invited=n) for team, n in sorted(counts.items())
    )
    return counts


def session_invitations_send(*, session: LeaderSession, host: str) -> tuple[int, int]:
    """Email everyone in the audience a calendar file for the session (cancelled: a file that
    removes it). Records how many were invited from each team. Returns (sent, no address)."""
    if session.status == LeaderSession.Status.HELD:
        raise ValidationError("This session has been held, so no invitations can be sent")
    today = timezone.localdate()
    with transaction.atomic():
        locked = LeaderSession.objects.select_for_update().get(pk=session.pk)
        members = session_audience(session=locked, on=today)
        if locked.status == LeaderSession.Status.PLANNED:
            _invited_counts_record(locked, today)
        locked.invitations_sent_on = today
        save(locked)
    addresses = _addresses(locked.organisation, (m.person_id for m in members))
    calendar = session_calendar(locked, host=host)
    cancelled = locked.status == LeaderSession.Status.CANCELLED
    subject = f"{'Cancelled: ' if cancelled else ''}{locked.title}"
    body = render_to_string(
        "listening/email/session_invitation.txt", {"session": locked, "cancelled": cancelled}
    )
    sent = 0
    for member in members:
        address = addresses.get(member.person_id)
        if not address:
            continue
        message = EmailMessage(subject=subject, body=body, to=[address])
        message.attach(_calendar_part(calendar, cancelled=cancelled))
        message.send()
        sent += 1
    return sent, len(members) - sent


@transaction.atomic
def session_cancel(*, session: LeaderSession) -> LeaderSession:
    locked = LeaderSession.objects.select_for_update().get(pk=session.pk)
    if locked.status != LeaderSession.Status.PLANNED:
        raise ValidationError("Only a planned session can be cancelled")
    locked.status = LeaderSession.Status.CANCELLED
    locked.sequence += 1
    return save(locked)


@transaction.atomic
def session_attendance_record(
    *,
    session: LeaderSession,
    by_team: Mapping[int, int] | None = None,
    total: int | None = None,
    questions_raised: str = "",
) -> LeaderSession:
    """Record how many came: by team (audience teams only), or one total when not counted by
    team. Marks the session held. Never a list of names (use the register for that)."""
    locked = LeaderSession.objects.select_for_update().get(pk=session.pk)
    if locked.status == LeaderSession.Status.CANCELLED:
        raise ValidationError("This session was cancelled")
    if locked.keeps_register:
        raise ValidationError("This briefing keeps a register: record who came instead")
    if (by_team is None) == (total is None):
        raise ValidationError("Give the numbers who came from each team, or one total")
    day = timezone.localtime(locked.starts_at).date()
    if not locked.invited.exists():
        _invited_counts_record(locked, day)
    AttendanceCount.objects.filter(session=locked).delete()
    if by_team is not None:
        allowed = set(audience_team_ids(locked))
        if set(by_team) - allowed:
            raise ValidationError("Give numbers only for teams in the audience")
        if any(n < 0 for n in by_team.values()):
            raise ValidationError("Numbers who came must be 0 or more")
        AttendanceCount.objects.bulk_create(
            AttendanceCount(session=locked, team_id=team, attended=n)
            for team, n in sorted(by_team.items())
        )
    else:
        assert total is not None
        if total < 0:
            raise ValidationError("The number who came must be 0 or more")
        save(AttendanceCount(session=locked, team=None, attended=total))
    locked.status = LeaderSession.Status.HELD
    locked.questions_raised = questions_raised.strip()
    return save(locked)


@transaction.atomic
def session_register_record(
    *, session: LeaderSession, person_ids: Iterable[int], questions_raised: str = ""
) -> LeaderSession:
    """A mandatory briefing's register: who came, and from it the counts by team."""
    locked = LeaderSession.objects.select_for_update().get(pk=session.pk)
    if not locked.keeps_register:
        raise ValidationError("This session does not keep a register: record counts instead")
    day = timezone.localtime(locked.starts_at).date()
    audience = {m.person_id: m.team_id for m in session_audience(session=locked, on=day)}
    chosen = set(person_ids)
    if chosen - set(audience):
        raise ValidationError("Choose people from the session's audience")
    if not locked.invited.exists():
        _invited_counts_record(locked, day)
    RegisterEntry.objects.filter(session=locked).delete()
    RegisterEntry.objects.bulk_create(
        RegisterEntry(session=locked, person_id=p) for p in sorted(chosen)
    )
    counts = Counter(audience[p] for p in chosen)
    AttendanceCount.objects.filter(session=locked).delete()
    AttendanceCount.objects.bulk_create(
        AttendanceCount(session=locked, team_id=team, attended=n)
        for team, n in sorted(counts.items())
    )
    locked.status = LeaderSession.Status.HELD
    locked.questions_raised = questions_raised.strip()
    return save(locked)
