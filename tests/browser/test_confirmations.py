"""The pages that ask before an irreversible step: publishing a report version (what becomes
readable and unchangeable, a meeting date that has passed) and opening a survey (how many are
emailed). Each is screenshotted at 1280 and 375 px, has no sideways scroll, and axe-core finds
no violation at all on it (every rule, not only the serious ones)."""

import datetime
import os
from pathlib import Path

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from tests import factories
from tests.browser.strict_axe import axe_violations
from tests.reports import helpers as report_helpers
from tests.surveys import helpers as survey_helpers
from workforce_health.core import services as core_services
from workforce_health.reports import services as report_services
from workforce_health.reports.models import ReportVersion
from workforce_health.surveys.models import Wave

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _check_page(page: Page, name: str, folder: Path) -> None:
    """No axe-core violation of any rule, no sideways scroll, a screenshot at each width."""
    violations = axe_violations(page)
    assert not violations, "\n".join(violations)
    for width in (1280, 375):
        page.set_viewport_size({"width": width, "height": 900})
        page.screenshot(path=folder / f"{name}-{width}.png", full_page=True)
        assert page.evaluate(
            "document.documentElement.scrollWidth <= document.documentElement.clientWidth"
        ), (name, width)
    page.set_viewport_size({"width": 1280, "height": 900})


@pytest.fixture
def screenshots(tmp_path: Path) -> Path:
    return Path(os.environ.get("SCREENSHOT_DIR") or tmp_path)


def test_publishing_a_report_says_what_becomes_readable_and_unchangeable(
    page, sign_in, live_server, screenshots
):
    council = report_helpers.reported(factories.council())
    past = timezone.localdate() - datetime.timedelta(days=7)
    report = report_services.report_create(
        organisation=council.organisation, meeting_date=past, services=[council.children]
    )
    report_services.report_update(report=report, commentary={"summary": "Workload is easing."})
    sign_in("workforce_lead-991", factories.PASSWORD)
    page.goto(f"{live_server.url}/reports/{report.pk}/")
    expect(page.locator("#meeting-passed")).to_contain_text(f"{past:%-d %B %Y}, has passed")
    _check_page(page, "report-edit-meeting-passed", screenshots)

    page.goto(f"{live_server.url}/reports/{report.pk}/preview/")
    expect(page.locator("#meeting-passed")).to_be_visible()
    page.get_by_role("button", name="Publish version 1").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Publish version 1")
    summary = page.locator("#publication")
    expect(summary).to_contain_text("Children's Services")
    expect(summary).to_contain_text("In 1 section: Summary")
    expect(summary).to_contain_text("1 scrutiny member")
    expect(page.locator("#meeting-passed")).to_be_visible()
    assert not ReportVersion.objects.exists()  # nothing published by the first click
    _check_page(page, "report-publish", screenshots)

    page.get_by_role("button", name="Publish version 1").click()
    expect(page.get_by_text("Version 1, published on")).to_be_visible()
    assert ReportVersion.objects.count() == 1


def test_opening_a_survey_says_how_many_people_will_be_emailed(
    page, sign_in, live_server, screenshots
):
    council = factories.council()
    core_services.person_update(person=council.manager, email="priya.shah@example.org")
    wave = survey_helpers.wave(council)
    sign_in("workforce_lead-991", factories.PASSWORD)
    page.goto(f"{live_server.url}/surveys/waves/{wave.pk}/")
    page.get_by_role("link", name="Open the survey and send invitations").click()
    summary = page.locator("#opening")
    expect(summary.locator(".govuk-summary-list__row", has_text="Staff invited")).to_contain_text(
        "2 (everyone in these services and staff groups"
    )
    expect(summary.locator(".govuk-summary-list__row", has_text="Emailed now")).to_contain_text(
        "1 personal link, sent as soon as you open the survey"
    )
    expect(summary).to_contain_text("No email address")
    _check_page(page, "survey-open", screenshots)

    page.get_by_role("button", name="Open and email 1 invitation").click()
    expect(page.locator("main")).to_contain_text("is open: 2 invited, 1 emailed")
    assert Wave.objects.get().status == Wave.Status.OPEN
