"""The workforce lead opens a wave's results, a breakdown and the team heatmap."""

import pytest
from playwright.sync_api import expect

from tests import factories
from tests.surveys_results.helpers import past_wave

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_results_breakdown_and_heatmap_are_accessible(
    page, live_server, sign_in, assert_accessible
):
    council = factories.council()
    teams = {"Assessment North": [4] * 15, "Team B": [1] * 3, "Safeguarding East": [5] * 12}
    wave = past_wave(council, slug="browser-2025", year=2025, teams=teams)
    sign_in("workforce_lead-991", factories.PASSWORD)
    base = f"{live_server.url}/surveys/waves/{wave.pk}/results/"
    page.goto(base)
    expect(page.get_by_role("heading", name="Results overview")).to_be_visible()
    assert_accessible()
    page.goto(f"{base}breakdowns/?first=team&measure=standard:S3")
    expect(page.get_by_text("Fewer than 10 responses").first).to_be_visible()
    assert_accessible()
    page.goto(f"{base}heatmap/")
    expect(page.locator("#heatmap")).to_be_visible()
    assert_accessible()
