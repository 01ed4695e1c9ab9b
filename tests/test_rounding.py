"""Display rounding (workforce-measures.md §5.9 rule 3, §6.3) and periods (§1)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from workforce_health.staffing.measures import (
    ReportingPeriod,
    census_year_bounds,
    format_count,
    format_rate,
    round_half_up,
)

# §6.3: exact ties, published half up (Python's round() gives the half-even value).
TIES = [56.25, 79.25, 68.65, 81.25, 6.25, 11.25, 6.25, 18.65, 11.25, 76.25]


@pytest.mark.parametrize("value", TIES)
def test_ties_round_half_up(value: float) -> None:
    expected = Decimal(str(value)).quantize(Decimal("0.1"), rounding="ROUND_HALF_UP")
    assert format_rate(value) == str(expected)


def test_ties_from_a_division_round_half_up() -> None:
    assert format_rate(100 * 137.3 / 200) == "68.7"  # 68.65 computed in floats
    assert format_rate(100 * 4.5 / 40) == "11.3"  # 11.25
    assert format_rate(100 * 1 / 16) == "6.3"  # 6.25


def test_formats() -> None:
    assert format_rate(None) == "z"
    assert format_rate(float("nan")) == "z"
    assert format_rate(17) == "17.0"
    assert format_rate(36186.3) == "36,186.3"
    assert format_count(38292) == "38,292"
    assert format_count(2.5) == "3"
    assert format_count(None) == "z"
    assert round_half_up(Decimal("0.05"), 1) == Decimal("0.1")


def test_census_year_bounds() -> None:
    assert census_year_bounds(2025) == (date(2024, 10, 1), date(2025, 9, 30))
    period = ReportingPeriod.census_year(2025)
    assert period.is_dfe
    assert period.days == 365
    assert period.previous_reference_date == date(2024, 9, 30)


def test_local_periods() -> None:
    leap = ReportingPeriod.ending(date(2024, 2, 29))
    assert leap.start == date(2023, 3, 1)
    assert not leap.is_dfe
    assert ReportingPeriod.ending(date(2025, 9, 30)).is_dfe
    nine_months = ReportingPeriod(start=date(2025, 1, 1), reference_date=date(2025, 9, 30))
    assert nine_months.basis == "local"
    with pytest.raises(ValueError, match="start on or before"):
        ReportingPeriod(start=date(2025, 1, 2), reference_date=date(2025, 1, 1))
