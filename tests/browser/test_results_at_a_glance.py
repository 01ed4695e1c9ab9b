"""Results you can see at a glance, in Chromium at 1280 and 375 px: the results overview leads
with charts (standard scores with their bands, headline questions as diverging bars, scores
over time as small multiples), every question as diverging bars, a heatmap headed with the
standards' names that fits 1280 px, and the workforce dashboard's figures and small multiples
before its tables. No page scrolls sideways, and axe reports no violation of any impact.

Screenshots go to $SCREENSHOT_DIR when set (to look at them), else to pytest's tmp_path."""

import os
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests import factories
from tests.browser.conftest import AXE_TAGS
from tests.results.helpers import past_wave

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
WIDTHS = (1280, 375)
TEAMS = {
    "Safeguarding and Family Support North": [4] * 9 + [2] * 3 + [3] * 3,
    "Multi-Agency Safeguarding Hub": [5] * 6 + [3] * 6,
    "Team B": [1] * 3,
    "Children in Care and Care Leavers": [2] * 8 + [4] * 4,
}


@pytest.fixture
def shots(tmp_path) -> Path:
    folder = Path(os.environ.get("SCREENSHOT_DIR") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.fixture
def no_violations(page):
    """axe-core on the current page: no WCAG 2.2 AA violation of any impact."""
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()

    def check() -> None:
        result = axe.run(page, options={"runOnly": {"type": "tag", "values": AXE_TAGS}})
        found = result.response["violations"]
        assert not found, f"{page.url}:\n" + "\n".join(
            f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']]}"
            for v in found
        )

    return check


@pytest.fixture
def at_each_width(page, shots, no_violations):
    """Open ``url`` at each width: a screenshot, no sideways scroll, no axe violations."""

    def visit(url: str, name: str) -> None:
        for width in WIDTHS:
            page.set_viewport_size({"width": width, "height": 900})
            page.goto(url)
            page.screenshot(path=shots / f"{name}-{width}.png", full_page=True)
            overflow = page.evaluate(
                "document.documentElement.scrollWidth - document.documentElement.clientWidth"
            )
            assert overflow <= 0, f"{name} scrolls sideways by {overflow}px at {width}px"
            no_violations()

    return visit


def _results(live_server, sign_in, years=(2023, 2024, 2025)) -> str:
    """The lead signed in; the address of the last of a wave per year's results."""
    council = factories.council()
    for year in years:
        wave = past_wave(council, slug=f"glance-{year}", year=year, teams=TEAMS)
    sign_in("workforce_lead-991", factories.PASSWORD)
    return f"{live_server.url}/surveys/waves/{wave.pk}/results/"


def test_survey_results_lead_with_charts(page, live_server, sign_in, at_each_width):
    base = _results(live_server, sign_in)
    at_each_width(base, "results-overview")
    charts = page.get_by_role("img")
    expect(charts.filter(has_text="Scores by employer standard and bands")).to_have_count(1)
    expect(
        charts.filter(has_text="Headline questions: % disagree, neither and agree")
    ).to_have_count(1)
    multiples = page.get_by_role("list", name="Charts: scores by employer standard over time")
    expect(multiples.get_by_role("img")).to_have_count(8)
    # The charts come before the tables of their figures.
    first_chart = page.locator("svg[aria-labelledby^='chart-standard-scores-title']").bounding_box()
    table = page.locator("#table-standard-scores").bounding_box()
    assert first_chart and table and first_chart["y"] < table["y"]

    at_each_width(f"{base}items/", "results-items")
    expect(page.locator(".app-chart__segment--agree").first).to_be_attached()
    sections = page.locator("main section").count()  # 8 standards and 3 other themes
    assert sections == 11
    expect(charts.filter(has_text="% disagree, neither and agree")).to_have_count(sections)


def test_the_heatmap_is_headed_with_the_standards_and_fits_1280px(
    page, live_server, sign_in, at_each_width
):
    at_each_width(f"{_results(live_server, sign_in, (2025,))}heatmap/", "results-heatmap")
    heatmap = page.locator("#heatmap")
    headers = [" ".join(h.split()) for h in heatmap.locator("thead th").all_inner_texts()]
    assert headers[4] == "S4 Wellbeing"
    assert "S3 Safe workloads and case allocation" in headers
    assert heatmap.locator("abbr").count() == 0
    page.set_viewport_size({"width": 1280, "height": 900})
    wrapper = page.locator(".app-table-wrapper", has=heatmap)
    sideways = wrapper.evaluate("e => e.scrollWidth - e.clientWidth")
    assert sideways <= 0, f"the heatmap scrolls sideways by {sideways}px at 1280px"
    expect(heatmap.locator("td.app-heatmap__cell--moderate").first).to_contain_text("Moderate")
    page.set_viewport_size({"width": 375, "height": 900})  # legible: it scrolls in its region
    assert heatmap.evaluate("e => e.getBoundingClientRect().width") >= 900


def test_the_workforce_dashboard_leads_with_figures_and_trends(
    page, live_server, sign_in, at_each_width
):
    factories.council()
    sign_in("workforce_lead-991", factories.PASSWORD)
    at_each_width(f"{live_server.url}/workforce/", "workforce-overview")
    figures = page.locator(".app-figures__item")
    expect(figures).to_have_count(9)  # with stability, a local measure
    expect(figures.first).to_contain_text("Social workers in post")
    trends = page.get_by_role("list", name="Charts: trends since", exact=False)
    expect(trends.get_by_role("img")).to_have_count(6)
    last_chart = trends.bounding_box()
    first_table = page.locator("table").first.bounding_box()
    assert last_chart and first_table and last_chart["y"] + last_chart["height"] < first_table["y"]
    page.locator("a[href='#table-turnover-rate']").click()
    expect(page.locator("#table-turnover-rate")).to_be_in_viewport()
