"""A workforce lead changes a draft wave's smallest groups shown; once open they are fixed."""

import pytest
from playwright.sync_api import expect

from tests import factories
from tests.surveys import helpers
from workforce_health.surveys.services import waves

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_lead_changes_the_smallest_groups_until_the_wave_opens(
    page, sign_in, live_server, assert_accessible
):
    council = factories.council()
    draft = helpers.wave(council)
    sign_in("workforce_lead-991", factories.PASSWORD)
    page.goto(f"{live_server.url}/surveys/waves/{draft.pk}/")
    page.get_by_role("link", name="Change smallest group shown").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Smallest groups shown")
    assert_accessible()
    page.get_by_label("Smallest group whose results are shown").fill("4")
    page.get_by_role("button", name="Save").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text(
        "The smallest group whose results are shown must be 5 or more"
    )
    expect(page).to_have_title(f"Error: Smallest groups shown: {draft.title} – Workforce Health")
    assert_accessible()
    page.get_by_label("Smallest group whose results are shown").fill("12")
    page.get_by_label("Smallest group whose comments are shown").fill("25")
    page.get_by_role("button", name="Save").click()
    expect(page.locator("main")).to_contain_text("12 for results, 25 for comments")

    waves.wave_open(wave=draft)
    page.goto(f"{live_server.url}/surveys/waves/{draft.pk}/")
    expect(page.locator("main")).to_contain_text("12 for results, 25 for comments")
    expect(page.get_by_role("link", name="Change smallest group shown")).to_have_count(0)
    page.goto(f"{live_server.url}/surveys/waves/{draft.pk}/settings/")
    expect(page.locator("main")).to_contain_text("has opened, so its smallest groups shown")
    assert_accessible()
