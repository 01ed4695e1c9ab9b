"""Agency staff against the DfE's rules: compliance by team, each assignment's record, the
region's caps and the quarterly data for the DfE."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone

from workforce_health.careers import compliance, exports, selectors, services
from workforce_health.careers.forms import AgencyAssignmentForm, RateCapForm
from workforce_health.careers.models import AgencyRateCap
from workforce_health.careers.views.offer import confirm_remove
from workforce_health.core.models import Service
from workforce_health.core.permissions import Capability, requires
from workforce_health.core.scope import Scope
from workforce_health.core.view_helpers import found, save_or_add_errors, viewer
from workforce_health.staffing.dashboard.comparisons import ENGLAND, comparisons_get
from workforce_health.staffing.selectors import workforce_context_get
from workforce_health.web.tables import Column, Table

RULE_TAGS = {
    compliance.MET: "green",
    compliance.EXCEPTION: "blue",
    compliance.NOT_MET: "red",
    compliance.MISSING: "yellow",
}
TREND_MEASURES = ["agency_rate_fte", "agency_cover_rate_fte"]


def _trend(scope: Scope) -> Table:
    """The agency worker rate and agency cover rate by year (existing DfE measures)."""
    ctx = workforce_context_get(scope=scope, service_kind=Service.Kind.CHILDREN)
    comps = comparisons_get(organisation=scope.organisation, measures=TREND_MEASURES)
    years = [y for y in ctx.years if ctx.totals[y]]
    return Table(
        slug="agency-trend",
        caption="Agency worker rate and agency cover, children's social workers",
        columns=(
            Column("Year ending 30 September"),
            Column("Agency worker rate (%)", "rate"),
            Column("England (%)", "rate"),
            Column("Agency workers covering vacancies (%)", "rate"),
            Column("England (%)", "rate"),
        ),
        rows=tuple(
            (
                str(y),
                _number(ctx.totals[y].get("agency_rate_fte")),
                comps.value("agency_rate_fte", ENGLAND, y),
                _number(ctx.totals[y].get("agency_cover_rate_fte")),
                comps.value("agency_cover_rate_fte", ENGLAND, y),
            )
            for y in years
        ),
        source=comps.attribution if comps.any else "",
        notes=(
            "Agency worker rate: agency FTE ÷ agency and council-employed FTE on 30 September. "
            "Agency cover: the share of agency FTE covering vacant posts (DfE measures).",
        ),
    )


def _day(day: Any) -> str:
    return f"{day.day} {day:%B %Y}"


def _number(value: object) -> float | None:
    return float(value) if isinstance(value, int | float) else None


def _rows(records: selectors.AgencyRecords) -> list[dict[str, Any]]:
    return [
        {
            "employment": employment,
            "record": getattr(employment, "agency_assignment", None),
            "row": row,
            "rules": [
                (compliance.RULE_LABELS[rule], row[rule], RULE_TAGS[row[rule]])
                for rule in compliance.RULES
            ],
        }
        for employment, row in zip(
            records.employments, records.assessed.iter_rows(named=True), strict=True
        )
    ]


def _subset(records: selectors.AgencyRecords, rows: list[int]) -> selectors.AgencyRecords:
    return selectors.AgencyRecords(
        [records.employments[i] for i in rows],
        records.assessed[rows, :] if rows else records.assessed.clear(),
    )


EARLIER_SHOWN = 20


@requires(Capability.MANAGE_AGENCY_COMPLIANCE)
def compliance_view(request: HttpRequest) -> HttpResponse:
    """Agency workers in post today by team with what is missing; earlier assignments below."""
    membership = viewer(request)
    scope = Scope.of(membership)
    today = timezone.localdate()
    records = selectors.agency_compliance_get(scope=scope)
    on_today = [
        e.start_date <= today and (e.end_date is None or e.end_date >= today)
        for e in records.employments
    ]
    current = _subset(records, [i for i, now in enumerate(on_today) if now])
    earlier = _subset(records, [i for i, now in enumerate(on_today) if not now][:EARLIER_SHOWN])
    current_rows = _rows(current)
    return render(
        request,
        "careers/agency/compliance.html",
        {
            "teams": compliance.by_team(current.assessed).to_dicts(),
            "current": current_rows,
            "earlier": _rows(earlier),
            "earlier_caption": (
                "Assignments that have ended or not yet started, newest first "
                f"(at most {EARLIER_SHOWN})"
            ),
            "compliant": sum(r["row"]["compliant"] for r in current_rows),
            "caps": selectors.rate_cap_list(scope=scope).count(),
            "trend": _trend(scope),
            "quarters": _recent_quarters(today),
            "rule_headings": compliance.RULE_HEADINGS,
        },
    )


def _recent_quarters(today: Any, count: int = 6) -> list[str]:
    quarters, day = [], today
    for _ in range(count):
        quarter = compliance.previous_quarter(day)
        quarters.append(quarter)
        day = compliance.quarter_bounds(quarter)[0]
    return quarters


@requires(Capability.MANAGE_AGENCY_COMPLIANCE)
def assignment_edit(request: HttpRequest, assignment_id: int) -> HttpResponse:
    """What is recorded about one agency worker's assignment (the agency employment's id)."""
    membership = viewer(request)
    scope = Scope.of(membership)
    employment = found(selectors.agency_employment_get(scope=scope, employment_id=assignment_id))
    record = getattr(employment, "agency_assignment", None)
    initial = {} if record else {"role": selectors.AGENCY_ROLE_OF[employment.job_role]}
    form = AgencyAssignmentForm(request.POST or None, instance=record, initial=initial)
    form.instance.organisation = membership.organisation
    form.instance.employment = employment
    if request.method == "POST" and form.is_valid():
        saved = save_or_add_errors(
            form,
            lambda: services.agency_assignment_save(employment=employment, **form.cleaned_data),
        )
        if saved is not None:
            messages.success(request, f"Agency record for {employment.person.full_name} saved")
            return redirect("agency-compliance")
    return render(
        request,
        "careers/agency/assignment_form.html",
        {
            "form": form,
            "employment": employment,
            "dates": f"{_day(employment.start_date)} to "
            + (_day(employment.end_date) if employment.end_date else "now"),
        },
    )


@requires(Capability.MANAGE_AGENCY_COMPLIANCE)
def cap_list(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "careers/agency/caps.html",
        {"caps": selectors.rate_cap_list(scope=Scope.of(viewer(request)))},
    )


def _cap_form(request: HttpRequest, cap: AgencyRateCap | None) -> HttpResponse:
    membership = viewer(request)
    form = RateCapForm(request.POST or None, instance=cap, organisation=membership.organisation)
    if request.method == "POST" and form.is_valid():
        saved = save_or_add_errors(
            form,
            lambda: services.rate_cap_save(
                organisation=membership.organisation, cap=cap, **form.cleaned_data
            ),
        )
        if saved is not None:
            messages.success(request, f"Cap for {saved.get_role_display().lower()} saved")
            return redirect("agency-caps")
    return render(request, "careers/agency/cap_form.html", {"form": form, "cap": cap})


@requires(Capability.MANAGE_AGENCY_COMPLIANCE)
def cap_add(request: HttpRequest) -> HttpResponse:
    return _cap_form(request, None)


@requires(Capability.MANAGE_AGENCY_COMPLIANCE)
def cap_edit(request: HttpRequest, cap_id: int) -> HttpResponse:
    return _cap_form(
        request, found(selectors.rate_cap_get(scope=Scope.of(viewer(request)), cap_id=cap_id))
    )


@requires(Capability.MANAGE_AGENCY_COMPLIANCE)
def cap_delete(request: HttpRequest, cap_id: int) -> HttpResponse:
    cap = found(selectors.rate_cap_get(scope=Scope.of(viewer(request)), cap_id=cap_id))
    if request.method != "POST":
        return confirm_remove(request, f"the cap: {cap}", reverse("agency-caps"))
    services.rate_cap_delete(cap=cap)
    messages.success(request, "Cap removed")
    return redirect("agency-caps")


@requires(Capability.MANAGE_AGENCY_COMPLIANCE)
def quarterly_csv(request: HttpRequest) -> HttpResponse:
    """The quarter's agency data for the DfE as CSV (``?quarter=2025-Q4``; default the last
    quarter that has ended)."""
    membership = viewer(request)
    scope = Scope.of(membership)
    quarter = request.GET.get("quarter") or compliance.previous_quarter(timezone.localdate())
    try:
        compliance.quarter_bounds(quarter)
    except ValueError as error:
        raise Http404(str(error)) from error
    records = selectors.agency_compliance_get(scope=scope)
    employments, assessed = exports.in_quarter(records.employments, records.assessed, quarter)
    rows = exports.agency_rows(
        employments, assessed, la_code=membership.organisation.la_code, quarter=quarter
    )
    response = HttpResponse(
        "\ufeff" + exports.agency_csv(rows), content_type="text/csv; charset=utf-8"
    )
    filename = f"agency-{membership.organisation.la_code}-{quarter}.csv"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
