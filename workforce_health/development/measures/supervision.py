"""Supervision compliance on polars frames (development.md §1.2 "Measures to report").

Input contract (no Django; the selectors build these frames):

``agreements``: agreement_id Int64, person_id Int64, starts_on Date, ends_on Date (null: open),
policy String (key of ``policies``), newly_qualified Boolean, fte Float64.
``leave``: person_id Int64, starts_on Date, ends_on Date (first and last days away).
``sessions``: person_id Int64, held_on Date, minutes Int64, kind String, uninterrupted Boolean,
quality Int64 (the supervisee's rating 1-5, null when not rated).
``spells``: person_id Int64, start_date Date, end_date Date (null: open), team String,
service String: where each person worked, to put each window and session in a team.

A window counts in a period when it ends inside the period and on or before the date the
measure is taken (``as_of``): a window still open is neither met nor missed. A window is met
when a qualifying session (``Policy.qualifies``) is held in it.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import polars as pl

from .schedule import Rule, windows

WINDOW_COLUMNS = ("agreement_id", "person_id", "policy", "window_start", "window_end", "phase")
ALL = "__all__"


@dataclass(frozen=True)
class Policy:
    """A cadence policy: its two tracks and what makes a session qualify."""

    newly_qualified: Rule
    experienced: Rule
    minimum_minutes: int = 90
    must_be_uninterrupted: bool = True
    counted_kinds: frozenset[str] = frozenset({"one_to_one"})

    def qualifies(self) -> pl.Expr:
        """True for a session that meets the policy (a column expression on ``sessions``)."""
        rule = (pl.col("minutes") >= self.minimum_minutes) & pl.col("kind").is_in(
            sorted(self.counted_kinds)
        )
        return rule & pl.col("uninterrupted") if self.must_be_uninterrupted else rule


def schedule_frame(
    agreements: pl.DataFrame,
    policies: Mapping[str, Policy],
    *,
    until: datetime.date,
    leave: pl.DataFrame | None = None,
) -> pl.DataFrame:
    """Every required window of every agreement that starts by ``until``. A window cut off by
    the end of its agreement is not required."""
    away: dict[int, list[tuple[datetime.date, datetime.date]]] = {}
    if leave is not None:
        for person, first, last in leave.select("person_id", "starts_on", "ends_on").iter_rows():
            away.setdefault(person, []).append((first, last))
    columns: dict[str, list[object]] = {name: [] for name in WINDOW_COLUMNS}
    rows = agreements.select(
        "agreement_id", "person_id", "starts_on", "ends_on", "policy", "newly_qualified", "fte"
    ).iter_rows()
    for agreement, person, starts_on, ends_on, key, newly_qualified, fte in rows:
        policy = policies[key]
        rule = policy.newly_qualified if newly_qualified else policy.experienced
        last = min(until, ends_on) if ends_on is not None else until
        for window in windows(
            starts_on, rule, until=last, fte=fte or 1.0, leave=away.get(person, ())
        ):
            if ends_on is not None and window.end > ends_on:
                break
            for name, value in zip(
                WINDOW_COLUMNS,
                (agreement, person, key, window.start, window.end, window.phase),
                strict=True,
            ):
                columns[name].append(value)
    return pl.DataFrame(
        columns,
        schema={
            "agreement_id": pl.Int64,
            "person_id": pl.Int64,
            "policy": pl.String,
            "window_start": pl.Date,
            "window_end": pl.Date,
            "phase": pl.Int64,
        },
    )


def qualifying_sessions(sessions: pl.DataFrame, policies: Mapping[str, Policy]) -> pl.DataFrame:
    """Each policy's qualifying sessions: policy, person_id, held_on."""
    parts = [
        sessions.filter(policy.qualifies()).select(
            pl.lit(key).alias("policy"), "person_id", "held_on"
        )
        for key, policy in policies.items()
    ]
    schema = {"policy": pl.String, "person_id": pl.Int64, "held_on": pl.Date}
    return pl.concat(parts) if parts else pl.DataFrame(schema=schema)


def windows_met(
    schedule: pl.DataFrame, sessions: pl.DataFrame, policies: Mapping[str, Policy]
) -> pl.DataFrame:
    """The schedule with ``met`` (a qualifying session held in the window) and
    ``first_session`` (the first qualifying session on or after the window's start)."""
    qualifying = qualifying_sessions(sessions, policies).sort("held_on")
    joined = schedule.sort("window_start").join_asof(
        qualifying,
        left_on="window_start",
        right_on="held_on",
        by=["person_id", "policy"],
        strategy="forward",
        check_sortedness=False,
    )
    return joined.rename({"held_on": "first_session"}).with_columns(
        met=pl.col("first_session").is_not_null()
        & (pl.col("first_session") <= pl.col("window_end"))
    )


def with_groups(frame: pl.DataFrame, on: str, spells: pl.DataFrame) -> pl.DataFrame:
    """Add ``team`` and ``service``: where the person worked on the date in column ``on`` (the
    latest spell started by then that had not ended; null when none)."""
    ordered = spells.select(
        "person_id",
        pl.col("start_date").alias("_from"),
        pl.col("end_date").alias("_to"),
        "team",
        "service",
    ).sort("_from")
    joined = frame.sort(on).join_asof(
        ordered,
        left_on=on,
        right_on="_from",
        by="person_id",
        strategy="backward",
        check_sortedness=False,
    )
    ended = pl.col("_to").is_not_null() & (pl.col("_to") < pl.col(on))
    return joined.with_columns(
        pl.when(ended).then(None).otherwise(pl.col(c)).alias(c) for c in ("team", "service")
    ).drop("_from", "_to")


def _in_period(column: str, start: datetime.date, end: datetime.date) -> pl.Expr:
    return pl.col(column).is_between(start, end)


def _keys(by: Sequence[str]) -> list[str]:
    return list(by) or [ALL]


def compliance(
    met: pl.DataFrame,
    sessions: pl.DataFrame,
    *,
    start: datetime.date,
    end: datetime.date,
    as_of: datetime.date,
    by: Sequence[str] = (),
    minimum_minutes: int = 90,
) -> pl.DataFrame:
    """One row per group: people with a window due, windows required and met, the share met
    (%), and the sessions held in the period: how many, how many of at least
    ``minimum_minutes``, uninterrupted, one-to-one, and the mean quality rating given.

    ``met``: ``windows_met`` with the ``by`` columns; ``sessions`` with the ``by`` columns.
    """
    last = min(end, as_of)
    keys = _keys(by)
    due = met.filter(_in_period("window_end", start, last))
    held = sessions.filter(_in_period("held_on", start, last))
    if not by:
        due, held = (f.with_columns(pl.lit(True).alias(ALL)) for f in (due, held))
    windows_part = due.group_by(keys).agg(
        people=pl.col("person_id").n_unique().cast(pl.Int64),
        windows_required=pl.len().cast(pl.Int64),
        windows_met=pl.col("met").sum().cast(pl.Int64),
    )
    sessions_part = held.group_by(keys).agg(
        sessions=pl.len().cast(pl.Int64),
        sessions_long=(pl.col("minutes") >= minimum_minutes).sum().cast(pl.Int64),
        sessions_uninterrupted=pl.col("uninterrupted").sum().cast(pl.Int64),
        sessions_one_to_one=(pl.col("kind") == "one_to_one").sum().cast(pl.Int64),
        ratings=pl.col("quality").count().cast(pl.Int64),
        mean_quality=pl.col("quality").mean(),
    )
    table = windows_part.join(sessions_part, on=keys, how="full", coalesce=True, nulls_equal=True)
    counts = [c for c in table.columns if c not in keys and c != "mean_quality"]
    table = table.with_columns(pl.col(counts).fill_null(0)).with_columns(
        share_met=_share("windows_met", "windows_required"),
        share_long=_share("sessions_long", "sessions"),
        share_uninterrupted=_share("sessions_uninterrupted", "sessions"),
    )
    if not by:
        if table.is_empty():
            table = _empty_total(table)
        return table.drop(ALL)
    return table.sort(list(by), nulls_last=True)


def _share(part: str, whole: str) -> pl.Expr:
    return pl.when(pl.col(whole) > 0).then(pl.col(part) * 100.0 / pl.col(whole)).otherwise(None)


def _empty_total(table: pl.DataFrame) -> pl.DataFrame:
    """The one total row of nothing: zero counts and no shares."""
    row = {
        name: (None if name.startswith(("share", "mean")) else 0 if name != ALL else True)
        for name in table.columns
    }
    return pl.DataFrame([row], schema=table.schema)


def overdue(met: pl.DataFrame, agreements: pl.DataFrame, *, as_of: datetime.date) -> pl.DataFrame:
    """Each agreement in force on ``as_of``: whether it is overdue today (its last window to
    end had no qualifying session, nor has the window now open had one yet), since when (the
    end of the first window missed since the last one met), the latest qualifying session and
    when the open window ends. Columns: agreement_id, person_id, overdue, overdue_since,
    last_met_window_end, due_by, met_now."""
    live = agreements.filter(
        (pl.col("starts_on") <= as_of)
        & (pl.col("ends_on").is_null() | (pl.col("ends_on") >= as_of))
    ).select("agreement_id", "person_id")
    ended = met.filter(pl.col("window_end") < as_of)
    now = met.filter((pl.col("window_start") <= as_of) & (pl.col("window_end") >= as_of))
    last_met = (
        ended.filter("met")
        .group_by("agreement_id")
        .agg(last_met_window_end=pl.col("window_end").max())
    )
    missed = (
        ended.join(last_met, on="agreement_id", how="left")
        .filter(
            ~pl.col("met")
            & (
                pl.col("last_met_window_end").is_null()
                | (pl.col("window_end") > pl.col("last_met_window_end"))
            )
        )
        .group_by("agreement_id")
        .agg(overdue_since=pl.col("window_end").min())
    )
    current = now.group_by("agreement_id").agg(
        due_by=pl.col("window_end").max(), met_now=pl.col("met").any()
    )
    table = (
        live.join(missed, on="agreement_id", how="left")
        .join(last_met, on="agreement_id", how="left")
        .join(current, on="agreement_id", how="left")
    )
    return table.with_columns(
        overdue=pl.col("overdue_since").is_not_null() & ~pl.col("met_now").fill_null(False)
    ).sort("agreement_id")
