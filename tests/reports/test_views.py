"""Report pages: the lead prepares, previews, publishes and downloads; scrutiny members read
published versions only; another organisation's reports are not found."""

import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from tests.reports.helpers import MEETING, REDACTED_NAME
from workforce_health.core.models import Membership
from workforce_health.reports import render, services
from workforce_health.reports.models import Report, ReportVersion, ReportVersionFile

Role = Membership.Role


@pytest.fixture
def report(reported) -> Report:
    return services.report_create(
        organisation=reported.organisation,
        meeting_date=MEETING,
        services=[reported.children],
        title="Workforce health: January panel",
    )


@pytest.fixture
def published(reported, report) -> ReportVersion:
    services.report_update(report=report, commentary={"summary": "Published words."})
    return services.report_publish(report=report, published_by=reported.users[Role.WORKFORCE_LEAD])


def _date(prefix: str, value) -> dict[str, str]:
    return {
        f"{prefix}-day": str(value.day),
        f"{prefix}-month": str(value.month),
        f"{prefix}-year": str(value.year),
    }


def test_the_lead_creates_edits_previews_and_publishes(reported, client_for):
    client = client_for(reported.users[Role.WORKFORCE_LEAD])
    created = client.post(
        reverse("report-create"),
        {**_date("meeting_date", MEETING), "services": [reported.children.pk], "title": ""},
    )
    report = Report.objects.get(organisation=reported.organisation)
    assert created.status_code == 302 and created["Location"] == reverse(
        "report-edit", args=[report.pk]
    )
    edit = client.get(created["Location"])
    assert edit.status_code == 200
    assert 'name="commentary_workforce"' in edit.content.decode()
    saved = client.post(
        reverse("report-edit", args=[report.pk]),
        {
            **_date("meeting_date", MEETING),
            "services": [reported.children.pk],
            "title": "January panel",
            "sections": ["health-check-teams", "comment-themes", "starters-leavers"],
            "commentary_workforce": "Turnover fell after the retention payments.",
        },
    )
    assert saved.status_code == 302, saved.content.decode()[:3000]
    assert saved["Location"] == reverse("report-preview", args=[report.pk])
    preview = client.get(saved["Location"]).content.decode()
    assert "Turnover fell after the retention payments." in preview
    assert "Draft: not published" in preview and "Publish version 1" in preview
    confirm = client.get(reverse("report-publish", args=[report.pk])).content.decode()
    assert 'name="version" value="1"' in confirm
    publish = client.post(reverse("report-publish", args=[report.pk]), {"version": "1"})
    version = ReportVersion.objects.get(report=report)
    assert publish["Location"] == reverse("report-version", args=[version.pk])
    page = client.get(publish["Location"]).content.decode()
    assert "Version 1, published" in page
    assert "Turnover fell after the retention payments." in page


def test_a_form_with_errors_shows_the_error_summary(reported, report, client_for):
    client = client_for(reported.users[Role.ADMINISTRATOR])
    response = client.post(
        reverse("report-create"),
        {"meeting_date-day": "31", "meeting_date-month": "2", "meeting_date-year": "2026"},
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "<title>Error: " in html and "govuk-error-summary" in html
    assert "The meeting date must be a real date, like 20 1 2026" in html
    too_long = client.post(
        reverse("report-edit", args=[report.pk]),
        {**_date("meeting_date", MEETING), "title": "T", "commentary_summary": "x" * 5001},
    )
    html = too_long.content.decode()
    assert too_long.status_code == 200 and "<title>Error: " in html
    assert "Commentary must be 5000 characters or fewer" in html
    assert "govuk-error-summary" in html


def test_a_scrutiny_member_sees_published_versions_only(reported, report, published, client_for):
    services.report_create(
        organisation=reported.organisation, meeting_date=MEETING, title="Secret draft"
    )
    client = client_for(reported.users[Role.SCRUTINY_MEMBER])
    listing = client.get(reverse("report-list")).content.decode()
    assert reverse("report-version", args=[published.pk]) in listing
    assert "Reports in preparation" not in listing and "Secret draft" not in listing
    assert reverse("report-preview", args=[report.pk]) not in listing
    for name in ("report-edit", "report-preview"):
        assert client.get(reverse(name, args=[report.pk])).status_code == 403
    assert (
        client.get(reverse("report-preview-download", args=[report.pk, "html"])).status_code == 403
    )
    assert client.post(reverse("report-publish", args=[report.pk])).status_code == 403
    page = client.get(reverse("report-version", args=[published.pk])).content.decode()
    assert "Published words." in page and "Prepare a new version" not in page
    assert ReportVersion.objects.count() == 1


@pytest.mark.parametrize("role", [Role.WORKFORCE_LEAD, Role.SCRUTINY_MEMBER])
def test_another_organisations_reports_are_not_found(
    role, other_council, report, published, client_for
):
    client = client_for(other_council.users[role])
    urls = [
        reverse("report-version", args=[published.pk]),
        reverse("report-version-download", args=[published.pk, "html"]),
    ]
    if role == Role.WORKFORCE_LEAD:
        urls += [
            reverse("report-edit", args=[report.pk]),
            reverse("report-preview", args=[report.pk]),
            reverse("report-preview-download", args=[report.pk, "xlsx"]),
        ]
        assert client.post(reverse("report-publish", args=[report.pk])).status_code == 404
    assert [(url, client.get(url).status_code) for url in urls] == [(url, 404) for url in urls]
    listing = client.get(reverse("report-list")).content.decode()
    assert report.title not in listing


@pytest.mark.parametrize("file_format", ["pdf", "html", "xlsx"])
def test_downloads_of_the_draft_and_the_published_version(
    file_format, reported, report, published, client_for
):
    lead = client_for(reported.users[Role.WORKFORCE_LEAD])
    draft = lead.get(reverse("report-preview-download", args=[report.pk, file_format]))
    version = lead.get(reverse("report-version-download", args=[published.pk, file_format]))
    stem = "scrutiny-report-testshire-council-children-s-services-" + MEETING.isoformat()
    assert draft["Content-Disposition"] == f'attachment; filename="{stem}-draft.{file_format}"'
    assert version["Content-Disposition"] == f'attachment; filename="{stem}-v1.{file_format}"'
    for response in (draft, version):
        assert response.status_code == 200
        if file_format == "pdf":
            assert response["Content-Type"] == "application/pdf"
            assert response.content.startswith(b"%PDF-")
        elif file_format == "html":
            html = response.content.decode()
            assert html.startswith("<!DOCTYPE html>") and '<html lang="en-GB">' in html
            assert "Table 1: " in html
        else:
            book = load_workbook(io.BytesIO(response.content))
            assert book.sheetnames[0] == "Contents"
    if file_format == "html":
        assert "Draft: not published" in draft.content.decode()
        assert "Version 1, published" in version.content.decode()
        assert "Published words." in version.content.decode()


def _edit_post(report, **extra) -> dict:
    return {
        **_date("meeting_date", MEETING),
        "services": [s.pk for s in report.services.all()],
        "title": report.title,
        "sections": ["comment-themes"],
        **extra,
    }


def test_only_the_lead_sees_and_chooses_quotations_on_the_edit_page(reported, report, client_for):
    lead = client_for(reported.users[Role.WORKFORCE_LEAD])
    page = lead.get(reverse("report-edit", args=[report.pk])).content.decode()
    assert 'name="quotations"' in page and "my workload is manageable now" in page
    assert REDACTED_NAME not in page  # the choices are redacted
    quote = next(q for q in _choices(page) if "my workload is manageable now" in q)
    url = reverse("report-edit", args=[report.pk])
    saved = lead.post(url, _edit_post(report, quotations=[quote]))
    assert saved.status_code == 302
    report.refresh_from_db()
    assert report.quotations == [quote]

    admin = client_for(reported.users[Role.ADMINISTRATOR])
    page = admin.get(reverse("report-edit", args=[report.pk])).content.decode()
    assert 'name="quotations"' not in page and "my workload is manageable now" not in page
    assert "Only the workforce lead can read staff comments and choose quotations" in page
    assert "The lead has chosen 1 quotation: your changes keep it." in page
    # Saving keeps the lead's choice; a quotation sent anyway (a forged field) is ignored.
    for extra in ({}, {"quotations": [quote]}, {"quotations": ["Anything I like"]}):
        saved = admin.post(
            reverse("report-edit", args=[report.pk]),
            _edit_post(report, commentary_summary="Checked by the administrator.", **extra),
        )
        assert saved.status_code == 302
        report.refresh_from_db()
        assert report.quotations == [quote]
        assert report.commentary == {"summary": "Checked by the administrator."}
    services.report_update(report=report, quotations=[])
    page = admin.get(reverse("report-edit", args=[report.pk])).content.decode()
    assert "Only the workforce lead can read staff comments" in page and "chosen" not in page


def test_a_draft_shows_the_lead_s_quotations_only_to_the_lead(reported, report, client_for):
    lead = client_for(reported.users[Role.WORKFORCE_LEAD])
    page = lead.get(reverse("report-edit", args=[report.pk])).content.decode()
    quote = next(q for q in _choices(page) if "my workload is manageable now" in q)
    services.report_update(report=report, included_sections=["comment-themes"], quotations=[quote])
    withheld = "The workforce lead has chosen 1 quotation from the survey comments."
    for role, shows_quote in ((Role.WORKFORCE_LEAD, True), (Role.ADMINISTRATOR, False)):
        client = client_for(reported.users[role])  # signs this role in
        preview = client.get(reverse("report-preview", args=[report.pk])).content.decode()
        draft = client.get(reverse("report-preview-download", args=[report.pk, "html"]))
        for body in (preview, draft.content.decode()):
            assert ("my workload is manageable now" in body) is shows_quote
            assert (withheld in body) is not shows_quote
    # Publishing keeps the lead's choice: the published version quotes it for everyone.
    admin = client_for(reported.users[Role.ADMINISTRATOR])
    confirm = admin.get(reverse("report-publish", args=[report.pk])).content.decode()
    assert "It also quotes the 1 comment the workforce lead chose" in confirm
    version = services.report_publish(report=report, published_by=None)
    page = admin.get(reverse("report-version", args=[version.pk])).content.decode()
    assert "my workload is manageable now" in page and withheld not in page


def _choices(page: str) -> list[str]:
    import html
    import re

    return [html.unescape(v) for v in re.findall(r'name="quotations" value="([^"]*)"', page)]


def test_a_published_version_is_served_as_stored_not_rendered_again(
    reported, published, client_for, monkeypatch
):
    stored = {f.file_format: bytes(f.content) for f in published.files.all()}
    assert sorted(stored) == ["html", "pdf", "xlsx"] and stored["pdf"].startswith(b"%PDF-")

    def rendered_again(*args, **kwargs):
        raise AssertionError("a published version's file was rendered again")

    for name in ("document_pdf", "document_html", "document_xlsx"):
        monkeypatch.setattr(render, name, rendered_again)
    scrutiny = client_for(reported.users[Role.SCRUTINY_MEMBER])
    for file_format, content in stored.items():
        response = scrutiny.get(
            reverse("report-version-download", args=[published.pk, file_format])
        )
        assert response.status_code == 200 and response.content == content


def test_a_version_published_before_files_were_stored_is_rendered(reported, published, client_for):
    ReportVersionFile.objects.filter(version=published).delete()  # as published before 0003
    scrutiny = client_for(reported.users[Role.SCRUTINY_MEMBER])
    response = scrutiny.get(reverse("report-version-download", args=[published.pk, "pdf"]))
    assert response.status_code == 200 and response.content.startswith(b"%PDF-")
