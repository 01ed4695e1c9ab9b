"""Journeys through the service in a real browser, with an accessibility check on every page."""

import re

import pytest
from playwright.sync_api import expect

from tests import factories

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def council(transactional_db):
    return factories.council()


def test_public_pages_are_accessible(page, live_server, assert_accessible):
    for path in ["/sign-in/", "/accessibility/", "/no-such-page/"]:
        page.goto(live_server.url + path)
        assert_accessible()
    expect(page.get_by_role("heading", level=1)).to_have_text("Page not found")


def test_skip_link_is_the_first_tab_stop(page, live_server):
    page.goto(live_server.url + "/sign-in/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent.trim()")
    assert focused == "Skip to main content"


@pytest.mark.parametrize("role", factories.Role.values)
def test_each_role_signs_in_and_sees_its_home_page(role, council, page, sign_in, assert_accessible):
    sign_in(f"{role}-991", factories.PASSWORD)
    expect(page.get_by_role("heading", level=1)).to_contain_text("Welcome")
    expect(page.get_by_text("Testshire Council").first).to_be_visible()
    assert_accessible()
    navigation = page.get_by_role("navigation", name=re.compile("menu|navigation", re.I))
    can_see_people = role in ("administrator", "workforce_lead", "service_manager", "team_manager")
    assert (navigation.get_by_role("link", name="People").count() == 1) == can_see_people


def test_sign_in_errors_are_summarised(council, page, sign_in, assert_accessible):
    sign_in("workforce_lead-991", "wrong-password")
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_contain_text("Enter a correct username and password")
    assert_accessible()


def test_lead_adds_an_employment_after_fixing_errors(
    council, page, sign_in, assert_accessible, live_server
):
    sign_in("workforce_lead-991", factories.PASSWORD)
    page.get_by_role("link", name="People", exact=True).click()
    assert_accessible()
    page.get_by_role("link", name="Services and teams").click()
    assert_accessible()
    page.get_by_role("link", name="Assessment North").click()
    assert_accessible()
    page.get_by_role("link", name="Alex Morgan").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Alex Morgan")
    assert_accessible()
    page.get_by_role("link", name="Add an employment").click()
    page.get_by_label("Team").select_option(label="Safeguarding East (Children's Services)")
    page.get_by_label("Job role").select_option(label="Senior practitioner")
    page.get_by_label("Full-time equivalent (FTE)").fill("1.5")
    page.get_by_label("Permanent").check()
    page.get_by_label("Day").first.fill("1")
    page.get_by_label("Month").first.fill("4")
    page.get_by_label("Year").first.fill("2025")
    page.get_by_role("button", name="Save employment").click()
    expect(page).to_have_title(re.compile("^Error:"))
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_contain_text("FTE must be 1 or less")
    assert_accessible()
    summary.get_by_role("link", name="FTE must be 1 or less").click()
    expect(page.get_by_label("Full-time equivalent (FTE)")).to_be_focused()
    page.get_by_label("Full-time equivalent (FTE)").fill("0.5")
    page.get_by_role("button", name="Save employment").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Alex Morgan")
    expect(page.locator("table")).to_contain_text("Safeguarding East")


def test_people_search_and_pagination_work_without_javascript(
    council, browser, live_server, assert_accessible
):
    for number in range(30):
        factories.person(council.organisation, f"P{number:03}", f"Person{number:02} Example")
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{live_server.url}/sign-in/")
    page.get_by_label("Username").fill("workforce_lead-991")
    page.get_by_label("Password").fill(factories.PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.goto(f"{live_server.url}/people/")
    page.get_by_label("Include people who are not in post today").check()
    page.get_by_role("button", name="Search").click()
    expect(page.get_by_role("status")).to_contain_text("33 people, page 1 of 2")
    page.get_by_role("link", name=re.compile("Next")).click()
    expect(page.get_by_role("status")).to_contain_text("page 2 of 2")
    page.get_by_label("Search by name").fill("Person07")
    page.get_by_role("button", name="Search").click()
    expect(page.get_by_role("status")).to_contain_text("1 person matching")
    context.close()


def test_pages_reflow_at_320_pixels(council, page, sign_in, live_server):
    page.set_viewport_size({"width": 320, "height": 640})
    sign_in("workforce_lead-991", factories.PASSWORD)
    for path in ["/", "/people/", f"/people/{council.social_worker.pk}/", "/people/new/"]:
        page.goto(live_server.url + path)
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, f"{path} scrolls sideways by {overflow}px at 320px"
