"""The README says which year the workforce dashboard opens on: the latest census year that
has ended, which for part of every year is later than the DfE's latest published figures (issue
12: the dashboard opened on 2026 while the README described 2025 only)."""

import datetime
from pathlib import Path

from workforce_health.benchmarks.packaged import packaged_release
from workforce_health.staffing.selectors import latest_complete_year

README = Path(__file__).resolve().parents[2] / "README.md"


def _workforce_line() -> str:
    lines = README.read_text(encoding="utf-8").splitlines()
    return next(line for line in lines if line.startswith("- **Workforce**"))


def test_the_readme_says_the_dashboard_opens_on_the_latest_census_year_that_has_ended():
    words = _workforce_line()
    assert "the dashboard opens on the latest census year that has ended" in words
    # The day the issue was found: the dashboard opened on 2026, later than the DfE's figures.
    found_on = datetime.date(2026, 12, 6)
    assert latest_complete_year(found_on) == 2026
    assert latest_complete_year(datetime.date(2026, 9, 30)) == 2025
    assert "the year ending 30 September 2026 from October 2026 on" in words
    dfe_latest = packaged_release().years[-1]
    assert f"compares with the DfE's latest year ({dfe_latest}) and says so" in words
