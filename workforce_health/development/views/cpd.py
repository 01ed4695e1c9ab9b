"""CPD pages: renewal readiness by team, recording CPD for someone, the learning offer
(priority areas, courses and events, attendance) and the training needs view."""

import datetime
from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from workforce_health.core.models import Membership
from workforce_health.core.permissions import Capability, requires
from workforce_health.core.scope import Scope
from workforce_health.development import exports, frames, selectors, services, staff_view
from workforce_health.development.forms.common import yes_no_initial
from workforce_health.development.forms.cpd import AttendanceForm, CpdForm, EventForm, PriorityForm
from workforce_health.development.measures import cpd
from workforce_health.development.models import Attendance, LearningEvent, PriorityArea
from workforce_health.development.tables import beside_table, needs_table, readiness_table
from workforce_health.development.views._common import (
    can,
    file_format,
    found,
    save_or_add_errors,
    today,
    viewer,
)
from workforce_health.development.views.records import cpd_initial
from workforce_health.web.tables import Table


def _year(request: HttpRequest) -> int:
    current = cpd.registration_year(today())
    asked = request.GET.get("year", "")
    return int(asked) if asked.isdigit() and 2000 <= int(asked) <= current + 1 else current


def _readiness(membership: Membership, year: int) -> tuple[Table, frames.CpdInputs]:
    inputs = frames.cpd_inputs_get(
        scope=Scope.of(membership), on=min(today(), datetime.date(year, 11, 30))
    )
    return readiness_table(
        frames.cpd_readiness(inputs, year=year, by=["team"]), by="team", year=year
    ), inputs


@requires(Capability.VIEW_DEVELOPMENT)
def readiness(request: HttpRequest) -> HttpResponse:
    membership = viewer(request)
    scope = Scope.of(membership)
    year = _year(request)
    table, inputs = _readiness(membership, year)
    not_ready = frames.cpd_people_not_ready(inputs, year=year)
    people = {p.pk: p for p in selectors.development_person_list(scope=scope)}
    first, last = cpd.renewal_window(year)
    current = cpd.registration_year(today())
    return render(
        request,
        "development/cpd.html",
        {
            "year": year,
            "csv_url": reverse("development-cpd-download", args=["csv"]) + f"?year={year}",
            "xlsx_url": reverse("development-cpd-download", args=["xlsx"]) + f"?year={year}",
            "years": list(range(current, current - 5, -1)),
            "window": (first, last),
            "year_start": cpd.registration_year_bounds(year)[0],
            "table": table,
            "total": frames.cpd_readiness(inputs, year=year).to_dicts()[0],
            "not_ready": [dict(r, person=people.get(r["person_id"])) for r in not_ready.to_dicts()],
            "staff_views": staff_view.staff_view_get(scope=scope, topic="cpd"),
            "can_record": can(membership, Capability.RECORD_DEVELOPMENT),
        },
    )


@requires(Capability.VIEW_DEVELOPMENT)
def readiness_download(request: HttpRequest, fmt: str) -> HttpResponse:
    year = _year(request)
    table, _ = _readiness(viewer(request), year)
    return exports.download(table, f"cpd-readiness-{year}", file_format(fmt))


def _fields(data: dict[str, Any]) -> dict[str, Any]:
    return {name: data[name] for name in services.CPD_FIELDS}


@requires(Capability.RECORD_DEVELOPMENT)
def cpd_add(request: HttpRequest) -> HttpResponse:
    membership = viewer(request)
    scope = Scope.of(membership)
    people = selectors.person_choice_list(scope=scope)
    initial: dict[str, Any] = {}
    wanted = request.GET.get("person", "")
    if wanted.isdigit():
        initial["person"] = people.filter(pk=int(wanted)).first()
    events = selectors.learning_event_list(organisation=membership.organisation)
    form = CpdForm(request.POST or None, people=people, events=events, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        entry = save_or_add_errors(
            form,
            lambda: services.cpd_entry_create(
                person=data["person"],
                recorded_by=request.user,  # type: ignore[arg-type]
                **_fields(data),
            ),
        )
        if entry is not None:
            messages.success(request, f"CPD \u201c{entry.title}\u201d saved for {entry.person}")
            return redirect("development-person", person_id=entry.person_id)
    return render(request, "development/cpd_form.html", {"form": form})


@requires(Capability.RECORD_DEVELOPMENT)
def cpd_edit(request: HttpRequest, entry_id: int) -> HttpResponse:
    membership = viewer(request)
    scope = Scope.of(membership)
    entry = found(selectors.cpd_get(scope=scope, entry_id=entry_id))
    events = selectors.learning_event_list(organisation=membership.organisation)
    form = CpdForm(request.POST or None, people=None, events=events, initial=cpd_initial(entry))
    if request.method == "POST" and form.is_valid():
        saved = save_or_add_errors(
            form, lambda: services.cpd_entry_update(entry=entry, **_fields(form.cleaned_data))
        )
        if saved is not None:
            messages.success(request, f"CPD \u201c{entry.title}\u201d saved")
            return redirect("development-person", person_id=entry.person_id)
    return render(request, "development/cpd_form.html", {"form": form, "entry": entry})


@requires(Capability.VIEW_DEVELOPMENT)
def learning(request: HttpRequest) -> HttpResponse:
    membership = viewer(request)
    scope = Scope.of(membership)
    priorities = selectors.priority_area_list(organisation=membership.organisation)
    events = selectors.learning_event_list(organisation=membership.organisation)
    counts: dict[int, dict[str, int]] = {}
    for event_id, status in Attendance.objects.filter(event__in=events).values_list(
        "event_id", "status"
    ):
        counts.setdefault(event_id, {}).setdefault(status, 0)
        counts[event_id][status] += 1
    scores = staff_view.standard_scores(scope=scope)
    return render(
        request,
        "development/learning.html",
        {
            "priorities": [
                {
                    "priority": p,
                    "score": scores.get(p.standard),
                    "events": [
                        {"event": e, "counts": counts.get(e.pk, {})}
                        for e in sorted(p.events.all(), key=lambda e: e.held_on, reverse=True)
                    ],
                }
                for p in priorities
            ],
            "can_manage": can(membership, Capability.MANAGE_DEVELOPMENT),
        },
    )


def _priority_form(request: HttpRequest, membership: Membership, **kwargs: Any) -> PriorityForm:
    scores = staff_view.standard_scores(scope=Scope.of(membership))
    return PriorityForm(request.POST or None, scores=scores, **kwargs)


@requires(Capability.MANAGE_DEVELOPMENT)
def priority_add(request: HttpRequest) -> HttpResponse:
    membership = viewer(request)
    form = _priority_form(request, membership, initial={"active": "yes"})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        priority = save_or_add_errors(
            form,
            lambda: services.priority_area_create(
                organisation=membership.organisation,
                title=data["title"],
                description=data["description"],
                standard=data["standard"],
            ),
        )
        if priority is not None:
            if not data["active"]:
                services.priority_area_update(priority=priority, active=False)
            messages.success(request, f"Priority area \u201c{priority.title}\u201d saved")
            return redirect("development-learning")
    return render(request, "development/priority_form.html", {"form": form})


@requires(Capability.MANAGE_DEVELOPMENT)
def priority_edit(request: HttpRequest, priority_id: int) -> HttpResponse:
    membership = viewer(request)
    scope = Scope.of(membership)
    priority = found(selectors.priority_area_get(scope=scope, priority_id=priority_id))
    initial = {
        "title": priority.title,
        "description": priority.description,
        "standard": priority.standard,
        "active": yes_no_initial(priority.active),
    }
    form = _priority_form(request, membership, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        saved = save_or_add_errors(
            form,
            lambda: services.priority_area_update(
                priority=priority, **{k: data[k] for k in services.PRIORITY_FIELDS}
            ),
        )
        if saved is not None:
            messages.success(request, f"Priority area \u201c{priority.title}\u201d saved")
            return redirect("development-learning")
    return render(request, "development/priority_form.html", {"form": form, "priority": priority})


def _event_form(request: HttpRequest, membership: Membership, **kwargs: Any) -> EventForm:
    priorities = PriorityArea.objects.filter(organisation=membership.organisation)
    return EventForm(request.POST or None, priorities=priorities, **kwargs)


@requires(Capability.MANAGE_DEVELOPMENT)
def event_add(request: HttpRequest) -> HttpResponse:
    membership = viewer(request)
    scope = Scope.of(membership)
    initial: dict[str, Any] = {}
    wanted = request.GET.get("priority", "")
    if wanted.isdigit():
        initial["priority"] = selectors.priority_area_get(scope=scope, priority_id=int(wanted))
    form = _event_form(request, membership, initial=initial)
    if request.method == "POST" and form.is_valid():
        event = save_or_add_errors(
            form, lambda: services.learning_event_create(**form.cleaned_data)
        )
        if event is not None:
            messages.success(request, f"\u201c{event.title}\u201d added to the learning offer")
            return redirect("development-event", event_id=event.pk)
    return render(request, "development/event_form.html", {"form": form})


@requires(Capability.MANAGE_DEVELOPMENT)
def event_edit(request: HttpRequest, event_id: int) -> HttpResponse:
    membership = viewer(request)
    scope = Scope.of(membership)
    event = found(selectors.learning_event_get(scope=scope, event_id=event_id))
    initial = {name: getattr(event, name) for name in services.EVENT_FIELDS}
    form = _event_form(request, membership, initial=initial)
    if request.method == "POST" and form.is_valid():
        saved = save_or_add_errors(
            form, lambda: services.learning_event_update(event=event, **form.cleaned_data)
        )
        if saved is not None:
            messages.success(request, f"\u201c{event.title}\u201d saved")
            return redirect("development-event", event_id=event.pk)
    return render(request, "development/event_form.html", {"form": form, "event": event})


@requires(Capability.VIEW_DEVELOPMENT)
def event(request: HttpRequest, event_id: int) -> HttpResponse:
    membership = viewer(request)
    scope = Scope.of(membership)
    item: LearningEvent = found(selectors.learning_event_get(scope=scope, event_id=event_id))
    may_record = can(membership, Capability.RECORD_DEVELOPMENT)
    form = AttendanceForm(
        request.POST if request.method == "POST" and may_record else None,
        people=selectors.person_choice_list(scope=scope),
        initial={"status": Attendance.Status.ATTENDED},
    )
    if request.method == "POST" and may_record and form.is_valid():
        data = form.cleaned_data
        saved = save_or_add_errors(
            form,
            lambda: services.attendance_set(
                event=item, person=data["person"], status=data["status"]
            ),
        )
        if saved is not None:
            messages.success(request, f"{saved.person.full_name}: {saved.get_status_display()}")
            return redirect("development-event", event_id=item.pk)
    return render(
        request,
        "development/event.html",
        {
            "event": item,
            "attendances": selectors.attendance_list(scope=scope, event=item),
            "form": form if may_record else None,
            "can_manage": can(membership, Capability.MANAGE_DEVELOPMENT),
        },
    )


@requires(Capability.VIEW_DEVELOPMENT)
def training_needs(request: HttpRequest) -> HttpResponse:
    membership = viewer(request)
    scope = Scope.of(membership)
    on = today()
    period = frames.Period.year_to(on)
    inputs = frames.cpd_inputs_get(scope=scope, on=on)
    activity = cpd.activity(
        inputs.people, inputs.entries, start=period.start, end=period.end, by=["team"]
    )
    attended = selectors.attended_social_worker_ids(scope=scope, start=period.start, end=period.end)
    teams = dict(inputs.people.select("person_id", "team").iter_rows())
    per_team: dict[str | None, int] = {}
    for person_id in attended:
        if person_id in teams:
            per_team[teams[person_id]] = per_team.get(teams[person_id], 0) + 1
    team_view = staff_view.team_view_get(scope=scope, topic="cpd")
    table = needs_table(activity, per_team, period=period)
    beside = beside_table(activity, team_view, period=period, topic="cpd") if team_view else None
    return render(
        request,
        "development/training_needs.html",
        {
            "table": table,
            "beside": beside,
            "period": period,
            "staff_views": staff_view.staff_view_get(scope=scope, topic="cpd"),
            "priorities": selectors.priority_area_list(organisation=membership.organisation).filter(
                active=True
            ),
            "scores": staff_view.standard_scores(scope=scope),
            "has_people": inputs.people.height > 0,
        },
    )
