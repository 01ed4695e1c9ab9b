"""Results pages: figures equal the engine's, hidden groups stay hidden everywhere, scope."""

import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from tests.results.helpers import past_wave
from workforce_health.core.models import Membership
from workforce_health.core.scope import Scope
from workforce_health.results import selectors as frames
from workforce_health.surveys import analysis
from workforce_health.web.tables import csv_text

Role = Membership.Role
pytestmark = pytest.mark.django_db
# Team B's answers are all "strongly disagree" (score 0): they must never be recoverable.
TEAMS = {"Assessment North": [4] * 15, "Team B": [1] * 3, "Safeguarding East": [5] * 12}


@pytest.fixture
def wave(council):
    return past_wave(council, slug="check-2025", year=2025, teams=TEAMS)


def _get(client, council, role, name, wave, **query):
    client.force_login(council.users[role])
    url = reverse(name, kwargs={"results_wave_id": wave.pk})
    return client.get(url, query)


def test_overview_standard_scores_equal_the_engines(client, council, wave):
    loaded = frames.results_frames(wave=wave)
    engine = analysis.breakdown(loaded.answers, loaded.items, measure="standards")
    page = _get(client, council, Role.WORKFORCE_LEAD, "survey-results", wave).content.decode()
    for row in engine.to_dicts():
        assert (
            f'<td class="govuk-table__cell govuk-table__cell--numeric">{row["score_rounded"]}</td>'
            in page
        )
    assert row["score_rounded"] == 78  # (15 x 75 + 3 x 0 + 12 x 100) / 30 = 77.5


def _download(client, wave, page, slug, fmt, **query):
    url = reverse(
        f"survey-results-{fmt}",
        kwargs={"results_wave_id": wave.pk, "results_page": page, "results_table": slug},
    )
    return client.get(url, query)


def test_a_small_team_is_hidden_in_the_heatmap_csv_and_xlsx(client, council, wave):
    html = _get(client, council, Role.WORKFORCE_LEAD, "survey-results-heatmap", wave)
    csv = _download(client, wave, "heatmap", "team-standard-scores", "csv").content.decode()
    xlsx = _download(client, wave, "heatmap", "team-standard-scores", "xlsx").content
    sheet = load_workbook(io.BytesIO(xlsx)).active
    rows = [[str(c) for c in row] for row in sheet.iter_rows(min_row=3, values_only=True) if row[1]]
    team_rows = {row[1]: row for row in rows if row[1] not in (None, "All")}
    assert "Fewer than 10 responses" in team_rows["Team B"]
    assert "0" not in team_rows["Team B"]
    # Complementary suppression: only one team can be shown, so the total minus it reveals
    # nothing smaller than the minimum.
    shown = [name for name, row in team_rows.items() if "100" in row or "75" in row]
    assert len(shown) <= 1
    assert "Hidden to protect another group" in csv
    assert b"Team B" in html.content and csv.count("Team B") == 1


def test_breakdown_page_and_download_are_the_same_table(client, council, wave):
    query = {"first": "team", "measure": "standard:S3"}
    page = _get(client, council, Role.WORKFORCE_LEAD, "survey-results-breakdowns", wave, **query)
    loaded = frames.results_frames(wave=wave)
    from workforce_health.results.pages.breakdowns import breakdown_table

    table = breakdown_table(loaded, ("team",), "standard:S3", Scope.whole(council.organisation))
    csv = _download(client, wave, "breakdowns", table.slug, "csv", **query).content.decode()
    assert csv.lstrip("\ufeff") == csv_text(table)
    assert "Fewer than 10 responses" in page.content.decode()
    for row in table.display_rows():
        assert row[-1].text in page.content.decode()


def test_a_team_manager_below_the_minimum_sees_a_message_not_numbers(client, council):
    small = past_wave(council, slug="small", year=2025, teams={"Assessment North": [5] * 4})
    page = _get(client, council, Role.TEAM_MANAGER, "survey-results", small).content.decode()
    assert "Results for Assessment North are not shown" in page
    assert "Headline questions" not in page and ">100<" not in page


def test_managers_see_only_their_scope(client, council, wave):
    page = _get(client, council, Role.SERVICE_MANAGER, "survey-results", wave).content.decode()
    assert "Children&#x27;s Services" in page and "Safeguarding East" not in page
    team = _get(client, council, Role.TEAM_MANAGER, "survey-results-items", wave).content.decode()
    assert "Assessment North" in team and "Safeguarding East" not in team
    assert ">75.0<" in team  # their own team's item scores
    heatmap = _get(client, council, Role.TEAM_MANAGER, "survey-results-heatmap", wave)
    assert heatmap.status_code == 200
    assert "Assessment North" in heatmap.content.decode()
    assert "Safeguarding East" not in heatmap.content.decode()
    csv = _download(client, wave, "heatmap", "team-standard-scores", "csv").content.decode()
    assert [line.split(",")[1] for line in csv.splitlines()[1:]] == ["Assessment North"]


def test_headline_change_is_labelled_with_its_significance(client, council, wave):
    past_wave(council, slug="check-2024", year=2024, teams={"Assessment North": [2] * 27})
    page = _get(client, council, Role.WORKFORCE_LEAD, "survey-results", wave).content.decode()
    assert "statistically significant increase (better)" in page
    assert "Children&#x27;s Health Check 2024" in page
