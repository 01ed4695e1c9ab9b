"""Results overview and heatmap: no unexplained "z", theme scores, the Wider Workforce Health
Check (themes, no standards), imported waves without invited counts."""

import datetime

import pytest
from django.urls import reverse

from tests.results.helpers import CHILDREN, past_wave
from tests.surveys.helpers import builtin
from workforce_health.core.models import Membership
from workforce_health.core.scope import Scope
from workforce_health.results.pages.overview import overview_get
from workforce_health.results.selectors import results_frames
from workforce_health.surveys.services import past_waves

Role = Membership.Role
pytestmark = pytest.mark.django_db
WIDER = "wider-workforce-health-check"


def _page(client, council, role, name, wave, **query):
    client.force_login(council.users[role])
    return client.get(reverse(name, kwargs={"results_wave_id": wave.pk}), query)


def _wider_wave(council, *, slug: str, year: int, levels: list[int], invited: bool = True):
    questionnaire = builtin(WIDER)
    opens_on = datetime.date(year, 2, 1)
    wave = past_waves.past_wave_create(
        organisation=council.organisation,
        questionnaire=questionnaire,
        title=f"Children's Wider Workforce Health Check {year}",
        slug=slug,
        services=[council.children],
        staff_groups=["other_practitioner"],
        opens_on=opens_on,
        closes_on=opens_on + datetime.timedelta(days=30),
    )
    agree = [i.code for i in questionnaire.parsed().items() if i.type == "agree"]
    group = {"service": CHILDREN, "team": "Assessment North", "role_group": "Other practitioner"}
    rows = [(group, dict.fromkeys(agree, str(level))) for level in levels]
    if invited:
        key = (CHILDREN, "Assessment North", "Other practitioner", "Not known", "Not known")
        past_waves.invited_counts_record(wave=wave, counts={key: len(levels) + 5})
    past_waves.responses_bulk_create(wave=wave, rows=rows, generalise=False)
    return wave


def test_without_an_earlier_survey_the_headlines_have_no_comparison_columns(client, council):
    wave = past_wave(council, slug="first", year=2025, teams={"Assessment North": [4] * 12})
    page = _page(client, council, Role.WORKFORCE_LEAD, "survey-results", wave).content.decode()
    assert "Previous survey agree" not in page
    assert ">z<" not in page
    assert "There is no earlier survey with this questionnaire to compare with." in page


def test_a_previous_group_below_the_minimum_is_explained_not_shown_as_z(client, council):
    past_wave(council, slug="before", year=2024, teams={"Assessment North": [2] * 4})
    wave = past_wave(council, slug="now", year=2025, teams={"Assessment North": [4] * 12})
    page = _page(client, council, Role.TEAM_MANAGER, "survey-results", wave).content.decode()
    assert "Previous survey agree (%)" in page
    assert ">z<" not in page
    assert ">Fewer than 10 responses<" in page  # the earlier survey's figure for this team
    assert ">Not compared<" in page and "not compared" in page


def test_social_work_overview_also_shows_theme_scores(client, council):
    wave = past_wave(council, slug="themes", year=2025, teams={"Assessment North": [4] * 12})
    page = _page(client, council, Role.WORKFORCE_LEAD, "survey-results", wave).content.decode()
    assert "Scores by employer standard (0 to 100)" in page
    assert "Scores by theme (0 to 100)" in page
    assert "Experience of the workplace" in page  # a theme of the Social Work Health Check


def test_wider_workforce_overview_heatmap_and_breakdowns_use_themes(client, council):
    wave = _wider_wave(council, slug="wider", year=2025, levels=[5] * 12)
    lead = Role.WORKFORCE_LEAD
    overview = _page(client, council, lead, "survey-results", wave).content.decode()
    assert "Employer standards" not in overview
    assert "Scores by theme (0 to 100)" in overview
    assert "Leadership and communication" in overview and ">100<" in overview
    heatmap = _page(client, council, lead, "survey-results-heatmap", wave).content.decode()
    assert "Team scores by theme" in heatmap and "Team scores by standard" not in heatmap
    assert "Scores by theme for each team (0 to 100)" in heatmap
    assert ">Workload</th>" in heatmap
    breakdowns = _page(client, council, lead, "survey-results-breakdowns", wave)
    text = breakdowns.content.decode()
    assert "standard:S3" not in text
    assert "Score: Leadership and communication, by team" in text
    assert "No data to show" not in text


def test_heatmap_download_of_a_wider_wave_has_theme_columns(client, council):
    wave = _wider_wave(council, slug="wider-csv", year=2025, levels=[4] * 12)
    client.force_login(council.users[Role.WORKFORCE_LEAD])
    url = reverse(
        "survey-results-csv",
        kwargs={
            "results_wave_id": wave.pk,
            "results_page": "heatmap",
            "results_table": "team-theme-scores",
        },
    )
    header = client.get(url).content.decode().lstrip("\ufeff").splitlines()[0]
    assert header.startswith("Service,Team,Leadership and communication score,")


def test_a_cell_with_no_answers_is_not_called_hidden(client, council):
    # Only the agree items of S3 are answered: every other standard has no answers.
    wave = past_wave(council, slug="sparse", year=2025, teams={})
    codes = [i.code for i in builtin().parsed().items() if i.type == "agree" and i.standard == "S3"]
    group = {"service": CHILDREN, "team": "Assessment North", "role_group": "Social worker"}
    past_waves.responses_bulk_create(
        wave=wave, rows=[(group, dict.fromkeys(codes, "4"))] * 12, generalise=False
    )
    page = _page(client, council, Role.WORKFORCE_LEAD, "survey-results-heatmap", wave)
    html = page.content.decode()
    assert "No answers" in html
    assert 'Hidden<span class="govuk-visually-hidden">: No answers' not in html


def test_an_import_without_invited_counts_still_shows_how_many_responded(client, council):
    wave = _wider_wave(council, slug="imported", year=2022, levels=[4] * 11, invited=False)
    page = _page(client, council, Role.WORKFORCE_LEAD, "survey-results", wave).content.decode()
    assert "11 (no count of the staff invited was recorded)" in page


def test_an_empty_results_table_says_no_results_not_no_data_for_this_period(client, council):
    wave = past_wave(council, slug="no-service", year=2025, teams={})
    rows = [({"team": "Old Team"}, {"sw_workload_manageable": "4"})] * 12  # service not known
    past_waves.responses_bulk_create(wave=wave, rows=rows, generalise=False)
    page = _page(client, council, Role.SERVICE_MANAGER, "survey-results", wave).content.decode()
    assert "No results to show." in page
    assert "No data to show for this period" not in page


def test_a_team_with_few_responses_is_told_why_its_count_is_not_shown(client, council):
    # 7 of the team's 11 invited responded: enough invited, too few responses to show
    wave = past_wave(council, slug="few", year=2025, teams={"Assessment North": [4] * 7})
    page = _page(client, council, Role.TEAM_MANAGER, "survey-results", wave).content.decode()
    assert "Not shown (fewer than 10 responses)" in page
    assert "7 of 11 invited" not in page
    lead = _page(client, council, Role.WORKFORCE_LEAD, "survey-results", wave).content.decode()
    assert "7 of 11 invited" in lead  # the whole wave's count is known
    assert ">Fewer than 10 responses<" not in lead  # its one service and role group: the wave
    assert "fewer than 10 invited, or (but for the whole survey) fewer than 10 responses" in lead


def test_a_one_service_wave_shows_its_service_as_the_whole_wave(council):
    # 7 of 11 responded, all in Children's Services: the lead sees the whole wave's 11 and 7,
    # so the service's row (the same people) says 11 and 7 too, not "Fewer than 10 responses".
    wave = past_wave(council, slug="one-service", year=2025, teams={"Assessment North": [4] * 7})
    page = overview_get(results_frames(wave=wave), Scope.whole(council.organisation), None, "")
    by_service = page.tables["response-rate-service"].rows
    assert [row[:3] for row in by_service] == [(CHILDREN, 11, 7), ("All invited", 11, 7)]
