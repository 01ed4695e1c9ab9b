"""Recording vacancies through the page: saved through the service, bad input refused."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse

from tests import factories
from workforce_health.staffing.models import VacancySnapshot


@pytest.fixture
def lead(council, client):
    client.force_login(council.users[factories.Role.WORKFORCE_LEAD])
    return client


def _post(client, **fields):
    data = {
        "date-day": "30",
        "date-month": "9",
        "date-year": "2025",
        "team": "",
        "vacancy_fte": "12.5",
        "agency_cover_fte": "8",
        "agency_cover_headcount": "9",
    } | fields
    return client.post(reverse("workforce-vacancies"), data)


def test_record_then_replace_the_organisation_figure(council, lead):
    assert _post(lead).status_code == 302
    assert _post(lead, vacancy_fte="10").status_code == 302
    (snapshot,) = VacancySnapshot.objects.all()
    assert snapshot.date == datetime.date(2025, 9, 30)
    assert snapshot.vacancy_fte == Decimal("10.00") and snapshot.team is None
    page = lead.get(reverse("workforce-vacancies")).content.decode()
    assert "All of children&#x27;s social work" in page


def test_record_a_team_figure(council, lead):
    assert _post(lead, team=str(council.assessment.pk)).status_code == 302
    snapshot = VacancySnapshot.objects.get()
    assert snapshot.team == council.assessment and snapshot.service == council.children


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"agency_cover_fte": "13"}, "Agency cover cannot be more than the vacant FTE"),
        ({"vacancy_fte": "-1"}, "Vacant FTE must be 0 or more"),
        ({"vacancy_fte": "lots"}, "Vacant FTE must be a number"),
        ({"date-day": "31", "date-month": "2"}, "Date must be a real date"),
        ({"team": str(10**9)}, "Select a valid choice"),
    ],
)
def test_bad_input_saves_nothing(council, lead, fields, message):
    response = _post(lead, **fields)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not VacancySnapshot.objects.exists()


def test_adult_teams_are_not_offered(council, lead):
    page = lead.get(reverse("workforce-vacancies")).content.decode()
    assert "Assessment North" in page and "Locality West" not in page
