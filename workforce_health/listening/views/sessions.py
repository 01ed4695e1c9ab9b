"""Leader sessions: list with reach, plan and change, invite, record attendance."""

import datetime

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from workforce_health.core.models import Person, Team
from workforce_health.core.permissions import Capability, membership_can, requires
from workforce_health.core.scope import Scope
from workforce_health.core.view_helpers import found, save_or_add_errors, viewer
from workforce_health.listening import downloads, ics, selectors, services, survey_adapter, tables
from workforce_health.listening.forms.sessions import AttendanceForm, RegisterForm, SessionForm
from workforce_health.listening.models import LeaderSession
from workforce_health.listening.standards import standard_label

REACH_YEARS = 2
RECENT = 12  # past sessions listed unless all are asked for


def _reach_tables(request: HttpRequest) -> dict[str, tables.Table]:
    """The sessions page's tables: every session, sessions held and reach."""
    today = timezone.localdate()
    start = datetime.date(today.year - REACH_YEARS + 1, 1, 1)
    found = tables.reach_tables(
        selectors.session_reach(scope=Scope.of(viewer(request)), start=start, end=today)
    )
    listed = tables.sessions_table(list(selectors.session_list(scope=Scope.of(viewer(request)))))
    return {listed.slug: listed, **found}


@requires(Capability.VIEW_LISTENING)
def session_list(request: HttpRequest) -> HttpResponse:
    membership = viewer(request)
    sessions = list(selectors.session_list(scope=Scope.of(membership)))
    now = timezone.now()
    past = [s for s in sessions if s.starts_at < now]
    show_all = request.GET.get("all") == "1"
    return render(
        request,
        "listening/sessions/list.html",
        {
            "upcoming": [s for s in sessions if s.starts_at >= now][::-1],
            "past": past if show_all else past[:RECENT],
            "past_hidden": 0 if show_all else max(0, len(past) - RECENT),
            "tables": _reach_tables(request).values(),
            "can_manage": membership_can(membership, Capability.MANAGE_LISTENING),
        },
    )


@requires(Capability.VIEW_LISTENING)
def reach_download(request: HttpRequest, reach_table: str, listening_format: str) -> HttpResponse:
    if listening_format not in ("csv", "xlsx"):
        raise Http404
    try:
        return downloads.table_download(
            _reach_tables(request), reach_table, listening_format, "sessions"
        )
    except KeyError as missing:
        raise Http404 from missing


@requires(Capability.MANAGE_LISTENING)
def session_create(request: HttpRequest) -> HttpResponse:
    organisation = viewer(request).organisation
    form = SessionForm(request.POST or None, organisation=organisation)
    if request.method == "POST" and form.is_valid():
        session = save_or_add_errors(
            form,
            lambda: services.session_create(organisation=organisation, **form.session_fields()),
        )
        if session is not None:
            messages.success(request, f"{session.title} planned. No invitations have been sent")
            return redirect("listening-session", session_id=session.pk)
    return render(request, "listening/sessions/form.html", {"form": form, "session": None})


@requires(Capability.MANAGE_LISTENING)
def session_edit(request: HttpRequest, session_id: int) -> HttpResponse:
    membership = viewer(request)
    session = found(selectors.session_get(scope=Scope.of(membership), session_id=session_id))
    form = SessionForm(
        request.POST or None,
        organisation=membership.organisation,
        initial=SessionForm.initial_from(session),
    )
    if request.method == "POST" and form.is_valid():
        changed = save_or_add_errors(
            form, lambda: services.session_update(session=session, **form.session_fields())
        )
        if changed is not None:
            messages.success(
                request,
                "Session changed. Send the invitations again so that calendars are updated"
                if changed.sequence != session.sequence and session.invitations_sent_on
                else "Session changed",
            )
            return redirect("listening-session", session_id=session.pk)
    return render(request, "listening/sessions/form.html", {"form": form, "session": session})


@requires(Capability.VIEW_LISTENING)
def session_detail(request: HttpRequest, session_id: int) -> HttpResponse:
    membership = viewer(request)
    session = found(selectors.session_get(scope=Scope.of(membership), session_id=session_id))
    can_manage = membership_can(membership, Capability.MANAGE_LISTENING)
    if request.method == "POST":
        if not can_manage:
            raise Http404
        try:
            if request.POST.get("action") == "invite":
                sent, missing = services.session_invitations_send(
                    session=session, host=request.get_host()
                )
                messages.success(
                    request,
                    f"{sent} invitation{'s' if sent != 1 else ''} sent with a calendar file"
                    + (f"; {missing} people have no email address" if missing else ""),
                )
            elif request.POST.get("action") == "cancel":
                services.session_cancel(session=session)
                messages.success(
                    request, "Session cancelled. Send the cancellation to remove it from calendars"
                )
            else:
                raise Http404
        except ValidationError as refused:
            messages.error(request, " ".join(refused.messages))
        return redirect("listening-session", session_id=session.pk)
    return render(
        request,
        "listening/sessions/detail.html",
        {
            "session": session,
            "standards": [standard_label(code) for code in session.standards],
            "invited_total": selectors.invited_total(session),
            "attendance": _attendance_table(session) if session.attendance.exists() else None,
            "attended_total": selectors.attended_total(session),
            "register": session.register.select_related("person") if session.keeps_register else (),
            "actions": selectors.actions_prompted_by_session(
                scope=Scope.of(membership), session=session
            ),
            "feedback": selectors.session_feedback_result(session=session),
            "feedback_link": request.build_absolute_uri(
                survey_adapter.shared_link_path(session.feedback_wave)
            )
            if session.feedback_wave
            else "",
            "can_manage": can_manage,
        },
    )


def _attendance_table(session: LeaderSession) -> tables.Table:
    """Invited and came for each attendance count; the total row when not counted by team."""
    invited = {c.team_id: c.invited for c in selectors.invited_rows(session)}
    rows: list[tuple[tables.Value, ...]] = []
    for count in selectors.attendance_rows(session):
        if count.team is None or count.team_id is None:
            total = selectors.invited_total(session)
            rows.append(("All (not counted by team)", total, count.attended))
        else:
            rows.append((count.team.name, invited.get(count.team_id), count.attended))
    return tables.Table(
        slug="attendance-by-team",
        caption="Attendance by team",
        columns=(
            tables.Column("Team"),
            tables.Column("Invited", "count"),
            tables.Column("Came", "count"),
        ),
        rows=tuple(rows),
    )


@requires(Capability.VIEW_LISTENING)
def attendance_download(
    request: HttpRequest, session_id: int, listening_format: str
) -> HttpResponse:
    session = found(selectors.session_get(scope=Scope.of(viewer(request)), session_id=session_id))
    if listening_format not in ("csv", "xlsx"):
        raise Http404
    table = _attendance_table(session)
    name = f"session-{session.pk}"
    return downloads.table_download({table.slug: table}, table.slug, listening_format, name)


def _audience_teams(session: LeaderSession) -> list[Team]:
    ids = selectors.audience_team_ids(session)
    return list(Team.objects.filter(pk__in=ids).order_by("service__name", "name"))


@requires(Capability.MANAGE_LISTENING)
def session_attendance(request: HttpRequest, session_id: int) -> HttpResponse:
    session = found(selectors.session_get(scope=Scope.of(viewer(request)), session_id=session_id))
    if session.keeps_register:
        return _register(request, session)
    teams = _audience_teams(session)
    form = AttendanceForm(
        request.POST or None,
        teams=teams,
        initial={"questions_raised": session.questions_raised},
    )
    if request.method == "POST" and form.is_valid():
        by_team = form.by_team()
        recorded = save_or_add_errors(
            form,
            lambda: services.session_attendance_record(
                session=session,
                by_team=by_team,
                total=None if by_team is not None else form.cleaned_data["total"],
                questions_raised=form.cleaned_data["questions_raised"],
            ),
        )
        if recorded is not None:
            messages.success(request, "Attendance recorded")
            return redirect("listening-session", session_id=session.pk)
    return render(request, "listening/sessions/attendance.html", {"form": form, "session": session})


def _register(request: HttpRequest, session: LeaderSession) -> HttpResponse:
    day = timezone.localtime(session.starts_at).date()
    members = [m.person_id for m in selectors.session_audience(session=session, on=day)]
    people = Person.objects.filter(pk__in=members).order_by("family_name", "given_name")
    form = RegisterForm(
        request.POST or None,
        people=people,
        initial={
            "people": list(session.register.values_list("person_id", flat=True)),
            "questions_raised": session.questions_raised,
        },
    )
    if request.method == "POST" and form.is_valid():
        recorded = save_or_add_errors(
            form,
            lambda: services.session_register_record(
                session=session,
                person_ids=[p.pk for p in form.cleaned_data["people"]],
                questions_raised=form.cleaned_data["questions_raised"],
            ),
        )
        if recorded is not None:
            messages.success(request, "Register saved")
            return redirect("listening-session", session_id=session.pk)
    return render(request, "listening/sessions/register.html", {"form": form, "session": session})


@requires(Capability.LISTENING_STAFF)
def session_calendar(request: HttpRequest, session_id: int) -> HttpResponse:
    """The session's .ics: for staff in its audience, and for leaders who can see it."""
    session = found(selectors.session_for_calendar(viewer=viewer(request), session_id=session_id))
    response = HttpResponse(
        services.session_calendar(session, host=request.get_host()), content_type=ics.CONTENT_TYPE
    )
    response["Content-Disposition"] = f'attachment; filename="session-{session.pk}.ics"'
    return response
