"""Each manager's workforce dashboard opens on their own service, offering no other staff group."""

from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests import factories
from workforce_health.core import services

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def council(transactional_db):
    council = factories.council()
    social_worker = factories.person(
        council.organisation, "991-9", "Sam Okafor", is_registered_social_worker=True
    )
    factories.employment(social_worker, council.adults_locality)
    services.user_with_membership_create(
        username="adults-manager-991",
        password=factories.PASSWORD,
        organisation=council.organisation,
        role=factories.Role.SERVICE_MANAGER,
        service=council.adults,
    )
    return council


def _no_sideways_scroll(page) -> bool:
    return page.evaluate(
        "document.documentElement.scrollWidth <= document.documentElement.clientWidth"
    )


def test_the_adults_manager_lands_on_adult_social_care(
    council, page, sign_in, live_server, assert_accessible, tmp_path: Path
):
    sign_in("adults-manager-991", factories.PASSWORD)
    page.goto(f"{live_server.url}/workforce/")
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Workforce overview: Adult social care"
    )
    expect(page.get_by_text("Staff group: Adult social care (local measure)")).to_be_visible()
    expect(page.get_by_label("Staff group")).to_have_count(0)
    assert_accessible()
    for width in (1280, 375):
        page.set_viewport_size({"width": width, "height": 900})
        page.screenshot(path=tmp_path / f"adults-manager-{width}.png")
        assert _no_sideways_scroll(page), width
    page.get_by_label("Year ending 30 September", exact=True).select_option("2024")
    page.get_by_role("button", name="Show figures").click()
    expect(page).to_have_url(f"{live_server.url}/workforce/?service=adults&year=2024")


def test_the_lead_chooses_between_both_staff_groups(
    council, page, sign_in, live_server, assert_accessible
):
    sign_in("workforce_lead-991", factories.PASSWORD)
    page.goto(f"{live_server.url}/workforce/")
    options = page.get_by_label("Staff group").locator("option")
    expect(options).to_have_text(
        ["Children's social workers (DfE basis)", "Adult social care (local measure)"]
    )
    page.get_by_label("Staff group").select_option("adults")
    page.get_by_role("button", name="Show figures").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Workforce overview: Adult social care"
    )
    assert_accessible()
