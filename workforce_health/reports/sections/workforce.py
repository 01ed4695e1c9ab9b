"""Recruitment and retention: headline measures against region and England, trends since 2017,
agency cover, starters by origin and leavers by reason, from the workforce dashboard's builders."""

from __future__ import annotations

from typing import TYPE_CHECKING

from workforce_health.reports.document import (
    Block,
    Figure,
    TableColumn,
    TableData,
    chart_block,
    subheading,
    table_block,
)
from workforce_health.reports.document import paragraph as para
from workforce_health.reports.sections.common import in_context, table_data
from workforce_health.reports.sections.spec import Content, SectionSpec
from workforce_health.staffing.dashboard.breakdowns import breakdowns_get
from workforce_health.staffing.dashboard.overview import Headline, overview_get
from workforce_health.staffing.dashboard.specs import WORKING_DAYS
from workforce_health.staffing.selectors import Context, reference_date_text

if TYPE_CHECKING:
    from workforce_health.reports.inputs import ReportInputs

COMPARED = ("Vacancy rate", "Turnover rate", "Agency worker rate")
SOURCE = "Source: the council's workforce records (census return and HR records)."
DFE_SOURCE = (
    "Department for Education, Children's social work workforce statistics, contains public "
    "sector information licensed under the Open Government Licence v3.0."
)


def _slug(label: str, name: str) -> str:
    return f"{label}-{name}".lower().replace(" ", "-").replace("'", "")


def _figure(h: Headline) -> Figure:
    compared = [
        f"{name} {value}"
        for name, value in (("England", h.england), ("region", h.region))
        if value is not None
    ]
    detail = h.hint
    if compared and h.comparison_year:
        detail += f". {', '.join(compared)} (year ending {reference_date_text(h.comparison_year)})"
    return Figure(h.label, h.value or "not available", detail)


def _finding(label: str, h: Headline, year: int) -> str | None:
    """ "The vacancy rate was 9.5% on 30 September 2025, below England (14.1%, 2025)"."""
    if h.value is None:
        return None
    when = reference_date_text(year)
    text = f"{label}: the {h.label.lower()} was {h.value} in the year ending {when}"
    if h.england is None or h.comparison_year is None:
        return text + "."
    ours, theirs = float(h.value.rstrip("%")), float(h.england.rstrip("%"))
    where = "above" if ours > theirs else "below" if ours < theirs else "the same as"
    return (
        f"{text}, {where} England ({h.england} in the year ending "
        f"{reference_date_text(h.comparison_year)})."
    )


def _agency_cover(ctx: Context, label: str) -> TableData:
    rows = []
    for year in ctx.years:
        row = ctx.totals[year]
        vacancies = row.get("vacancy_fte")
        if vacancies is None:
            continue
        rows.append(
            (
                str(year),
                vacancies,
                row.get("agency_cover_fte"),
                row.get("vacancy_agency_cover_rate_fte"),
            )
        )
    return TableData(
        slug=_slug(label, "agency-cover"),
        caption=f"{label}: vacancies covered by agency workers, 30 September each year",
        columns=(
            TableColumn("Year"),
            TableColumn("Vacancies (FTE)", "rate"),
            TableColumn("Covered by agency workers (FTE)", "rate"),
            TableColumn("Share of vacancies covered (%)", "rate"),
        ),
        rows=tuple(rows),  # type: ignore[arg-type]
        source=SOURCE,
        notes=("Blank: not recorded.",),
    )


def _unit(label: str, ctx: Context) -> Content:
    page = overview_get(ctx)
    when = reference_date_text(ctx.year)
    blocks: list[Block] = [
        subheading(f"{label}: recruitment and retention"),
        para(
            f"Figures for the year ending {when} ({ctx.kind.label.lower()}, {ctx.kind.basis}), "
            "computed from the council's records exactly as the Department for Education "
            "computes its children's social work workforce statistics."
            + ("" if ctx.kind.is_dfe else " The DfE publishes no comparison for adult social care.")
        ),
        Block("figures", figures=tuple(_figure(h) for h in page.headlines)),
        table_block(table_data(page.headline_table, context=label, slug=_slug(label, "headline"))),
    ]
    findings = [
        f
        for h in page.headlines
        if h.label in COMPARED
        for f in [_finding(label, h, ctx.year)]
        if f is not None
    ]
    for trend in page.trends:
        table = table_data(trend.table, context=label, slug=_slug(label, trend.table.slug))
        title = in_context(label, trend.table.caption)
        blocks += chart_block(trend.chart, title, table, trend.table.source or SOURCE)
    blocks.append(table_block(_agency_cover(ctx, label)))
    return Content(blocks, findings, sources=[DFE_SOURCE] if page.comparisons.any else [])


def build_flows(inputs: ReportInputs) -> Content:
    blocks: list[Block] = []
    for label, ctx in inputs.census.items():
        blocks.append(subheading(f"{label}: who joined and who left"))
        breakdowns = {s.table.slug: s for s in breakdowns_get(ctx).sections}
        for key in ("starters-by-origin", "leavers-by-reason"):
            section = breakdowns[key]
            table = table_data(section.table, context=label, slug=_slug(label, key))
            title = in_context(label, section.table.caption)
            blocks += chart_block(section.chart, title, table, SOURCE)
    return Content(blocks)


def build(inputs: ReportInputs) -> Content:
    blocks: list[Block] = []
    findings: list[str] = []
    sources: list[str] = []
    for label, ctx in inputs.census.items():
        content = _unit(label, ctx)
        blocks += content.blocks
        findings += content.findings
        sources += [s for s in content.sources if s not in sources]
    return Content(
        blocks,
        findings,
        definitions=[
            (
                "z",
                "Not available: there are no records for it, or nothing to divide by (the "
                "symbol the DfE uses in its statistics).",
            ),
            (
                "Vacancy rate",
                "Vacant posts (FTE, including those covered by agency workers) as a percentage "
                "of vacant posts plus social workers in post (FTE), on 30 September.",
            ),
            (
                "Turnover rate",
                "Leavers in the year to 30 September (FTE) as a percentage of social workers in "
                "post (FTE) on 30 September.",
            ),
            (
                "Agency worker rate",
                "Agency workers (FTE) as a percentage of agency workers plus social workers in "
                "post (FTE), on 30 September.",
            ),
            (
                "Average caseload",
                "Cases held on 30 September divided by the FTE of social workers holding cases.",
            ),
            (
                "Sickness absence rate",
                "Working days lost to sickness in the year as a percentage of working days "
                f"available (in-post FTE × {WORKING_DAYS:g} days, an assumption).",
            ),
        ],
        sources=[
            "Department for Education, Children's social work workforce: methodology (measures "
            "and census definitions).",
            *sources,
        ],
    )


SECTION = SectionSpec(
    key="workforce",
    title="Recruitment and retention",
    order=20,
    description=(
        "Vacancy, turnover, agency reliance and cover, caseload and absence, trends since "
        "2017 against the region and England, starters by origin and leavers by reason."
    ),
    build=build,
    optional=False,
)
STARTERS_LEAVERS = SectionSpec(
    key="starters-leavers",
    title="Starters and leavers",
    order=21,
    description="Where starters came from and why leavers left, in the latest census year.",
    build=build_flows,
)
