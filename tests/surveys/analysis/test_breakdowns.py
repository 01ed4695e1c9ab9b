"""Published outputs: breakdowns, response rates and comments always go through suppression."""

import itertools
import random

import polars as pl
import pytest

from workforce_health.surveys.analysis import (
    DisclosureSettings,
    breakdown,
    comments,
    respondent_counts,
    response_rates,
)

ITEMS = pl.DataFrame(
    {
        "item_code": ["proud", "stress", "nps", "comment"],
        "type": ["agree", "agree", "scale_0_10", "text"],
        "standard": ["S4", "S4", None, None],
        "reverse": [False, True, False, False],
    }
)
TEAMS = {("Children", "A"): 3, ("Children", "B"): 14, ("Children", "C"): 25, ("Adults", "D"): 30}


def responses(seed: int = 0) -> pl.DataFrame:
    rng = random.Random(seed)
    rows = []
    ids = itertools.count(1)
    for (service, team), size in TEAMS.items():
        for _ in range(size):
            rid = next(ids)
            base = {"response_id": rid, "service": service, "team": team}
            base["role_group"] = "Manager" if rid % 4 == 0 else "Practitioner"
            for code, value in [
                ("proud", str(rng.randint(1, 5))),
                ("stress", rng.choice(["1", "2", "4", "5", "dont_know"])),
                ("nps", str(rng.randint(0, 10))),
                ("comment", f"comment {rid}"),
            ]:
                rows.append({**base, "item_code": code, "value": value})
    return pl.DataFrame(rows)


def test_team_breakdown_carries_service_and_redacts_hidden_cells() -> None:
    result = breakdown(responses(), ITEMS, by=["team"]).filter(pl.col("item_code") == "proud")
    assert result.columns[:3] == ["service", "team", "item_code"]
    hidden = result.filter(pl.col("suppressed"))
    assert set(hidden["team"].to_list()) == {"A", "B"}  # B: Children total minus C gives A
    assert hidden.select(pl.col("n", "pct_agree", "score").null_count().sum()).row(0) == (2, 2, 2)
    shown = result.filter(~pl.col("suppressed"))
    assert shown["n"].null_count() == 0
    whole = result.filter(pl.col("service").is_null())
    assert whole["n"].to_list() == [72]


def test_two_way_lists_empty_combinations_as_suppressed() -> None:
    result = breakdown(responses(), ITEMS, by=["service", "role_group"], measure="enps")
    cells = result.filter(pl.col("service").is_not_null() & pl.col("role_group").is_not_null())
    assert cells.height == 4  # 2 services x 2 role groups
    assert result.filter(~pl.col("suppressed"))["enps"].null_count() == 0


def test_standards_breakdown_has_bands() -> None:
    result = breakdown(responses(), ITEMS, by=["service"], measure="standards")
    assert set(result.filter(~pl.col("suppressed"))["band"].to_list()) <= {
        "low",
        "moderate",
        "high",
    }


def test_min_group_size_is_a_setting() -> None:
    strict = DisclosureSettings(min_group_size=15)
    result = breakdown(responses(), ITEMS, by=["team"], settings=strict)
    proud_b = result.filter(pl.col("team") == "B", pl.col("item_code") == "proud")
    assert proud_b["suppressed_reason"].to_list() == ["fewer than 15 responses"]


def test_unknown_dimension_rejected() -> None:
    with pytest.raises(ValueError, match="Unknown group column"):
        breakdown(responses(), ITEMS, by=["grade"])
    with pytest.raises(ValueError, match="at most 2"):
        breakdown(responses(), ITEMS, by=["service", "role_group", "tenure_band"])


def test_response_rates_hide_small_invited_groups_and_their_complements() -> None:
    invited = pl.DataFrame(
        {"service": ["Children"] * 3 + ["Adults"], "team": list("ABCD"), "invited": [6, 20, 30, 40]}
    )
    result = response_rates(responses(), invited, by=["team"])
    a = result.filter(pl.col("team") == "A").row(0, named=True)
    assert (a["suppressed_reason"], a["response_rate"]) == ("fewer than 10 invited", None)
    assert result.filter(pl.col("team") == "B")["suppressed_reason"].to_list() == [
        "to protect another group"
    ]
    c = result.filter(pl.col("team") == "C").row(0, named=True)
    assert (c["invited"], c["responded"], c["response_rate"]) == (30, 25, pytest.approx(250 / 3))
    whole = result.filter(pl.col("service").is_null()).row(0, named=True)
    assert (whole["invited"], whole["responded"]) == (96, 72)


def test_comments_never_shown_for_small_groups() -> None:
    result = comments(responses(), ITEMS, by=["team"])
    shown_teams = set(result.filter(pl.col("team").is_not_null())["team"].to_list())
    # A (3) and B (14) are below 20 and together still below 20, so C (25) is hidden too:
    # otherwise Children's comments minus C's would be A's and B's (17 people)
    assert shown_teams == {"D"}
    children = result.filter(pl.col("service") == "Children", pl.col("team").is_null())
    assert children.height == 42  # the whole service (42 people) may show its comments
    assert "response_id" not in result.columns
    assert (
        comments(responses(), ITEMS, by=["team"], seed=1)["comment"]
        .sort()
        .equals(result["comment"].sort())
    )


def test_response_rates_hide_groups_with_few_respondents_however_many_were_invited() -> None:
    invited = pl.DataFrame(
        {"service": ["Children"] * 3 + ["Adults"], "team": list("ABCD"), "invited": [40] * 4}
    )
    result = response_rates(responses(), invited, by=["team"])
    a = result.filter(pl.col("team") == "A").row(0, named=True)  # 3 of 40 responded
    assert (a["suppressed_reason"], a["responded"]) == ("fewer than 10 responses", None)
    b = result.filter(pl.col("team") == "B").row(0, named=True)  # 14, hidden so A is not 17-14
    assert b["suppressed_reason"] == "to protect another group"
    assert result.filter(pl.col("team") == "D")["responded"].to_list() == [30]


def test_respondent_counts_are_suppressed_like_every_figure() -> None:
    result = respondent_counts(responses(), ITEMS, by=["team"])
    assert result.columns == ["service", "team", "respondents", "suppressed", "suppressed_reason"]
    shown = result.filter(~pl.col("suppressed")).select("service", "team", "respondents")
    assert shown.rows() == [
        ("Adults", "D", 30),
        ("Adults", None, 30),
        ("Children", "C", 25),
        ("Children", None, 42),
        (None, None, 72),
    ]
    hidden = result.filter(pl.col("suppressed"))
    assert set(hidden["team"].to_list()) == {"A", "B"}
    assert hidden["respondents"].null_count() == hidden.height  # never shown as zero
    whole = respondent_counts(responses(), ITEMS, settings=DisclosureSettings(80, 80))
    assert whole.row(0, named=True)["suppressed_reason"] == "fewer than 80 responses"


def test_a_group_holding_the_whole_wave_is_shown_to_a_reader_of_the_whole_wave() -> None:
    # A one-service wave: 3 of 215 responded. The whole wave's count is shown, so its one
    # service (the same 215 and 3) hides nothing; a reader of that service alone still sees it
    # hidden, as a group with fewer than 10 responses.
    invited = pl.DataFrame({"service": ["Children"], "invited": [215]})
    few = responses().filter(pl.col("response_id") <= 3)
    lead = response_rates(few, invited, by=["service"], groups_equal_to_whole=True)
    assert lead.select("service", "invited", "responded", "suppressed").rows() == [
        ("Children", 215, 3, False),
        (None, 215, 3, False),
    ]
    manager = response_rates(few, invited, by=["service"])
    assert manager.filter(pl.col("service") == "Children")["suppressed_reason"].to_list() == [
        "fewer than 10 responses"
    ]
    # With a second service, neither is the whole: both stay hidden.
    two = pl.DataFrame({"service": ["Children", "Adults"], "invited": [215, 40]})
    both = response_rates(few, two, by=["service"], groups_equal_to_whole=True)
    assert both.filter(pl.col("service").is_not_null())["suppressed"].to_list() == [True, True]
