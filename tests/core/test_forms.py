"""Forms reject bad input with GOV.UK error messages and save nothing partial."""

import pytest
from django.urls import reverse

from workforce_health.core.models import Employment, Membership, Person, Team

Role = Membership.Role


@pytest.fixture
def lead(council, client):
    client.force_login(council.users[Role.WORKFORCE_LEAD])
    return client


def _employment_post(for_team, **overrides):
    data = {
        "team": for_team.pk,
        "job_role": "social_worker",
        "census_role": "5",
        "fte": "0.8",
        "contract_type": "permanent",
        "start_date-day": "1",
        "start_date-month": "4",
        "start_date-year": "2024",
        "end_date-day": "",
        "end_date-month": "",
        "end_date-year": "",
        "start_origin": "2",
        "reason_for_leaving": "",
        "leaver_destination": "",
    }
    return data | overrides


def _errors(response) -> str:
    page = response.content.decode()
    assert response.status_code == 200
    assert "govuk-error-summary" in page
    assert "<title>Error:" in page
    return page


def test_add_person_then_employment(council, lead):
    response = lead.post(
        reverse("person-create"),
        {
            "given_name": "Jo",
            "family_name": "Bloggs",
            "employee_number": "E1234",
            "swe_number": "sw 123456",
            "date_of_birth-day": "3",
            "date_of_birth-month": "11",
            "date_of_birth-year": "1988",
            "sex": "F",
            "ethnicity": "BAFR",
            "qualification_level": "2",
            "is_registered_social_worker": "on",
        },
    )
    person = Person.objects.get(employee_number="E1234")
    assert response.status_code == 302 and person.swe_number == "SW123456"
    response = lead.post(
        reverse("employment-create", args=[person.pk]), _employment_post(council.safeguarding)
    )
    assert response.status_code == 302
    employment = person.employments.get()
    assert str(employment.fte) == "0.800000" and employment.team == council.safeguarding


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"fte": "1.5"}, "FTE must be 1 or less"),
        ({"fte": "0"}, "FTE must be more than 0"),
        ({"fte": "lots"}, "FTE must be a number"),
        (
            {"end_date-day": "1", "end_date-month": "1", "end_date-year": "2024"},
            "The end date must be the same as or after the start date",
        ),
        ({"start_date-day": "31", "start_date-month": "2"}, "Start date must be a real date"),
        (
            {"start_date-day": "", "start_date-month": "", "start_date-year": ""},
            "Enter the start date",
        ),
        ({"reason_for_leaving": "1"}, "Give a reason for leaving only when there is an end date"),
        ({"team": ""}, "Choose the team"),
    ],
)
def test_employment_bad_input(council, lead, overrides, message):
    before = Employment.objects.count()
    response = lead.post(
        reverse("employment-create", args=[council.social_worker.pk]),
        _employment_post(council.safeguarding, **overrides),
    )
    assert message in _errors(response)
    assert Employment.objects.count() == before


def test_overlapping_spell_in_the_same_post_is_refused(council, lead):
    # The social worker already has an open-ended social worker spell in Assessment North.
    response = lead.post(
        reverse("employment-create", args=[council.social_worker.pk]),
        _employment_post(council.assessment),
    )
    assert "This overlaps another spell in the same team and job role" in _errors(response)
    assert council.social_worker.employments.count() == 1


def test_a_new_role_in_the_same_team_may_overlap(council, lead):
    response = lead.post(
        reverse("employment-create", args=[council.social_worker.pk]),
        _employment_post(
            council.assessment, job_role="senior_practitioner", census_role="4", fte="0.2"
        ),
    )
    assert response.status_code == 302


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"swe_number": "123456"}, "2 letters then up to 10 digits"),
        ({"swe_number": "SW12345678901"}, "2 letters then up to 10 digits"),
        ({"employee_number": "991-1"}, "A person with this employee number already exists"),
        ({"given_name": ""}, "Enter the first name"),
        (
            {"date_of_birth-day": "1", "date_of_birth-month": "1", "date_of_birth-year": "2099"},
            "Date of birth must be in the past",
        ),
        (
            {"date_of_birth-day": "1", "date_of_birth-month": "", "date_of_birth-year": "1980"},
            "Date of birth must be a real date",
        ),
        ({"ethnicity": "XXXX"}, "Select a valid choice"),
    ],
)
def test_person_bad_input(council, lead, overrides, message):
    data = {"given_name": "Jo", "family_name": "Bloggs", "employee_number": "E9", "swe_number": ""}
    before = Person.objects.count()
    response = lead.post(reverse("person-create"), data | overrides)
    assert message in _errors(response)
    assert Person.objects.count() == before


def test_error_summary_links_to_the_field(council, lead):
    page = _errors(
        lead.post(
            reverse("person-create"),
            {"given_name": "", "family_name": "B", "employee_number": "E1"},
        )
    )
    assert 'href="#id_given_name"' in page


def test_team_create_and_duplicate_name(council, lead):
    data = {"name": "Fostering", "service": council.children.pk, "team_type": "fostering"}
    assert lead.post(reverse("team-create"), data).status_code == 302
    response = lead.post(reverse("team-create"), data)
    assert "This service already has a team with this name" in _errors(response)
    assert Team.objects.filter(name="Fostering").count() == 1


def test_team_cannot_join_another_organisations_service(council, other_council, lead):
    data = {"name": "Sneaky", "service": other_council.children.pk, "team_type": "fostering"}
    assert "Select a valid choice" in _errors(lead.post(reverse("team-create"), data))


def test_edit_person_keeps_unique_check_within_organisation(council, other_council, lead):
    # Another organisation may use the same employee number.
    response = lead.post(
        reverse("person-edit", args=[council.adult_worker.pk]),
        {
            "given_name": "Owen",
            "family_name": "Jones",
            "employee_number": "992-1",
            "swe_number": "",
        },
    )
    assert response.status_code == 302


def test_blank_census_role_is_filled_from_the_job_role(council, lead):
    response = lead.post(
        reverse("employment-create", args=[council.adult_worker.pk]),
        _employment_post(council.safeguarding, job_role="team_manager", census_role=""),
    )
    assert response.status_code == 302
    assert council.adult_worker.employments.get(team=council.safeguarding).census_role == "3"
