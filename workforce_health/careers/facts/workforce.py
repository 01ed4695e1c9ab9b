"""Facts from the workforce records: the vacancy and turnover trends since 2017 against
England, and the average caseload, all as the DfE measures them (docs/measures.md).

Each census year's figure is shown only when at least ``MIN_GROUP`` social workers were in
post (headcount) on its 30 September; the fact is built only when the latest year's is.
"""

from __future__ import annotations

from dataclasses import dataclass

from workforce_health.careers.facts.base import (
    MIN_GROUP,
    Fact,
    FactChart,
    FactInputs,
    FactTable,
    Unavailable,
    percent,
)
from workforce_health.rounding import format_rate
from workforce_health.staffing.dashboard.comparisons import ENGLAND

HIDDEN = f"Not shown: fewer than {MIN_GROUP} social workers"
NO_RECORDS = "No records"


@dataclass(frozen=True)
class Measure:
    key: str  # the engine's and the DfE's column
    kind: str  # the fact kind
    heading: str
    unit: str  # "%" or "cases"


VACANCY = Measure("vacancy_rate_fte", "vacancy_trend", "Vacancy rate", "%")
TURNOVER = Measure("turnover_rate_fte", "turnover_trend", "Turnover rate", "%")
CASELOAD = Measure("caseload_fte", "average_caseload", "Average caseload", "cases")


def _shown(value: float | None, unit: str) -> str:
    return percent(value) if unit == "%" else f"{format_rate(value)} cases"  # type: ignore[arg-type]


def _series(inputs: FactInputs, measure: Measure) -> tuple[list[int], dict[int, float | None]]:
    """The census years since 2017 and each year's figure, None where not shown."""
    ctx = inputs.workforce
    assert ctx is not None
    values: dict[int, float | None] = {}
    for year in ctx.years:
        row = ctx.totals[year]
        value, people = row.get(measure.key), row.get("inpost_headcount")
        big_enough = isinstance(people, int) and people >= MIN_GROUP
        values[year] = float(value) if isinstance(value, int | float) and big_enough else None
    return ctx.years, values


def _cell(inputs: FactInputs, measure: Measure, year: int, value: float | None) -> str:
    if value is not None:
        return format_rate(value)
    ctx = inputs.workforce
    assert ctx is not None
    people = ctx.totals[year].get("inpost_headcount")
    return HIDDEN if isinstance(people, int) and 0 < people < MIN_GROUP else NO_RECORDS


def _source(inputs: FactInputs, with_england: bool) -> str:
    ctx = inputs.workforce
    assert ctx is not None
    basis = (
        "measured as the Department for Education defines it for the children's social work "
        "workforce census"
        if ctx.kind.is_dfe
        else "a local measure using the Department for Education's formula"
    )
    own = f"{inputs.organisation.name}'s own workforce records, {basis}."
    if not with_england:
        return own
    releases = ", ".join(inputs.comparisons.releases) or "published statistics"
    return (
        f"{own} England: Department for Education, Children's social work workforce "
        f"({releases}), used under the Open Government Licence v3.0."
    )


def _build(inputs: FactInputs, measure: Measure, *, chart: bool) -> Fact | Unavailable:
    ctx = inputs.workforce
    if ctx is None:
        return Unavailable(
            measure.kind,
            measure.heading,
            f"{inputs.service.name} has no workforce records for a census year that has ended",
        )
    years, values = _series(inputs, measure)
    latest = values[ctx.year]
    if latest is None:
        return Unavailable(
            measure.kind,
            measure.heading,
            f"the figure for 30 September {ctx.year} is not known or comes from fewer than "
            f"{MIN_GROUP} social workers",
        )
    comps = inputs.comparisons
    england = {y: comps.value(measure.key, ENGLAND, y) for y in years}
    with_england = any(v is not None for v in england.values())
    england_year = comps.latest_year(measure.key, ENGLAND, up_to=ctx.year)
    statement = _statement(inputs, measure, ctx.year, latest, values)
    if england_year is not None:
        statement += f" England: {_shown(england[england_year], measure.unit)} in {england_year}."
    headers = ["Year ending 30 September", f"{inputs.service.name} ({measure.unit})"]
    if with_england:
        headers.append(f"England ({measure.unit})")
    rows = [
        [str(y), _cell(inputs, measure, y, values[y])]
        + (
            [format_rate(england[y]) if england[y] is not None else "Not published"]
            if with_england
            else []
        )
        for y in years
    ]
    series = [
        {"name": inputs.service.name, "values": [values[y] for y in years], "style": "primary"}
    ]
    if with_england:
        series.append(
            {"name": ENGLAND, "values": [england[y] for y in years], "style": "reference"}
        )
    first = years[0]
    return Fact(
        kind=measure.kind,
        heading=measure.heading,
        figure=_shown(latest, measure.unit),
        statement=statement,
        as_of=f"{ctx.year}-09-30",
        source=_source(inputs, with_england),
        period=(
            f"Year to 30 September {ctx.year}"
            if measure is TURNOVER
            else f"On 30 September {ctx.year}"
        ),
        table=FactTable(f"{measure.heading} by year, {first} to {ctx.year}", headers, rows),
        chart=(
            FactChart(
                title=f"{measure.heading}, {inputs.service.name}, {first} to {ctx.year}",
                y_label=measure.heading + ("" if measure.unit == "%" else " (cases)"),
                unit="%" if measure.unit == "%" else "",
                categories=[str(y) for y in years],
                series=series,
            )
            if chart
            else None
        ),
    )


def _statement(
    inputs: FactInputs, measure: Measure, year: int, latest: float, values: dict[int, float | None]
) -> str:
    name = inputs.service.name
    shown = _shown(latest, measure.unit)
    if measure is CASELOAD:
        return (
            f"On 30 September {year}, social workers in {name} held {format_rate(latest)} cases "
            "each on average (cases per full-time case holder)."
        )
    if measure is VACANCY:
        sentence = f"On 30 September {year}, {shown} of social work posts in {name} were vacant"
    else:
        sentence = f"In the year to 30 September {year}, {shown} of social workers in {name} left"
    known = {y: v for y, v in values.items() if v is not None}
    high_year = max(known, key=lambda y: known[y])
    if high_year != year and known[high_year] > latest:
        sentence += f", down from {_shown(known[high_year], measure.unit)} in {high_year}"
    return sentence + "."


def vacancy_trend(inputs: FactInputs) -> Fact | Unavailable:
    return _build(inputs, VACANCY, chart=True)


def turnover_trend(inputs: FactInputs) -> Fact | Unavailable:
    return _build(inputs, TURNOVER, chart=True)


def average_caseload(inputs: FactInputs) -> Fact | Unavailable:
    return _build(inputs, CASELOAD, chart=False)
