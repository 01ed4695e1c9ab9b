"""The census pages through the Django test client: uploads, findings, downloads, permissions."""

from dataclasses import replace

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from tests.census.returns import census_file, workers
from tests.census.test_hr_extract import as_csv, row
from workforce_health.census.models import CensusExport, CensusImport
from workforce_health.core.models import Person

pytestmark = pytest.mark.django_db


def upload(name: str, data: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data, content_type="application/octet-stream")


@pytest.fixture
def lead(council, client_for):
    return client_for(council.users["workforce_lead"])


def test_the_index_links_every_page(lead):
    page = lead.get(reverse("census-index")).content.decode()
    for name in ("census-import", "hr-import", "census-export"):
        assert reverse(name) in page


def test_a_valid_return_is_imported_with_a_summary(lead, council):
    response = lead.post(reverse("census-import"), {"file": upload("r.xml", census_file(2025))})
    page = response.content.decode()
    assert response.status_code == 200 and "Census return imported" in page
    log = CensusImport.objects.get()
    assert (log.imported_by, log.file_name, log.worker_count) == (
        council.users["workforce_lead"],
        "r.xml",
        3,
    )


def test_an_invalid_return_shows_every_finding_and_stores_nothing(lead):
    people = workers(2025)
    people[0] = replace(people[0], ethnicity="XXXX")
    before = Person.objects.count()
    response = lead.post(
        reverse("census-import"), {"file": upload("r.xml", census_file(2025, people=people))}
    )
    page = response.content.decode()
    assert response.status_code == 422 and "Nothing was imported" in page
    assert "SW****01" in page and "Ethnicity" in page and "SW100001" not in page
    assert "<title>Error: " in page
    assert Person.objects.count() == before and not CensusImport.objects.exists()


def test_upload_form_errors_use_the_error_summary(lead):
    missing = lead.post(reverse("census-import"), {}).content.decode()
    assert "govuk-error-summary" in missing and "Select a census return file" in missing
    wrong = lead.post(reverse("census-import"), {"file": upload("r.csv", b"a")}).content.decode()
    assert "must be a .xml file" in wrong


def test_files_over_the_size_cap_are_refused(lead, settings):
    settings.CENSUS_MAX_FILE_BYTES = 10
    page = lead.post(
        reverse("census-import"), {"file": upload("r.xml", b"x" * 11)}
    ).content.decode()
    assert "must be smaller than 10 bytes" in page


def test_the_hr_extract_page_imports_and_reports_rows(lead):
    assert "multipart/form-data" in lead.get(reverse("hr-import")).content.decode()
    bad = lead.post(reverse("hr-import"), {"file": upload("hr.csv", as_csv([row(fte="2")]))})
    assert "Row 2, column fte: FTE must be 1 or less" in bad.content.decode()
    good = lead.post(reverse("hr-import"), {"file": upload("hr.csv", as_csv([row()]))})
    assert "HR extract imported" in good.content.decode()


@pytest.mark.parametrize(
    ("name", "kind"), [("hr-template-csv", "text/csv"), ("hr-template-xlsx", "sheet")]
)
def test_templates_download(lead, name, kind):
    response = lead.get(reverse(name))
    assert kind in response["Content-Type"] and "attachment" in response["Content-Disposition"]


def test_export_lists_records_to_fix_with_links(lead, council):
    response = lead.post(reverse("census-export"), {"year": "2025"})
    page = response.content.decode()
    assert response.status_code == 422 and "Records to fix" in page
    assert reverse("person-detail", args=[council.manager.pk]) in page
    assert not CensusExport.objects.exists()


def test_export_downloads_a_valid_return_and_logs_it(lead, council):
    lead.post(reverse("census-import"), {"file": upload("r.xml", census_file(2025))})
    Person.objects.filter(pk__in=[council.social_worker.pk, council.manager.pk]).update(
        is_registered_social_worker=False
    )  # the fixture's staff lack census details; this test is about the download
    response = lead.post(reverse("census-export"), {"year": "2025"})
    assert response.status_code == 200, response.content.decode()[:2000]
    assert response["Content-Disposition"] == 'attachment; filename="csww_991_2025.xml"'
    assert b"<LEA>991</LEA>" in response.content
    assert CensusExport.objects.get().exported_by == council.users["workforce_lead"]


def test_other_roles_cannot_post(council, client_for):
    client = client_for(council.users["service_manager"])
    response = client.post(reverse("census-import"), {"file": upload("r.xml", census_file(2025))})
    assert response.status_code == 403 and not CensusImport.objects.exists()
    assert (
        client_for(council.users["practitioner"]).post(reverse("census-export")).status_code == 403
    )
