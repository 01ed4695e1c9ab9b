"""Item, standard, eNPS and reported-number formulas (health-check.md §2.4, §2.5, §3.2, §3.3).

These return raw, unsuppressed figures. Publish only through `breakdowns.breakdown`, which
applies disclosure control (health-check.md §3.1). Each `*_table` function takes a frame from
`inputs.prepare` and the group columns to split by; the public wrappers take raw frames or
the output of `prepare` (used as it is).
"""

from collections.abc import Sequence
from typing import Final

import polars as pl

from workforce_health.surveys.analysis.inputs import AGREE, NUMBER, SCALE_0_10, ensure_prepared
from workforce_health.surveys.analysis.rounding import band_expr, round_half_up_expr

HOURS_OVER_CONTRACT: Final = "hours_over_contract"
DEFAULT_CONTRACTED_HOURS_ITEM: Final = "contracted_hours"
DEFAULT_ACTUAL_HOURS_ITEM: Final = "actual_hours"


def _pct(count: str, total: str = "n") -> pl.Expr:
    """Percentage 0-100 of `total`; null when nobody answered."""
    return pl.when(pl.col(total) > 0).then(100.0 * pl.col(count) / pl.col(total))


def points_expr() -> pl.Expr:
    """LGA points for an agree answer (§2.5): 1 -> 0 ... 5 -> 100, reversed for negative items."""
    points = (pl.col("answer") - 1) * 25.0
    return pl.when(pl.col("reverse")).then(100.0 - points).otherwise(points)


def _count(condition: pl.Expr) -> pl.Expr:
    return condition.fill_null(False).sum().cast(pl.Int64)


def _item_counts() -> list[pl.Expr]:
    """An agree item's descriptive columns and answer counts, per group (§2.5)."""
    answer = pl.col("answer")
    return [
        pl.col("standard").first(),
        pl.col("reverse").first(),
        _count(answer.is_not_null()).alias("n"),
        _count(pl.col("dont_know")).alias("n_dont_know"),
        _count(answer >= 4).alias("n_agree"),
        _count(answer == 3).alias("n_neutral"),
        _count(answer <= 2).alias("n_disagree"),
    ]


def _item_shares() -> list[pl.Expr]:
    """The shares agreeing, neutral and disagreeing, of n (0-100)."""
    return [
        _pct("n_agree").alias("pct_agree"),
        _pct("n_neutral").alias("pct_neutral"),
        _pct("n_disagree").alias("pct_disagree"),
    ]


def item_table(prepared: pl.DataFrame, keys: Sequence[str] = ()) -> pl.DataFrame:
    """One row per group and agree item.

    Columns: *keys, item_code, standard, reverse, n (answered, excluding don't know),
    n_dont_know, n_agree, n_neutral, n_disagree, pct_agree, pct_neutral, pct_disagree
    (0-100, share of n; pct_agree is the plain share agreeing even for reverse items) and
    score (0-100 mean of points, reversed for reverse items; null when n = 0).
    """
    return (
        prepared.filter(pl.col("type") == AGREE)
        .group_by([*keys, "item_code"], maintain_order=True)
        .agg(
            *_item_counts(),
            points_expr().mean().alias("score"),
        )
        .with_columns(_item_shares())
        .sort([*keys, "item_code"], nulls_last=True, maintain_order=True)
    )


def item_rollup(
    prepared: pl.DataFrame, dims: Sequence[str], sets: Sequence[Sequence[str]]
) -> list[pl.DataFrame]:
    """`item_table(prepared, keys)` for each `keys` in `sets` (each a subset of `dims`), from
    one pass over the answers: the counts and the sum of points by `dims` and item, then
    summed up to each grouping set. Identical to `item_table`: the counts are integers, and
    the points are whole multiples of 25, so their sums are exact in any order and the score
    (their mean) is the same sum divided by the same n."""
    counts = ("n", "n_dont_know", "n_agree", "n_neutral", "n_disagree")
    finest = (
        prepared.filter(pl.col("type") == AGREE)
        .group_by([*dims, "item_code"])
        .agg(
            *_item_counts(),
            points_expr().sum().alias("_points"),
        )
    )
    tables = []
    for keys in sets:
        tables.append(
            finest.group_by([*keys, "item_code"])
            .agg(
                pl.col("standard").first(),
                pl.col("reverse").first(),
                *[pl.col(c).sum().cast(pl.Int64) for c in counts],
                pl.col("_points").sum(),
            )
            .with_columns(
                pl.when(pl.col("n") > 0).then(pl.col("_points") / pl.col("n")).alias("score")
            )
            .drop("_points")
            .with_columns(_item_shares())
            .sort([*keys, "item_code"], nulls_last=True, maintain_order=True)
        )
    return tables


def standard_table(
    prepared: pl.DataFrame, keys: Sequence[str] = (), *, key: str = "standard"
) -> pl.DataFrame:
    """One row per group and standard (or theme, with key="theme").

    Each respondent's score is the mean of their points over the standard's answered agree
    items; the group score is the mean of respondent scores (§2.5).
    Columns: *keys, <key>, n (respondents with a score), score (0-100), score_rounded
    (Int64, half up), band ("low" 0-50, "moderate" 51-74, "high" 75-100, from score_rounded).
    """
    if key not in ("standard", "theme"):
        raise ValueError("key must be 'standard' or 'theme'")
    return (
        prepared.filter(
            (pl.col("type") == AGREE) & pl.col(key).is_not_null() & pl.col("answer").is_not_null()
        )
        .group_by([*keys, key, "response_id"], maintain_order=True)
        .agg(points_expr().mean().alias("respondent_score"))
        .group_by([*keys, key], maintain_order=True)
        .agg(
            pl.len().cast(pl.Int64).alias("n"),
            pl.col("respondent_score").mean().alias("score"),
        )
        .with_columns(
            round_half_up_expr(pl.col("score")).cast(pl.Int64).alias("score_rounded"),
            band_expr(pl.col("score")).alias("band"),
        )
        .sort([*keys, key], nulls_last=True, maintain_order=True)
    )


def standard_rollup(
    prepared: pl.DataFrame,
    dims: Sequence[str],
    sets: Sequence[Sequence[str]],
    *,
    key: str = "standard",
) -> list[pl.DataFrame]:
    """`standard_table(prepared, keys, key=key)` for each `keys` in `sets` (each a subset of
    `dims`), scoring each respondent once. Identical to `standard_table` when each respondent
    has one value of each of `dims` (as `prepare` gives for a respondent's snapshot): the same
    respondent scores, in the same order within each group, are averaged. Otherwise it falls
    back to `standard_table` for each set."""
    if key not in ("standard", "theme"):
        raise ValueError("key must be 'standard' or 'theme'")
    respondents = (
        prepared.filter(
            (pl.col("type") == AGREE) & pl.col(key).is_not_null() & pl.col("answer").is_not_null()
        )
        .group_by([*dims, key, "response_id"], maintain_order=True)
        .agg(points_expr().mean().alias("respondent_score"))
    )
    if respondents.select(pl.struct(key, "response_id").is_duplicated().any()).item():
        return [standard_table(prepared, keys, key=key) for keys in sets]
    return [
        respondents.group_by([*keys, key], maintain_order=True)
        .agg(
            pl.len().cast(pl.Int64).alias("n"),
            pl.col("respondent_score").mean().alias("score"),
        )
        .with_columns(
            round_half_up_expr(pl.col("score")).cast(pl.Int64).alias("score_rounded"),
            band_expr(pl.col("score")).alias("band"),
        )
        .sort([*keys, key], nulls_last=True, maintain_order=True)
        for keys in sets
    ]


def enps_table(prepared: pl.DataFrame, keys: Sequence[str] = ()) -> pl.DataFrame:
    """One row per group and 0-10 item (§3.3): skips and don't knows are excluded.

    Columns: *keys, item_code, n, n_promoters (9-10), n_passives (7-8), n_detractors (0-6),
    pct_promoters, pct_passives, pct_detractors, enps (pct_promoters - pct_detractors,
    -100 to 100, unrounded).
    """
    answer = pl.col("answer")
    return (
        prepared.filter(pl.col("type") == SCALE_0_10)
        .group_by([*keys, "item_code"], maintain_order=True)
        .agg(
            _count(answer.is_not_null()).alias("n"),
            _count(answer >= 9).alias("n_promoters"),
            _count(answer.is_between(7, 8)).alias("n_passives"),
            _count(answer <= 6).alias("n_detractors"),
        )
        .with_columns(
            _pct("n_promoters").alias("pct_promoters"),
            _pct("n_passives").alias("pct_passives"),
            _pct("n_detractors").alias("pct_detractors"),
        )
        .with_columns((pl.col("pct_promoters") - pl.col("pct_detractors")).alias("enps"))
        .sort([*keys, "item_code"], nulls_last=True, maintain_order=True)
    )


def numbers_table(
    prepared: pl.DataFrame,
    keys: Sequence[str] = (),
    *,
    contracted_item: str = DEFAULT_CONTRACTED_HOURS_ITEM,
    actual_item: str = DEFAULT_ACTUAL_HOURS_ITEM,
) -> pl.DataFrame:
    """One row per group and measure: every number item, plus hours over contract (§2.4).

    Hours over contract = actual minus contracted weekly hours, for respondents who gave
    both in range (it may be negative). Out-of-range numbers were nulled by `prepare`.
    Columns: *keys, measure (item code or "hours_over_contract"), n, mean, median,
    pct_over_contract (share of n working more than contracted; hours over contract only).
    """
    numbers = prepared.filter((pl.col("type") == NUMBER) & pl.col("number").is_not_null())
    per_item = numbers.select(*keys, pl.col("item_code").alias("measure"), "number")
    over = (
        numbers.filter(pl.col("item_code").is_in([contracted_item, actual_item]))
        .group_by([*keys, "response_id"], maintain_order=True)
        .agg(
            (
                pl.col("number").filter(pl.col("item_code") == actual_item).first()
                - pl.col("number").filter(pl.col("item_code") == contracted_item).first()
            ).alias("number")
        )
        .filter(pl.col("number").is_not_null())
        .select(*keys, pl.lit(HOURS_OVER_CONTRACT).alias("measure"), "number")
    )
    return (
        pl.concat([per_item, over])
        .group_by([*keys, "measure"], maintain_order=True)
        .agg(
            pl.len().cast(pl.Int64).alias("n"),
            pl.col("number").mean().alias("mean"),
            pl.col("number").median().alias("median"),
            pl.when(pl.col("measure").first() == HOURS_OVER_CONTRACT)
            .then(100.0 * (pl.col("number") > 0).mean())
            .alias("pct_over_contract"),
        )
        .sort([*keys, "measure"], nulls_last=True, maintain_order=True)
    )


# Public wrappers on raw frames (or the output of `prepare`, used as it is): raw figures for
# checking and for the wave-change test.


def item_results(responses: pl.DataFrame, items: pl.DataFrame) -> pl.DataFrame:
    """Whole-wave agree-item results, unsuppressed; columns as `item_table`."""
    return item_table(ensure_prepared(responses, items))


def standard_results(
    responses: pl.DataFrame, items: pl.DataFrame, *, key: str = "standard"
) -> pl.DataFrame:
    """Whole-wave standard (or theme) scores and bands, unsuppressed; see `standard_table`."""
    return standard_table(ensure_prepared(responses, items), key=key)


def enps(responses: pl.DataFrame, items: pl.DataFrame) -> pl.DataFrame:
    """Whole-wave eNPS for every 0-10 item, unsuppressed; see `enps_table`."""
    return enps_table(ensure_prepared(responses, items))


def reported_numbers(
    responses: pl.DataFrame,
    items: pl.DataFrame,
    *,
    contracted_item: str = DEFAULT_CONTRACTED_HOURS_ITEM,
    actual_item: str = DEFAULT_ACTUAL_HOURS_ITEM,
) -> pl.DataFrame:
    """Whole-wave practitioner-reported numbers, unsuppressed; see `numbers_table`."""
    return numbers_table(
        ensure_prepared(responses, items), contracted_item=contracted_item, actual_item=actual_item
    )
