"""Scores over time: the overview follows each standard through the earlier surveys."""

import csv
import io

import pytest
from django.urls import reverse

from tests.results.helpers import past_wave
from workforce_health.core.models import Membership
from workforce_health.core.scope import Scope
from workforce_health.results import selectors as frames
from workforce_health.results.pages.common import scoped

Role = Membership.Role
pytestmark = pytest.mark.django_db
TEAMS = {2023: [2] * 12, 2024: [3] * 4, 2025: [4] * 12}  # 2024: 4 respondents, below 10


@pytest.fixture
def waves(council):
    return [
        past_wave(council, slug=f"hc-{year}", year=year, teams={"Assessment North": levels})
        for year, levels in TEAMS.items()
    ]


def _trend(client, council, role, wave) -> list[list[str]]:
    client.force_login(council.users[role])
    kwargs = {
        "results_wave_id": wave.pk,
        "results_page": "overview",
        "results_table": "standard-scores-over-time",
    }
    response = client.get(reverse("survey-results-csv", kwargs=kwargs))
    assert response.status_code == 200
    return list(csv.reader(io.StringIO(response.content.decode().lstrip("\ufeff"))))


def test_each_standard_is_followed_through_every_earlier_survey(client, council, waves):
    header, *rows = _trend(client, council, Role.WORKFORCE_LEAD, waves[-1])
    assert header == ["Standard", "2023", "2024", "2025"]
    by_standard = {row[0].split()[0]: row[1:] for row in rows}
    # Every answer 2 (25 points) in 2023 and 4 (75) in 2025; 2024's 4 respondents are hidden.
    assert by_standard["S5"] == ["25", "Fewer than 10 responses", "75"]
    # Each year's cell is that survey's own whole-wave score, as its own overview shows it.
    for year, wave in zip(TEAMS, waves, strict=True):
        own = scoped(frames.results_frames(wave=wave), Scope.whole(wave.organisation), "standards")
        for row in own.to_dicts():
            cell = by_standard[row["standard"]][list(TEAMS).index(year)]
            assert cell == (
                "Fewer than 10 responses" if row["suppressed"] else str(row["score_rounded"])
            )
    page = client.get(reverse("survey-results", kwargs={"results_wave_id": waves[-1].pk}))
    html = page.content.decode()
    assert "Scores over time" in html and "Scores by employer standard over time" in html


def test_a_manager_follows_their_own_scope(client, council, waves):
    header, *rows = _trend(client, council, Role.TEAM_MANAGER, waves[-1])
    assert header == ["Standard", "2023", "2024", "2025"]
    assert {row[0].split()[0]: row[1:] for row in rows}["S5"] == [
        "25",
        "Fewer than 10 responses",
        "75",
    ]


def test_with_one_earlier_survey_the_scores_table_says_it_all(client, council):
    past_wave(council, slug="before", year=2024, teams={"Assessment North": [3] * 12})
    wave = past_wave(council, slug="now", year=2025, teams={"Assessment North": [4] * 12})
    client.force_login(council.users[Role.WORKFORCE_LEAD])
    page = client.get(reverse("survey-results", kwargs={"results_wave_id": wave.pk}))
    html = page.content.decode()
    assert "Previous score" in html and "Scores over time" not in html


def test_earlier_waves_are_followed_latest_first(waves):
    assert frames.results_earlier_waves(wave=waves[-1]) == [waves[1], waves[0]]
    assert frames.results_earlier_waves(wave=waves[-1], most=1) == [waves[1]]
    assert frames.results_earlier_waves(wave=waves[0]) == []
