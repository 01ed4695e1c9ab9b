"""Importing a record that spans several spells: a promotion or move within the census year.

The export writes one record per run of spells (``census.runs``): the first spell's start date
and origin, the last one's role and leaving details, days lost summed. The import finds that run.
"""

from dataclasses import replace
from datetime import date
from decimal import Decimal
from typing import Any

import pytest

from tests import factories
from tests.census.returns import census_file, workers
from workforce_health.census.services import census_return_import
from workforce_health.core import services as core_services
from workforce_health.core.models import Employment
from workforce_health.staffing import services as staffing_services
from workforce_health.staffing.models import SicknessAbsence

pytestmark = pytest.mark.django_db
YEAR = 2024
CENSUS_DAY = date(YEAR, 9, 30)


@pytest.fixture
def promoted(council):
    """Alex: social worker from January 2020, senior practitioner in the same team from April
    2024, with days lost recorded on both spells."""
    first = council.social_worker.employments.get()
    core_services.employment_update(employment=first, end_date=date(2024, 3, 31))
    last = factories.employment(
        council.social_worker,
        council.assessment,
        job_role="senior_practitioner",
        start_date=date(2024, 4, 1),
    )
    for spell, days in ((first, "2"), (last, "3")):
        staffing_services.sickness_absence_record(
            employment=spell, period_end=CENSUS_DAY, working_days_lost=Decimal(days)
        )
    return first, last


def _import(council, **changes):
    """A 2024 return whose only record is Alex's, as the export writes it."""
    values: dict[str, Any] = {
        "swe_no": "SW991001",
        "person_birth_date": date(1990, 5, 1),
        "role_start_date": date(2020, 1, 6),
        "start_origin": "2",
        "org_role": "4",
        "fte30": Decimal("1"),
        "cases30": None,
        "working_days_lost": Decimal("5"),
    }
    record = replace(workers(YEAR)[0], **(values | changes))
    data = census_file(YEAR, people=[record])
    return census_return_import(source=data, user=None, organisation=council.organisation)


def _days(spell: Employment) -> Decimal:
    return SicknessAbsence.objects.get(employment=spell, period_end=CENSUS_DAY).working_days_lost


def test_the_record_lands_on_the_run(council, promoted):
    first, last = promoted
    result = _import(
        council,
        fte=Decimal("0"),
        role_end_date=date(2024, 6, 30),
        reason_leave="1",
        leaver_destination="3",
        cases30=None,
    )
    assert result.ok, [f.message for f in result.errors]
    first.refresh_from_db()
    last.refresh_from_db()
    assert (first.job_role, first.end_date, first.start_origin) == (
        "social_worker",
        date(2024, 3, 31),
        "2",
    )
    assert (last.job_role, last.end_date, last.reason_for_leaving) == (
        "senior_practitioner",
        date(2024, 6, 30),
        "1",
    )
    assert (_days(first), _days(last)) == (Decimal("2"), Decimal("3"))
    assert Employment.objects.filter(person=council.social_worker).count() == 2


def test_days_lost_beyond_the_earlier_spells_go_on_the_last(council, promoted):
    first, last = promoted
    assert _import(council, working_days_lost=Decimal("7.5")).ok
    assert (_days(first), _days(last)) == (Decimal("2"), Decimal("5.5"))


def test_fewer_days_lost_than_the_earlier_spells_hold_is_an_error(council, promoted):
    result = _import(council, working_days_lost=Decimal("1"))
    assert not result.ok
    assert [(f.element, f.message) for f in result.errors] == [
        (
            "WorkingDaysLost",
            "Cannot store this record: The record gives 1.00 days lost, fewer than the 2.00 "
            "already recorded on this worker's earlier spells in the year",
        )
    ]
    assert _days(promoted[1]) == Decimal("3")


def test_a_move_to_adult_services_is_not_part_of_the_record(council):
    """A children's social worker who moved to adults' is a children's leaver (reason 7)."""
    children = council.social_worker.employments.get()
    core_services.employment_update(
        employment=children,
        end_date=date(2024, 3, 31),
        reason_for_leaving="7",
        leaver_destination="5",
    )
    adults = factories.employment(
        council.social_worker, council.adults_locality, start_date=date(2024, 4, 1)
    )
    result = _import(
        council,
        org_role="5",
        fte=Decimal("0"),
        role_end_date=date(2024, 3, 31),
        reason_leave="7",
        leaver_destination="5",
        working_days_lost=Decimal("0"),
    )
    assert result.ok, [f.message for f in result.errors]
    adults.refresh_from_db()
    assert (adults.end_date, adults.reason_for_leaving) == (None, "")
    assert SicknessAbsence.objects.filter(employment=adults).count() == 0
