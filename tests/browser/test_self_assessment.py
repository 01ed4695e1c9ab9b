"""The self-assessment in Chromium without JavaScript: the lead opens the year's assessment,
rates a standard, sees a gap and raises an action from it, publishes, and a scrutiny member
reads the published version. axe-core finds no violation of any impact on each page, at 1280
and 375 pixels wide, with no sideways scrolling. SCREENSHOT_DIR keeps the screenshots."""

import datetime
import os
import re

import pytest
from playwright.sync_api import expect

from tests import factories
from tests.assessments.helpers import YEAR, assessed
from tests.browser.conftest import AXE_TAGS
from tests.browser.strict_axe import settled_html
from workforce_health.assessments import services

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
WIDTHS = (1280, 375)
SCREENSHOTS = os.environ.get("SCREENSHOT_DIR")


@pytest.fixture
def council(transactional_db):
    made = factories.council()
    assessed(made)
    services.assessment_create(
        organisation=made.organisation, service=made.children, year=YEAR - 1, framework="2020"
    )
    return made


@pytest.fixture
def check_html(browser, live_server):
    """axe-core needs JavaScript: check each no-JavaScript page's HTML in a second page of the
    same width; every violation counts, whatever its impact."""
    from axe_playwright_python.sync_playwright import Axe

    pages = {}
    for width in WIDTHS:
        context = browser.new_context(viewport={"width": width, "height": 900})
        pages[width] = context.new_page()
        pages[width].goto(f"{live_server.url}/accessibility/")

    def check(page, name: str) -> None:
        for width, checker in pages.items():
            checker.set_content(settled_html(page))
            result = Axe().run(checker, options={"runOnly": {"type": "tag", "values": AXE_TAGS}})
            bad = result.response["violations"]
            assert not bad, f"{page.url} at {width}px:\n" + "\n".join(
                f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']]}"
                for v in bad
            )
            assert checker.evaluate("document.documentElement.scrollWidth") <= width
            if SCREENSHOTS:
                checker.screenshot(
                    path=f"{SCREENSHOTS}/self-assessment-{name}-{width}.png", full_page=True
                )

    yield check
    for checker in pages.values():
        checker.context.close()


@pytest.fixture
def no_script(browser):
    context = browser.new_context(
        viewport={"width": 1280, "height": 900}, java_script_enabled=False
    )
    yield context.new_page()
    context.close()


def sign_in_as(page, base, username):
    page.goto(f"{base}/sign-in/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(factories.PASSWORD)
    page.get_by_role("button", name="Sign in").click()


def test_rate_raise_an_action_from_a_gap_and_publish(council, no_script, live_server, check_html):
    page = no_script
    sign_in_as(page, live_server.url, "workforce_lead-991")
    page.goto(f"{live_server.url}/self-assessment/")
    check_html(page, "list")
    page.get_by_role("link", name=re.compile(f"^{YEAR - 1}")).click()
    expect(page.locator("h2[id$='-heading']")).to_have_count(8)
    page.get_by_role("link", name="Rate and comment on Standard 5: Supervision").click()
    expect(page).to_have_url(re.compile(r"/standards/S5/$"))
    check_html(page, "rate")
    page.get_by_label("Fully met").check()
    page.get_by_label("Commentary").fill("Monthly supervision for everyone.")
    page.get_by_role("button", name="Save").click()
    expect(page.locator("#s5")).to_contain_text("staff scored it 32 out of 100")
    check_html(page, "assessment")
    page.get_by_role("link", name="Raise an action from this gap (Standard 5: Supervision)").click()
    expect(page).to_have_url(re.compile(r"/standards/S5/action/$"))
    check_html(page, "action")
    due = datetime.date.today() + datetime.timedelta(days=60)  # noqa: DTZ011
    page.get_by_label("Owner").select_option(label="Priya Shah")
    page.get_by_label("Day").fill(str(due.day))
    page.get_by_label("Month").fill(str(due.month))
    page.get_by_label("Year").fill(str(due.year))
    page.get_by_role("button", name="Raise the action").click()
    expect(page.locator("#s5")).to_contain_text("Supervision: close the gap")
    page.get_by_role("link", name="Publish").click()
    page.get_by_role("button", name="Publish version 1").click()
    expect(page).to_have_title(re.compile("version 1"))
    check_html(page, "published")
    expect(page.get_by_text("Monthly supervision for everyone.")).to_be_visible()
    published = page.url
    page.goto(f"{live_server.url}/self-assessment/ofsted/")
    expect(page.get_by_role("heading", name="What staff say")).to_be_visible()
    check_html(page, "ofsted")
    page.goto(f"{live_server.url}/self-assessment/region/")
    expect(page.locator("#table-regional-self-assessments")).to_contain_text("Testshire Council")
    check_html(page, "region")
    reader = page.context.browser.new_context(java_script_enabled=False).new_page()
    sign_in_as(reader, live_server.url, "scrutiny_member-991")
    reader.goto(published)
    expect(reader.get_by_role("heading", name="Standard 5: Supervision")).to_be_visible()
    expect(reader.get_by_role("link", name="PDF")).to_be_visible()
    reader.context.close()
