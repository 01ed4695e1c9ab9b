"""People and continuous service (workforce-measures.md §3, §5.1), without per-group loops.

``person`` numbers each §3 de-duplication key. An island is a run of one person's spells
(council and agency separately) in which each spell starts no more than ``gap_days`` after
the latest end so far: moves between posts inside a council are not flows.
"""

from __future__ import annotations

from datetime import date

import polars as pl

from .contract import DEDUP_KEY

OPEN_END = date(9999, 12, 31)
_NONE = date(1, 1, 1)  # sentinel for "no neighbouring island" while filling
_OFFSET = 1 << 22  # more than the day number of 9999-12-31
_OPEN_DAYS = (OPEN_END - date(1970, 1, 1)).days


def number_people(frame: pl.DataFrame) -> pl.DataFrame:
    """Add ``person`` (UInt64), one value per de-duplication key.

    A hash of the key is fast; if two keys ever shared a hash, fall back to an exact rank.
    """
    key = pl.struct(DEDUP_KEY)
    hashed = frame.with_columns(person=key.hash())
    keys, hashes = hashed.select(key.n_unique(), pl.col("person").n_unique()).row(0)
    if keys == hashes:
        return hashed
    return frame.with_columns(person=key.rank("dense").cast(pl.UInt64))


def _as_date(days: str) -> pl.Expr:
    return pl.col(days).cast(pl.Int32).cast(pl.Date)


def islands(frame: pl.DataFrame, gap_days: int) -> pl.DataFrame:
    """Add ``island``, ``island_start``, ``island_end`` (null = open), ``prev_island_end``
    and ``next_island_start`` (the same person's neighbouring council islands, or null).

    Works on a narrow copy sorted by person (sorting the wide frame would move every
    string column); running maxima are offset by the run's (or island's) ordinal so that
    one global ``cum_max`` never carries from one group into the next.
    """
    narrow = frame.select(
        pl.int_range(pl.len(), dtype=pl.UInt32).alias("_idx"),
        "person",
        "agency",
        "start_date",
        "end_date",
    )
    # Ties on start date need no order: such spells always fall in the same island.
    ordered = narrow.sort(["person", "agency", "start_date"], maintain_order=True)
    end_num = pl.col("end_date").fill_null(OPEN_END).cast(pl.Int64)
    run = pl.col("_run") * _OFFSET
    step1 = ordered.with_columns(_run=pl.struct("person", "agency").rle_id().cast(pl.Int64))
    step1 = step1.with_columns(_first_in_run=(pl.col("_run") != pl.col("_run").shift(1)))
    step1 = step1.with_columns(pl.col("_first_in_run").fill_null(True))
    prev_max_end = (run + end_num).cum_max().shift(1) - run
    new_island = pl.col("_first_in_run") | (
        pl.col("start_date").cast(pl.Int64) > prev_max_end + gap_days
    )
    step2 = step1.with_columns(_new=new_island).with_columns(
        island=pl.col("_new").cum_sum().cast(pl.Int64)
    )
    isl = pl.col("island") * _OFFSET
    last = (pl.col("island") != pl.col("island").shift(-1)).fill_null(True)
    step3 = step2.with_columns(
        _end=pl.when(last).then((isl + end_num).cum_max() - isl).backward_fill(),
        island_start=pl.when(pl.col("_new")).then(pl.col("start_date")).forward_fill(),
        _last=last,
    )
    is_open = pl.col("_end") == _OPEN_DAYS
    step4 = step3.with_columns(island_end=pl.when(is_open).then(None).otherwise(_as_date("_end")))
    next_same_run = ~pl.col("_first_in_run").shift(-1).fill_null(True)
    step5 = step4.with_columns(
        prev_island_end=pl.when(pl.col("_new"))
        .then(
            pl.when(pl.col("_first_in_run"))
            .then(pl.lit(_NONE))
            .otherwise(pl.col("island_end").shift(1))
        )
        .forward_fill(),
        next_island_start=pl.when(pl.col("_last"))
        .then(
            pl.when(next_same_run).then(pl.col("island_start").shift(-1)).otherwise(pl.lit(_NONE))
        )
        .backward_fill(),
    )
    added = step5.sort("_idx").select(
        "island",
        "island_start",
        "island_end",
        *[
            pl.when(pl.col(c) == _NONE).then(None).otherwise(pl.col(c)).alias(c)
            for c in ("prev_island_end", "next_island_start")
        ],
    )
    return frame.hstack(added.get_columns())
