"""The workforce lead opens a wave's results, a breakdown and the team heatmap; a service
manager opens every results page and sees only their service."""

import csv
import io
import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests import factories
from tests.results.helpers import (
    ADULTS,
    CHILDREN,
    COMMENT,
    OWN_TEAM,
    SMALL_TEAM,
    past_wave,
    two_service_wave,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_results_breakdown_and_heatmap_are_accessible(
    page, live_server, sign_in, assert_accessible
):
    council = factories.council()
    teams = {"Assessment North": [4] * 15, "Team B": [1] * 3, "Safeguarding East": [5] * 12}
    for year in (2023, 2024):  # earlier surveys: the overview follows scores over time
        past_wave(council, slug=f"browser-{year}", year=year, teams=teams)
    wave = past_wave(council, slug="browser-2025", year=2025, teams=teams)
    sign_in("workforce_lead-991", factories.PASSWORD)
    base = f"{live_server.url}/surveys/waves/{wave.pk}/results/"
    page.goto(base)
    expect(page.get_by_role("heading", name="Results overview")).to_be_visible()
    expect(page.locator("#table-standard-scores-over-time")).to_be_visible()
    assert_accessible()
    page.goto(f"{base}breakdowns/?first=team&measure=standard:S3")
    expect(page.get_by_text("Fewer than 10 responses").first).to_be_visible()
    assert_accessible()
    page.goto(f"{base}heatmap/")
    expect(page.locator("#heatmap")).to_be_visible()
    assert_accessible()


def test_a_service_manager_sees_their_service_on_every_results_page(
    page, live_server, sign_in, assert_accessible
):
    council = factories.council()
    wave = two_service_wave(council)
    sign_in("service_manager-991", factories.PASSWORD)
    page.goto(f"{live_server.url}/surveys/results/")
    page.get_by_role("link", name=wave.title).click()
    expect(page.get_by_role("heading", name="Results overview")).to_be_visible()
    expect(page.get_by_text("These are the results for Children's Services only.")).to_be_visible()
    assert_accessible()

    nav = page.get_by_role("navigation", name="Results pages")
    nav.get_by_role("link", name="Breakdowns by group").click()
    table = page.locator("#table-by-service-team")
    expect(table).to_be_visible()  # by team: the service's teams and its total
    services = table.locator("tbody tr th").all_inner_texts()
    assert services and set(services) == {CHILDREN}
    assert ADULTS not in page.content() and "Locality West" not in page.content()
    with page.expect_download() as download:
        page.get_by_role("link", name=re.compile(r"^CSV")).first.click()
    rows = list(csv.reader(io.StringIO(Path(download.value.path()).read_text("utf-8-sig"))))
    shown = [[" ".join(c.split()) for c in r] for r in _body_rows(table)]
    assert rows[1:] == shown  # the download is the page's table
    assert_accessible()

    # Role groups alone cover every service: the page says what can be seen instead.
    page.get_by_label("Break down by").select_option("role_group")
    page.get_by_role("button", name="Show breakdown").click()
    unavailable = page.locator("#breakdown-not-available")
    expect(unavailable).to_contain_text("its figures are not for Children's Services alone")
    assert_accessible()
    page.get_by_role("link", name="Service and role group").click()
    table = page.locator("#table-by-service-role-group")
    expect(table).to_be_visible()
    assert set(table.locator("tbody tr th").all_inner_texts()) == {CHILDREN}
    assert_accessible()

    nav.get_by_role("link", name="Team scores by standard").click()
    heatmap = page.locator("#heatmap")
    expect(heatmap).to_be_visible()
    teams = heatmap.locator("tbody th").all_inner_texts()
    assert teams == [OWN_TEAM, "Safeguarding East", SMALL_TEAM, f"{CHILDREN} (all teams)"]
    assert_accessible()

    nav.get_by_role("link", name="Hours and caseloads").click()
    expect(page.locator("#table-numbers-by-team")).to_be_visible()
    assert "Locality West" not in page.content()
    assert_accessible()

    nav.get_by_role("link", name="Comments").click()
    expect(page.locator("#table-comments-by-service")).to_be_visible()
    expect(page.locator("#comment-text-not-shown")).to_be_visible()
    assert COMMENT[CHILDREN] not in page.content()
    assert_accessible()


def _body_rows(table) -> list[list[str]]:
    return [row.locator("th, td").all_inner_texts() for row in table.locator("tbody tr").all()]
