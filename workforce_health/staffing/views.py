"""The workforce dashboard: overview (headlines and trends) and breakdowns, with downloads."""

from collections.abc import Callable
from urllib.parse import urlencode

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from workforce_health.core.models import Service
from workforce_health.core.permissions import Capability, membership_can, requires
from workforce_health.core.scope import Scope
from workforce_health.core.view_helpers import found, save_or_add_errors, viewer
from workforce_health.staffing import selectors, services
from workforce_health.staffing.dashboard.breakdowns import breakdown_tables, breakdowns_get
from workforce_health.staffing.dashboard.common import Section
from workforce_health.staffing.dashboard.overview import overview_get, overview_tables
from workforce_health.staffing.forms import VacancyForm
from workforce_health.staffing.selectors import SERVICE_KINDS, Context
from workforce_health.web.tables import Table, csv_response, xlsx_response


def _context(request: HttpRequest) -> Context:
    """The page's ``?service=`` and ``?year=`` (404 if not valid) and the viewer's figures."""
    kind = request.GET.get("service") or Service.Kind.CHILDREN
    if kind not in SERVICE_KINDS:
        raise Http404("There is no dashboard for that service")
    years = selectors.census_years()
    requested = request.GET.get("year")
    if requested is not None and not (requested.isdigit() and int(requested) in years):
        raise Http404(f"Choose a census year from {years[0]} to {years[-1]}")
    return selectors.workforce_context_get(
        scope=Scope.of(viewer(request)),
        service_kind=kind,
        year=int(requested) if requested else None,
    )


def download_urls(page: str, slug: str, ctx: Context) -> dict[str, str]:
    """The CSV and XLSX links of one table: the page's own service and year."""
    keyword = "table_slug" if page == "overview" else "breakdown_slug"
    query = "?" + urlencode(ctx.query())
    return {
        fmt: reverse(f"workforce-{page}-{fmt}", kwargs={keyword: slug}) + query
        for fmt in ("csv", "xlsx")
    }


def _sections(page: str, sections: list[Section], ctx: Context) -> list[dict[str, object]]:
    return [{"section": s, **download_urls(page, s.table.slug, ctx)} for s in sections]


def _common(ctx: Context) -> dict[str, object]:
    return {
        "ctx": ctx,
        "kinds": SERVICE_KINDS.values(),
        "query": urlencode(ctx.query()),
    }


@requires(Capability.VIEW_WORKFORCE_MEASURES)
def overview(request: HttpRequest) -> HttpResponse:
    ctx = _context(request)
    page = overview_get(ctx)
    return render(
        request,
        "staffing/overview.html",
        {
            **_common(ctx),
            "page": page,
            "headline_urls": download_urls("overview", page.headline_table.slug, ctx),
            "can_record": membership_can(viewer(request), Capability.EDIT_STRUCTURE),
            "sections": _sections("overview", page.trends, ctx),
        },
    )


@requires(Capability.VIEW_WORKFORCE_MEASURES)
def breakdowns(request: HttpRequest) -> HttpResponse:
    ctx = _context(request)
    page = breakdowns_get(ctx)
    return render(
        request,
        "staffing/breakdowns.html",
        {**_common(ctx), "page": page, "sections": _sections("breakdowns", page.sections, ctx)},
    )


def _download(
    request: HttpRequest, tables: Callable[[Context], dict[str, Table]], slug: str, fmt: str
) -> HttpResponse:
    ctx = _context(request)
    table = found(tables(ctx).get(slug))
    filename = f"workforce-{slug}-{ctx.kind.slug}-{ctx.year}"
    return csv_response(table, filename) if fmt == "csv" else xlsx_response(table, filename)


@requires(Capability.VIEW_WORKFORCE_MEASURES)
def overview_csv(request: HttpRequest, table_slug: str) -> HttpResponse:
    return _download(request, overview_tables, table_slug, "csv")


@requires(Capability.VIEW_WORKFORCE_MEASURES)
def overview_xlsx(request: HttpRequest, table_slug: str) -> HttpResponse:
    return _download(request, overview_tables, table_slug, "xlsx")


@requires(Capability.VIEW_WORKFORCE_MEASURES)
def breakdowns_csv(request: HttpRequest, breakdown_slug: str) -> HttpResponse:
    return _download(request, breakdown_tables, breakdown_slug, "csv")


@requires(Capability.VIEW_WORKFORCE_MEASURES)
def breakdowns_xlsx(request: HttpRequest, breakdown_slug: str) -> HttpResponse:
    return _download(request, breakdown_tables, breakdown_slug, "xlsx")


@requires(Capability.EDIT_STRUCTURE)
def vacancies(request: HttpRequest) -> HttpResponse:
    """Record the vacant and agency-covered FTE on a date; list the latest figures."""
    membership = viewer(request)
    form = VacancyForm(request.POST or None, organisation=membership.organisation)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        team = data["team"]
        saved = save_or_add_errors(
            form,
            lambda: services.vacancy_snapshot_record(
                organisation=membership.organisation,
                date=data["date"],
                vacancy_fte=data["vacancy_fte"],
                agency_cover_fte=data["agency_cover_fte"],
                agency_cover_headcount=data["agency_cover_headcount"],
                service=team.service if team else None,
                team=team,
            ),
        )
        if saved is not None:
            messages.success(request, f"Vacancies on {saved.date:%-d %B %Y} saved")
            return redirect("workforce-vacancies")
    return render(
        request,
        "staffing/vacancies.html",
        {"form": form, "snapshots": selectors.vacancy_snapshot_list(viewer=membership)},
    )
