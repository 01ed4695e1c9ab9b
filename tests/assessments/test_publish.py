"""Publishing: an immutable version (HTML, tagged PDF, XLSX through the scrutiny report's
renderers), read by scrutiny members, and an optional section of the scrutiny report."""

import io
import shutil

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from tests.assessments.helpers import assessed
from tests.reports.test_pdf import TOOLS, margin_problems, run
from workforce_health.assessments import services
from workforce_health.assessments.selectors import rating_get
from workforce_health.core.models import Membership
from workforce_health.reports import services as report_services

Role = Membership.Role
pytestmark = pytest.mark.django_db


def test_a_published_version_never_changes(council, client_for):
    assessment = assessed(council)
    rating = rating_get(assessment=assessment, standard="S1")
    assert rating is not None
    services.rating_update(rating=rating, level=4, commentary="Published framework")
    client = client_for(council.users[Role.WORKFORCE_LEAD])
    publish = reverse("self-assessment-publish", args=[assessment.pk])
    assert 'name="version" value="1"' in client.get(publish).content.decode()
    response = client.post(publish, {"version": "1"})
    version = assessment.versions.get()
    assert response.url == reverse("self-assessment-version", args=[version.pk])
    assert version.ratings["S1"] == {"level": 4, "label": "Fully met"}
    services.rating_update(rating=rating, level=1, commentary="Changed later")
    page = client_for(council.users[Role.SCRUTINY_MEMBER]).get(response.url).content.decode()
    assert "Published framework" in page
    assert "Changed later" not in page
    version.document = {}
    with pytest.raises(ValidationError, match="cannot be changed"):
        version.save()


@pytest.mark.skipif(any(shutil.which(tool) is None for tool in TOOLS), reason="needs poppler-utils")
def test_the_pdf_is_tagged_and_the_xlsx_has_every_table(council, client_for, tmp_path):
    assessment = assessed(council)
    version = services.assessment_publish(assessment=assessment, published_by=None)
    client = client_for(council.users[Role.SCRUTINY_MEMBER])
    url = "self-assessment-version-download"
    pdf = client.get(reverse(url, args=[version.pk, "pdf"]))
    assert pdf["Content-Type"] == "application/pdf"
    assert "self-assessment-" in pdf["Content-Disposition"]
    path = tmp_path / "self-assessment.pdf"
    path.write_bytes(pdf.content)
    info = dict(line.split(":", 1) for line in run("pdfinfo", str(path)).splitlines())
    assert info["Tagged"].strip() == "yes"
    assert margin_problems(path, tmp_path) == []  # no blank page, nothing in the margins
    assert "Standard 8: Partnerships" in run("pdftotext", str(path), "-")
    html = client.get(reverse(url, args=[version.pk, "html"])).content.decode()
    assert "Evidence as at" in html and "Version 1, published" in html
    assert "Meeting date" not in html and "scrutiny panel" not in html
    xlsx = client.get(reverse(url, args=[version.pk, "xlsx"]))
    book = load_workbook(io.BytesIO(xlsx.content))
    assert len(book.sheetnames) >= 2  # contents and the summary table


def test_the_scrutiny_report_can_include_it(council):
    assessment = assessed(council)
    services.assessment_publish(assessment=assessment, published_by=None)
    report = report_services.report_create(
        organisation=council.organisation,
        meeting_date=timezone.localdate(),
        services=[council.children],
    )
    document = report_services.report_draft_document(report=report)
    section = next(s for s in document.sections if s.key == "self-assessment")
    assert any(b.table and b.table.slug == "self-assessment-summary" for b in section.blocks)
    report_services.report_update(report=report, included_sections=[])
    keys = [s.key for s in report_services.report_draft_document(report=report).sections]
    assert "self-assessment" not in keys


def test_a_version_confirmed_twice_is_published_once(council, client_for):
    """A second click or a second tab confirming version 1 publishes nothing, and says so."""
    assessment = assessed(council)
    client = client_for(council.users[Role.WORKFORCE_LEAD])
    publish = reverse("self-assessment-publish", args=[assessment.pk])
    assert client.post(publish, {"version": "1"}).status_code == 302
    again = client.post(publish, {"version": "1"})
    assert again.status_code == 409
    assert "Nothing was published" in again.content.decode()
    assert client.post(publish).status_code == 200  # no version named: the confirmation page
    assert [v.number for v in assessment.versions.all()] == [1]
    with pytest.raises(ValidationError, match="Version 1 has already been published"):
        services.assessment_publish(assessment=assessment, published_by=None, expected_number=1)
