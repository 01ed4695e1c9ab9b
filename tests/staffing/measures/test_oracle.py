"""The worked example and test oracle of workforce-measures.md §6, reproduced from records.

For each case a synthetic population of individual spells is built whose totals equal the
published national (or council) inputs; the engine must then reproduce §6's rates.
"""

from __future__ import annotations

import functools
import math
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

import polars as pl
import pytest

from workforce_health.rounding import format_count, format_rate
from workforce_health.staffing.measures import compute_measures

from .builders import absence, block, cases, vacancies


@dataclass(frozen=True)
class Inputs:
    """One row of §7.1 (or §6.1), as published."""

    year: int
    inpost_fte: str
    inpost_hc: int
    starters_fte: str
    starters_hc: int
    leavers_fte: str
    leavers_hc: int
    agency_fte: str
    agency_hc: int
    agency_cover_fte: str
    vacancy_fte: str
    case_holders_fte: str
    cases: int
    days_lost: str


def population(i: Inputs) -> tuple[pl.DataFrame, pl.DataFrame, pl.DataFrame, pl.DataFrame]:
    ref = date(i.year, 9, 30)
    holders_hc = math.ceil(Decimal(i.case_holders_fte))
    rest_hc = i.inpost_hc - holders_hc - i.starters_hc
    rest_fte = Decimal(i.inpost_fte) - Decimal(i.case_holders_fte) - Decimal(i.starters_fte)
    frames = [
        block("h", holders_hc, i.case_holders_fte),
        block("s", i.starters_hc, i.starters_fte, start_date=date(i.year, 3, 1)),
        block("r", rest_hc, str(rest_fte)),
        block("l", i.leavers_hc, i.leavers_fte, end_date=date(i.year, 6, 30)),
        block("a", i.agency_hc, i.agency_fte, agency=True),
    ]
    spells = pl.concat(frames)
    base, extra = divmod(i.cases, holders_hc)
    per_holder = [base + 1] * extra + [base] * (holders_hc - extra)
    case_rows = cases(*[(f"h{n}", ref, c) for n, c in enumerate(per_holder)])
    vac = vacancies(
        {
            "date": ref,
            "vacancy_fte": float(i.vacancy_fte),
            "agency_cover_fte": float(i.agency_cover_fte),
        }
    )
    days = absence(("r0", date(i.year, 1, 15), float(i.days_lost)))
    return spells, vac, case_rows, days


@functools.cache
def measures(i: Inputs) -> dict[str, object]:
    spells, vac, case_rows, days = population(i)
    out = compute_measures(
        spells, period=i.year, by=[], vacancies=vac, cases=case_rows, absence=days
    )
    assert out.height == 1
    return out.row(0, named=True)


ENGLAND_2025 = Inputs(
    2025,
    "36186.3",
    38292,
    "5837.8",
    6043,
    "4276.3",
    4611,
    "5415.9",
    5566,
    "4390.8",
    "5965.4",
    "21105.4",
    321661,
    "322786.3",
)
# §6.1 council check: Wolverhampton (336), 2025. Starters are not given there.
WOLVERHAMPTON_2025 = Inputs(
    2025, "226.4", 239, "0", 0, "24.4", 26, "25", 25, "25", "44", "110.3", 1521, "2457.2"
)


def test_england_2025_components_are_reproduced_from_records() -> None:
    row = measures(ENGLAND_2025)
    assert row["inpost_fte"] == pytest.approx(36186.3)
    assert row["inpost_headcount"] == 38292
    assert row["starters_fte"] == pytest.approx(5837.8)
    assert row["starters_headcount"] == 6043
    assert row["leavers_fte"] == pytest.approx(4276.3)
    assert row["leavers_headcount"] == 4611
    assert row["agency_fte"] == pytest.approx(5415.9)
    assert row["agency_headcount"] == 5566
    assert row["agency_cover_fte"] == pytest.approx(4390.8)
    assert row["vacancy_fte"] == pytest.approx(5965.4)
    assert row["case_holders_fte"] == pytest.approx(21105.4)
    assert row["cases"] == 321661
    assert row["working_days_lost_fte"] == pytest.approx(322786.3)
    assert row["basis"] == "dfe"


# §6.1 table: measure, unrounded (4 dp as printed), rounded display.
ENGLAND_2025_RATES = [
    ("turnover_rate_fte", 11.8175, "11.8"),
    ("turnover_rate_headcount", 12.0417, "12.0"),
    ("agency_rate_fte", 13.0183, "13.0"),
    ("agency_rate_headcount", 12.6910, "12.7"),
    ("vacancy_rate_fte", 14.1522, "14.2"),
    ("agency_cover_rate_fte", 81.0724, "81.1"),
    ("vacancy_agency_cover_rate_fte", 73.6045, "73.6"),
    ("caseload_fte", 15.2407, "15.2"),
    ("absence_rate_fte", 3.5257, "3.5"),
]


@pytest.mark.parametrize(("name", "unrounded", "shown"), ENGLAND_2025_RATES)
def test_england_2025_rates(name: str, unrounded: float, shown: str) -> None:
    row = measures(ENGLAND_2025)
    value = row[name]
    assert isinstance(value, float)
    assert value == pytest.approx(unrounded, abs=5e-5)
    assert format_rate(value) == shown


def test_numerators_and_denominators_are_kept() -> None:
    row = measures(ENGLAND_2025)
    assert row["turnover_rate_fte_numerator"] == pytest.approx(4276.3)
    assert row["turnover_rate_fte_denominator"] == pytest.approx(36186.3)
    assert row["agency_rate_headcount_denominator"] == 5566 + 38292
    assert row["vacancy_rate_fte_denominator"] == pytest.approx(5965.4 + 36186.3)
    assert row["absence_rate_fte_denominator"] == pytest.approx(36186.3 * 253)
    assert format_count(row["inpost_headcount"]) == "38,292"  # type: ignore[arg-type]


WOLVERHAMPTON_PUBLISHED = {
    "turnover_rate_fte": "10.8",
    "turnover_rate_headcount": "10.9",
    "agency_rate_fte": "9.9",
    "agency_rate_headcount": "9.5",
    "vacancy_rate_fte": "16.3",
    "agency_cover_rate_fte": "100.0",
    "vacancy_agency_cover_rate_fte": "56.8",
    "caseload_fte": "13.8",
    "absence_rate_fte": "4.3",
}


def test_wolverhampton_2025_council_check() -> None:
    row = measures(WOLVERHAMPTON_2025)
    shown = {name: format_rate(row[name]) for name in WOLVERHAMPTON_PUBLISHED}  # type: ignore[arg-type]
    assert shown == WOLVERHAMPTON_PUBLISHED


# §7.1 volumes, 2017-2025 (2025 release).
NATIONAL = [
    Inputs(2017, "28482.6", 30646, "5500.5", 5726, "3811.8", 4204, "5343.2", 5689,
           "3864.7", "5822.6", "17840.6", 316647, "224856.9"),
    Inputs(2018, "29464.9", 31653, "5209.7", 5426, "4451.6", 4827, "5356.3", 5529,
           "4166.4", "5812.4", "18787.3", 327313, "234873.6"),
    Inputs(2019, "30683.8", 32851, "5928.9", 6190, "4607.5", 4963, "5753.5", 6090,
           "4414.0", "6036.6", "20003.8", 337202, "241345.6"),
    Inputs(2020, "31852.3", 33928, "5202.4", 5424, "4294.2", 4618, "5800.9", 5969,
           "4529.0", "6112.6", "20530.8", 334706, "231354.1"),
    Inputs(2021, "32502.0", 34620, "5518.7", 5758, "4994.5", 5388, "5969.5", 6139,
           "4557.8", "6521.9", "20548.9", 335201, "257240.9"),
    Inputs(2022, "31634.1", 33689, "4825.6", 5054, "5422.0", 5796, "6759.7", 6969,
           "5440.5", "7912.9", "20206.0", 335563, "283440.5"),
    Inputs(2023, "33119.1", 35199, "6027.5", 6247, "5254.6", 5640, "7178.5", 7429,
           "5744.2", "7722.7", "21111.4", 337055, "270451.0"),
    Inputs(2024, "34328.2", 36402, "5613.4", 5822, "4728.7", 5073, "6520.7", 6704,
           "5313.2", "7188.6", "20803.5", 320461, "285778.4"),
    ENGLAND_2025,
]  # fmt: skip
# §6.2: the formulas' results (the ✓/≈/✗ marks compare these with publication; the
# computed values themselves are what the engine must give, known differences included).
ORDER = (
    "turnover_rate_fte",
    "turnover_rate_headcount",
    "agency_rate_fte",
    "agency_rate_headcount",
    "vacancy_rate_fte",
    "agency_cover_rate_fte",
    "vacancy_agency_cover_rate_fte",
    "caseload_fte",
    "absence_rate_fte",
)
EXPECTED = {
    2017: ("13.4", "13.7", "15.8", "15.7", "17.0", "72.3", "66.4", "17.7", "3.1"),
    2018: ("15.1", "15.2", "15.4", "14.9", "16.5", "77.8", "71.7", "17.4", "3.2"),
    2019: ("15.0", "15.1", "15.8", "15.6", "16.4", "76.7", "73.1", "16.9", "3.1"),
    2020: ("13.5", "13.6", "15.4", "15.0", "16.1", "78.1", "74.1", "16.3", "2.9"),
    2021: ("15.4", "15.6", "15.5", "15.1", "16.7", "76.4", "69.9", "16.3", "3.1"),
    2022: ("17.1", "17.2", "17.6", "17.1", "20.0", "80.5", "68.8", "16.6", "3.5"),
    2023: ("15.9", "16.0", "17.8", "17.4", "18.9", "80.0", "74.4", "16.0", "3.2"),
    2024: ("13.8", "13.9", "16.0", "15.6", "17.3", "81.5", "73.9", "15.4", "3.3"),
    2025: ("11.8", "12.0", "13.0", "12.7", "14.2", "81.1", "73.6", "15.2", "3.5"),
}


@pytest.mark.parametrize("inputs", NATIONAL, ids=lambda i: str(i.year))
def test_all_national_years(inputs: Inputs) -> None:
    row = measures(inputs)
    shown = tuple(format_rate(row[name]) for name in ORDER)  # type: ignore[arg-type]
    assert shown == EXPECTED[inputs.year]
    assert row["starters_headcount"] == inputs.starters_hc
    assert row["starters_fte"] == pytest.approx(float(inputs.starters_fte))
