"""CPD readiness for Social Work England's renewal (development.md §3.2) on polars frames.

A registration year ``Y`` runs from 1 December ``Y - 1`` to 30 November ``Y``; the renewal window
is 1 September to 30 November ``Y``. By renewal each registered social worker records at least
two pieces of CPD in the year, at least one of them including a peer reflection.

``people``: person_id Int64 and the grouping columns (registered social workers in post).
``entries``: person_id Int64, done_on Date, hours Float64, peer_reflection Boolean,
recorded_with_swe Boolean.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence

import polars as pl

PIECES_NEEDED = 2
ALL = "__all__"


def registration_year(on: datetime.date) -> int:
    """The registration year a date falls in (December belongs to the next year)."""
    return on.year + 1 if on.month == 12 else on.year


def registration_year_bounds(year: int) -> tuple[datetime.date, datetime.date]:
    return datetime.date(year - 1, 12, 1), datetime.date(year, 11, 30)


def renewal_window(year: int) -> tuple[datetime.date, datetime.date]:
    return datetime.date(year, 9, 1), datetime.date(year, 11, 30)


def person_readiness(people: pl.DataFrame, entries: pl.DataFrame, *, year: int) -> pl.DataFrame:
    """One row per person: pieces in the registration year, those with a peer reflection and
    those recorded with Social Work England, hours, and ``ready`` (two pieces, one with a peer
    reflection), ``fewer_than_two`` and ``no_peer_reflection``."""
    first, last = registration_year_bounds(year)
    in_year = entries.filter(pl.col("done_on").is_between(first, last))
    per_person = in_year.group_by("person_id").agg(
        pieces=pl.len().cast(pl.Int64),
        peer_reflections=pl.col("peer_reflection").sum().cast(pl.Int64),
        recorded_with_swe=pl.col("recorded_with_swe").sum().cast(pl.Int64),
        hours=pl.col("hours").sum(),
    )
    table = people.join(per_person, on="person_id", how="left").with_columns(
        pl.col("pieces", "peer_reflections", "recorded_with_swe").fill_null(0),
        pl.col("hours").fill_null(0.0),
    )
    return table.with_columns(
        fewer_than_two=pl.col("pieces") < PIECES_NEEDED,
        no_peer_reflection=pl.col("peer_reflections") == 0,
    ).with_columns(ready=~pl.col("fewer_than_two") & ~pl.col("no_peer_reflection"))


def readiness(
    people: pl.DataFrame, entries: pl.DataFrame, *, year: int, by: Sequence[str] = ()
) -> pl.DataFrame:
    """One row per group: people, ready, fewer than two pieces, no peer reflection, the share
    ready (%), pieces, pieces recorded with Social Work England and hours."""
    table = person_readiness(people, entries, year=year)
    keys = list(by) or [ALL]
    if not by:
        table = table.with_columns(pl.lit(True).alias(ALL))
    grouped = table.group_by(keys).agg(
        people=pl.len().cast(pl.Int64),
        ready=pl.col("ready").sum().cast(pl.Int64),
        fewer_than_two=pl.col("fewer_than_two").sum().cast(pl.Int64),
        no_peer_reflection=pl.col("no_peer_reflection").sum().cast(pl.Int64),
        pieces=pl.col("pieces").sum().cast(pl.Int64),
        recorded_with_swe=pl.col("recorded_with_swe").sum().cast(pl.Int64),
        hours=pl.col("hours").sum(),
    )
    if not by and grouped.is_empty():
        grouped = pl.DataFrame(
            [{c: (True if c == ALL else 0.0 if c == "hours" else 0) for c in grouped.columns}],
            schema=grouped.schema,
        )
    grouped = grouped.with_columns(
        share_ready=pl.when(pl.col("people") > 0)
        .then(pl.col("ready") * 100.0 / pl.col("people"))
        .otherwise(None)
    )
    return grouped.drop(ALL) if not by else grouped.sort(list(by), nulls_last=True)


def activity(
    people: pl.DataFrame,
    entries: pl.DataFrame,
    *,
    start: datetime.date,
    end: datetime.date,
    by: Sequence[str] = (),
) -> pl.DataFrame:
    """CPD activity in any period by group: people, people with any CPD, pieces, hours, pieces
    per person and pieces with a peer reflection (for the training needs view)."""
    keys = list(by) or [ALL]
    base = people if by else people.with_columns(pl.lit(True).alias(ALL))
    in_period = entries.filter(pl.col("done_on").is_between(start, end))
    joined = base.join(in_period, on="person_id", how="left")
    grouped = joined.group_by(keys).agg(
        people=pl.col("person_id").n_unique().cast(pl.Int64),
        people_with_cpd=pl.col("person_id").filter(pl.col("done_on").is_not_null()).n_unique(),
        pieces=pl.col("done_on").count().cast(pl.Int64),
        hours=pl.col("hours").sum(),
        peer_reflections=pl.col("peer_reflection").sum().cast(pl.Int64),
    )
    grouped = grouped.with_columns(
        pl.col("people_with_cpd").cast(pl.Int64),
        pieces_per_person=pl.when(pl.col("people") > 0)
        .then(pl.col("pieces") / pl.col("people"))
        .otherwise(None),
    )
    return grouped.drop(ALL) if not by else grouped.sort(list(by), nulls_last=True)
