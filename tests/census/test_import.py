"""Importing a census return: mapping, all or nothing, idempotence, the organisation check."""

from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest

from tests import factories
from tests.census import builders
from tests.census.returns import census_file, stored_counts, workers
from workforce_health.census.import_writer import UNASSIGNED_TEAM
from workforce_health.census.models import CouncilIncentives
from workforce_health.census.services import census_return_import
from workforce_health.core.models import Employment, Organisation, Person
from workforce_health.staffing.models import VacancySnapshot

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("year", [2021, 2023, 2024, 2025])
def test_a_valid_return_is_stored_for_any_year(year, council):
    result = census_return_import(
        source=census_file(year), user=None, organisation=council.organisation, file_name="r.xml"
    )
    assert result.ok, result.findings
    assert result.log is not None and result.log.worker_count == 3 and result.log.year == year
    starter = Person.objects.get(swe_number="SW100001")
    assert (starter.date_of_birth, starter.sex, starter.ethnicity) == (
        date(1999, 4, 12),
        "F",
        "WBRI",
    )
    assert starter.is_registered_social_worker and starter.step_up_graduate is False
    spell = starter.employments.get()
    assert spell.team.name == UNASSIGNED_TEAM and spell.team.service == council.children
    assert (spell.job_role, spell.census_role, spell.fte) == ("social_worker", "5", Decimal("1"))
    assert spell.caseloads.get().cases == 12
    assert spell.absences.get().working_days_lost == Decimal("3.5")
    leaver = Employment.objects.get(person__swe_number="SW100002")
    assert (leaver.end_date, leaver.fte, leaver.reason_for_leaving) == (
        date(year, 6, 27),
        Decimal("0.8"),
        "1",
    )
    agency = Employment.objects.get(person__swe_number="SW100003")
    assert agency.contract_type == "agency" and agency.start_date == date(year, 9, 30)
    vacancies = VacancySnapshot.objects.get(organisation=council.organisation)
    assert (vacancies.vacancy_fte, vacancies.agency_cover_fte) == (Decimal("5.5"), Decimal("1"))
    assert CouncilIncentives.objects.filter(year=year).exists() == (year == 2025)


def test_reimporting_the_same_return_changes_nothing(council):
    data = census_file(2025)
    census_return_import(source=data, user=None, organisation=council.organisation)
    before = stored_counts()
    again = census_return_import(source=data, user=None, organisation=council.organisation)
    assert again.ok and again.log is not None
    assert stored_counts() == before | {"CensusImport": before["CensusImport"] + 1}
    assert (again.log.people_created, again.log.people_updated) == (0, 0)
    assert (again.log.employments_created, again.log.employments_updated) == (0, 0)


def test_an_invalid_return_stores_nothing_and_reports_every_error(council):
    people = workers(2025)
    people[0] = replace(people[0], ethnicity="XXXX")
    people[1] = replace(people[1], reason_leave=None)
    before = stored_counts()
    result = census_return_import(
        source=census_file(2025, people=people), user=None, organisation=council.organisation
    )
    assert not result.ok
    assert {(f.worker, f.element) for f in result.errors} >= {(1, "Ethnicity"), (2, "ReasonLeave")}
    assert stored_counts() == before


def test_a_record_the_product_refuses_rolls_everything_back(council):
    people = workers(2025)
    people[1] = replace(people[1], person_birth_date=date(1900, 1, 1))  # census only warns
    before = stored_counts()
    result = census_return_import(
        source=census_file(2025, people=people), user=None, organisation=council.organisation
    )
    assert not result.ok
    (error,) = result.errors
    assert (error.worker, error.element, error.swe_display) == (2, "PersonBirthDate", "SW****02")
    assert "15 to 100 years old" in error.message
    assert stored_counts() == before


def test_a_return_for_another_council_is_refused(council):
    result = census_return_import(
        source=census_file(2025, lea="330"), user=None, organisation=council.organisation
    )
    assert not result.ok and "local authority 330" in result.errors[0].message


def test_the_organisation_comes_from_the_header(db):
    missing = census_return_import(source=census_file(2025, lea="330"), user=None)
    assert "add-organisation --la-code 330" in missing.errors[0].message
    added = census_return_import(
        source=census_file(2025, lea="330"), user=None, create_organisation=True
    )
    assert added.ok
    birmingham = Organisation.objects.get(la_code="330")
    assert (birmingham.name, birmingham.region) == ("Birmingham", "E12000005")
    assert birmingham.services.get().name == "Children's Services"


def test_an_existing_person_is_matched_by_registration_number(council):
    factories.person(council.organisation, "E1", "Jo Bloggs", swe_number="SW100001")
    census_return_import(source=census_file(2025), user=None, organisation=council.organisation)
    jo = Person.objects.get(swe_number="SW100001")
    assert (jo.full_name, jo.employee_number, jo.date_of_birth) == (
        "Jo Bloggs",
        "E1",
        date(1999, 4, 12),
    )


def test_an_unreadable_file_is_one_clear_error(council):
    result = census_return_import(
        source=b"<Message><Header>", user=None, organisation=council.organisation
    )
    assert not result.ok and result.errors[0].rule == "X01"


def test_the_builders_agency_record_keeps_its_few_items(council):
    data = builders.return_xml(2025)
    data = data.replace(b"<LEA>999</LEA>", b"<LEA>991</LEA>")
    assert census_return_import(source=data, user=None, organisation=council.organisation).ok


def test_both_councils_called_dorset_can_be_added_from_their_returns(db):
    # 835 is the county council abolished in 2019, 838 the unitary council that replaced it.
    for lea in ("835", "838"):
        result = census_return_import(
            source=census_file(2025, lea=lea), user=None, create_organisation=True
        )
        assert result.ok, result.errors
    names = dict(Organisation.objects.values_list("la_code", "name"))
    assert names["838"] == "Dorset" and names["835"] != names["838"]
