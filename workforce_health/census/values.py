"""Reading and writing values of the census simple types (csww-census.md §3, §12).

``read`` turns stripped element text into a Python value, or raises ``ValueError`` with a plain
English reason; ``write`` formats a Python value as the exporter must (§12 "Formats").
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from workforce_health.census.schema import Base, SimpleType

Value = str | int | Decimal | date | datetime

_DECIMAL = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)", re.ASCII)
_INTEGER = re.compile(r"[+-]?\d+", re.ASCII)
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}", re.ASCII)
_DATETIME = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})?", re.ASCII)
_GYEAR = re.compile(r"\d{4}", re.ASCII)


def read(type_: SimpleType, text: str) -> Value:
    """The value of ``text`` (already stripped) as ``type_``'s base type; ``ValueError`` if not."""
    base = type_.base
    if base is Base.STRING:
        return text
    if base is Base.DECIMAL:
        if not _DECIMAL.fullmatch(text):
            raise ValueError("is not a decimal number")
        try:
            return Decimal(text)
        except InvalidOperation:  # pragma: no cover - the pattern already guarantees validity
            raise ValueError("is not a decimal number") from None
    if base is Base.INTEGER:
        if not _INTEGER.fullmatch(text):
            raise ValueError("is not a whole number")
        return int(text)
    if base is Base.DATE:
        if not _DATE.fullmatch(text):
            raise ValueError("is not a date in the form YYYY-MM-DD")
        return date.fromisoformat(text)  # ValueError for impossible dates such as 2025-02-30
    if base is Base.DATETIME:
        if not _DATETIME.fullmatch(text):
            raise ValueError("is not a date and time such as 2025-10-15T09:30:00Z")
        return datetime.fromisoformat(text)
    if not _GYEAR.fullmatch(text):
        raise ValueError("is not a four-digit year")
    return int(text)


def fraction_digits(value: Decimal) -> int:
    """Number of digits after the decimal point as written (``Decimal("0.50")`` has 2)."""
    exponent = value.as_tuple().exponent
    return -exponent if isinstance(exponent, int) and exponent < 0 else 0


def _fixed(value: Decimal, places: int) -> str:
    quantum = Decimal(1).scaleb(-places)
    return f"{value.quantize(quantum, rounding=ROUND_HALF_UP):f}"


def write(type_: SimpleType, value: Value) -> str:
    """``value`` formatted for ``type_`` (§12): fixed decimals, ISO dates, UTC ``Z`` times."""
    base = type_.base
    if base is Base.DECIMAL:
        if not isinstance(value, Decimal | int):
            raise TypeError(f"{type_.name} needs a Decimal, not {type(value).__name__}")
        return _fixed(Decimal(value), type_.fraction_digits or 0)
    if base is Base.DATETIME:
        if not isinstance(value, datetime) or value.tzinfo is None:
            raise ValueError("DateTime must be a timezone-aware datetime")
        return value.astimezone(UTC).replace(microsecond=0, tzinfo=None).isoformat() + "Z"
    if base is Base.DATE:
        if not isinstance(value, date) or isinstance(value, datetime):
            raise TypeError(f"{type_.name} needs a date, not {type(value).__name__}")
        return value.isoformat()
    if base in (Base.INTEGER, Base.GYEAR):
        if isinstance(value, bool) or not isinstance(value, int):
            raise TypeError(f"{type_.name} needs an int, not {type(value).__name__}")
        return str(value)
    return str(value)
