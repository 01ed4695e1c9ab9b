"""LGA score bands of 0-100 scores, after rounding half up (health-check.md §2.5).

The rounding itself is `workforce_health.rounding`, shared with the workforce measures.
"""

from typing import Final

import polars as pl

from workforce_health.rounding import round_half_up, round_half_up_expr

BAND_LOW: Final = "low"
BAND_MODERATE: Final = "moderate"
BAND_HIGH: Final = "high"
# Each band's lowest and highest rounded score, for keys and charts.
BAND_RANGES: Final = ((BAND_LOW, 0, 50), (BAND_MODERATE, 51, 74), (BAND_HIGH, 75, 100))


def band(score: float) -> str:
    """LGA band of a 0-100 score, after rounding half up: 0-50 low, 51-74 moderate, 75-100 high."""
    rounded = round_half_up(score, 0)
    if rounded >= 75:
        return BAND_HIGH
    if rounded >= 51:
        return BAND_MODERATE
    return BAND_LOW


def band_expr(score: pl.Expr) -> pl.Expr:
    """Vectorised `band`; a null score gives a null band."""
    rounded = round_half_up_expr(score)
    return (
        pl.when(rounded >= 75)
        .then(pl.lit(BAND_HIGH))
        .when(rounded >= 51)
        .then(pl.lit(BAND_MODERATE))
        .when(rounded.is_not_null())
        .then(pl.lit(BAND_LOW))
        .otherwise(pl.lit(None, dtype=pl.String))
    )
