"""Results pages: thin views over the page builders (which call only the analysis engine)."""

from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlencode

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse

from workforce_health.core.permissions import Capability, membership_can, requires
from workforce_health.core.scope import Scope
from workforce_health.core.view_helpers import found, viewer
from workforce_health.results import scoping, selectors
from workforce_health.results.pages.breakdowns import (
    breakdown_table,
    heatmap_get,
    heatmap_kind,
    measure_choices,
)
from workforce_health.results.pages.comments import comments_page
from workforce_health.results.pages.common import LABELS
from workforce_health.results.pages.items import items_get
from workforce_health.results.pages.numbers import numbers_table
from workforce_health.results.pages.overview import overview_get
from workforce_health.surveys.analysis import GROUP_COLUMNS
from workforce_health.surveys.models import Wave
from workforce_health.web.tables import Table, csv_response, xlsx_response


@dataclass(frozen=True)
class Loaded:
    """A wave's results as one viewer may see them: every page within the viewer's scope (the
    scope's own rows of the tables the workforce lead sees), comment text only for the lead."""

    wave: Wave
    scope: Scope
    frames: selectors.Frames
    comment_text: bool  # may read the redacted comments (Capability.VIEW_SURVEY_COMMENTS)


def _load(request: HttpRequest, results_wave_id: int) -> Loaded:
    membership = viewer(request)
    scope = found(selectors.results_scope(viewer=membership))
    wave = found(selectors.results_wave_get(scope=scope, wave_id=results_wave_id))
    return Loaded(
        wave,
        scope,
        selectors.results_frames(wave=wave),
        membership_can(membership, Capability.VIEW_SURVEY_COMMENTS),
    )


def _urls(wave: Wave, page: str, tables: dict[str, Table], query: str = "") -> dict[str, object]:
    """Each table with its CSV and XLSX links, keyed by slug with "_" for "-" (for templates);
    the query repeats the page's choices."""
    suffix = f"?{query}" if query else ""
    return {
        slug.replace("-", "_"): {
            "table": table,
            **{
                fmt: reverse(
                    f"survey-results-{fmt}",
                    kwargs={
                        "results_wave_id": wave.pk,
                        "results_page": page,
                        "results_table": slug,
                    },
                )
                + suffix
                for fmt in ("csv", "xlsx")
            },
        }
        for slug, table in tables.items()
    }


@requires(Capability.VIEW_SURVEY_RESULTS)
def results_index(request: HttpRequest) -> HttpResponse:
    membership = viewer(request)
    scope = Scope.of(membership)
    return render(
        request,
        "results/index.html",
        {
            "waves": selectors.results_wave_list(scope=scope),
            "scope": scope,
            "can_import": membership_can(membership, Capability.MANAGE_SURVEYS),
        },
    )


def _overview(loaded: Loaded, request: HttpRequest) -> tuple[object, dict[str, Table]]:
    history = selectors.results_history(wave=loaded.wave)
    page = overview_get(
        loaded.frames,
        loaded.scope,
        history.previous_frames,
        history.previous.title if history.previous else "",
        history=history.surveys,
        label=history.label,
    )
    return page, page.tables


def _items(loaded: Loaded, request: HttpRequest) -> tuple[object, dict[str, Table]]:
    sections = items_get(loaded.frames, loaded.scope)
    return sections, {s.table.slug: s.table for s in sections}


Builder = Callable[[Loaded, HttpRequest], tuple[object, dict[str, Table]]]
PAGES: dict[str, Builder] = {"overview": _overview, "items": _items}


def _page(request: HttpRequest, results_wave_id: int, name: str, template: str) -> HttpResponse:
    loaded = _load(request, results_wave_id)
    page, tables = PAGES[name](loaded, request)
    downloads = _urls(loaded.wave, name, tables, request.GET.urlencode())
    sections = [  # pages of chart-and-table sections: each with its downloads
        {"section": s, **downloads[s.table.slug.replace("-", "_")]}  # type: ignore[dict-item]
        for s in (page if isinstance(page, list) else [])
    ]
    return render(
        request,
        f"results/{template}.html",
        {
            "wave": loaded.wave,
            "scope": loaded.scope,
            "settings": loaded.frames.settings,
            "page": page,
            "downloads": downloads,
            "sections": sections,
            "current": name,
            "heatmap_label": f"Team scores by {heatmap_kind(loaded.frames)}",
        },
    )


@requires(Capability.VIEW_SURVEY_RESULTS)
def results_overview(request: HttpRequest, results_wave_id: int) -> HttpResponse:
    return _page(request, results_wave_id, "overview", "overview")


@requires(Capability.VIEW_SURVEY_RESULTS)
def results_items(request: HttpRequest, results_wave_id: int) -> HttpResponse:
    return _page(request, results_wave_id, "items", "items")


def _download(
    request: HttpRequest, results_wave_id: int, page: str, slug: str, fmt: str
) -> HttpResponse:
    loaded = _load(request, results_wave_id)
    _, tables = found(PAGES.get(page))(loaded, request)
    table = found(tables.get(slug))
    filename = f"{loaded.wave.slug}-{slug}"
    return csv_response(table, filename) if fmt == "csv" else xlsx_response(table, filename)


@requires(Capability.VIEW_SURVEY_RESULTS)
def results_csv(
    request: HttpRequest, results_wave_id: int, results_page: str, results_table: str
) -> HttpResponse:
    return _download(request, results_wave_id, results_page, results_table, "csv")


@requires(Capability.VIEW_SURVEY_RESULTS)
def results_xlsx(
    request: HttpRequest, results_wave_id: int, results_page: str, results_table: str
) -> HttpResponse:
    return _download(request, results_wave_id, results_page, results_table, "xlsx")


def _choice(request: HttpRequest, name: str, allowed: list[str], default: str) -> str:
    value = request.GET.get(name, default)
    return value if value in allowed else default


def _breakdowns(loaded: Loaded, request: HttpRequest) -> tuple[object, dict[str, Table]]:
    measures = measure_choices(loaded.frames)
    first = _choice(request, "first", list(GROUP_COLUMNS), "team")
    second = _choice(request, "second", ["", *GROUP_COLUMNS], "")
    by = (first,) if second in ("", first) else (first, second)
    values = [v for v, _ in measures]
    scores = [v for v in values if v.startswith(("standard:", "theme:"))]
    default = "standard:S3" if "standard:S3" in values else (scores or values)[0]
    measure = _choice(request, "measure", values, default)
    scope = loaded.scope
    tables: dict[str, Table] = {}
    if scoping.covers(scope, by):
        table = breakdown_table(loaded.frames, by, measure, scope)
        tables[table.slug] = table
    page = {
        "first": first,
        "second": second if len(by) == 2 else "",
        "measure": measure,
        "measures": measures,
        "dims": list(LABELS.items()),
        "asked": " and ".join(LABELS[d].lower() for d in by),
        "available": [  # what the scope can see instead of a breakdown it has no rows in
            {
                "label": LABELS[other[0]] + "".join(f" and {LABELS[d].lower()}" for d in other[1:]),
                "query": urlencode(
                    {"measure": measure, "first": other[0], "second": "".join(other[1:])}
                ),
            }
            for other in ([] if tables else scoping.alternatives(scope, by))
        ],
    }
    return page, tables


def _heatmap(loaded: Loaded, request: HttpRequest) -> tuple[object, dict[str, Table]]:
    codes, rows, table = heatmap_get(loaded.frames, loaded.scope)
    parsed = loaded.frames.questionnaire
    kind = heatmap_kind(loaded.frames)
    titles = parsed.standards if kind == "standard" else parsed.themes
    page = {"kind": kind, "standards": [(c, titles[c]) for c in codes], "rows": rows}
    return page | {"table": table}, {table.slug: table}


# Hours and caseloads: the whole wave, by service, by team and by employment type, each
# restricted to a manager's scope (a service has rows by service and by team, a team by team).
# A manager gets employment types within their own service or team instead of across the wave.
NUMBERS_TABLES: tuple[tuple[str, ...], ...] = ((), ("service",), ("team",), ("employment_type",))


def _numbers(loaded: Loaded, request: HttpRequest) -> tuple[object, dict[str, Table]]:
    scope = loaded.scope
    wanted: list[tuple[str, ...]] = []
    for by in NUMBERS_TABLES:
        if scoping.covers(scope, by):
            wanted.append(by)
        elif any(d not in ("service", "team") for d in by):
            wanted += scoping.alternatives(scope, by)
    tables = [numbers_table(loaded.frames, by, scope) for by in dict.fromkeys(wanted)]
    return None, {t.slug: t for t in tables}


def _comments(loaded: Loaded, request: HttpRequest) -> tuple[object, dict[str, Table]]:
    page = comments_page(
        loaded.frames,
        organisation=loaded.wave.organisation,
        show_text=loaded.comment_text,
        scope=loaded.scope,
    )
    return page, page.tables


PAGES |= {
    "breakdowns": _breakdowns,
    "heatmap": _heatmap,
    "numbers": _numbers,
    "comments": _comments,
}


@requires(Capability.VIEW_SURVEY_RESULTS)
def results_breakdowns(request: HttpRequest, results_wave_id: int) -> HttpResponse:
    return _page(request, results_wave_id, "breakdowns", "breakdowns")


@requires(Capability.VIEW_SURVEY_RESULTS)
def results_heatmap(request: HttpRequest, results_wave_id: int) -> HttpResponse:
    return _page(request, results_wave_id, "heatmap", "heatmap")


@requires(Capability.VIEW_SURVEY_RESULTS)
def results_numbers(request: HttpRequest, results_wave_id: int) -> HttpResponse:
    return _page(request, results_wave_id, "numbers", "tables")


@requires(Capability.VIEW_SURVEY_RESULTS)
def results_comments(request: HttpRequest, results_wave_id: int) -> HttpResponse:
    return _page(request, results_wave_id, "comments", "comments")
