"""Census returns built to match a published council row reproduce that council's published rates.

For a few council rows of the DfE's 2025-release indicators file (workforce-measures.md §6), a
census return is built whose worker records add up to the row's published numerators: in-post
FTE and headcount, leavers, agency workers, case holders and cases, working days lost, and the
council block's vacancies and agency cover. The return is written with the census package's
exporter for that year's layout, imported through ``census_return_import``, and the engine's
measures for the organisation (read as its administrator) must equal every published rate once
rounded to 1 decimal place, as DfE publishes them.

The DfE file is read from ``WORKFORCE_HEALTH_DFE_DATA`` (default ``../shared/data/dfe-csww``)
and the tests skip when it is absent (CONTRIBUTING.md, "Tests").

The rows are chosen so that every needed cell is a number and every published rate is the
formulas' exact value rounded half up. Not every row is like that: of the 292 council rows for
2024 and 2025 with all numerators published, 96 have some rate the published numerators miss
after rounding (19 by more than 0.1), because DfE rounds the numerators it publishes and
computes some rates over more precise figures (workforce-measures.md §6.2). The absence rate
uses the engine's default denominator (in-post FTE x 253 working days, docs/measures.md); it
reproduces for all three rows here, and misses (by at most 0.1) for 18 of the 292 rows.
"""

from __future__ import annotations

import csv
import functools
import os
from dataclasses import dataclass, replace
from datetime import date, timedelta
from decimal import ROUND_CEILING, ROUND_HALF_UP, Decimal
from pathlib import Path

import pytest

from tests import factories
from tests.census import builders
from tests.census.returns import workers as template_workers
from workforce_health.census import CensusWorker, CouncilLevel, write_return
from workforce_health.census.la_codes import LOCAL_AUTHORITIES
from workforce_health.census.services import census_return_import
from workforce_health.core import selectors as core_selectors
from workforce_health.core import services as core_services
from workforce_health.core.models import Membership
from workforce_health.core.scope import Scope
from workforce_health.staffing.selectors import measure_inputs_get, workforce_measures

pytestmark = pytest.mark.django_db

REPO = Path(__file__).resolve().parents[2]
DATA = Path(os.environ.get("WORKFORCE_HEALTH_DFE_DATA", REPO.parent / "shared/data/dfe-csww"))
INDICATORS = DATA / "csww_indicators_2017_to_2025.csv"

# (census year, DfE old_la_code): Wolverhampton in both layouts (2025: LALevel; 2024:
# LALevelVacancies and Sex), and the Isle of Wight in 2024, a small council whose agency workers
# only partly cover vacancies (agency cover 68.8%, vacancies covered 76.7%). Every record goes
# through the import service, so larger councils only make the test slower.
ROWS = [(2025, "336"), (2024, "336"), (2024, "921")]

NUMERATORS = (
    "inpost_fte",
    "inpost_headcount",
    "leavers_fte",
    "leavers_headcount",
    "agency_fte",
    "agency_headcount",
    "agency_cover_fte",
    "vacancy_fte",
    "case_holders_fte",
    "cases",
    "working_days_lost_fte",
)
RATES = (
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
ONE = Decimal(1)
HALF = Decimal("0.5")
TENTH = Decimal("0.1")


@dataclass(frozen=True)
class Published:
    """One council row: the numerators as published and the rates that are numbers."""

    year: int
    la_code: str
    name: str
    totals: dict[str, Decimal]
    rates: dict[str, Decimal]


def _number(cell: str) -> Decimal | None:
    """A published cell as a number; symbols (x, z, c, low, u) are not numbers."""
    try:
        return Decimal(cell)
    except ArithmeticError:
        return None


@functools.cache
def published_row(year: int, la_code: str) -> Published:
    if not INDICATORS.is_file():
        pytest.skip(f"DfE indicators file not found at {INDICATORS} (WORKFORCE_HEALTH_DFE_DATA)")
    with INDICATORS.open(newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            if (
                row["geographic_level"] == "Local authority"
                and row["time_period"] == str(year)
                and row["old_la_code"] == la_code
            ):
                break
        else:
            raise AssertionError(f"No published row for council {la_code} in {year}")
    totals = {name: _number(row[name]) for name in NUMERATORS}
    missing = [name for name, value in totals.items() if value is None]
    assert not missing, f"{row['la_name']} {year}: not numbers: {missing}"
    rates = {name: value for name in RATES if (value := _number(row[name])) is not None}
    return Published(
        year,
        la_code,
        row["la_name"],
        {name: value for name, value in totals.items() if value is not None},
        rates,
    )


# --- Building the return -------------------------------------------------------------------


def split_fte(total: Decimal, headcount: int) -> list[Decimal]:
    """``headcount`` FTEs in (0, 1] adding up to ``total`` exactly: whole-time workers, then
    half-time ones, and one worker with the fraction left over (the published decimal)."""
    assert headcount >= 0 and 0 <= total <= headcount, (total, headcount)
    assert (total > 0) == (headcount > 0), (total, headcount)
    shortfall = headcount - total
    out = []
    for _ in range(headcount):
        cut = min(shortfall, HALF)
        out.append(ONE - cut)
        shortfall -= cut
    assert shortfall == 0, f"{headcount} workers cannot hold only {total} FTE"
    assert sum(out, Decimal(0)) == total
    return out


def spread(total: int, parts: int) -> list[int]:
    """``total`` as ``parts`` whole numbers differing by at most one."""
    base, extra = divmod(total, parts)
    return [base + 1] * extra + [base] * (parts - extra)


def _birth(i: int) -> date:
    return date(1965 + i % 35, 1 + i % 12, 1 + i % 28)


def build_workers(row: Published) -> list[CensusWorker]:
    """Council workers in post (case holders first), leavers and agency workers."""
    year, t = row.year, row.totals
    in_post_template, leaver_template, agency_template = template_workers(year)
    hc = int(t["inpost_headcount"])
    holders_fte, rest_fte = t["case_holders_fte"], t["inpost_fte"] - t["case_holders_fte"]
    assert rest_fte >= 0, "case holders here are council workers: they cannot exceed in post"
    # Case holders' share of the headcount follows their share of the FTE.
    holders = round(hc * holders_fte / t["inpost_fte"])
    holders = max(holders, int(holders_fte.to_integral_value(rounding=ROUND_CEILING)))
    holders = min(holders, hc - int(rest_fte.to_integral_value(rounding=ROUND_CEILING)))
    ftes = split_fte(holders_fte, holders) + split_fte(rest_fte, hc - holders)
    cases = spread(int(t["cases"]), holders) + [0] * (hc - holders)
    days = spread(int(t["working_days_lost_fte"] / TENTH), hc)  # in tenths of a day

    out = []
    for i in range(hc):
        holds = cases[i] > 0
        out.append(
            replace(
                in_post_template,
                swe_no=f"SW{100000 + i}",
                fte=ftes[i],
                fte30=ftes[i],
                person_birth_date=_birth(i),
                org_role="5" if holds else ("3" if i % 4 == 0 else "6"),
                role_start_date=date(year - 2 - i % 10, 1 + i % 12, 1 + i % 28),
                start_origin="2",
                cases30=cases[i] if holds else None,
                working_days_lost=days[i] * TENTH,
            )
        )
    leaver_ftes = split_fte(t["leavers_fte"], int(t["leavers_headcount"]))
    for i, fte in enumerate(leaver_ftes):
        out.append(
            replace(
                leaver_template,
                swe_no=f"SW{200000 + i}",
                fte30=fte,
                person_birth_date=_birth(i + 7),
                role_start_date=date(year - 3 - i % 5, 1 + i % 12, 1 + i % 28),
                # Leaving dates spread over the census year (1 October to 30 September).
                role_end_date=date(year - 1, 10, 1) + timedelta(days=(i * 37) % 364),
                reason_leave=("1", "2", "3", "4")[i % 4],
                leaver_destination=("1", "2", "3", "8")[i % 4],
                working_days_lost=Decimal(0),  # required of council records; none lost
            )
        )
    agency_ftes = split_fte(t["agency_fte"], int(t["agency_headcount"]))
    for i, fte in enumerate(agency_ftes):
        out.append(replace(agency_template, swe_no=f"SW{300000 + i}", fte=fte, cases30=None))
    return out


def build_council(row: Published) -> CouncilLevel:
    cover = row.totals["agency_cover_fte"]
    cover_headcount = min(
        int(cover.to_integral_value(rounding=ROUND_CEILING)), int(row.totals["agency_headcount"])
    )
    return replace(
        builders.council(row.year),
        number_of_vacancies=row.totals["vacancy_fte"],
        no_agency_fte=cover,
        no_agency_headcount=cover_headcount,
    )


def census_return(row: Published) -> bytes:
    header = replace(builders.HEADER, lea=row.la_code)
    return write_return(row.year, header, build_council(row), build_workers(row))


# --- The oracle -----------------------------------------------------------------------------


def half_up(value: float) -> Decimal:
    """1 dp, half up (§5.9 rule 3); float noise below 1e-9 is dropped first so ties stay ties."""
    exact = Decimal(repr(value)).quantize(Decimal("1e-9"))
    return exact.quantize(TENTH, rounding=ROUND_HALF_UP)


def engine_row(row: Published) -> dict[str, object]:
    known = LOCAL_AUTHORITIES[row.la_code]
    organisation = core_services.organisation_create(
        name=known.name, la_code=row.la_code, region=known.region, ons_code=known.ons_code
    )
    user = core_services.user_with_membership_create(
        username=f"admin-{row.la_code}",
        password=factories.PASSWORD,
        organisation=organisation,
        role=Membership.Role.ADMINISTRATOR,
    )
    admin = core_selectors.membership_list(user=user).get()
    result = census_return_import(
        source=census_return(row),
        user=user,
        year=row.year,
        organisation=organisation,
        file_name=f"{row.la_code}_{row.year}.xml",
    )
    assert result.ok, result.errors
    out = workforce_measures(inputs=measure_inputs_get(scope=Scope.of(admin)), year=row.year)
    assert out.height == 1
    return out.row(0, named=True)


@pytest.mark.parametrize(("year", "la_code"), ROWS, ids=[f"{c}-{y}" for y, c in ROWS])
def test_census_return_built_to_a_published_row_reproduces_its_rates(
    year: int, la_code: str
) -> None:
    row = published_row(year, la_code)
    engine = engine_row(row)

    # The imported records add up to the published numerators (else the rates prove nothing).
    t = row.totals
    assert engine["inpost_headcount"] == int(t["inpost_headcount"])
    assert engine["leavers_headcount"] == int(t["leavers_headcount"])
    assert engine["agency_headcount"] == int(t["agency_headcount"])
    assert engine["cases"] == int(t["cases"])
    for name, total in (
        ("inpost_fte", t["inpost_fte"]),
        ("leavers_fte", t["leavers_fte"]),
        ("agency_fte", t["agency_fte"]),
        ("agency_cover_fte", t["agency_cover_fte"]),
        ("vacancy_fte", t["vacancy_fte"]),
        ("case_holders_fte", t["case_holders_fte"]),
        ("working_days_lost_fte", t["working_days_lost_fte"]),
    ):
        assert engine[name] == pytest.approx(float(total), abs=1e-6), name

    # Every published rate, as DfE shows it: the exact value rounded half up to 1 dp.
    assert set(row.rates) == set(RATES), f"{row.name} {year}: pick a row with every rate"
    shown = {}
    for name in row.rates:
        value = engine[name]
        assert isinstance(value, float), name
        shown[name] = half_up(value)
    assert shown == row.rates, f"{row.name} {year}"
