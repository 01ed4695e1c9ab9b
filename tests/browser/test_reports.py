"""Scrutiny reports in the browser: the workforce lead prepares, previews and publishes a report;
a scrutiny member reads the published version only. Every page is checked with axe-core, and
the whole journey also works with JavaScript turned off."""

import datetime
import re

import pytest
from playwright.sync_api import Page, expect

from tests import factories
from tests.reports import helpers
from workforce_health.reports.models import Report

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
COMMENTARY = "Workload is easing after the new duty rota, but vacancies remain in safeguarding."


@pytest.fixture
def council(transactional_db):
    """The test council with two Health Check waves (one with comments) and a census year."""
    return helpers.reported(factories.council())


def _fill_date(page: Page, day: datetime.date) -> None:
    for part, value in (("day", day.day), ("month", day.month), ("year", day.year)):
        page.locator(f"[name='meeting_date-{part}']").fill(str(value))


def _start_report(page: Page, base: str, meeting: datetime.date) -> None:
    page.goto(f"{base}/reports/")
    page.get_by_role("button", name="Start a new report").click()
    _fill_date(page, meeting)
    page.get_by_label("Children's Services").check()
    page.get_by_role("button", name="Continue").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("report to the scrutiny panel")


def test_lead_publishes_and_a_scrutiny_member_reads_only_the_published_version(
    council, page, live_server, sign_in, assert_accessible
):
    base = live_server.url
    sign_in("workforce_lead-991", factories.PASSWORD)
    page.goto(f"{base}/reports/")
    expect(page.get_by_text("No report has been published yet.")).to_be_visible()
    assert_accessible()

    page.get_by_role("button", name="Start a new report").click()
    page.get_by_role("button", name="Continue").click()  # no meeting date
    expect(page).to_have_title("Error: Start a new report – Workforce Health")
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_contain_text("Enter the date of the meeting")
    assert_accessible()
    _fill_date(page, helpers.MEETING)
    page.get_by_label("Children's Services").check()
    page.get_by_role("button", name="Continue").click()

    expect(page.get_by_text("Edit report")).to_be_visible()
    assert_accessible()
    page.get_by_label("Commentary: Summary").fill(COMMENTARY)
    page.get_by_role("checkbox", name="Starters and leavers").uncheck()
    page.get_by_role("button", name="Save and preview").click()

    expect(page.get_by_role("heading", name="Preview", exact=True)).to_be_visible()
    expect(page.locator(".app-report__commentary").first).to_contain_text(COMMENTARY)
    contents = page.locator(".app-report__contents")
    expect(contents).to_contain_text("Health Check results")
    expect(contents).not_to_contain_text("Starters and leavers")
    expect(page.get_by_role("heading", level=1)).to_have_count(1)
    assert_accessible()

    page.get_by_role("button", name="Publish version 1").click()  # to the page that asks
    expect(
        page.get_by_role("heading", name="What becomes readable and unchangeable")
    ).to_be_visible()
    assert_accessible()
    page.get_by_role("button", name="Publish version 1").click()
    expect(page.get_by_text("Version 1, published on")).to_be_visible()
    expect(page.locator(".app-report__commentary").first).to_contain_text(COMMENTARY)
    expect(page.get_by_role("heading", level=1)).to_have_count(1)
    assert_accessible()
    pdf_href = page.get_by_role("link", name="PDF", exact=True).get_attribute("href")
    pdf = page.request.get(f"{base}{pdf_href}")
    assert pdf.ok and pdf.headers["content-type"] == "application/pdf"
    assert pdf.body().startswith(b"%PDF")

    draft = Report.objects.get(organisation=council.organisation)
    page.context.clear_cookies()
    sign_in("scrutiny_member-991", factories.PASSWORD)
    page.goto(f"{base}/reports/")
    expect(page.get_by_role("heading", name="Reports in preparation")).to_have_count(0)
    expect(page.get_by_role("button", name="Start a new report")).to_have_count(0)
    assert_accessible()
    page.get_by_role("link", name="Children's Services, version 1", exact=False).click()
    expect(page.get_by_text("Version 1, published on")).to_be_visible()
    expect(page.get_by_role("link", name="Prepare a new version")).to_have_count(0)
    assert_accessible()
    for path in ("", "preview/", "preview.pdf"):
        response = page.goto(f"{base}/reports/{draft.pk}/{path}")
        assert response is not None and response.status in (403, 404), path


def test_the_journey_works_without_javascript_and_explains_a_report_that_cannot_be_written(
    council, browser, live_server
):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    base = live_server.url
    page.goto(f"{base}/sign-in/")
    page.get_by_label("Username").fill("workforce_lead-991")
    page.get_by_label("Password").fill(factories.PASSWORD)
    page.get_by_role("button", name="Sign in").click()

    # Before any Health Check wave had opened: the preview says why, and offers no publishing.
    _start_report(page, base, datetime.date(helpers.YEAR - 3, 1, 20))
    page.get_by_role("link", name="Preview without saving").click()
    expect(page).to_have_title(re.compile("^Error: Preview: "))
    expect(page.locator(".govuk-error-summary")).to_contain_text(
        "No Health Check wave for Children's Services has opened by"
    )
    expect(page.get_by_role("button", name="Publish version 1")).to_have_count(0)

    _start_report(page, base, helpers.MEETING)
    page.get_by_role("button", name="Save and preview").click()
    page.get_by_role("button", name="Publish version 1").click()
    page.get_by_role("button", name="Publish version 1").click()  # after saying what it does
    expect(page.get_by_text("Version 1, published on")).to_be_visible()
    context.close()
