"""Change since the previous wave: two-proportion z-test (health-check.md §3.4)."""

import math
from collections.abc import Sequence
from statistics import NormalDist
from typing import Final

import polars as pl

from workforce_health.surveys.analysis.suppression import DEFAULT_MIN_GROUP_SIZE

DEFAULT_ALPHA: Final = 0.05
LABEL_UP: Final = "statistically significant increase"
LABEL_DOWN: Final = "statistically significant decrease"
LABEL_SAME: Final = "no significant change"
LABEL_NOT_COMPARED: Final = "not compared"


def z_critical(alpha: float = DEFAULT_ALPHA) -> float:
    """Two-sided critical value: 1.959964 at the 5% level."""
    if not 0 < alpha < 1:
        raise ValueError("alpha must be between 0 and 1")
    return NormalDist().inv_cdf(1 - alpha / 2)


def two_proportion_z(x1: int, n1: int, x2: int, n2: int) -> float:
    """Pooled z for x1/n1 versus x2/n2; 0 when the pooled share is 0 or 1 (no variation)."""
    if n1 <= 0 or n2 <= 0:
        raise ValueError("both groups need at least one answer")
    pooled = (x1 + x2) / (n1 + n2)
    variance = pooled * (1 - pooled) * (1 / n1 + 1 / n2)
    return 0.0 if variance <= 0 else (x1 / n1 - x2 / n2) / math.sqrt(variance)


def two_sided_p(z: float) -> float:
    """P(|Z| >= |z|) for a standard normal Z."""
    return math.erfc(abs(z) / math.sqrt(2))


def wave_change(
    current: pl.DataFrame,
    previous: pl.DataFrame,
    *,
    on: Sequence[str] = ("item_code",),
    alpha: float = DEFAULT_ALPHA,
    min_group_size: int = DEFAULT_MIN_GROUP_SIZE,
) -> pl.DataFrame:
    """Compare pct_agree for every row present in both waves (item codes are the lineage).

    Inputs are `item_results` or `breakdown(measure="items")` frames: `on` columns plus n
    and n_agree (null in suppressed rows) and optionally `reverse`. Rows are compared only
    when both waves have n >= min_group_size.
    Columns: *on, n_current, pct_agree_current, n_previous, pct_agree_previous, change
    (percentage points, current minus previous), z, p_value, significant (null when not
    compared), label, direction ("better"/"worse" for significant changes; a rise in
    agreement with a reverse item is worse).
    """
    threshold = z_critical(alpha)
    keys = list(on)
    cur = current.select(
        *keys,
        "n",
        "n_agree",
        pl.col("reverse")
        if "reverse" in current.columns
        else pl.lit(None, dtype=pl.Boolean).alias("reverse"),
    )
    prev = previous.select(*keys, pl.col("n").alias("n_prev"), pl.col("n_agree").alias("x_prev"))
    joined = cur.join(prev, on=keys, how="inner", nulls_equal=True)
    n1, x1, n2, x2 = pl.col("n"), pl.col("n_agree"), pl.col("n_prev"), pl.col("x_prev")
    compared = (n1 >= min_group_size) & (n2 >= min_group_size) & x1.is_not_null() & x2.is_not_null()
    pooled = (x1 + x2) / (n1 + n2)
    variance = pooled * (1 - pooled) * (1 / n1 + 1 / n2)
    p1, p2 = 100.0 * x1 / n1, 100.0 * x2 / n2
    out = joined.with_columns(
        pl.when(compared).then(p1).alias("pct_agree_current"),
        pl.when(compared).then(p2).alias("pct_agree_previous"),
        pl.when(compared).then(p1 - p2).alias("change"),
        pl.when(compared & (variance > 0))
        .then((x1 / n1 - x2 / n2) / variance.sqrt())
        .when(compared)
        .then(0.0)
        .alias("z"),
    )
    p_values = [None if z is None else two_sided_p(z) for z in out["z"].to_list()]
    significant = pl.when(pl.col("z").is_not_null()).then(pl.col("z").abs() >= threshold)
    rising = pl.col("z") > 0
    return out.with_columns(
        pl.Series("p_value", p_values, dtype=pl.Float64),
        significant.alias("significant"),
        pl.when(pl.col("z").is_null())
        .then(pl.lit(LABEL_NOT_COMPARED))
        .when(~significant)
        .then(pl.lit(LABEL_SAME))
        .when(rising)
        .then(pl.lit(LABEL_UP))
        .otherwise(pl.lit(LABEL_DOWN))
        .alias("label"),
        pl.when(significant & pl.col("reverse").is_not_null())
        .then(
            pl.when(rising != pl.col("reverse")).then(pl.lit("better")).otherwise(pl.lit("worse"))
        )
        .alias("direction"),
    ).select(
        *keys,
        pl.col("n").alias("n_current"),
        "pct_agree_current",
        pl.col("n_prev").alias("n_previous"),
        "pct_agree_previous",
        "change",
        "z",
        "p_value",
        "significant",
        "label",
        "direction",
    )
