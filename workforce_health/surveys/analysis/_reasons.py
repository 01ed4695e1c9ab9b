"""Why a cell is hidden: the reasons every suppressed figure carries (health-check.md §3.1)."""

from typing import Final

REASON_COMPLEMENTARY: Final = "to protect another group"


def primary_reason(threshold: int, unit: str = "responses") -> str:
    return f"fewer than {threshold} {unit}"
