"""The audit trail: who changed what and who viewed whose record, on the administrator's page."""

import csv
import datetime
import io

from django.core.management import call_command
from django.test import Client, RequestFactory, override_settings
from django.urls import reverse
from django.utils import timezone

from tests import factories
from workforce_health.audit.middleware import AuditMiddleware
from workforce_health.audit.models import AuditEntry
from workforce_health.core import services as core_services

LEAD_ADDRESS = "198.51.100.20"
FORMULA = '=HYPERLINK("http://evil.example","Team")'


def _lead(council: factories.Council) -> Client:
    client = Client(REMOTE_ADDR=LEAD_ADDRESS)
    client.force_login(council.users["workforce_lead"])
    return client


def _admin(council: factories.Council) -> Client:
    client = Client()
    client.force_login(council.users["administrator"])
    return client


def test_a_change_is_recorded_with_who_what_and_the_address(council: factories.Council) -> None:
    _lead(council).post(
        reverse("team-edit", kwargs={"team_id": council.assessment.pk}),
        {"service": council.children.pk, "name": "Assessment South", "team_type": "assessment"},
    )
    entry = AuditEntry.objects.get(action=AuditEntry.Action.UPDATE)
    assert entry.actor == council.users["workforce_lead"]
    assert entry.remote_addr == LEAD_ADDRESS and entry.organisation == council.organisation
    assert entry.changes_dict["name"] == ["Assessment North", "Assessment South"]
    page = _admin(council).get(reverse("audit-list")).content.decode()
    assert "Assessment South" in page and "workforce_lead-991" in page and LEAD_ADDRESS in page


def test_viewing_a_person_and_the_people_list_is_recorded(council: factories.Council) -> None:
    lead = _lead(council)
    lead.get(reverse("person-detail", kwargs={"person_id": council.social_worker.pk}))
    lead.get(reverse("person-list") + "?q=Taylor")
    viewed = AuditEntry.objects.filter(action=AuditEntry.Action.ACCESS).order_by("pk")
    assert [(e.object_repr, e.additional_data["viewed"]) for e in viewed] == [
        (str(council.social_worker), "Person's record"),
        ("Testshire Council", "People list"),
    ]
    assert viewed[1].additional_data["query"] == "q=Taylor"
    assert all(e.remote_addr == LEAD_ADDRESS for e in viewed)


def test_a_refused_or_missing_page_records_no_view(
    council: factories.Council, other_council
) -> None:
    lead = _lead(council)
    lead.get(reverse("person-detail", kwargs={"person_id": other_council.social_worker.pk}))
    practitioner = Client()
    practitioner.force_login(council.users["practitioner"])
    practitioner.get(reverse("person-detail", kwargs={"person_id": council.social_worker.pk}))
    assert not AuditEntry.objects.filter(action=AuditEntry.Action.ACCESS).exists()


def test_a_census_export_download_is_recorded(council: factories.Council) -> None:
    response = _lead(council).post(reverse("census-export"), {"year": "2025"})
    downloaded = "attachment" in response.get("Content-Disposition", "")
    recorded = AuditEntry.objects.filter(action=AuditEntry.Action.ACCESS)
    assert recorded.count() == (1 if downloaded else 0)
    if downloaded:
        assert recorded.get().additional_data["viewed"] == "DfE census return export"


def test_filters_and_the_csv_neutralise_formulas(council: factories.Council) -> None:
    lead = _lead(council)
    lead.post(
        reverse("team-edit", kwargs={"team_id": council.assessment.pk}),
        {"service": council.children.pk, "name": FORMULA, "team_type": "assessment"},
    )
    lead.get(reverse("person-detail", kwargs={"person_id": council.social_worker.pk}))
    admin = _admin(council)
    only_views = admin.get(reverse("audit-list"), {"action": "3"}).content.decode()
    assert "Viewed" in only_views and "evil.example" not in only_views
    by_record = admin.get(reverse("audit-list"), {"record": "HYPERLINK"}).content.decode()
    assert "evil.example" in by_record and "Sam Taylor" not in by_record
    assert "HYPERLINK(&quot;http" in by_record  # escaped, as all text
    rows = list(
        csv.reader(io.StringIO(admin.get(reverse("audit-csv")).content.decode("utf-8-sig")))
    )
    assert rows[0][:3] == ["When", "Who", "What happened"]
    cells = [cell for row in rows[1:] for cell in row]
    assert any("evil.example" in cell for cell in cells)
    assert not any(cell.startswith(("=", "+", "-", "@")) for cell in cells)
    today = timezone.localdate()
    future = today + datetime.timedelta(days=1)
    empty = admin.get(
        reverse("audit-list"),
        {
            "date_from-day": future.day,
            "date_from-month": future.month,
            "date_from-year": future.year,
        },
    ).content.decode()
    assert "No entries match" in empty


def test_an_administrator_sees_only_their_organisations_trail(
    council: factories.Council, other_council: factories.Council
) -> None:
    _lead(other_council).get(
        reverse("person-detail", kwargs={"person_id": other_council.social_worker.pk})
    )
    page = _admin(council).get(reverse("audit-list")).content.decode()
    assert "workforce_lead-992" not in page and '<td class="govuk-table__cell">Viewed<' not in page


@override_settings(AUDIT_RETENTION_DAYS=30)
def test_old_entries_are_pruned(council: factories.Council) -> None:
    _lead(council).get(reverse("person-detail", kwargs={"person_id": council.social_worker.pk}))
    _lead(council).get(reverse("person-list"))
    old, new = AuditEntry.objects.filter(action=AuditEntry.Action.ACCESS).order_by("pk")
    AuditEntry.objects.exclude(pk=new.pk).update(
        timestamp=timezone.now() - datetime.timedelta(days=31)
    )
    call_command("audit_prune")
    assert list(AuditEntry.objects.values_list("pk", flat=True)) == [new.pk]
    assert old.pk != new.pk


def test_nothing_is_audited_on_a_respondent_path_even_if_a_record_changes(
    council: factories.Council,
) -> None:
    """The middleware switches auditing off for /s/ and /survey/ whatever a view does there."""
    before = AuditEntry.objects.count()
    request = RequestFactory().get("/s/some-token/", REMOTE_ADDR="198.51.100.99")
    request.user = council.users["workforce_lead"]

    def view(_request):
        core_services.team_update(
            team=council.assessment,
            service=council.children,
            name="Renamed",
            team_type="assessment",
        )
        from django.http import HttpResponse

        return HttpResponse()

    AuditMiddleware(view)(request)
    assert AuditEntry.objects.count() == before
    council.assessment.refresh_from_db()
    assert council.assessment.name == "Renamed"


def test_auditing_a_new_record_leaves_its_reverse_relations_unread(db: None) -> None:
    """Before: django-auditlog read organisation.comparator_set on create, and the instance
    kept "no comparator set" after one was saved."""
    from workforce_health.benchmarks import services as benchmark_services
    from workforce_health.core.models import Organisation

    organisation = core_services.organisation_create(name="Newtown", la_code="993")
    elsewhere = Organisation.objects.get(pk=organisation.pk)  # as another request would
    benchmark_services.comparators_set(organisation=elsewhere, la_codes=[])
    assert organisation.comparator_set.la_codes == ""


def test_viewing_and_changing_development_records_is_audited(council: factories.Council) -> None:
    from tests.development.helpers import records

    made = records(council)  # written through the services: each is a change in the trail
    changed = set(AuditEntry.objects.values_list("content_type__model", flat=True))
    assert {"supervisionagreement", "supervisionsession", "cpdentry", "enrolment"} <= changed
    lead = _lead(council)
    lead.get(reverse("development-person", kwargs={"person_id": made.agreement.person_id}))
    lead.get(reverse("development-overdue"))
    viewed = AuditEntry.objects.filter(action=AuditEntry.Action.ACCESS).order_by("pk")
    assert [e.additional_data["viewed"] for e in viewed] == [
        "Development record",
        "Supervision overdue list",
    ]
    assert viewed[0].object_repr == str(made.agreement.person)


def test_every_audited_view_is_a_route() -> None:
    from django.urls import get_resolver

    from workforce_health.audit.views_audited import AUDITED_VIEWS

    names = {name for name in get_resolver().reverse_dict if isinstance(name, str)}
    missing = [name for name in AUDITED_VIEWS if name not in names]
    assert not missing, missing
