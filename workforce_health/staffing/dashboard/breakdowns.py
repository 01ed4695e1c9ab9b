"""The breakdowns page: by team and role, leavers, starters, and (for 5+ people) age and service."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import polars as pl

from workforce_health.charts import Bar, bar_chart
from workforce_health.core import codes
from workforce_health.rounding import format_count, format_rate
from workforce_health.staffing import measures, selectors
from workforce_health.staffing.selectors import Context, reference_date_text
from workforce_health.web.tables import Column, Table

from .common import Section

MIN_PEOPLE = 5  # age and time-in-service breakdowns are not shown for fewer people
NOT_RECORDED = "Not recorded"

GROUP_COLUMNS = (
    Column("In post (FTE)", "rate"),
    Column("In post (headcount)", "count"),
    Column("Starters (FTE)", "rate"),
    Column("Leavers (FTE)", "rate"),
    Column("Turnover rate (FTE, %)", "rate"),
    Column("Agency worker rate (FTE, %)", "rate"),
)
GROUP_KEYS = (
    "inpost_fte",
    "inpost_headcount",
    "starters_fte",
    "leavers_fte",
    "turnover_rate_fte",
    "agency_rate_fte",
)
TEAM_EXTRA = (
    (Column("Vacancy rate (FTE, %)", "rate"), "vacancy_rate_fte"),
    (Column("Average caseload (cases per FTE)", "rate"), "caseload_fte"),
    (Column("Sickness absence rate (FTE, %)", "rate"), "absence_rate_fte"),
)


@dataclass(frozen=True)
class Breakdowns:
    sections: list[Section]
    people: int  # in post headcount in the scope
    withheld: bool  # age and time in service not shown: fewer than MIN_PEOPLE


def _label(choices: Sequence[tuple[str, str]]) -> Callable[[object], str]:
    names = dict(choices)
    return lambda code: names.get(str(code), NOT_RECORDED) if code is not None else NOT_RECORDED


def _by_group(ctx: Context, column: str, heading: str, label: Callable[[object], str]) -> Section:
    frame = selectors.workforce_measures(inputs=ctx.inputs, year=ctx.year, by=[column])
    extra = TEAM_EXTRA if column == "team" else ()
    keys = [*GROUP_KEYS, *(key for _, key in extra)]
    rows = tuple(
        (label(row[column]), *(row[key] for key in keys)) for row in frame.iter_rows(named=True)
    )
    first = Column("Team" if column == "team" else "Role")
    table = Table(
        slug=f"by-{column.replace('_', '-')}",
        caption=f"{heading}, year ending {reference_date_text(ctx.year)}",
        columns=(first, *GROUP_COLUMNS, *(c for c, _ in extra)),
        rows=rows,
        notes=("z: not available (no records, or nothing to divide by).",),
    )
    if column == "team":
        title = f"Turnover rate (FTE) by team, year ending {reference_date_text(ctx.year)}"
        bars = [Bar(r[0], r[5]) for r in rows]
        chart = bar_chart(bars, title=title, unit="%", format_value=format_rate, ident="chart-team")
    else:
        title = f"Social workers in post (FTE) by role on {reference_date_text(ctx.year)}"
        bars = [Bar(r[0], r[1]) for r in rows]
        chart = bar_chart(
            bars, title=title, unit="FTE", format_value=format_rate, ident="chart-role"
        )
    return Section(heading, chart, table)


Breakdown = Callable[..., pl.DataFrame]


def _distribution(
    ctx: Context,
    *,
    slug: str,
    heading: str,
    function: Breakdown,
    category: str,
    label: Callable[[object], str],
    population: str,
) -> Section:
    frame = function(ctx.inputs.spells, period=ctx.year, by=[])
    rows = tuple(
        (label(row[category]), row["fte"], row["headcount"], row["percent_fte"])
        for row in frame.iter_rows(named=True)
    )
    when = reference_date_text(ctx.year)
    caption = f"{heading}, year ending {when}" if population != "In post" else f"{heading}, {when}"
    table = Table(
        slug=slug,
        caption=caption,
        columns=(
            Column(heading.split(" by ")[-1].capitalize()),
            Column(f"{population} (FTE)", "rate"),
            Column(f"{population} (headcount)", "count"),
            Column(f"Share of {population.lower()} (FTE, %)", "rate"),
        ),
        rows=rows,
    )
    bars = [Bar(str(r[0]), r[2]) for r in rows]
    chart = bar_chart(
        bars,
        title=f"{heading} (headcount), {when}",
        format_value=format_count,
        ident=f"chart-{slug}",
    )
    return Section(heading, chart, table)


def _band(code: object) -> str:
    return NOT_RECORDED if code in (None, "unknown") else f"{code} years"


def breakdowns_get(ctx: Context) -> Breakdowns:
    people = ctx.totals[ctx.year].get("inpost_headcount")
    people = people if isinstance(people, int) else 0
    sections = [
        _by_group(ctx, "team", "Measures by team", str),
        _by_group(ctx, "census_role", "Measures by role", _label(codes.ORG_ROLE)),
        _distribution(
            ctx,
            slug="leavers-by-reason",
            heading="Leavers by reason for leaving",
            function=measures.leavers_by_reason,
            category="reason_leave",
            label=_label(codes.REASON_LEAVE),
            population="Leavers",
        ),
        _distribution(
            ctx,
            slug="leavers-by-destination",
            heading="Leavers by destination",
            function=measures.leavers_by_destination,
            category="leaver_destination",
            label=_label(codes.LEAVER_DESTINATION),
            population="Leavers",
        ),
        _distribution(
            ctx,
            slug="starters-by-origin",
            heading="Starters by origin",
            function=measures.starters_by_origin,
            category="start_origin",
            label=_label(codes.START_ORIGIN),
            population="Starters",
        ),
    ]
    withheld = people < MIN_PEOPLE
    if not withheld:
        sections += [
            _distribution(
                ctx,
                slug="age",
                heading="Social workers in post by age",
                function=measures.age_bands,
                category="age_band",
                label=_band,
                population="In post",
            ),
            _distribution(
                ctx,
                slug="time-in-service",
                heading="Social workers in post by time in service",
                function=measures.time_in_service_bands,
                category="service_band",
                label=_band,
                population="In post",
            ),
        ]
    return Breakdowns(sections, people, withheld)


def breakdown_tables(ctx: Context) -> dict[str, Table]:
    return {s.table.slug: s.table for s in breakdowns_get(ctx).sections}
