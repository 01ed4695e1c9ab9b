"""Supervision pages: compliance, the overdue list, recording sessions and agreements, leave,
and the cadence policies."""

from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import urlencode

from workforce_health.core.models import Membership
from workforce_health.core.permissions import Capability, requires
from workforce_health.core.scope import Scope
from workforce_health.development import exports, frames, selectors, services, staff_view
from workforce_health.development.forms.common import yes_no_initial
from workforce_health.development.forms.records import PeriodForm
from workforce_health.development.forms.supervision import (
    AgreementForm,
    LeaveForm,
    PolicyForm,
    SessionEditForm,
    SessionForm,
)
from workforce_health.development.models import SupervisionSession
from workforce_health.development.tables import beside_table, compliance_table
from workforce_health.development.views._common import (
    can,
    file_format,
    found,
    save_or_add_errors,
    today,
    viewer,
)
from workforce_health.web.tables import Table

DUE_SOON_DAYS = 14


def period_from(request: HttpRequest) -> tuple[frames.Period, str, PeriodForm]:
    """The period and grouping asked for in the query string (12 months to today by default)."""
    default = frames.Period.year_to(today())
    initial = {"start": default.start, "end": default.end, "by": "team"}
    asked = any(key.startswith(("start-", "end-")) for key in request.GET)
    form = PeriodForm(request.GET if asked else None, initial=initial)
    asked_by = request.GET.get("by", "")
    by = asked_by if asked_by in ("team", "service", "person") else "team"
    if asked and form.is_valid():
        data = form.cleaned_data
        return frames.Period(data["start"], data["end"], today()), by, form
    return default, by, form


def _compliance(
    membership: Membership, period: frames.Period, by: str
) -> tuple[Table, Table | None, dict[str, Any]]:
    """The table by team, service or person; by team, also the records beside the Health
    Check; and the totals."""
    inputs = frames.supervision_inputs_get(scope=Scope.of(membership))
    column = "person_id" if by == "person" else by
    measures = frames.supervision_measures(inputs, until=min(period.end, period.as_of))
    table = measures.compliance(period, [column])
    labels = (
        {p.pk: p.full_name for p in selectors.development_person_list(scope=Scope.of(membership))}
        if by == "person"
        else None
    )
    team_view = (
        staff_view.team_view_get(scope=Scope.of(membership), topic="supervision")
        if by == "team"
        else None
    )
    beside = (
        beside_table(table, team_view, period=period, topic="supervision")
        if team_view is not None
        else None
    )
    total = measures.compliance(period).to_dicts()[0]
    compliance = compliance_table(
        table, by=by, period=period, minimum_minutes=inputs.minimum_minutes, labels=labels
    )
    return compliance, beside, total


@requires(Capability.VIEW_DEVELOPMENT)
def supervision(request: HttpRequest) -> HttpResponse:
    membership = viewer(request)
    scope = Scope.of(membership)
    period, by, form = period_from(request)
    table, beside, total = _compliance(membership, period, by)
    total["windows_text"] = f"{total['windows_met']:,} of {total['windows_required']:,}"
    query = urlencode(
        {
            **{f"start-{k}": getattr(period.start, k) for k in ("day", "month", "year")},
            **{f"end-{k}": getattr(period.end, k) for k in ("day", "month", "year")},
            "by": by,
        }
    )
    return render(
        request,
        "development/supervision.html",
        {
            "form": form,
            "period": period,
            "table": table,
            "beside": beside,
            "total": total,
            "csv_url": reverse("development-supervision-download", args=["csv"]) + "?" + query,
            "xlsx_url": reverse("development-supervision-download", args=["xlsx"]) + "?" + query,
            "staff_views": staff_view.staff_view_get(scope=scope, topic="supervision"),
            "can_record": can(membership, Capability.RECORD_DEVELOPMENT),
            "can_manage": can(membership, Capability.MANAGE_DEVELOPMENT),
        },
    )


@requires(Capability.VIEW_DEVELOPMENT)
def supervision_download(request: HttpRequest, fmt: str) -> HttpResponse:
    period, by, _ = period_from(request)
    table, _beside, _total = _compliance(viewer(request), period, by)
    return exports.download(table, f"supervision-by-{by}-{period.end:%Y-%m-%d}", file_format(fmt))


@requires(Capability.VIEW_DEVELOPMENT)
def overdue(request: HttpRequest) -> HttpResponse:
    membership = viewer(request)
    scope = Scope.of(membership)
    on = today()
    inputs = frames.supervision_inputs_get(scope=scope)
    table = frames.supervision_overdue(inputs, as_of=on)
    people = {p.pk: p for p in selectors.development_person_list(scope=scope)}
    rows = [dict(r, person=people.get(r["person_id"])) for r in table.to_dicts()]
    overdue_rows = sorted((r for r in rows if r["overdue"]), key=lambda r: r["overdue_since"])
    soon = sorted(
        (
            r
            for r in rows
            if not r["overdue"]
            and not r["met_now"]
            and r["due_by"] is not None
            and (r["due_by"] - on).days <= DUE_SOON_DAYS
        ),
        key=lambda r: r["due_by"],
    )
    return render(
        request,
        "development/overdue.html",
        {
            "overdue": overdue_rows,
            "soon": soon,
            "today": on,
            "in_force": len(rows),
            "due_soon_days": DUE_SOON_DAYS,
            "can_record": can(membership, Capability.RECORD_DEVELOPMENT),
        },
    )


@requires(Capability.RECORD_DEVELOPMENT)
def session_record(request: HttpRequest) -> HttpResponse:
    """The short form a supervisor fills in after a session (works without JavaScript)."""
    membership = viewer(request)
    scope = Scope.of(membership)
    people = selectors.person_choice_list(scope=scope)
    initial: dict[str, Any] = {}
    wanted = request.GET.get("person", "")
    if wanted.isdigit():
        initial["person"] = people.filter(pk=int(wanted)).first()
    form = SessionForm(request.POST or None, people=people, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        session = save_or_add_errors(
            form,
            lambda: services.session_record(
                person=data["person"],
                held_on=data["held_on"],
                minutes=data["minutes"],
                kind=data["kind"],
                uninterrupted=data["uninterrupted"],
                topics=data["topics"],
                recorded_by=request.user,  # type: ignore[arg-type]
            ),
        )
        if session is not None:
            messages.success(
                request,
                f"Supervision on {session.held_on:%-d %B %Y} recorded for "
                f"{session.person.full_name}",
            )
            return redirect("development-person", person_id=session.person_id)
    return render(request, "development/session_form.html", {"form": form})


def _session_initial(session: SupervisionSession) -> dict[str, Any]:
    return {
        "held_on": session.held_on,
        "minutes": session.minutes,
        "kind": session.kind,
        "uninterrupted": yes_no_initial(session.uninterrupted),
        "topics": session.topics,
    }


@requires(Capability.RECORD_DEVELOPMENT)
def session_edit(request: HttpRequest, supervision_session_id: int) -> HttpResponse:
    session = found(
        selectors.session_get(scope=Scope.of(viewer(request)), session_id=supervision_session_id)
    )
    form = SessionEditForm(request.POST or None, initial=_session_initial(session))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        saved = save_or_add_errors(
            form,
            lambda: services.session_update(
                session=session,
                held_on=data["held_on"],
                minutes=data["minutes"],
                kind=data["kind"],
                uninterrupted=data["uninterrupted"],
                topics=data["topics"],
            ),
        )
        if saved is not None:
            messages.success(request, "Supervision session changed")
            return redirect("development-person", person_id=session.person_id)
    return render(request, "development/session_form.html", {"form": form, "session": session})


@requires(Capability.RECORD_DEVELOPMENT)
def session_delete(request: HttpRequest, supervision_session_id: int) -> HttpResponse:
    session = found(
        selectors.session_get(scope=Scope.of(viewer(request)), session_id=supervision_session_id)
    )
    if request.method == "POST":
        person_id = session.person_id
        services.session_delete(session=session)
        messages.success(request, "Supervision session deleted")
        return redirect("development-person", person_id=person_id)
    return render(request, "development/session_delete.html", {"session": session})


def _agreement_form(request: HttpRequest, membership: Membership, **kwargs: Any) -> AgreementForm:
    return AgreementForm(
        request.POST or None,
        staff=selectors.current_staff_list(organisation=membership.organisation),
        policies=selectors.cadence_policy_list(organisation=membership.organisation),
        **kwargs,
    )


@requires(Capability.RECORD_DEVELOPMENT)
def agreement_add(request: HttpRequest) -> HttpResponse:
    membership = viewer(request)
    scope = Scope.of(membership)
    people = selectors.person_choice_list(scope=scope)
    policy = services.cadence_policy_default(organisation=membership.organisation)
    initial: dict[str, Any] = {"policy": policy, "newly_qualified": "no"}
    wanted = request.GET.get("person", "")
    if wanted.isdigit():
        initial["person"] = people.filter(pk=int(wanted)).first()
    form = _agreement_form(request, membership, people=people, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        agreement = save_or_add_errors(
            form,
            lambda: services.agreement_create(
                person=data["person"],
                supervisor=data["supervisor"],
                policy=data["policy"],
                newly_qualified=data["newly_qualified"],
                starts_on=data["starts_on"],
                ends_on=data["ends_on"],
            ),
        )
        if agreement is not None:
            messages.success(request, f"Supervision agreement for {agreement.person} saved")
            return redirect("development-person", person_id=agreement.person_id)
    return render(request, "development/agreement_form.html", {"form": form})


@requires(Capability.RECORD_DEVELOPMENT)
def agreement_edit(request: HttpRequest, agreement_id: int) -> HttpResponse:
    membership = viewer(request)
    scope = Scope.of(membership)
    agreement = found(selectors.agreement_get(scope=scope, agreement_id=agreement_id))
    initial = {
        "supervisor": agreement.supervisor,
        "policy": agreement.policy,
        "newly_qualified": yes_no_initial(agreement.newly_qualified),
        "starts_on": agreement.starts_on,
        "ends_on": agreement.ends_on,
    }
    form = _agreement_form(request, membership, people=None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        saved = save_or_add_errors(
            form,
            lambda: services.agreement_update(
                agreement=agreement,
                **{name: data[name] for name in services.AGREEMENT_FIELDS},
            ),
        )
        if saved is not None:
            messages.success(request, f"Supervision agreement for {agreement.person} saved")
            return redirect("development-person", person_id=agreement.person_id)
    return render(
        request, "development/agreement_form.html", {"form": form, "agreement": agreement}
    )


@requires(Capability.RECORD_DEVELOPMENT)
def leave_add(request: HttpRequest, person_id: int) -> HttpResponse:
    membership = viewer(request)
    scope = Scope.of(membership)
    person = found(selectors.development_person_get(scope=scope, person_id=person_id))
    form = LeaveForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        leave = save_or_add_errors(form, lambda: services.leave_record(person=person, **data))
        if leave is not None:
            messages.success(request, f"Leave recorded for {person.full_name}")
            return redirect("development-person", person_id=person.pk)
    return render(request, "development/leave_form.html", {"form": form, "person": person})


@requires(Capability.RECORD_DEVELOPMENT)
def leave_delete(request: HttpRequest, leave_id: int) -> HttpResponse:
    leave = found(selectors.leave_get(scope=Scope.of(viewer(request)), leave_id=leave_id))
    if request.method == "POST":
        person_id = leave.person_id
        services.leave_delete(leave=leave)
        messages.success(request, "Leave deleted")
        return redirect("development-person", person_id=person_id)
    return render(request, "development/leave_delete.html", {"leave": leave})


@requires(Capability.MANAGE_DEVELOPMENT)
def policies(request: HttpRequest) -> HttpResponse:
    organisation = viewer(request).organisation
    services.cadence_policy_default(organisation=organisation)
    return render(
        request,
        "development/policies.html",
        {"policies": selectors.cadence_policy_list(organisation=organisation)},
    )


def _policy_fields(data: dict[str, Any]) -> dict[str, Any]:
    return {name: data[name] for name in services.POLICY_FIELDS}


@requires(Capability.MANAGE_DEVELOPMENT)
def policy_add(request: HttpRequest) -> HttpResponse:
    organisation = viewer(request).organisation
    form = PolicyForm(request.POST or None, initial=PolicyForm.initial_for(None))
    if request.method == "POST" and form.is_valid():
        policy = save_or_add_errors(
            form,
            lambda: services.cadence_policy_create(
                organisation=organisation, **_policy_fields(form.cleaned_data)
            ),
        )
        if policy is not None:
            messages.success(request, f"Cadence policy \u201c{policy.name}\u201d saved")
            return redirect("development-policies")
    return render(request, "development/policy_form.html", {"form": form})


@requires(Capability.MANAGE_DEVELOPMENT)
def policy_edit(request: HttpRequest, policy_id: int) -> HttpResponse:
    policy = found(
        selectors.cadence_policy_get(scope=Scope.of(viewer(request)), policy_id=policy_id)
    )
    form = PolicyForm(request.POST or None, initial=PolicyForm.initial_for(policy))
    if request.method == "POST" and form.is_valid():
        saved = save_or_add_errors(
            form,
            lambda: services.cadence_policy_update(
                policy=policy, **_policy_fields(form.cleaned_data)
            ),
        )
        if saved is not None:
            messages.success(request, f"Cadence policy \u201c{policy.name}\u201d saved")
            return redirect("development-policies")
    return render(request, "development/policy_form.html", {"form": form, "policy": policy})
