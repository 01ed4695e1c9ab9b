"""The demo council's story, measured by the real measures engine on the loaded records.

Ranges, not exact values: the story must hold, whatever the seed's details. The figures come from
the loaded spells, vacancy, caseload and absence records, never from typed-in rates.
"""

import datetime
from collections.abc import Iterator
from typing import Any

import pytest

from workforce_health.core.models import Membership
from workforce_health.core.scope import Scope
from workforce_health.demo.loader import demo_load, demo_reset
from workforce_health.staffing.models import CaseloadSnapshot, SicknessAbsence, VacancySnapshot
from workforce_health.staffing.selectors import (
    MeasureInputs,
    measure_inputs_get,
    workforce_measures,
)

TODAY = datetime.date(2025, 11, 14)
YEARS = range(2017, 2026)
pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def measures(django_db_setup, django_db_blocker) -> Iterator[dict[int, dict[str, Any]]]:
    """The DfE measures for each census year, as the workforce lead sees them."""
    with django_db_blocker.unblock():
        demo_load(today=TODAY, report_files=False)
        lead = Membership.objects.get(organisation__la_code="990", user__username="lead")
        inputs = measure_inputs_get(scope=Scope.of(lead))
        by_year = {y: workforce_measures(inputs=inputs, year=y).row(0, named=True) for y in YEARS}
        by_year[0] = _local_march_2019(inputs)
        yield by_year
        demo_reset()


def _local_march_2019(inputs: MeasureInputs) -> dict[str, Any]:
    on = datetime.date(2019, 3, 31)
    return workforce_measures(inputs=inputs, reference_date=on).row(0, named=True)


def mean(measures: dict[int, dict[str, Any]], name: str, years: range) -> float:
    return sum(measures[y][name] for y in years) / len(years)


EARLY, LATE = range(2017, 2020), range(2023, 2026)


def test_vacancy_rate_near_28_percent_in_2019_and_10_percent_by_2025(measures):
    assert 26 <= measures[2019]["vacancy_rate_fte"] <= 30
    assert 9 <= measures[2025]["vacancy_rate_fte"] <= 11
    assert mean(measures, "vacancy_rate_fte", LATE) < mean(measures, "vacancy_rate_fte", EARLY) / 2


def test_the_local_march_2019_figure_is_available_as_a_local_measure(measures):
    march = measures[0]
    assert march["basis"] == "local" and 26 <= march["vacancy_rate_fte"] <= 33


def test_turnover_and_agency_reliance_fall(measures):
    assert (
        mean(measures, "turnover_rate_fte", LATE) < mean(measures, "turnover_rate_fte", EARLY) * 0.6
    )
    assert mean(measures, "agency_rate_fte", LATE) < mean(measures, "agency_rate_fte", EARLY) * 0.5
    assert all(measures[y]["turnover_rate_fte"] > 20 for y in EARLY)
    assert all(measures[y]["agency_rate_fte"] < 10 for y in LATE)


def test_caseloads_ease(measures):
    assert all(18.5 <= measures[y]["caseload_fte"] <= 21.5 for y in (2018, 2019))
    assert 14.5 <= measures[2025]["caseload_fte"] <= 16.5
    assert mean(measures, "caseload_fte", LATE) < mean(measures, "caseload_fte", EARLY) - 3


def test_sickness_absence_falls_slightly(measures):
    assert all(2.5 <= measures[y]["absence_rate_fte"] <= 6.5 for y in YEARS)
    assert mean(measures, "absence_rate_fte", LATE) < mean(measures, "absence_rate_fte", EARLY)


def test_every_measure_is_known_every_year_and_agency_only_covers_vacancies(measures):
    for year in YEARS:
        row = measures[year]
        assert row["basis"] == "dfe" and 130 <= row["inpost_fte"] <= 210, year
        assert all(row[name] is not None for name in ("vacancy_fte", "cases", "absence_rate_fte"))
        assert row["agency_cover_fte"] == pytest.approx(row["agency_fte"])
        assert row["vacancy_agency_cover_rate_fte"] <= 100


def test_records_exist_on_each_30_september(measures):
    for year in YEARS:
        on = datetime.date(year, 9, 30)
        assert VacancySnapshot.objects.filter(date=on, service=None, team=None).count() == 1
        assert CaseloadSnapshot.objects.filter(date=on).count() > 100
        assert SicknessAbsence.objects.filter(period_end=on).count() > 100
