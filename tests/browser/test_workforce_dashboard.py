"""The workforce lead opens the dashboard and its breakdowns, and downloads a table."""

import pytest
from playwright.sync_api import expect

from tests import factories

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def council(transactional_db):
    return factories.council()


def test_lead_reads_the_dashboard_and_downloads_a_table(
    council, page, sign_in, live_server, assert_accessible
):
    sign_in("workforce_lead-991", factories.PASSWORD)
    page.goto(f"{live_server.url}/workforce/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Workforce overview")
    assert_accessible()
    chart = page.get_by_role("img", name="Turnover rate, Testshire Council", exact=False)
    expect(chart).to_have_count(1)
    expect(page.locator("#table-turnover-rate caption")).to_have_text("Turnover rate by year (%)")
    with page.expect_download() as info:
        page.locator("a[href*='/download/turnover-rate.csv']").click()
    download = info.value
    assert download.suggested_filename.endswith(".csv")
    assert "Year ending 30 September" in open(download.path(), encoding="utf-8-sig").read()

    page.get_by_role("link", name="Breakdowns by team, role, leavers and starters").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Workforce breakdowns")
    expect(page.locator("#table-by-team")).to_contain_text("Assessment North")
    assert_accessible()
