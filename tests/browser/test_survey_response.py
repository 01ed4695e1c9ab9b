"""A respondent completes a survey by token link on a phone-sized screen without JavaScript."""

import re

import pytest
from playwright.sync_api import expect

from tests import factories
from tests.browser.strict_axe import settled_html
from tests.surveys import helpers

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


PHONE = {"width": 375, "height": 812}


@pytest.fixture
def page(browser):
    """The respondent's page: a phone-sized screen with JavaScript off."""
    context = browser.new_context(viewport=PHONE, java_script_enabled=False)
    yield context.new_page()
    context.close()


@pytest.fixture
def assert_accessible(browser, page, live_server):
    """axe-core needs JavaScript, so check the no-JavaScript page's HTML in a second page."""
    from axe_playwright_python.sync_playwright import Axe

    from tests.browser.conftest import AXE_TAGS

    context = browser.new_context(viewport=PHONE)
    checker = context.new_page()
    checker.goto(f"{live_server.url}/accessibility/")  # so /static/ links resolve

    def check() -> None:
        checker.set_content(settled_html(page))
        result = Axe().run(checker, options={"runOnly": {"type": "tag", "values": AXE_TAGS}})
        bad = [v for v in result.response["violations"] if v["impact"] in ("serious", "critical")]
        assert checker.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
        assert not bad, f"{page.url}:\n" + "\n".join(
            f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']]}"
            for v in bad
        )

    yield check
    context.close()


def test_complete_a_survey_by_token_on_a_phone(page, live_server, assert_accessible):
    council = factories.council()
    wave = helpers.open_wave(council)
    token = helpers.shared_token(wave, service="Children's Services")
    page.goto(f"{live_server.url}/s/{token}/")
    assert_accessible()  # start page
    page.get_by_role("button", name="Start now").click()
    expect(page.get_by_text("Section 1 of 9")).to_be_visible()
    page.get_by_role("group", name="I understand what the council wants").get_by_label(
        "Strongly agree"
    ).check()
    assert_accessible()  # agree items
    page.get_by_role("button", name="Save and continue").click()
    page.get_by_role("button", name="Save and continue").click()
    page.get_by_label("How many hours a week are you contracted to work?").fill("200")
    page.get_by_role("button", name="Save and continue").click()
    expect(page).to_have_title(re.compile("^Error:"))
    expect(page.locator(".govuk-error-summary")).to_contain_text("Enter hours from 0 to 80")
    assert_accessible()  # error summary and number inputs
    page.get_by_label("How many hours a week are you contracted to work?").fill("37")
    page.get_by_role("button", name="Save and come back later").click()
    expect(page.get_by_text("Your answers have been saved")).to_be_visible()
    page.goto(f"{live_server.url}/s/{token}/section/9/")
    page.get_by_role("group", name="How likely are you to recommend").get_by_label(
        "8", exact=True
    ).check()
    page.get_by_label("Is there anything else").fill("More time for direct work, please.")
    assert_accessible()  # 0-10 scale and text
    page.get_by_role("button", name="Save and continue").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Check your answers before sending them"
    )
    expect(page.locator("main")).to_contain_text("37 hours")
    assert_accessible()  # check answers
    page.get_by_role("button", name="Send response").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Response sent")
    assert_accessible()  # confirmation
