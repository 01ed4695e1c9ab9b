"""Who is in post, who started and who left: one vectorised pass over the spells.

Adds boolean flags and headcount de-duplication flags to each spell row. Every measure
is then a grouped sum of these columns, so numerators and denominators add up across
teams, services and councils (workforce-measures.md §5.9 rule 2).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

import polars as pl

from .continuity import islands, number_people
from .contract import normalise_spells
from .periods import ReportingPeriod
from .settings import MeasureSettings


def in_post_on(day: date, settings: MeasureSettings) -> pl.Expr:
    """Spell covers ``day``; a last working day of ``day`` is a leaver, not in post (§4)."""
    end = pl.col("end_date")
    still_there = end >= day if settings.reference_day_leaver_in_post else end > day
    return (pl.col("start_date") <= day) & (end.is_null() | still_there)


def _between(col: str, start: date, end: date) -> pl.Expr:
    return pl.col(col).is_between(start, end, closed="both")


def _first_of(flag: str, key: Sequence[str]) -> pl.Expr:
    """Headcount flag: the first (most senior) row per de-duplication key among flagged rows.

    Agency records are never de-duplicated (§3).
    """
    first = pl.struct([flag, *key]).is_first_distinct()
    return pl.col(flag) & (pl.col("agency") | first)


def annotate(
    spells: pl.DataFrame,
    period: ReportingPeriod,
    by: Sequence[str],
    settings: MeasureSettings,
) -> pl.DataFrame:
    """Normalise the spells and add the in-post, flow and headcount flags for ``period``."""
    frame = normalise_spells(spells, by).filter(pl.col("is_social_worker"))
    if settings.exclude_casual:
        frame = frame.filter(~pl.col("casual"))
    frame = islands(number_people(frame), settings.continuity_gap_days)
    # Agency spells are never flows; give them their own island bounds.
    frame = frame.with_columns(
        island_start=pl.when(pl.col("agency"))
        .then(pl.col("start_date"))
        .otherwise(pl.col("island_start")),
        island_end=pl.when(pl.col("agency")).then(pl.col("end_date")).otherwise("island_end"),
    )
    start, ref = period.start, period.reference_date
    # Only spells touching the period (or the previous reference date) matter from here.
    frame = frame.filter(
        (pl.col("start_date") <= ref)
        & (pl.col("end_date").is_null() | (pl.col("end_date") >= start - timedelta(days=1)))
    )

    council = ~pl.col("agency")
    # A leaver who returns, or a starter who had left, within the period (§4).
    returns_after = _between("island_end", start, ref) & _between("next_island_start", start, ref)
    returned_from = _between("prev_island_end", start, ref)
    island_in = _between("island_start", start, ref) & _between("island_end", start, ref)
    cancel_start = (island_in & (not settings.count_starter_who_leaves)) | (
        returned_from.fill_null(False) & (not settings.count_leaver_who_returns)
    )
    cancel_leave = (island_in & (not settings.count_starter_who_leaves)) | (
        returns_after.fill_null(False) & (not settings.count_leaver_who_returns)
    )
    island_starter = (pl.col("start_date") == pl.col("island_start")) & _between(
        "island_start", start, ref
    )
    island_leaver = (pl.col("end_date") == pl.col("island_end")) & _between(
        "island_end", start, ref
    )
    if settings.count_internal_moves:
        starter = _between("start_date", start, ref) & ~(island_starter & cancel_start)
        leaver = _between("end_date", start, ref) & ~(island_leaver & cancel_leave)
    else:
        starter = island_starter & ~cancel_start
        leaver = island_leaver.fill_null(False) & ~cancel_leave

    frame = frame.with_columns(
        inpost=council & in_post_on(ref, settings),
        agency_inpost=pl.col("agency") & in_post_on(ref, settings),
        inpost_previous=council & in_post_on(period.previous_reference_date, settings),
        starter=council & starter.fill_null(False),
        leaver=council & leaver.fill_null(False),
        role_rank=pl.col("census_role").cast(pl.Int8, strict=False).fill_null(99),
    ).with_columns(agency_inpost_hc=pl.col("agency_inpost"))
    return frame.hstack(_headcount_flags(frame).get_columns())


def _headcount_flags(frame: pl.DataFrame) -> pl.DataFrame:
    """Headcount flags in the original row order, computed on a narrow sorted copy.

    More senior role first (census OrgRole 1 = Senior Manager), then larger FTE, then
    earlier start (§3); a stable sort keeps any remaining ties in a deterministic order.
    """
    flags = ["inpost", "inpost_previous", "starter", "leaver"]
    narrow = frame.select(
        pl.int_range(pl.len(), dtype=pl.UInt32).alias("_idx"),
        "role_rank", "fte", "start_date", "end_date", "person", "agency", *flags,
    )  # fmt: skip
    ordered = narrow.sort(
        pl.col("role_rank"),
        pl.col("fte").fill_null(-1.0),  # unknown FTE last
        pl.col("start_date"),
        descending=[False, True, False],
        maintain_order=True,
    )
    return (
        ordered.with_columns(
            inpost_hc=_first_of("inpost", ["person"]),
            inpost_previous_hc=_first_of("inpost_previous", ["person"]),
            starter_hc=_first_of("starter", ["person", "start_date"]),
            leaver_hc=_first_of("leaver", ["person", "end_date"]),
        )
        .sort("_idx")
        .select("inpost_hc", "inpost_previous_hc", "starter_hc", "leaver_hc")
    )
