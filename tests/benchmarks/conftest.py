"""Synthetic DfE files for the benchmark app tests, and the real files when present.

The real files are never copied into the repository: ``WORKFORCE_HEALTH_DFE_DATA`` names their
folder (default ``../shared/data/dfe-csww``) and tests that need them skip when it is absent.
"""

from collections.abc import Callable
from pathlib import Path

import pytest

from tests.benchmarks.synthetic import HEADLINE_HEADER, ees_row, indicators_csv
from workforce_health.benchmarks.services import dfe_data_dir

WEST_MIDLANDS = ("E12000005", "West Midlands")
TESTSHIRE = ("991", "E08000991", "Testshire")  # tests/factories.council()
BIRMINGHAM = ("330", "E08000025", "Birmingham")
COVENTRY = ("331", "E08000026", "Coventry")
NORTHANTS = ("940 / 941", "E06000061 / E06000062", "North Northamptonshire / West Northamptonshire")
EAST_MIDLANDS = ("E12000004", "East Midlands")


def indicators(years: range = range(2023, 2026), turnover: float = 10.0) -> bytes:
    """England, West Midlands and four councils; turnover_rate_fte = turnover + area offset."""
    rows = []
    for year in years:
        rows.append(ees_row(year, "National", turnover_rate_fte=str(turnover)))
        rows.append(ees_row(year, "Regional", WEST_MIDLANDS, turnover_rate_fte=str(turnover + 1)))
        for offset, la in enumerate((TESTSHIRE, BIRMINGHAM, COVENTRY), start=2):
            rows.append(ees_row(year, la=la, turnover_rate_fte=str(turnover + offset)))
        rows.append(ees_row(year, region=EAST_MIDLANDS, la=NORTHANTS, turnover_rate_fte="c"))
    return indicators_csv(*rows)


def headline(years: range = range(2017, 2023), turnover: float = 50.0) -> bytes:
    """The 2022-release layout: England only, turnover_rate_fte_% = ``turnover``."""
    lines = [HEADLINE_HEADER]
    for year in years:
        ids = [str(year), "Reporting year", "National", "E92000001", "England", "", "", "", "", ""]
        measures = ["1", "1", str(turnover), *["1"] * 17]
        lines.append(",".join(ids + measures))
    return ("\n".join(lines) + "\n").encode()


@pytest.fixture
def dfe_file() -> Callable[[str], Path]:
    def find(name: str) -> Path:
        path = dfe_data_dir() / name
        if not path.is_file():
            pytest.skip(f"DfE reference file {name} not found in {dfe_data_dir()}")
        return path

    return find
