"""`workforce-health survey results`: the published figures as JSON or CSV."""

import csv
import io
import json

import pytest
from django.core.management import CommandError, call_command

from tests.results.helpers import answers, past_wave
from workforce_health.surveys.models import InvitedGroup
from workforce_health.surveys.services import past_waves

pytestmark = pytest.mark.django_db
ITEM_KEYS = {"n", "n_dont_know", "pct_agree", "pct_neutral", "pct_disagree", "score", "suppressed"}


def run(*args: str) -> str:
    out = io.StringIO()
    call_command("survey", *args, stdout=out)
    return out.getvalue()


@pytest.fixture
def wave(council):
    # Assessment North has 12 respondents, Duty has 3: below the minimum of 5.
    return past_wave(
        council,
        slug="hc-2025",
        year=2025,
        teams={"Assessment North": [4] * 8 + [2] * 4, "Duty": [5, 5, 5]},
        min_group_size=5,
        min_group_size_comments=10,
        min_invited_for_response_rate=5,
    )


def test_json_structure(wave):
    result = json.loads(run("results", "--wave", "hc-2025"))
    assert set(result) >= {"respondents", "items", "standards", "recommend", "breakdowns"}
    assert result["respondents"] == 15
    item = result["items"]["sw_workload_manageable"]
    assert set(item) == ITEM_KEYS
    assert item == {
        "n": 15,
        "n_dont_know": 0,
        "pct_agree": 73.3,
        "pct_neutral": 0.0,
        "pct_disagree": 26.7,
        "score": 66.7,
        "suppressed": False,
    }
    assert result["standards"]["S3"] == {
        "n": 15,
        "score": 67,
        "band": "moderate",
        "suppressed": False,
    }
    assert result["recommend"]["agree"]["item"] == "sw_recommend_employer"
    assert result["recommend"]["agree"]["pct_agree"] == 73.3
    assert result["recommend"]["enps"] == {
        "item": "sw_recommend_0_10",
        "n": 15,
        "enps": 0,
        "pct_promoters": 0.0,
        "pct_passives": 100.0,
        "pct_detractors": 0.0,
        "suppressed": False,
    }
    assert result["breakdowns"] == {}


def test_small_team_is_suppressed_as_null(wave):
    result = json.loads(run("results", "--wave", "hc-2025", "--by", "team"))
    teams = result["breakdowns"]["team"]
    assert set(teams) == {"Children's Services / Assessment North", "Children's Services / Duty"}
    duty = teams["Children's Services / Duty"]
    assert duty["items"]["sw_workload_manageable"] == dict.fromkeys(ITEM_KEYS - {"suppressed"}) | {
        "suppressed": True
    }
    assert duty["standards"]["S3"] == {"n": None, "score": None, "band": None, "suppressed": True}
    # The only other team would give Duty away by subtraction from the service: hidden too.
    north = teams["Children's Services / Assessment North"]
    assert north["items"]["sw_workload_manageable"]["suppressed"] is True


def test_two_way_breakdown(wave):
    result = json.loads(run("results", "--wave", "hc-2025", "--by", "team+role_group"))
    groups = result["breakdowns"]["team+role_group"]
    assert "Children's Services / Assessment North / Social worker" in groups
    assert all(len(name.split(" / ")) == 3 for name in groups)


def test_several_breakdowns(wave):
    result = json.loads(run("results", "--wave", "hc-2025", "--by", "team", "--by", "role_group"))
    assert set(result["breakdowns"]) == {"team", "role_group"}
    assert result["breakdowns"]["role_group"]["Social worker"]["items"]["sw_pride"]["n"] == 15


def test_compare_gives_change_and_significance(council, wave):
    past_wave(council, slug="hc-2024", year=2024, teams={"Assessment North": [2] * 15})
    result = json.loads(run("results", "--wave", "hc-2025", "--compare", "hc-2024"))
    change = result["items"]["sw_workload_manageable"]["change"]
    assert change["pct_agree_previous"] == 0.0
    assert change["change"] == 73.3
    assert change["significant"] is True
    assert change["label"] == "statistically significant increase"
    assert change["direction"] == "better"


def test_csv(wave):
    rows = list(
        csv.DictReader(
            io.StringIO(run("results", "--wave", "hc-2025", "--by", "team", "--format", "csv"))
        )
    )
    whole = next(r for r in rows if r["group"] == "All respondents" and r["code"] == "sw_pride")
    assert whole["pct_agree"] == "73.3" and whole["suppressed"] == "false"
    duty = next(r for r in rows if r["group"].endswith("/ Duty") and r["code"] == "sw_pride")
    assert duty["pct_agree"] == "" and duty["suppressed"] == "true"
    assert {r["measure"] for r in rows} == {
        "respondents",
        "response_rate",
        "item",
        "standard",
        "theme",
        "enps",
    }


def test_unknown_wave(wave):
    with pytest.raises(CommandError, match="no organisation has a survey wave 'nope'"):
        run("results", "--wave", "nope")


def test_unknown_dimension(wave):
    with pytest.raises(CommandError, match="unknown dimension 'grade'"):
        run("results", "--wave", "hc-2025", "--by", "grade")


def test_ambiguous_slug_needs_organisation(council, other_council, wave):
    past_waves.past_wave_create(
        organisation=other_council.organisation,
        questionnaire=wave.questionnaire,
        title="Other",
        slug="hc-2025",
        services=[other_council.children],
        opens_on=wave.opens_on,
        closes_on=wave.closes_on,
    )
    with pytest.raises(CommandError, match="2 organisations have a survey wave 'hc-2025'"):
        run("results", "--wave", "hc-2025")
    code = council.organisation.la_code
    assert (
        json.loads(run("results", "--organisation", code, "--wave", "hc-2025"))["respondents"] == 15
    )


def test_compare_with_another_questionnaire_is_refused(council, wave):
    assert answers(3)  # the helper's answers are for the Social Work Health Check
    with pytest.raises(CommandError, match="--compare"):
        run("results", "--wave", "hc-2025", "--compare", "hc-2025")


def test_group_respondents_follow_the_minimum_group_not_the_invited_counts(council):
    # An import without invited counts: how many responded in each team is still published
    # when the team is large enough, and hidden (null, never 0) when it is not.
    past_wave(
        council,
        slug="hc-import",
        year=2023,
        teams={"Assessment North": [4] * 12, "Duty": [5, 5], "Family Support": [3] * 7},
        min_group_size=5,
        min_group_size_comments=10,
        min_invited_for_response_rate=5,
    )
    InvitedGroup.objects.filter(wave__slug="hc-import").delete()
    teams = json.loads(run("results", "--wave", "hc-import", "--by", "team"))["breakdowns"]["team"]
    service = "Children's Services / "
    assert teams[service + "Assessment North"]["respondents"] == 12
    assert teams[service + "Duty"]["respondents"] is None  # 2: fewer than 5
    assert teams[service + "Family Support"]["respondents"] is None  # 7, but it would give Duty


def test_response_rates_follow_the_pages_suppression(wave):
    # 23 invited (12 + 4 and 3 + 4), 15 responded. Duty's 3 responses are below the minimum
    # of 5, and Assessment North's rate would give Duty's away from the wave's: both hidden.
    result = json.loads(run("results", "--wave", "hc-2025", "--by", "team"))
    assert result["response_rate"] == {
        "invited": 23,
        "responded": 15,
        "rate": 65.2,
        "suppressed": False,
    }
    for team in result["breakdowns"]["team"].values():
        assert team["response_rate"] == {
            "invited": None,
            "responded": None,
            "rate": None,
            "suppressed": True,
        }
    rows = list(
        csv.DictReader(
            io.StringIO(run("results", "--wave", "hc-2025", "--by", "team", "--format", "csv"))
        )
    )
    rates = [r for r in rows if r["measure"] == "response_rate"]
    assert [(r["group"], r["rate"], r["suppressed"]) for r in rates] == [
        ("All respondents", "65.2", "false"),
        ("Children's Services / Assessment North", "", "true"),
        ("Children's Services / Duty", "", "true"),
    ]


def test_a_wave_without_invited_counts_has_no_response_rate(wave):
    InvitedGroup.objects.filter(wave=wave).delete()
    result = json.loads(run("results", "--wave", "hc-2025", "--by", "role_group"))
    assert result["response_rate"] is None
    assert result["breakdowns"]["role_group"]["Social worker"]["response_rate"] is None
    rows = csv.DictReader(io.StringIO(run("results", "--wave", "hc-2025", "--format", "csv")))
    assert "response_rate" not in {r["measure"] for r in rows}
