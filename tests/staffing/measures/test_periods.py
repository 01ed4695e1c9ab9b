"""Census years and local reporting periods (workforce-measures.md §1)."""

from __future__ import annotations

from datetime import date

import pytest

from workforce_health.staffing.measures import ReportingPeriod, census_year_bounds


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
