"""The menu on one line at 1280 px for every role; no content outside a landmark; the phase
banner only for staff (issue 12 item 10)."""

from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests import factories
from tests.browser.strict_axe import axe_violations
from tests.surveys import helpers

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def council(transactional_db):
    return factories.council()


def _menu_rows(page) -> int:
    tops = page.locator(".govuk-service-navigation__item").evaluate_all(
        "items => items.map(item => Math.round(item.getBoundingClientRect().top))"
    )
    return len(set(tops))


def _no_sideways_scroll(page) -> bool:
    return page.evaluate(
        "document.documentElement.scrollWidth <= document.documentElement.clientWidth"
    )


@pytest.mark.parametrize("role", factories.Role.values)
def test_the_menu_stays_on_one_line_at_1280_px(role, council, page, sign_in, tmp_path: Path):
    page.set_viewport_size({"width": 1280, "height": 900})
    sign_in(f"{role}-991", factories.PASSWORD)
    expect(page.get_by_role("heading", level=1)).to_contain_text("Welcome")
    assert _menu_rows(page) == 1
    assert axe_violations(page) == []
    for width in (1280, 375):
        page.set_viewport_size({"width": width, "height": 900})
        page.screenshot(path=tmp_path / f"menu-{role}-{width}.png")
        assert _no_sideways_scroll(page), width


def test_a_section_page_lists_what_the_member_may_open(
    council, page, sign_in, live_server, tmp_path: Path
):
    sign_in("administrator-991", factories.PASSWORD)
    page.get_by_role("link", name="People", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("People")
    links = page.get_by_role("main").get_by_role("link")
    expect(links).to_have_text(
        ["Services and teams", "Staff records", "Census and HR data", "Development records"]
    )
    current = page.get_by_role("navigation", name="Menu").locator("[aria-current=page]")
    expect(current).to_have_text("People")
    assert axe_violations(page) == []
    for width in (1280, 375):
        page.set_viewport_size({"width": width, "height": 900})
        page.screenshot(path=tmp_path / f"section-people-{width}.png")
        assert _no_sideways_scroll(page), width
    links.first.click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Organisation")
    active = page.get_by_role("navigation", name="Menu").locator("[aria-current=true]")
    expect(active).to_have_text("People")


def test_a_back_link_is_inside_a_landmark(council, page, sign_in, live_server, tmp_path: Path):
    sign_in("workforce_lead-991", factories.PASSWORD)
    page.goto(f"{live_server.url}/people/{council.social_worker.pk}/edit/")
    assert axe_violations(page) == []
    expect(page.get_by_role("navigation", name="Back").get_by_role("link")).to_be_visible()
    for width in (1280, 375):
        page.set_viewport_size({"width": width, "height": 900})
        page.screenshot(path=tmp_path / f"back-link-{width}.png")
        assert _no_sideways_scroll(page), width


def test_respondents_see_no_phase_banner(council, page, sign_in, live_server, tmp_path: Path):
    wave = helpers.open_wave(council)
    page.goto(f"{live_server.url}/survey/991/{wave.slug}/")
    expect(page.get_by_label("Organisation code")).to_be_visible()
    expect(page.get_by_text("Tell your Workforce Health administrator")).to_have_count(0)
    assert axe_violations(page) == []
    for width in (1280, 375):
        page.set_viewport_size({"width": width, "height": 900})
        page.screenshot(path=tmp_path / f"shared-link-{width}.png")
        assert _no_sideways_scroll(page), width
    sign_in("workforce_lead-991", factories.PASSWORD)  # staff still see it
    expect(page.get_by_text("Tell your Workforce Health administrator")).to_be_visible()
