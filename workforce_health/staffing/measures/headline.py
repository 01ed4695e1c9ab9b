"""The DfE headline measures for any reference date and any grouping (workforce-measures.md §5)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import timedelta

import polars as pl

# MEASURES: the DfE's published measure columns, in the order of the indicators file (§8.1),
# one list shared with the reader of the DfE's files.
from workforce_health.benchmarks.measures import MEASURES

from .contract import (
    ABSENCE_REQUIRED,
    CASE_REQUIRED,
    VACANCY_REQUIRED,
    normalise_snapshot,
)
from .events import annotate
from .periods import ReportingPeriod, as_period
from .rates import ABSENCE_RATE, sum_or_null, with_rate_components, with_rates
from .settings import AbsenceDenominator, MeasureSettings

#: Extra transparency columns: what the FTE rule (§3) left out, and the FTE-years employed.
EXTRAS: tuple[str, ...] = ("inpost_fte_unknown_headcount", "cases_fte_unknown", "fte_years")
LABELS: tuple[str, ...] = ("reference_date", "period_start", "basis")
_ALL = "__all__"


def _fsum(flag: str) -> pl.Expr:
    """FTE of the flagged rows; missing FTE is left out of FTE figures (§3)."""
    return pl.col("fte").filter(pl.col(flag)).sum()


def _count(flag: str) -> pl.Expr:
    return pl.col(flag).sum().cast(pl.Int64)


def latest_snapshot(
    frame: pl.DataFrame, series: Sequence[str], on: ReportingPeriod, lookback_days: int
) -> pl.DataFrame:
    """Rows of each series' latest snapshot on or before the reference date, within lookback."""
    ref = on.reference_date
    recent = frame.filter(pl.col("date").is_between(ref - timedelta(days=lookback_days), ref))
    if not series:
        return recent.filter(pl.col("date") == pl.col("date").max())
    return recent.filter(pl.col("date") == pl.col("date").max().over(series))


def _base(frame: pl.DataFrame, keys: list[str], period: ReportingPeriod) -> pl.DataFrame:
    start, ref = period.start, period.reference_date
    overlap_days = (
        pl.min_horizontal(pl.col("end_date").fill_null(ref), pl.lit(ref))
        - pl.max_horizontal(pl.col("start_date"), pl.lit(start))
    ).dt.total_days() + 1
    exposure = pl.col("fte") * overlap_days.clip(lower_bound=0) / period.days
    return frame.group_by(keys).agg(
        inpost_fte=_fsum("inpost"),
        inpost_headcount=_count("inpost_hc"),
        starters_fte=_fsum("starter"),
        starters_headcount=_count("starter_hc"),
        leavers_fte=_fsum("leaver"),
        leavers_headcount=_count("leaver_hc"),
        agency_fte=_fsum("agency_inpost"),
        agency_headcount=_count("agency_inpost_hc"),
        inpost_fte_unknown_headcount=(pl.col("inpost_hc") & pl.col("fte").is_null())
        .sum()
        .cast(pl.Int64),
        fte_years=exposure.filter(~pl.col("agency")).sum(),
    )


def _cases(
    frame: pl.DataFrame,
    cases: pl.DataFrame,
    keys: list[str],
    period: ReportingPeriod,
    settings: MeasureSettings,
) -> pl.DataFrame:
    """Case holders: council and agency workers in post holding ≥1 case (§4, §5.5)."""
    snap = (
        latest_snapshot(
            normalise_snapshot(cases, CASE_REQUIRED, "cases"),
            ["spell_id"],
            period,
            settings.snapshot_lookback_days,
        )
        .group_by("spell_id")
        .agg(pl.col("cases").sum())
    )
    holders = (
        frame.filter(pl.col("inpost") | pl.col("agency_inpost"))
        .join(snap, on="spell_id", how="inner")
        .filter(pl.col("cases") >= 1)
    )
    known = pl.col("fte").is_not_null()
    return holders.group_by(keys).agg(
        case_holders_fte=pl.col("fte").sum(),
        cases=pl.col("cases").filter(known).sum(),
        cases_fte_unknown=pl.col("cases").filter(~known).sum(),
    )


def _absence(
    frame: pl.DataFrame, absence: pl.DataFrame, keys: list[str], period: ReportingPeriod
) -> pl.DataFrame:
    """Working days lost in the period by council-employed spells, leavers included (§5.6)."""
    rows = normalise_snapshot(absence, ABSENCE_REQUIRED, "absence").filter(
        pl.col("date").is_between(period.start, period.reference_date)
    )
    council = frame.filter(~pl.col("agency")).select(*keys, "spell_id")
    return (
        rows.join(council, on="spell_id", how="inner")
        .group_by(keys)
        .agg(working_days_lost_fte=pl.col("working_days_lost").sum())
    )


def _vacancies(
    vacancies: pl.DataFrame,
    by: list[str],
    keys: list[str],
    period: ReportingPeriod,
    settings: MeasureSettings,
) -> pl.DataFrame | None:
    """Vacancies and agency cover at the reference date (§4, §5.3-5.4); None if not groupable."""
    if any(c not in vacancies.columns for c in by):
        return None  # e.g. by census role: vacancies are not recorded at that level
    extra = [c for c in vacancies.columns if c not in VACANCY_REQUIRED]
    frame = normalise_snapshot(vacancies, VACANCY_REQUIRED, "vacancies", keep=extra)
    series = ["organisation", *extra]
    snap = latest_snapshot(frame, series, period, settings.snapshot_lookback_days)
    if not by:
        snap = snap.with_columns(pl.lit(True).alias(_ALL))
    return snap.group_by(keys).agg(sum_or_null("vacancy_fte"), sum_or_null("agency_cover_fte"))


def compute_measures(
    spells: pl.DataFrame,
    *,
    period: ReportingPeriod | int,
    by: Sequence[str],
    vacancies: pl.DataFrame | None = None,
    cases: pl.DataFrame | None = None,
    absence: pl.DataFrame | None = None,
    settings: MeasureSettings | None = None,
) -> pl.DataFrame:
    """Every DfE headline measure, with numerators and denominators, one row per group.

    ``period``: a ``ReportingPeriod`` or a census year number (reference date 30 September).
    ``by``: grouping columns of ``spells`` (``[]`` = one total row). Measures whose input
    frame is not given, or cannot be grouped by ``by``, are null. Nothing is rounded.
    """
    settings = settings or MeasureSettings()
    period = as_period(period)
    by = list(by)
    keys = by or [_ALL]
    frame = annotate(spells, period, by, settings)
    if not by:
        frame = frame.with_columns(pl.lit(True).alias(_ALL))
    out = _base(frame, keys, period)

    vac = None if vacancies is None else _vacancies(vacancies, by, keys, period, settings)
    if vac is None:
        out = out.with_columns(
            vacancy_fte=pl.lit(None, pl.Float64), agency_cover_fte=pl.lit(None, pl.Float64)
        )
    else:
        vac = vac.with_columns(_vac=pl.lit(True))
        out = out.join(vac, on=keys, how="full", coalesce=True, nulls_equal=True)
        no_row = pl.col("_vac").is_null()  # a group with staff but no vacancy rows: 0
        out = out.with_columns(
            *[pl.col(c).fill_null(0) for c in _base_columns(out, keys)],
            *[
                pl.when(no_row).then(0.0).otherwise(pl.col(c)).alias(c)
                for c in ("vacancy_fte", "agency_cover_fte")
            ],
        ).drop("_vac")

    if cases is None:
        out = out.with_columns(
            pl.lit(None, pl.Float64).alias(c)
            for c in ("case_holders_fte", "cases", "cases_fte_unknown")
        )
    else:
        held = _cases(frame, cases, keys, period, settings)
        out = out.join(held, on=keys, how="left", nulls_equal=True)
        out = out.with_columns(
            pl.col("case_holders_fte").fill_null(0.0),
            pl.col("cases", "cases_fte_unknown").fill_null(0).cast(pl.Int64),
        )

    if absence is None:
        out = out.with_columns(working_days_lost_fte=pl.lit(None, pl.Float64))
    else:
        lost = _absence(frame, absence, keys, period)
        out = out.join(lost, on=keys, how="left", nulls_equal=True)
        out = out.with_columns(pl.col("working_days_lost_fte").fill_null(0.0))

    fte_basis = (
        pl.col("inpost_fte")
        if settings.absence_denominator is AbsenceDenominator.INPOST_FTE
        else pl.col("fte_years")
    )
    out = with_rate_components(out).with_columns(
        pl.col("working_days_lost_fte").cast(pl.Float64).alias(f"{ABSENCE_RATE}_numerator"),
        (fte_basis * settings.working_days_per_fte_year).alias(f"{ABSENCE_RATE}_denominator"),
    )
    out = with_rates(out).with_columns(
        reference_date=pl.lit(period.reference_date),
        period_start=pl.lit(period.start),
        basis=pl.lit(period.basis),
    )
    components = sorted(c for c in out.columns if c.endswith(("_numerator", "_denominator")))
    out = out.select(*by, *LABELS, *MEASURES, *EXTRAS, *components)
    return out.sort(by, nulls_last=True) if by else out


def _base_columns(frame: pl.DataFrame, keys: list[str]) -> list[str]:
    skip = {*keys, "vacancy_fte", "agency_cover_fte", "_vac"}
    return [c for c in frame.columns if c not in skip]
