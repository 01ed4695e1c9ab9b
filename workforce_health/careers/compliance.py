"""Agency child and family social workers against the DfE's agency rules (pure: no Django).

The rules (statutory guidance in force from 31 October 2024; listening-careers-access.md §3,
workforce-measures.md §11): the hourly charge within the region's cap for the job type;
at least 3 years' post-qualifying experience in child and family social work in a UK council;
practice-based references; 4 weeks' notice; not engaged within 3 months of leaving a permanent
social work post in the same region. Each rule of each assignment is "met", "not met",
"exception approved" (a charge above the cap signed off) or "missing" (not recorded), and
what is missing is listed in words. Polars frames in, polars frames out.
"""

from __future__ import annotations

import datetime
from typing import Final

import polars as pl

MIN_EXPERIENCE_YEARS: Final = 3
NOTICE_WEEKS: Final = 4
GAP_MONTHS: Final = 3

MET: Final = "met"
NOT_MET: Final = "not met"
MISSING: Final = "missing"
EXCEPTION: Final = "exception approved"

RULES: Final = ("price_cap", "experience", "references", "notice", "gap")
RULE_LABELS: Final = {
    "price_cap": "Hourly charge within the cap",
    "experience": f"{MIN_EXPERIENCE_YEARS} years' post-qualifying experience",
    "references": "Practice-based references",
    "notice": f"{NOTICE_WEEKS} weeks' notice",
    "gap": f"No permanent post in the region in the {GAP_MONTHS} months before",
}
# Column headings for the rules, short enough for a table.
RULE_HEADINGS: Final = {
    "price_cap": "Charge within the cap",
    "experience": f"{MIN_EXPERIENCE_YEARS} years' experience",
    "references": "References",
    "notice": f"{NOTICE_WEEKS} weeks' notice",
    "gap": "No recent permanent post",
}
# What a rule not met means, in words.
PROBLEM_WORDS: Final = {
    "price_cap": "charge above the cap",
    "experience": f"under {MIN_EXPERIENCE_YEARS} years' experience",
    "references": "no references",
    "notice": f"under {NOTICE_WEEKS} weeks' notice",
    "gap": f"left a permanent post in the region under {GAP_MONTHS} months before",
}
# What to record when a rule's status is "missing".
MISSING_WORDS: Final = {
    "price_cap": "hourly charge rate",
    "experience": "post-qualifying experience",
    "references": "references",
    "notice": "notice period",
    "gap": "check of a recent permanent post",
}
NO_CAP: Final = "the region's cap for this job type"

ASSIGNMENT_SCHEMA: Final[dict[str, pl.DataType]] = {
    "assignment_id": pl.Int64(),
    "service": pl.String(),
    "team": pl.String(),
    "role": pl.String(),
    "start_date": pl.Date(),
    "end_date": pl.Date(),
    "hourly_charge_rate": pl.Float64(),
    "experience_years": pl.Float64(),
    "references_received_on": pl.Date(),
    "notice_weeks": pl.Int64(),
    "permanent_post_checked": pl.Boolean(),
    "left_permanent_post_on": pl.Date(),
    "left_permanent_post_region": pl.String(),
    "council_region": pl.String(),
    # The latest end, before this assignment's start, of the same person's permanent or
    # fixed-term spell at this council (from the council's own records; null if none).
    "own_permanent_end": pl.Date(),
    "cap_exception_approved_by": pl.String(),
}
CAP_SCHEMA: Final[dict[str, pl.DataType]] = {
    "role": pl.String(),
    "effective_from": pl.Date(),
    "hourly_cap": pl.Float64(),
}


def _status(*, missing: pl.Expr, met: pl.Expr) -> pl.Expr:
    return (
        pl.when(missing)
        .then(pl.lit(MISSING))
        .when(met)
        .then(pl.lit(MET))
        .otherwise(pl.lit(NOT_MET))
    )


def _with_caps(assignments: pl.DataFrame, caps: pl.DataFrame) -> pl.DataFrame:
    """Each assignment with the cap for its job type in force on its start date (or null)."""
    left = assignments.with_row_index("_order").sort("start_date")
    right = caps.cast(CAP_SCHEMA).sort("effective_from")  # type: ignore[arg-type]
    joined = left.join_asof(
        right,
        left_on="start_date",
        right_on="effective_from",
        by="role",
        strategy="backward",
        check_sortedness=False,  # both sorted above; polars cannot check within groups
    )
    return joined.sort("_order").drop("_order", "effective_from")


def assess(assignments: pl.DataFrame, caps: pl.DataFrame) -> pl.DataFrame:
    """Add ``hourly_cap``, one status column per rule (``RULES``), ``missing`` and ``problems``
    (lists of words) and ``compliant`` (every rule met, or the cap exception approved)."""
    frame = _with_caps(assignments.cast(ASSIGNMENT_SCHEMA), caps)  # type: ignore[arg-type]
    rate, cap = pl.col("hourly_charge_rate"), pl.col("hourly_cap")
    approved = pl.col("cap_exception_approved_by").fill_null("").str.strip_chars() != ""
    price_cap = (
        pl.when(rate.is_null() | cap.is_null())
        .then(pl.lit(MISSING))
        .when(rate <= cap)
        .then(pl.lit(MET))
        .when(approved)
        .then(pl.lit(EXCEPTION))
        .otherwise(pl.lit(NOT_MET))
    )
    window_start = pl.col("start_date").dt.offset_by(f"-{GAP_MONTHS}mo")
    left_here = pl.col("own_permanent_end").is_not_null() & (
        pl.col("own_permanent_end") >= window_start
    )
    left_in_region = (
        pl.col("permanent_post_checked").fill_null(False)
        & pl.col("left_permanent_post_on").is_not_null()
        & (pl.col("left_permanent_post_region") == pl.col("council_region")).fill_null(False)
        & (pl.col("left_permanent_post_on") >= window_start)
        & (pl.col("left_permanent_post_on") <= pl.col("start_date"))
    )
    gap = (
        pl.when(left_here | left_in_region)
        .then(pl.lit(NOT_MET))
        .when(~pl.col("permanent_post_checked").fill_null(False))
        .then(pl.lit(MISSING))
        .otherwise(pl.lit(MET))
    )
    frame = frame.with_columns(
        price_cap=price_cap,
        experience=_status(
            missing=pl.col("experience_years").is_null(),
            met=pl.col("experience_years") >= MIN_EXPERIENCE_YEARS,
        ),
        references=_status(missing=pl.col("references_received_on").is_null(), met=pl.lit(True)),
        notice=_status(
            missing=pl.col("notice_weeks").is_null(), met=pl.col("notice_weeks") >= NOTICE_WEEKS
        ),
        gap=gap,
    )
    return frame.with_columns(
        missing=_words(frame, MISSING),
        problems=_words(frame, NOT_MET),
        compliant=pl.all_horizontal(pl.col(r).is_in([MET, EXCEPTION]) for r in RULES),
    )


def _words(frame: pl.DataFrame, status: str) -> pl.Expr:
    """The rules (in words) whose status is ``status``, as a list per assignment."""
    parts = []
    for rule in RULES:
        if status == MISSING:
            word = MISSING_WORDS[rule]
            if rule == "price_cap":  # a rate with no cap: the cap is what is missing
                word_expr = (
                    pl.when(pl.col("hourly_charge_rate").is_null())
                    .then(pl.lit(word))
                    .otherwise(pl.lit(NO_CAP))
                )
            else:
                word_expr = pl.lit(word)
        else:
            word_expr = pl.lit(PROBLEM_WORDS[rule])
        parts.append(pl.when(pl.col(rule) == status).then(word_expr))
    if not frame.height:
        return pl.lit([], dtype=pl.List(pl.String))
    return pl.concat_list(parts).list.drop_nulls()


def by_team(assessed: pl.DataFrame) -> pl.DataFrame:
    """One row per service and team: assignments, how many comply, and per rule how many are
    not met and how many are missing a record; then ``missing_summary`` and
    ``problems_summary`` (the rules not met) in words."""
    aggregates = [
        pl.len().cast(pl.Int64).alias("assignments"),
        pl.col("compliant").sum().cast(pl.Int64).alias("compliant"),
    ]
    for rule in RULES:
        aggregates += [
            (pl.col(rule) == NOT_MET).sum().cast(pl.Int64).alias(f"{rule}_not_met"),
            (pl.col(rule) == MISSING).sum().cast(pl.Int64).alias(f"{rule}_missing"),
        ]
    table = assessed.group_by("service", "team").agg(aggregates)
    for column in ("missing", "problems"):
        table = table.join(
            _summary(assessed, column), on=["service", "team"], how="left", nulls_equal=True
        ).with_columns(pl.col(f"{column}_summary").fill_null(""))
    return table.sort("service", "team")


def _summary(assessed: pl.DataFrame, column: str) -> pl.DataFrame:
    """Per team, the words in ``column`` (a list per assignment) with how many times each
    occurs, most frequent first: "references (2); notice period (1)"."""
    return (
        assessed.select("service", "team", column)
        .explode(column)
        .drop_nulls(column)
        .group_by("service", "team", column)
        .len()
        .sort("service", "team", "len", column, descending=[False, False, True, False])
        .group_by("service", "team", maintain_order=True)
        .agg(pl.format("{} ({})", column, "len").str.join("; ").alias(f"{column}_summary"))
    )


def quarter_bounds(quarter: str) -> tuple[datetime.date, datetime.date]:
    """``"2025-Q1"`` -> (1 January 2025, 31 March 2025): the DfE collects calendar quarters."""
    year_text, _, number_text = quarter.upper().partition("-Q")
    if not (year_text.isdigit() and number_text in {"1", "2", "3", "4"}):
        raise ValueError(f"Give a quarter as YEAR-QN, like 2025-Q1, not {quarter!r}")
    year, number = int(year_text), int(number_text)
    start = datetime.date(year, 3 * number - 2, 1)
    next_start = (
        datetime.date(year + 1, 1, 1) if number == 4 else datetime.date(year, 3 * number + 1, 1)
    )
    return start, next_start - datetime.timedelta(days=1)


def quarter_of(day: datetime.date) -> str:
    return f"{day.year}-Q{(day.month - 1) // 3 + 1}"


def previous_quarter(day: datetime.date) -> str:
    """The last quarter that has ended by ``day`` (the one a return is made for)."""
    start, _ = quarter_bounds(quarter_of(day))
    return quarter_of(start - datetime.timedelta(days=1))
