"""Half-up rounding for display and LGA bands (health-check.md §2.5).

Rounding happens only for display and banding; every computed measure stays unrounded.
"""

import math
from typing import Final

import polars as pl

# Binary floats store 74.5 exactly, but a mean such as 223.5 / 3 may land a hair below the
# true half; this tolerance stops such artefacts rounding down.
_EPSILON: Final = 1e-9

BAND_LOW: Final = "low"
BAND_MODERATE: Final = "moderate"
BAND_HIGH: Final = "high"


def round_half_up(value: float, digits: int = 0) -> float:
    """Round halves away from zero: 74.5 -> 75, 50.49 -> 50, -12.5 -> -13 (as Excel's ROUND)."""
    scale = 10.0**digits
    return math.copysign(math.floor(abs(value) * scale + 0.5 + _EPSILON) / scale, value)


def round_half_up_expr(expr: pl.Expr, digits: int = 0) -> pl.Expr:
    """Vectorised `round_half_up`; nulls stay null."""
    scale = 10.0**digits
    magnitude = ((expr.abs() * scale + 0.5 + _EPSILON).floor()) / scale
    return pl.when(expr < 0).then(-magnitude).otherwise(magnitude)


def band(score: float) -> str:
    """LGA band of a 0-100 score, after rounding half up: 0-50 low, 51-74 moderate, 75-100 high."""
    rounded = round_half_up(score)
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
