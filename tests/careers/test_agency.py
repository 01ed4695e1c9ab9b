"""Agency social workers against the DfE's rules: the records, the caps, the compliance view
and the quarterly data."""

import csv
import datetime
import io

import pytest
from django.urls import reverse

from tests import factories
from tests.careers import helpers
from workforce_health.careers import selectors
from workforce_health.core.models import Employment
from workforce_health.core.scope import Scope

pytestmark = pytest.mark.django_db


def lead_view(council):
    return Scope.whole(council.organisation)


def assessed(council):
    records = selectors.agency_compliance_get(scope=lead_view(council))
    return {
        e.person.full_name: row
        for e, row in zip(records.employments, records.assessed.iter_rows(named=True), strict=True)
    }


def test_only_childrens_agency_social_workers_are_checked(council):
    helpers.agency_spell(council, "1", name="Kid Worker")
    helpers.agency_spell(council, "2", name="Adult Worker", team=council.adults_locality)
    helpers.agency_spell(council, "3", name="Family Worker", job_role="family_support_worker")
    assert list(assessed(council)) == ["Kid Worker"]


def test_a_spell_without_a_record_is_missing_everything(council):
    helpers.agency_spell(council, name="New Worker")
    row = assessed(council)["New Worker"]
    assert not row["compliant"]
    assert row["missing"] == [
        "hourly charge rate",
        "post-qualifying experience",
        "references",
        "notice period",
        "check of a recent permanent post",
    ]


def test_a_complete_record_within_the_cap_complies(council):
    helpers.cap(council)
    helpers.compliant_record(helpers.agency_spell(council, name="Good Worker"))
    assert assessed(council)["Good Worker"]["compliant"]


def test_leaving_a_permanent_post_here_within_3_months_is_seen_from_the_records(council):
    helpers.cap(council)
    worker = council.social_worker  # permanent in Assessment North since 2020
    [permanent] = worker.employments.all()
    permanent.end_date = datetime.date(2025, 3, 31)
    permanent.reason_for_leaving = ""
    permanent.save()
    factories.employment(
        worker,
        council.safeguarding,
        contract_type=Employment.ContractType.AGENCY,
        start_date=datetime.date(2025, 5, 1),
    )
    agency = Employment.objects.get(person=worker, contract_type="agency")
    helpers.compliant_record(agency)
    row = assessed(council)[worker.full_name]
    assert row["gap"] == "not met" and not row["compliant"]


def test_the_lead_records_an_assignment(council, client):
    spell = helpers.agency_spell(council, name="Sam Locum")
    client.force_login(council.users["workforce_lead"])
    url = reverse("agency-assignment-edit", kwargs={"assignment_id": spell.pk})
    assert "Sam Locum" in client.get(url).content.decode()
    refused = client.post(
        url,
        {
            "role": "social_worker",
            "left_permanent_post_on-day": "1",
            "left_permanent_post_on-month": "1",
            "left_permanent_post_on-year": "2025",
        },
    )
    assert "Tick that you have checked" in refused.content.decode()
    response = client.post(
        url,
        {
            "agency": "Locums Ltd",
            "role": "social_worker",
            "hourly_charge_rate": "39.50",
            "experience_years": "6",
            "notice_weeks": "4",
            "permanent_post_checked": "on",
            "references_received_on-day": "2",
            "references_received_on-month": "1",
            "references_received_on-year": "2025",
        },
    )
    assert response.status_code == 302
    spell.agency_assignment.refresh_from_db()
    assert spell.agency_assignment.agency == "Locums Ltd"


def test_caps_are_data_the_lead_edits(council, client):
    client.force_login(council.users["workforce_lead"])
    data = {
        "role": "senior",
        "hourly_cap": "43.00",
        "effective_from-day": "1",
        "effective_from-month": "4",
        "effective_from-year": "2025",
    }
    assert client.post(reverse("agency-cap-add"), data).status_code == 302
    again = client.post(reverse("agency-cap-add"), data)
    assert "There is already a cap for this job type from this date" in again.content.decode()
    assert "£43.00 an hour" in client.get(reverse("agency-caps")).content.decode()


def test_the_compliance_view_by_team(council, client):
    helpers.cap(council)
    helpers.compliant_record(helpers.agency_spell(council, "1", name="Good Worker"))
    helpers.compliant_record(
        helpers.agency_spell(council, "2", name="Gap Worker"), references_received_on=None
    )
    client.force_login(council.users["workforce_lead"])
    html = client.get(reverse("agency-compliance")).content.decode()
    assert "1 of 2 agency social workers in post today meet every rule" in html
    assert "references (1)" in html
    assert "Agency worker rate and agency cover" in html


def test_the_quarterly_data_for_the_dfe(council, client):
    helpers.cap(council)
    helpers.compliant_record(helpers.agency_spell(council, "1", start=datetime.date(2025, 2, 3)))
    later = helpers.agency_spell(council, "2", start=datetime.date(2025, 5, 6), name="Later One")
    helpers.compliant_record(later, hourly_charge_rate="44.00")
    client.force_login(council.users["workforce_lead"])
    response = client.get(reverse("agency-quarterly-csv") + "?quarter=2025-Q2")
    assert response["Content-Disposition"] == 'attachment; filename="agency-991-2025-Q2.csv"'
    rows = list(csv.DictReader(io.StringIO(response.content.decode().lstrip("\ufeff"))))
    assert [(r["swe_number"], r["hourly_charge_rate"], r["cap_rule"]) for r in rows] == [
        ("SW99912", "44.00", "not met"),
        ("SW99911", "38.50", "met"),
    ]
    assert rows[1]["quarter"] == "2025-Q2" and rows[1]["compliant"] == "yes"
    q1 = client.get(reverse("agency-quarterly-csv") + "?quarter=2025-Q1").content.decode()
    assert "SW99912" not in q1 and "SW99911" in q1
    assert client.get(reverse("agency-quarterly-csv") + "?quarter=2025-Q9").status_code == 404
