"""Exporting the census return from the product's records."""

from dataclasses import asdict
from datetime import date
from decimal import Decimal

import pytest

from tests import factories
from tests.census.returns import census_file, workers
from workforce_health.census import read_return
from workforce_health.census.models import CensusExport
from workforce_health.census.services import census_return_export, census_return_import
from workforce_health.core import services as core_services
from workforce_health.staffing import services as staffing_services

pytestmark = pytest.mark.django_db


def _workers_by_number(data: bytes) -> dict[str, dict]:
    return {w.values.swe_no: asdict(w.values) for w in read_return(data).workers}


@pytest.mark.parametrize("year", [2021, 2024, 2025])
def test_import_then_export_gives_the_same_records(year, db):
    organisation = core_services.organisation_create(name="Exampleshire", la_code="991")
    original = census_file(year)
    assert census_return_import(source=original, user=None, organisation=organisation).ok
    outcome = census_return_export(organisation=organisation, year=year, user=None)
    assert outcome.data is not None, outcome.errors
    written = read_return(outcome.data)
    assert written.header and written.header.values.lea == "991"
    expected = read_return(original).council
    assert written.council and expected and written.council.values == expected.values
    assert _workers_by_number(outcome.data) == _workers_by_number(original)
    assert len(workers(year)) == outcome.worker_count == 3


def test_every_export_is_logged(db):
    organisation = core_services.organisation_create(name="Exampleshire", la_code="991")
    census_return_import(source=census_file(2025), user=None, organisation=organisation)
    user = factories.council(la_code="992", name="Other").users["administrator"]
    outcome = census_return_export(organisation=organisation, year=2025, user=user)
    log = CensusExport.objects.get()
    assert (log.exported_by, log.year, log.worker_count) == (user, 2025, 3)
    assert outcome.log == log


def test_records_that_would_fail_are_listed_not_written(council):
    outcome = census_return_export(organisation=council.organisation, year=2025, user=None)
    assert outcome.data is None and not CensusExport.objects.exists()
    people = {(outcome.person_of(f), f.element) for f in outcome.errors}
    assert (council.manager, "SWENo") in people  # registered, but no registration number
    assert (council.social_worker, "WorkingDaysLost") in people
    assert (None, "NumberOfVacancies") in people  # no vacancy figure recorded
    assert all(p != council.adult_worker for p, _ in people)  # adults are not in the return


def test_a_complete_record_exports(council):
    core_services.person_update(
        person=council.social_worker,
        qualification_level="1",
        qualification_institution="University of Example",
        step_up_graduate=False,
        frontline_graduate=False,
    )
    core_services.person_update(person=council.manager, is_registered_social_worker=False)
    spell = council.social_worker.employments.get()
    core_services.employment_update(employment=spell, start_origin="1")
    staffing_services.sickness_absence_record(
        employment=spell, period_end=date(2024, 9, 30), working_days_lost=Decimal("2")
    )
    staffing_services.vacancy_snapshot_record(
        organisation=council.organisation,
        date=date(2024, 9, 1),
        vacancy_fte=Decimal("3"),
        agency_cover_fte=Decimal("0"),
        agency_cover_headcount=0,
    )
    outcome = census_return_export(organisation=council.organisation, year=2024, user=None)
    assert outcome.data is not None, outcome.errors
    (worker,) = read_return(outcome.data).workers
    assert (worker.values.swe_no, worker.values.role_start_date) == ("SW991001", date(2020, 1, 6))
    assert worker.values.qual_inst == ("University of Example",)
    assert worker.values.cases30 is None and worker.values.working_days_lost == Decimal("2")
