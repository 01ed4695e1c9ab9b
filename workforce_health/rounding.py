"""Half-up rounding and the number formats: the one definition used by the measures and survey
engines, the pages, the downloads and the report. Pure: no Django.

Rounding happens only for display (and the survey score bands); every computed figure stays
unrounded (workforce-measures.md §5.9 rule 3, health-check.md §2.5).

Python's ``round()`` rounds half to even on binary floats and gets every tie of the DfE's
published tables (§6.3) wrong. A float such as ``68.65`` is really ``68.6499999…``, so values
are first snapped to 9 decimal places (removing binary noise from a division) and then rounded
half up, away from zero, as Excel's ROUND does: 74.5 -> 75, 50.49 -> 50, -12.5 -> -13.
"""

from __future__ import annotations

import math
from decimal import ROUND_HALF_EVEN, ROUND_HALF_UP, Decimal
from typing import Final

import polars as pl

NOT_APPLICABLE: Final = "z"  # DfE symbol for a zero denominator (§8.4)
_SNAP: Final = Decimal("0.000000001")
# The vectorised form's snap: a mean such as 223.5 / 3 may land a hair below the true half.
_EPSILON: Final = 1e-9


def round_half_up(value: float | Decimal, places: int) -> Decimal:
    """``value`` rounded half up to ``places`` decimal places (as the DfE publishes, §6.3)."""
    exact = value if isinstance(value, Decimal) else Decimal(repr(float(value)))
    snapped = exact.quantize(_SNAP, rounding=ROUND_HALF_EVEN)
    return snapped.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def round_half_up_expr(expr: pl.Expr, places: int = 0) -> pl.Expr:
    """`round_half_up` of every value of a column, in polars; nulls stay null."""
    scale = 10.0**places
    magnitude = ((expr.abs() * scale + 0.5 + _EPSILON).floor()) / scale
    return pl.when(expr < 0).then(-magnitude).otherwise(magnitude)


def format_rate(value: float | Decimal | None) -> str:
    """A rate, percentage, FTE, caseload or days lost to 1 dp; ``"z"`` when not applicable."""
    if value is None or (isinstance(value, float) and not math.isfinite(value)):
        return NOT_APPLICABLE
    return f"{round_half_up(value, 1):,}"


def format_count(value: float | int | Decimal | None) -> str:
    """A headcount or number of cases as a whole number; ``"z"`` when not applicable."""
    if value is None or (isinstance(value, float) and not math.isfinite(value)):
        return NOT_APPLICABLE
    return f"{round_half_up(value, 0):,}"
