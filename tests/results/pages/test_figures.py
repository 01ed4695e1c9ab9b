"""The results pages' charts draw the figures of the tables beside them: standard scores with
their bands, headline questions and every question as diverging bars, scores over time as
small multiples."""

import xml.etree.ElementTree as ET

import pytest
from django.urls import reverse

from tests.results.helpers import OWN_TEAM, past_wave
from workforce_health.core.models import Membership
from workforce_health.core.scope import Scope
from workforce_health.results import selectors
from workforce_health.results.pages.items import items_get
from workforce_health.results.pages.overview import overview_get

Role = Membership.Role
pytestmark = pytest.mark.django_db
NS = {"svg": "http://www.w3.org/2000/svg"}
# 2024's 4 respondents are below the smallest group shown: a gap in every line.
LEVELS = {2023: [2] * 12, 2024: [3] * 4, 2025: [4] * 8 + [2] * 4 + [3] * 3}


@pytest.fixture
def waves(council):
    return [
        past_wave(council, slug=f"fig-{year}", year=year, teams={"Assessment North": levels})
        for year, levels in LEVELS.items()
    ]


def _svg(markup: str) -> ET.Element:
    return ET.fromstring(markup)  # noqa: S314 - our own output


def _desc(markup: str) -> str:
    desc = _svg(markup).find("svg:desc", NS)
    assert desc is not None
    return desc.text or ""


def _texts(markup: str) -> list[str]:
    return [t.text or "" for t in _svg(markup).iter(f"{{{NS['svg']}}}text")]


def _overview(wave):
    history = selectors.results_history(wave=wave)
    return overview_get(
        selectors.results_frames(wave=wave),
        Scope.whole(wave.organisation),
        history.previous_frames,
        history.previous.title if history.previous else "",
        history=history.surveys,
        label=history.label,
    )


def test_the_standards_chart_draws_each_score_of_the_table_with_its_band(waves):
    page = _overview(waves[-1])
    chart = page.charts["standard_scores"]
    table = page.tables["standard-scores"]
    words = _texts(chart)
    for title, _, score, band, _previous in table.rows:
        assert title in words
        assert f"{score} {band}" in words  # the bar's label: its score and band in words
    assert {"Low", "Moderate", "High"} <= set(words)
    bars = [e for e in _svg(chart).iter() if "app-chart__bar--score" in (e.get("class") or "")]
    assert len(bars) == len(table.rows)


def test_the_headline_chart_shows_disagree_neither_and_agree_of_each_question(waves):
    page = _overview(waves[-1])
    desc = _desc(page.charts["headline_items"])
    rows = page.tables["headline-items"].rows
    assert rows
    for row in rows:
        assert f"; {row[0]}" in desc or f". {row[0]}" in desc
        assert f"{row[2]:,.1f}% agree" in desc
    assert "disagree" in desc and "neither" in desc


def test_scores_over_time_are_one_small_chart_per_standard_with_the_hidden_year_a_gap(waves):
    page = _overview(waves[-1])
    multiples = page.trends["standard_scores_over_time"]
    table = page.tables["standard-scores-over-time"]
    assert multiples.table_slug == table.slug
    assert [c.heading for c in multiples.charts] == [row[0] for row in table.rows]
    s5 = next(c for c in multiples.charts if c.heading.startswith("S5"))
    assert "All respondents: " in _desc(s5.chart)
    assert "from 25.0 in 2023 (some values missing)" in _desc(s5.chart)
    assert "Low (0 to 50)" in _texts(multiples.key)


def test_two_surveys_have_no_trend_charts(council):
    for year in (2024, 2025):
        wave = past_wave(council, slug=f"two-{year}", year=year, teams={"A": [4] * 12})
    assert _overview(wave).trends == {}


def test_every_question_group_is_drawn_as_diverging_bars(waves):
    frames = selectors.results_frames(wave=waves[-1])
    sections = items_get(frames, Scope.whole(waves[-1].organisation))
    assert sections
    for section in sections:
        desc = _desc(section.chart)
        for row in section.table.rows:
            assert f"{row[0]}: " in desc
            assert f"{row[4]:,.1f}% disagree, {row[3]:,.1f}% neither, {row[2]:,.1f}% agree" in (
                desc
            )


def test_hidden_results_draw_no_chart_and_say_no_data_nowhere(client, council):
    wave = past_wave(council, slug="small", year=2025, teams={OWN_TEAM: [4] * 3, "B": [4] * 12})
    client.force_login(council.users[Role.TEAM_MANAGER])
    items = client.get(reverse("survey-results-items", kwargs={"results_wave_id": wave.pk}))
    html = items.content.decode()
    assert items.status_code == 200
    assert "<svg" not in html and "No data to show" not in html
