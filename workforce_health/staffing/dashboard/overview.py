"""The overview page: headline figures for one census year, and trends since 2017."""

from __future__ import annotations

from dataclasses import dataclass, field

from workforce_health.charts import Series, legend_key, line_chart, small_line_chart
from workforce_health.rounding import format_count, format_rate
from workforce_health.staffing.selectors import Context, reference_date_text
from workforce_health.web.tables import Column, Number, Table

from .common import Section
from .comparisons import COMPARATOR_MEAN, ENGLAND, Comparisons, comparisons_get
from .specs import HEADCOUNT_OF, HEADLINES, TRENDS, Spec, slug


@dataclass(frozen=True)
class Headline:
    label: str
    value: str | None  # formatted; None = not available
    unit: str
    hint: str
    region: str | None = None
    england: str | None = None
    comparators: str | None = None
    comparison_year: int | None = None  # the DfE's latest published year up to the page's year


@dataclass(frozen=True)
class SmallChart:
    """One measure's trend as a small chart, one of a grid (small multiples)."""

    heading: str
    latest: str | None  # the page's year's value, formatted; None = not available
    chart: str  # SVG from workforce_health.charts (escapes its text)
    table_slug: str  # the table of its figures


@dataclass(frozen=True)
class Overview:
    headlines: list[Headline]
    headline_table: Table
    trends: list[Section]
    comparisons: Comparisons
    small_charts: list[SmallChart] = field(default_factory=list)
    key: str = ""  # SVG: the one key of the small charts' lines


def _float(value: object) -> float | None:
    return float(value) if isinstance(value, int | float) else None


def _shown(value: float | None, unit: str) -> str | None:
    if value is None:
        return None
    return f"{format_rate(value)}%" if unit == "%" else f"{format_rate(value)} {unit}"


def _hint(spec: Spec, row: dict[str, object], year: int) -> str:
    when = reference_date_text(year)
    if spec.is_rate:
        numerator = _float(row.get(f"{spec.key}_numerator"))
        denominator = _float(row.get(f"{spec.key}_denominator"))
        if numerator is None or denominator is None:
            return f"Not enough records to work this out for the year ending {when}"
        num = (format_count if spec.numerator_kind == "count" else format_rate)(numerator)
        return (
            f"{num} {spec.numerator} ÷ {format_rate(denominator)} {spec.denominator}, "
            f"year ending {when}"
        )
    headcount = _float(row.get(HEADCOUNT_OF.get(spec.key, "")))
    preposition = "on" if spec.key == "inpost_fte" else "in the year ending"
    if headcount is None:
        return f"No records {preposition} {when}"
    people = "1 person" if headcount == 1 else f"{format_count(headcount)} people"
    return f"{people} (headcount) {preposition} {when}"


def _headline_table(ctx: Context, comps: Comparisons, region: str | None) -> Table:
    row = ctx.totals[ctx.year]
    columns = [
        Column("Measure"),
        Column("Unit"),
        Column(ctx.scope.label, "rate"),
        Column("Numerator", "rate"),
        Column("Denominator", "rate"),
    ]
    if comps.any:
        columns += [Column(region or "Region", "rate"), Column(ENGLAND, "rate")]
    rows = []
    for spec in HEADLINES:
        numerator: object = row.get(f"{spec.key}_numerator") if spec.is_rate else None
        cells: list[object] = [
            spec.label,
            spec.unit,
            _float(row.get(spec.key)),
            Number(_float(numerator), spec.numerator_kind) if spec.is_rate else "",
            _float(row.get(f"{spec.key}_denominator")) if spec.is_rate else "",
        ]
        if comps.any:
            cells += [
                comps.value(spec.key, region, ctx.year),
                comps.value(spec.key, ENGLAND, ctx.year),
            ]
        rows.append(tuple(cells))
    return Table(
        slug="headline",
        caption=f"Headline measures, year ending {reference_date_text(ctx.year)}",
        columns=tuple(columns),
        rows=tuple(rows),  # type: ignore[arg-type]
        source=comps.attribution if comps.any else "",
        notes=(f"{ctx.kind.label}: {ctx.kind.basis}.", HEADLINES[-1].note),
    )


def _series(ctx: Context, spec: Spec, comps: Comparisons, region: str | None) -> list[Series]:
    """The scope's values of a measure by year, then the region's, England's and the
    comparator councils' where published."""
    years = ctx.years
    series = [Series(ctx.scope.label, [_float(ctx.totals[y].get(spec.key)) for y in years])]
    for name, style in (
        (region, "secondary"),
        (ENGLAND, "reference"),
        (COMPARATOR_MEAN, "comparison"),
    ):
        if name and comps.has(spec.key, name):
            values = [comps.value(spec.key, name, y) for y in years]
            series.append(Series(name, values, style))  # type: ignore[arg-type]
    return series


def _small_chart(ctx: Context, spec: Spec, series: list[Series]) -> SmallChart:
    years = ctx.years
    return SmallChart(
        heading=spec.label + ("" if spec.unit == "%" else f" ({spec.unit})"),
        latest=_shown(_float(ctx.totals[ctx.year].get(spec.key)), spec.unit),
        chart=small_line_chart(
            series,
            categories=[str(y) for y in years],
            title=f"{spec.label}, {ctx.scope.label}, {years[0]} to {years[-1]}",
            unit="%" if spec.unit == "%" else "",
            format_value=format_rate,
            ident=f"chart-small-{slug(spec)}",
        ),
        table_slug=slug(spec),
    )


def _trend(ctx: Context, spec: Spec, comps: Comparisons, region: str | None) -> Section:
    years = ctx.years
    series = _series(ctx, spec, comps, region)
    ours = list(series[0].values)
    columns = [
        Column("Year ending 30 September"),
        Column(f"{ctx.scope.label} ({spec.unit})", "rate"),
        Column(spec.numerator.capitalize(), spec.numerator_kind),
        Column(spec.denominator.capitalize(), "rate"),
        *(Column(f"{s.name} ({spec.unit})", "rate") for s in series[1:]),
    ]
    extra = [s.values for s in series[1:]]
    rows = tuple(
        (
            str(y),
            ours[i],
            _float(ctx.totals[y].get(f"{spec.key}_numerator")),
            _float(ctx.totals[y].get(f"{spec.key}_denominator")),
            *(values[i] for values in extra),
        )
        for i, y in enumerate(years)
    )
    title = f"{spec.label}, {ctx.scope.label}, {years[0]} to {years[-1]}"
    chart = line_chart(
        series,
        categories=[str(y) for y in years],
        title=title,
        y_label=spec.label + ("" if spec.unit == "%" else f" ({spec.unit})"),
        unit="%" if spec.unit == "%" else "",
        format_value=format_rate,
        ident=f"chart-{slug(spec)}",
    )
    table = Table(
        slug=slug(spec),
        caption=f"{spec.label} by year ({spec.unit})",
        columns=tuple(columns),
        rows=rows,
        source=comps.attribution if extra else "",
        notes=tuple(n for n in (spec.note,) if n),
    )
    return Section(spec.label, chart, table)


def overview_get(ctx: Context) -> Overview:
    comps = (
        comparisons_get(
            organisation=ctx.scope.organisation, measures=[s.key for s in HEADLINES if s.published]
        )
        if ctx.kind.is_dfe
        else Comparisons()
    )
    region = comps.region_name
    row = ctx.totals[ctx.year]
    headlines = []
    for spec in HEADLINES:
        # The DfE publishes a year in the following February: until then compare with the
        # latest published year, and say which.
        year = comps.latest_year(spec.key, ENGLAND, up_to=ctx.year)
        headlines.append(
            Headline(
                label=spec.label,
                value=_shown(_float(row.get(spec.key)), spec.unit),
                unit=spec.unit,
                hint=_hint(spec, row, ctx.year),
                region=_shown(comps.value(spec.key, region, year), spec.unit) if year else None,
                england=_shown(comps.value(spec.key, ENGLAND, year), spec.unit) if year else None,
                comparators=(
                    _shown(comps.value(spec.key, COMPARATOR_MEAN, year), spec.unit)
                    if year
                    else None
                ),
                comparison_year=year,
            )
        )
    series = {spec.key: _series(ctx, spec, comps, region) for spec in TRENDS}
    lines = {s.name: s for drawn in series.values() for s in drawn}  # every line drawn
    return Overview(
        headlines=headlines,
        headline_table=_headline_table(ctx, comps, region),
        trends=[_trend(ctx, spec, comps, region) for spec in TRENDS],
        comparisons=comps,
        small_charts=[_small_chart(ctx, spec, series[spec.key]) for spec in TRENDS],
        key=legend_key(list(lines.values()), ident="chart-small-key"),
    )


def overview_tables(ctx: Context) -> dict[str, Table]:
    page = overview_get(ctx)
    return {t.slug: t for t in [page.headline_table, *(s.table for s in page.trends)]}
