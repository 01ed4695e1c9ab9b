"""The development pages: recording a session, the measures pages and their downloads."""

import datetime
import io

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from tests import factories
from tests.development.helpers import records
from workforce_health.core import services as core_services
from workforce_health.core.models import Membership
from workforce_health.development import services

pytestmark = pytest.mark.django_db
Role = Membership.Role


def session_form(person, day: datetime.date, **changes):
    return {
        "person": str(person.pk),
        "held_on-day": str(day.day),
        "held_on-month": str(day.month),
        "held_on-year": str(day.year),
        "minutes": "90",
        "kind": "one_to_one",
        "uninterrupted": "yes",
        "topics": ["workload", "wellbeing"],
    } | changes


def test_a_team_manager_records_a_session(council, client):
    records(council)
    client.force_login(council.users[Role.TEAM_MANAGER])
    form = client.get(reverse("development-session-record") + f"?person={council.social_worker.pk}")
    text = form.content.decode()
    assert "Decisions about a child or adult belong in their case record" in text
    assert "selected" in text.split("Alex Morgan")[0].rsplit("<option", 1)[-1]
    today = timezone.localdate()
    response = client.post(
        reverse("development-session-record"), session_form(council.social_worker, today)
    )
    assert response.status_code == 302
    session = council.social_worker.supervision_sessions.get(held_on=today)
    assert session.recorded_by == council.users[Role.TEAM_MANAGER]
    assert session.supervisor == council.manager and session.topics == ["workload", "wellbeing"]


def test_a_session_form_with_mistakes_says_what_to_fix(council, client):
    client.force_login(council.users[Role.TEAM_MANAGER])
    future = timezone.localdate() + datetime.timedelta(days=3)
    response = client.post(
        reverse("development-session-record"),
        session_form(council.social_worker, future, minutes="ninety", uninterrupted=""),
    )
    text = response.content.decode()
    assert response.status_code == 200 and "<title>Error: " in text
    assert "Length in minutes must be a whole number" in text
    assert "Select yes or no" in text
    assert not council.social_worker.supervision_sessions.exists()


def test_the_supervision_page_counts_windows_for_any_period(council, client):
    records(council)  # weekly windows from 2 September 2024; one session, on the first day
    client.force_login(council.users[Role.WORKFORCE_LEAD])
    query = "?start-day=2&start-month=9&start-year=2024&end-day=22&end-month=9&end-year=2024"
    page = client.get(reverse("development-supervision") + query)
    text = page.content.decode()
    assert "1 of 3" in text and "33.3%" in text  # three weekly windows, the first met
    assert "Assessment North" in text


def test_a_period_that_ends_before_it_starts_is_refused(council, client):
    client.force_login(council.users[Role.WORKFORCE_LEAD])
    query = "?start-day=2&start-month=9&start-year=2025&end-day=1&end-month=9&end-year=2025"
    page = client.get(reverse("development-supervision") + query)
    assert "The end of the period must be after its start" in page.content.decode()


def test_downloads_neutralise_formulas(council, client):
    records(council)
    team = core_services.team_update(
        team=council.assessment,
        service=council.children,
        name='=HYPERLINK("http://x")',
        team_type="assessment",
    )
    assert team.name.startswith("=")
    client.force_login(council.users[Role.WORKFORCE_LEAD])
    query = "?start-day=2&start-month=9&start-year=2024&end-day=1&end-month=9&end-year=2025"
    csv_text = client.get(
        reverse("development-supervision-download", args=["csv"]) + query
    ).content.decode("utf-8-sig")
    assert "'=HYPERLINK" in csv_text and "\n=HYPERLINK" not in csv_text
    xlsx = client.get(reverse("development-supervision-download", args=["xlsx"]) + query)
    sheet = load_workbook(io.BytesIO(xlsx.content)).active
    # The project's rule for XLSX (spreadsheets.formulas): a text cell with the quote prefix.
    formula_like = [c for row in sheet.iter_rows() for c in row if str(c.value).startswith("=")]
    assert formula_like
    assert all(c.data_type == "s" and c.quotePrefix for c in formula_like)
    assert xlsx["Cache-Control"] == "no-store"


def test_the_overdue_list_names_who_is_behind(council, client):
    records(council)  # one session in September 2024: long overdue today
    client.force_login(council.users[Role.TEAM_MANAGER])
    text = client.get(reverse("development-overdue")).content.decode()
    assert "Overdue (1)" in text and "Alex Morgan" in text
    services.session_record(
        person=council.social_worker,
        held_on=timezone.localdate(),
        minutes=90,
        kind="one_to_one",
        uninterrupted=True,
        topics=[],
        recorded_by=None,
    )
    assert "No one is overdue" in client.get(reverse("development-overdue")).content.decode()


def test_the_cpd_page_lists_who_is_not_ready(council, client):
    records(council)
    client.force_login(council.users[Role.SERVICE_MANAGER])
    page = client.get(reverse("development-cpd") + "?year=2025")
    text = page.content.decode()
    assert "Who is not ready yet" in text and "Alex Morgan" in text  # one piece only
    assert "Fewer than 2 pieces" in text


def test_the_nqsw_dashboard_shows_progress(council, client):
    made = records(council)
    client.force_login(council.users[Role.WORKFORCE_LEAD])
    text = client.get(reverse("development-asye") + "?show=all").content.decode()
    assert "Alex Morgan" in text and "ASYE (12 months)" in text
    page = client.get(reverse("development-enrolment", args=[made.enrolment.pk])).content.decode()
    assert "Direct observations of practice" in text or "Direct observations of practice" in page
    assert "28 days paused" in page


def test_the_secondments_page_shows_the_census_effect(council, client):
    records(council)  # a leaver-treated secondment across 30 September 2025
    client.force_login(council.users[Role.WORKFORCE_LEAD])
    text = client.get(reverse("development-secondments") + "?year=2025").content.decode()
    assert "Secondments and the census, year ending 30 September 2025" in text
    assert "Turnover rate (%)" in text and "Leaver (reason 7)" in text


def test_managers_edit_policies_in_words(council, client):
    client.force_login(council.users[Role.WORKFORCE_LEAD])
    data = {
        "name": "Fostering service",
        "is_default": "no",
        "newly_qualified": "every 2 weeks until 6 months\nevery month",
        "experienced": "every month",
        "minimum_minutes": "60",
        "must_be_uninterrupted": "yes",
        "counted_kinds": ["one_to_one", "group"],
        "part_time": "same",
        "leave": "excuse",
        "minimum_leave_days": "10",
    }
    assert client.post(reverse("development-policy-add"), data).status_code == 302
    bad = client.post(reverse("development-policy-add"), data | {"experienced": "monthly"})
    assert "must start with" in bad.content.decode()
    page = client.get(reverse("development-policies")).content.decode()
    assert "Every 2 weeks until 6 months after the start" in page


def test_the_person_page_gathers_the_record(council, client):
    made = records(council)
    client.force_login(council.users[Role.TEAM_MANAGER])
    page = client.get(reverse("development-person", args=[council.social_worker.pk]))
    text = page.content.decode()
    for expected in ("Priya Shah", "Life story work", "Annual leave", "Safeguarding East"):
        assert expected in text
    assert reverse("development-session-edit", args=[made.session.pk]) in text


def test_a_new_organisation_gets_the_lga_policy_on_first_use(client, db):
    fresh = factories.council(la_code="993", name="Freshby Council")
    client.force_login(fresh.users[Role.WORKFORCE_LEAD])
    assert client.get(reverse("development-policies")).status_code == 200
    assert fresh.organisation.cadence_policies.get().name == "LGA Standard 5"
