"""Two people edit the same report draft in two browsers: the second save shows what the first
saved instead of wiping it, as an accessible GOV.UK error page, at desktop and phone widths."""

import datetime
import os

import pytest
from playwright.sync_api import expect

from tests import factories
from workforce_health.reports import services
from workforce_health.reports.models import Report

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
SCREENSHOTS = os.environ.get("SCREENSHOT_DIR")


def _signed_in(browser, live_server, username: str, width: int):
    page = browser.new_context(viewport={"width": width, "height": 900}).new_page()
    page.goto(f"{live_server.url}/sign-in/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(factories.PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    return page


@pytest.mark.parametrize("width", [1280, 375])
def test_the_second_editor_sees_the_first_ones_commentary(browser, live_server, width):
    council = factories.council()
    report = services.report_create(
        organisation=council.organisation,
        meeting_date=datetime.date(2026, 1, 20),
        services=[council.children],
    )
    url = f"{live_server.url}/reports/{report.pk}/"
    lead = _signed_in(browser, live_server, "workforce_lead-991", width)
    admin = _signed_in(browser, live_server, "administrator-991", width)
    lead.goto(url)
    admin.goto(url)
    lead.get_by_label("Commentary: Summary").fill("Turnover fell after the retention payments.")
    lead.get_by_role("button", name="Save and preview").click()
    admin.get_by_label("Commentary: Summary").fill("Caseloads are still too high.")
    admin.get_by_role("button", name="Save and preview").click()

    expect(admin.locator(".govuk-error-summary")).to_contain_text("Someone else saved changes")
    table = admin.get_by_role("table", name="Where what is saved now differs")
    expect(table).to_contain_text("Turnover fell after the retention payments.")
    expect(table).to_contain_text("Caseloads are still too high.")
    assert Report.objects.get(pk=report.pk).commentary["summary"].startswith("Turnover fell")
    from axe_playwright_python.sync_playwright import Axe

    from tests.browser.conftest import AXE_TAGS

    result = Axe().run(admin, options={"runOnly": {"type": "tag", "values": AXE_TAGS}})
    bad = [v["id"] for v in result.response["violations"] if v["impact"] in ("serious", "critical")]
    assert not bad
    assert admin.evaluate("document.documentElement.scrollWidth") <= width
    if SCREENSHOTS:
        admin.screenshot(path=f"{SCREENSHOTS}/edit-conflict-{width}.png", full_page=True)
