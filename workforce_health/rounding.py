"""Display rounding: half up on a Decimal, only at the edge (workforce-measures.md §5.9 rule 3).

Python's ``round()`` rounds half to even on binary floats and gets every tie in §6.3
wrong. A float such as ``68.65`` is really ``68.6499999…``, so values are first snapped to
9 decimal places (removing binary noise from the division) and then rounded half up.
"""

from __future__ import annotations

import math
from decimal import ROUND_HALF_EVEN, ROUND_HALF_UP, Decimal

NOT_APPLICABLE = "z"  # DfE symbol for a zero denominator (§8.4)
_SNAP = Decimal("0.000000001")


def round_half_up(value: float | Decimal, places: int = 1) -> Decimal:
    """Round ``value`` half up to ``places`` decimal places, as DfE publishes (§6.3)."""
    exact = value if isinstance(value, Decimal) else Decimal(repr(float(value)))
    snapped = exact.quantize(_SNAP, rounding=ROUND_HALF_EVEN)
    return snapped.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


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
