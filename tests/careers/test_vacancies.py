"""Vacancies: added on their own or from a vacancy record, advertised, withdrawn, filled."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from tests.careers import helpers
from workforce_health.careers import services
from workforce_health.careers.models import Vacancy
from workforce_health.staffing import services as staffing_services

pytestmark = pytest.mark.django_db


def form(**fields):
    today = timezone.localdate()
    return {
        "title": "Senior social worker",
        "role": "senior",
        "salary_min": "42000",
        "salary_max": "45000",
        "hours_per_week": "37",
        "contract": "permanent",
        "posts": "1",
        "description": "Join us.",
        "opened_on-day": str(today.day),
        "opened_on-month": str(today.month),
        "opened_on-year": str(today.year),
        "closing_date-day": "1",
        "closing_date-month": "1",
        "closing_date-year": str(today.year + 1),
        "apply_url": "https://jobs.testshire.example/1",
    } | fields


def test_the_lead_adds_and_advertises_a_vacancy(council, client):
    client.force_login(council.users["workforce_lead"])
    response = client.post(
        reverse("careers-vacancy-add"),
        form(service=council.children.pk, team=council.assessment.pk),
    )
    vacancy = Vacancy.objects.get()
    assert response.status_code == 302 and not vacancy.is_published
    client.post(reverse("careers-vacancy-publish", kwargs={"vacancy_id": vacancy.pk}))
    vacancy.refresh_from_db()
    assert vacancy.is_published and vacancy.first_published_on == timezone.localdate()
    client.post(reverse("careers-vacancy-unpublish", kwargs={"vacancy_id": vacancy.pk}))
    vacancy.refresh_from_db()
    assert not vacancy.is_published
    assert vacancy.first_published_on == timezone.localdate()  # the date it was first posted


def test_a_team_must_be_in_the_chosen_service(council, client):
    client.force_login(council.users["workforce_lead"])
    response = client.post(
        reverse("careers-vacancy-add"),
        form(service=council.adults.pk, team=council.assessment.pk),
    )
    assert "Choose a team in the chosen service" in response.content.decode()
    assert not Vacancy.objects.exists()


def test_a_vacancy_record_starts_the_advert(council, client):
    record = staffing_services.vacancy_snapshot_record(
        organisation=council.organisation,
        date=datetime.date(2026, 1, 31),
        vacancy_fte=Decimal("1.5"),
        service=council.children,
        team=council.safeguarding,
    )
    client.force_login(council.users["workforce_lead"])
    listing = client.get(reverse("careers-vacancy-list")).content.decode()
    assert f"?record={record.pk}" in listing
    url = reverse("careers-vacancy-add") + f"?record={record.pk}"
    page = client.get(url).content.decode()
    assert 'value="2"' in page  # 1.5 FTE: 2 posts
    assert 'value="31"' in page  # the record's date: the day the posts were vacant
    client.post(url, form(service=council.children.pk, team=council.safeguarding.pk))
    assert Vacancy.objects.get().source_record == record


def test_a_closed_or_filled_vacancy_cannot_be_advertised(council):
    vacancy = helpers.vacancy(council, publish=False)
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    services.vacancy_save(
        organisation=council.organisation,
        vacancy=vacancy,
        opened_on=yesterday,
        closing_date=yesterday,
    )
    with pytest.raises(ValidationError, match="closing date has passed"):
        services.vacancy_publish(vacancy=vacancy)
    services.vacancy_save(
        organisation=council.organisation,
        vacancy=vacancy,
        closing_date=yesterday + datetime.timedelta(days=30),
        filled_on=timezone.localdate(),
    )
    with pytest.raises(ValidationError, match="filled"):
        services.vacancy_publish(vacancy=vacancy)


def test_the_status_of_each_vacancy(council, client):
    helpers.vacancy(council, title="Live one")
    helpers.vacancy(council, title="Draft one", publish=False)
    client.force_login(council.users["workforce_lead"])
    html = client.get(reverse("careers-vacancy-list")).content.decode()
    assert "Advertised" in html and "Not advertised" in html


def test_another_councils_vacancy_is_not_found(council, other_council, client):
    vacancy = helpers.vacancy(other_council)
    client.force_login(council.users["workforce_lead"])
    url = reverse("careers-vacancy-edit", kwargs={"vacancy_id": vacancy.pk})
    assert client.get(url).status_code == 404
    publish = reverse("careers-vacancy-unpublish", kwargs={"vacancy_id": vacancy.pk})
    assert client.post(publish).status_code == 404
