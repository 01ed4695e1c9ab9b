"""Published breakdowns (workforce-measures.md §5.8) and the stability measure.

Each breakdown returns long data: the grouping columns, one category column, ``fte`` and
``headcount`` (de-duplicated as in §3) and the group totals with ``percent_fte`` and
``percent_headcount``. Only categories that occur are returned; a missing code is
``"unknown"``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

import polars as pl

from .events import annotate
from .periods import ReportingPeriod, as_period, completed_years
from .rates import ratio
from .settings import MeasureSettings

Population = Literal["inpost", "starters", "leavers"]
_FLAGS: dict[str, tuple[str, str]] = {
    "inpost": ("inpost", "inpost_hc"),
    "starters": ("starter", "starter_hc"),
    "leavers": ("leaver", "leaver_hc"),
}
_ALL = "__all__"
UNKNOWN = "unknown"

#: §5.8 age bands (completed years on the reference date).
AGE_BANDS: tuple[str, ...] = (
    "under 20",
    "20 to 29",
    "30 to 39",
    "40 to 49",
    "50 to 59",
    "60 and over",
    UNKNOWN,
)
#: §5.8 time-in-service bands (completed years of continuous council C&F service).
SERVICE_BANDS: tuple[str, ...] = (
    "under 2",
    "2 to 5",
    "5 to 10",
    "10 to 20",
    "20 to 30",
    "over 30",
    UNKNOWN,
)


def _prepare(
    spells: pl.DataFrame,
    period: ReportingPeriod | int,
    by: Sequence[str],
    settings: MeasureSettings | None,
) -> tuple[pl.DataFrame, ReportingPeriod, list[str]]:
    p = as_period(period)
    frame = annotate(spells, p, list(by), settings or MeasureSettings())
    if not by:
        frame = frame.with_columns(pl.lit(True).alias(_ALL))
    return frame, p, list(by) or [_ALL]


def _tabulate(
    frame: pl.DataFrame, keys: list[str], category: pl.Expr, population: Population
) -> pl.DataFrame:
    fte_flag, hc_flag = _FLAGS[population]
    name = category.meta.output_name()
    table = (
        frame.filter(pl.col(fte_flag))
        .with_columns(category)
        .group_by([*keys, name])
        .agg(fte=pl.col("fte").sum(), headcount=pl.col(hc_flag).sum().cast(pl.Int64))
        .with_columns(
            fte_total=pl.col("fte").sum().over(keys),
            headcount_total=pl.col("headcount").sum().over(keys),
        )
        .with_columns(
            percent_fte=ratio(pl.col("fte"), pl.col("fte_total")),
            percent_headcount=ratio(pl.col("headcount"), pl.col("headcount_total")),
        )
        .sort([*keys, name], nulls_last=True)
    )
    return table.drop(_ALL) if keys == [_ALL] else table


def _code(column: str) -> pl.Expr:
    return pl.col(column).fill_null(UNKNOWN).alias(column)


def starters_by_origin(
    spells: pl.DataFrame,
    *,
    period: ReportingPeriod | int,
    by: Sequence[str],
    settings: MeasureSettings | None = None,
) -> pl.DataFrame:
    """Starters in the period by census ``StartOrigin`` code (csww-census.md §8)."""
    frame, _, keys = _prepare(spells, period, by, settings)
    return _tabulate(frame, keys, _code("start_origin"), "starters")


def leavers_by_reason(
    spells: pl.DataFrame,
    *,
    period: ReportingPeriod | int,
    by: Sequence[str],
    settings: MeasureSettings | None = None,
) -> pl.DataFrame:
    """Leavers in the period by census ``ReasonLeave`` code."""
    frame, _, keys = _prepare(spells, period, by, settings)
    return _tabulate(frame, keys, _code("reason_leave"), "leavers")


def leavers_by_destination(
    spells: pl.DataFrame,
    *,
    period: ReportingPeriod | int,
    by: Sequence[str],
    settings: MeasureSettings | None = None,
) -> pl.DataFrame:
    """Leavers in the period by census ``LeaverDestination`` code (local attrition proxy, §5.7)."""
    frame, _, keys = _prepare(spells, period, by, settings)
    return _tabulate(frame, keys, _code("leaver_destination"), "leavers")


def census_role_mix(
    spells: pl.DataFrame,
    *,
    period: ReportingPeriod | int,
    by: Sequence[str],
    settings: MeasureSettings | None = None,
) -> pl.DataFrame:
    """In post on the reference date by census ``OrgRole``; headcount in the senior role (§3)."""
    frame, _, keys = _prepare(spells, period, by, settings)
    return _tabulate(frame, keys, _code("census_role"), "inpost")


def _band(years: pl.Expr, breaks: list[int], labels: tuple[str, ...], name: str) -> pl.Expr:
    """Label ``years`` with ``labels``: band i is ``breaks[i-1] <= years < breaks[i]``."""
    band: pl.Expr = pl.lit(labels[-2])
    for upper, label in reversed(list(zip(breaks, labels, strict=False))):
        band = pl.when(years < upper).then(pl.lit(label)).otherwise(band)
    band = pl.when(years.is_null()).then(pl.lit(UNKNOWN)).otherwise(band)
    return band.cast(pl.Enum(list(labels))).alias(name)


def age_bands(
    spells: pl.DataFrame,
    *,
    period: ReportingPeriod | int,
    by: Sequence[str],
    population: Population = "inpost",
    settings: MeasureSettings | None = None,
) -> pl.DataFrame:
    """Age on the reference date in the §5.8 bands, for in post, starters or leavers."""
    frame, p, keys = _prepare(spells, period, by, settings)
    years = completed_years(pl.col("date_of_birth"), p.reference_date)
    return _tabulate(
        frame, keys, _band(years, [20, 30, 40, 50, 60], AGE_BANDS, "age_band"), population
    )


def time_in_service_bands(
    spells: pl.DataFrame,
    *,
    period: ReportingPeriod | int,
    by: Sequence[str],
    population: Population = "inpost",
    settings: MeasureSettings | None = None,
) -> pl.DataFrame:
    """Continuous service (since the start of the island of spells) in the §5.8 bands.

    Measured on the reference date, or on the leaving date for leavers.
    """
    frame, p, keys = _prepare(spells, period, by, settings)
    on = pl.col("end_date") if population == "leavers" else pl.lit(p.reference_date)
    years = completed_years(pl.col("island_start"), on)
    band = _band(years, [2, 5, 10, 20, 30], SERVICE_BANDS, "service_band")
    return _tabulate(frame, keys, band, population)


def stability(
    spells: pl.DataFrame,
    *,
    period: ReportingPeriod | int,
    by: Sequence[str],
    settings: MeasureSettings | None = None,
) -> pl.DataFrame:
    """Share of council social workers in post one period earlier still in post now.

    Cohort: in post on ``period.previous_reference_date`` (grouped where they were then).
    Still in post: the same person (de-duplication key, §3) is in post with the same
    council on the reference date, in any team or role. A local measure, not a DfE one.
    """
    frame, p, keys = _prepare(spells, period, by, settings)
    stayers = frame.filter(pl.col("inpost")).select("person").unique().with_columns(_stayed=True)
    cohort = frame.filter(pl.col("inpost_previous")).join(stayers, on="person", how="left")
    stayed = pl.col("_stayed").fill_null(False)
    out = (
        cohort.group_by(keys)
        .agg(
            stability_headcount_numerator=(pl.col("inpost_previous_hc") & stayed)
            .sum()
            .cast(pl.Int64),
            stability_headcount_denominator=pl.col("inpost_previous_hc").sum().cast(pl.Int64),
            stability_fte_numerator=pl.col("fte").filter(stayed).sum(),
            stability_fte_denominator=pl.col("fte").sum(),
        )
        .with_columns(
            stability_rate_headcount=ratio(
                pl.col("stability_headcount_numerator"), pl.col("stability_headcount_denominator")
            ),
            stability_rate_fte=ratio(
                pl.col("stability_fte_numerator"), pl.col("stability_fte_denominator")
            ),
            cohort_date=pl.lit(p.previous_reference_date),
            reference_date=pl.lit(p.reference_date),
        )
    )
    out = out.sort(keys, nulls_last=True)
    return out.drop(_ALL) if keys == [_ALL] else out
