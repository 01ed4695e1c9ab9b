"""Is the offer working? Starters by origin and newly qualified starters, leavers within their
first year and time to fill (pure: polars frames, no Django).

Starters and leavers are the DfE's (workforce-measures.md §4), through the measures engine
(``staffing/measures``): the share of starters who were newly qualified is the engine's
starters-by-origin breakdown, census ``StartOrigin`` 1 (csww-census.md §7). "Within their first
year" and time to fill are local measures (docs/careers.md): a leaver whose continuous council
service (the engine's island of spells) lasted under a full year; the days from the post
becoming vacant to the appointed person's start, for vacancies filled in the census year.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

import polars as pl

from workforce_health.staffing.measures import (
    MeasureSettings,
    ReportingPeriod,
    census_year_bounds,
    starters_by_origin,
)
from workforce_health.staffing.measures.events import annotate
from workforce_health.staffing.measures.periods import completed_years
from workforce_health.staffing.measures.rates import ratio

NEWLY_QUALIFIED: Final = "1"  # census StartOrigin: newly qualified social worker

OFFER_SCHEMA: Final[dict[str, pl.DataType]] = {
    "year": pl.Int64(),
    "starters_headcount": pl.Int64(),
    "nqsw_starters_headcount": pl.Int64(),
    "nqsw_share": pl.Float64(),
    "leavers_headcount": pl.Int64(),
    "first_year_leavers_headcount": pl.Int64(),
    "first_year_leaver_share": pl.Float64(),
}
FILL_SCHEMA: Final[dict[str, pl.DataType]] = {
    "year": pl.Int64(),
    "filled": pl.Int64(),
    "median_days_to_fill": pl.Float64(),
}


def _starters(spells: pl.DataFrame, year: int, settings: MeasureSettings) -> tuple[int, int]:
    """Starters in the census year (headcount) and how many of them were newly qualified."""
    table = starters_by_origin(spells, period=year, by=[], settings=settings)
    if not table.height:
        return 0, 0
    total = int(table["headcount_total"][0])
    nqsw = table.filter(pl.col("start_origin") == NEWLY_QUALIFIED)["headcount"].sum()
    return total, int(nqsw)


def _leavers(spells: pl.DataFrame, year: int, settings: MeasureSettings) -> tuple[int, int]:
    """Leavers in the census year (headcount) and those with under a year's continuous service."""
    frame = annotate(spells, ReportingPeriod.census_year(year), [], settings)
    leavers = frame.filter(pl.col("leaver_hc"))
    service_years = completed_years(pl.col("island_start"), pl.col("end_date"))
    first_year = leavers.filter(service_years < 1).height
    return leavers.height, first_year


def offer_measures(
    spells: pl.DataFrame, *, years: Sequence[int], settings: MeasureSettings | None = None
) -> pl.DataFrame:
    """One row per census year: starters and newly qualified starters, leavers and leavers
    within their first year, each with its share (0-100; null when there are none)."""
    settings = settings or MeasureSettings()
    rows = []
    for year in years:
        starters, nqsw = _starters(spells, year, settings)
        leavers, first_year = _leavers(spells, year, settings)
        rows.append((year, starters, nqsw, None, leavers, first_year, None))
    frame = pl.DataFrame(rows, schema=OFFER_SCHEMA, orient="row")
    return frame.with_columns(
        nqsw_share=ratio(pl.col("nqsw_starters_headcount"), pl.col("starters_headcount")),
        first_year_leaver_share=ratio(
            pl.col("first_year_leavers_headcount"), pl.col("leavers_headcount")
        ),
    )


def origins(
    spells: pl.DataFrame, *, year: int, settings: MeasureSettings | None = None
) -> pl.DataFrame:
    """Starters in the census year by census ``StartOrigin`` (the engine's breakdown)."""
    return starters_by_origin(spells, period=year, by=[], settings=settings)


def time_to_fill(vacancies: pl.DataFrame, *, years: Sequence[int]) -> pl.DataFrame:
    """Vacancies filled in each census year (by the appointed person's start date) and the
    median days from the post becoming vacant to that start. ``vacancies``: ``opened_on`` and
    ``filled_on`` (Date; null = not filled)."""
    rows = []
    filled = vacancies.filter(pl.col("filled_on").is_not_null()).with_columns(
        days=(pl.col("filled_on") - pl.col("opened_on")).dt.total_days()
    )
    for year in years:
        start, end = census_year_bounds(year)
        in_year = filled.filter(pl.col("filled_on").is_between(start, end))
        median = in_year["days"].median() if in_year.height else None
        rows.append((year, in_year.height, None if median is None else float(median)))  # type: ignore[arg-type]
    return pl.DataFrame(rows, schema=FILL_SCHEMA, orient="row")
