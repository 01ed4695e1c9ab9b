"""The demo's scrutiny reports: version 1 published for each service, and a draft in progress."""

import datetime

import pytest

from workforce_health.demo.loader import demo_load, demo_reset
from workforce_health.reports import services
from workforce_health.reports.models import Report, ReportVersion, ReportVersionFile
from workforce_health.reports.selectors import report_version_document

TODAY = datetime.date(2025, 11, 14)
pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module", autouse=True)
def loaded(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        result = demo_load(today=TODAY)
        yield result
        demo_reset()


def test_two_published_versions_and_one_draft(loaded):
    reports = Report.objects.filter(organisation=loaded.organisation)
    published = ReportVersion.objects.filter(report__organisation=loaded.organisation)
    assert reports.count() == 3
    assert sorted((v.number, v.document["scope"]) for v in published) == [
        (1, "Adult Social Care"),
        (1, "Children's Services"),
    ]
    assert all(v.published_by and v.published_by.username == "lead" for v in published)
    # Each published version's PDF, HTML and XLSX, stored as published.
    assert ReportVersionFile.objects.filter(version__in=published).count() == 6
    drafts = reports.filter(versions__isnull=True)
    assert [list(r.services.all()) for r in drafts] == [[]]  # the whole organisation
    assert drafts.get().commentary["summary"].startswith("Draft for the March panel")


def test_published_reports_carry_the_leads_commentary_in_two_sections(loaded):
    for version in ReportVersion.objects.filter(report__organisation=loaded.organisation):
        document = report_version_document(version=version)
        with_commentary = [s.key for s in document.sections if s.commentary]
        assert len(with_commentary) == 2 and with_commentary[0] == "summary"
        assert document.meeting_date == datetime.date(2026, 1, 21) and document.version == 1


def test_the_draft_builds_from_the_demo_data(loaded):
    draft = Report.objects.get(organisation=loaded.organisation, versions__isnull=True)
    document = services.report_draft_document(report=draft)
    assert document.scope == loaded.organisation.name and document.version is None
    assert "2025" in document.sections[0].blocks[0].text  # the 2025 waves and census year


def test_the_childrens_report_quotes_a_staff_comment(loaded):
    version = ReportVersion.objects.get(
        report__organisation=loaded.organisation, document__scope="Children's Services"
    )
    document = report_version_document(version=version)
    quotes = [b.text for s in document.sections for b in s.blocks if b.kind == "quote"]
    assert len(quotes) == 1 and "duty rota" in quotes[0]
