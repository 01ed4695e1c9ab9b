"""Hand-computed checks of every formula (docs/survey-analysis.md §2-§4)."""

from collections.abc import Mapping, Sequence

import polars as pl
import pytest

from workforce_health.rounding import round_half_up, round_half_up_expr
from workforce_health.surveys.analysis import (
    band,
    enps,
    item_results,
    reported_numbers,
    standard_results,
)
from workforce_health.surveys.analysis.bands import band_expr

ITEMS = pl.DataFrame(
    {
        "item_code": ["proud", "stress", "other", "nps", "contracted_hours", "actual_hours", "c"],
        "type": ["agree", "agree", "agree", "scale_0_10", "number", "number", "number"],
        "standard": ["S4", "S4", None, None, None, None, None],
        "reverse": [False, True, False, False, False, False, False],
        "min_value": [None, None, None, None, 0.0, 0.0, 0.0],
        "max_value": [None, None, None, None, 80.0, 80.0, 60.0],
    }
)


def frame(answers: Mapping[str, Sequence[str | None]]) -> pl.DataFrame:
    rows = [
        {"response_id": i, "item_code": code, "value": value}
        for code, values in answers.items()
        for i, value in enumerate(values, start=1)
    ]
    return pl.DataFrame(
        rows, schema={"response_id": pl.Int64, "item_code": pl.String, "value": pl.String}
    )


def row(table: pl.DataFrame, column: str, key: str) -> dict[str, object]:
    return table.filter(pl.col(column) == key).row(0, named=True)


def test_item_percentages_and_score_exclude_dont_know_and_skips() -> None:
    # answers 5, 4, 2, don't know, skipped: n = 3; points 100, 75, 25
    result = row(
        item_results(frame({"proud": ["5", "4", "2", "dont_know", None]}), ITEMS),
        "item_code",
        "proud",
    )
    assert (result["n"], result["n_dont_know"], result["n_agree"]) == (3, 1, 2)
    assert result["pct_agree"] == pytest.approx(200 / 3)
    assert result["pct_neutral"] == 0
    assert result["pct_disagree"] == pytest.approx(100 / 3)
    assert result["score"] == pytest.approx(200 / 3)


def test_reverse_item_keeps_plain_pct_agree_but_reverses_points() -> None:
    # "I often feel stressed": 5, 4, 1 -> 2 of 3 agree; points reversed 0, 25, 100
    result = row(item_results(frame({"stress": ["5", "4", "1"]}), ITEMS), "item_code", "stress")
    assert result["reverse"] is True
    assert result["pct_agree"] == pytest.approx(200 / 3)
    assert result["score"] == pytest.approx(125 / 3)


def test_numeric_values_are_accepted_as_codes() -> None:
    responses = pl.DataFrame({"response_id": [1, 2], "item_code": ["proud"] * 2, "value": [3, 5]})
    assert row(item_results(responses, ITEMS), "item_code", "proud")["score"] == 75


def test_invalid_agree_answer_and_repeated_answer_raise() -> None:
    with pytest.raises(ValueError, match="Invalid"):
        item_results(frame({"proud": ["6"]}), ITEMS)
    with pytest.raises(ValueError, match="repeats"):
        item_results(pl.concat([frame({"proud": ["1"]})] * 2), ITEMS)
    with pytest.raises(ValueError, match="not in items"):
        item_results(frame({"nope": ["1"]}), ITEMS)


def test_standard_is_mean_of_respondent_means_over_answered_items() -> None:
    # respondent 1: proud 5 (100), stress 5 reversed (0) -> 50
    # respondent 2: proud don't know, stress 2 reversed (75) -> 75
    # respondent 3: nothing answered -> no score; group = (50 + 75) / 2 = 62.5 -> 63 moderate
    responses = frame({"proud": ["5", "dont_know", None], "stress": ["5", "2", "dont_know"]})
    result = row(standard_results(responses, ITEMS), "standard", "S4")
    assert (result["n"], result["score"], result["score_rounded"], result["band"]) == (
        2,
        62.5,
        63,
        "moderate",
    )


@pytest.mark.parametrize(
    ("score", "rounded", "expected"),
    [
        (0, 0, "low"),
        (50, 50, "low"),
        (50.49, 50, "low"),
        (50.5, 51, "moderate"),
        (51, 51, "moderate"),
        (74.49, 74, "moderate"),
        (74.5, 75, "high"),
        (75, 75, "high"),
        (100, 100, "high"),
    ],
)
def test_band_boundaries_round_half_up_first(score: float, rounded: int, expected: str) -> None:
    assert round_half_up(score, 0) == rounded
    assert band(score) == expected
    vectorised = pl.select(
        round_half_up_expr(pl.lit(float(score))).alias("r"),
        band_expr(pl.lit(float(score))).alias("b"),
    ).row(0)
    assert vectorised == (rounded, expected)


def test_standard_band_from_data() -> None:
    items = pl.DataFrame({"item_code": ["x", "y"], "type": ["agree"] * 2, "standard": ["S1"] * 2})
    cases = [
        ({"x": ["3", "4"], "y": ["3", "2"]}, 50, "low"),  # respondents 50, 50
        ({"x": ["4", "4"], "y": ["4", "3"]}, 69, "moderate"),  # 75, 62.5 -> 68.75
        ({"x": ["4", "4", "4", "3"], "y": ["4", "4", "3", "3"]}, 66, "moderate"),  # 65.625
        ({"x": ["5", "4"], "y": ["4", "3"]}, 75, "high"),  # 87.5, 62.5 -> 75
    ]
    for answers, rounded, expected in cases:
        result = row(standard_results(frame(answers), items), "standard", "S1")
        assert (result["score_rounded"], result["band"]) == (rounded, expected)


def test_enps_excludes_skips_and_dont_know() -> None:
    # 10, 9 promoters; 8, 7 passives; 6, 0 detractors; don't know and skip excluded
    result = row(
        enps(frame({"nps": ["10", "9", "8", "7", "6", "0", "dont_know", None]}), ITEMS),
        "item_code",
        "nps",
    )
    assert (result["n"], result["n_promoters"], result["n_passives"], result["n_detractors"]) == (
        6,
        2,
        2,
        2,
    )
    assert result["enps"] == 0
    result = row(enps(frame({"nps": ["10", "10", "10", "6"]}), ITEMS), "item_code", "nps")
    assert result["enps"] == 50  # 75% - 25%
    result = row(enps(frame({"nps": ["0", "5", "6", "9"]}), ITEMS), "item_code", "nps")
    assert result["enps"] == -50


def test_enps_rejects_out_of_scale() -> None:
    with pytest.raises(ValueError, match="Invalid"):
        enps(frame({"nps": ["11"]}), ITEMS)


def test_reported_numbers_hours_over_contract_and_ranges() -> None:
    responses = frame(
        {
            "contracted_hours": ["37", "37", "22.5", "37"],
            "actual_hours": ["45", "37", "30", "95"],  # 95 is out of range -> missing
            "c": ["18", "20", "61", "abc"],  # 61 out of range, "abc" unparsable -> missing
        }
    )
    result = reported_numbers(responses, ITEMS)
    over = row(result, "measure", "hours_over_contract")
    # over contract: 8, 0, 7.5 -> mean 5.1667, median 7.5, 2 of 3 over
    assert over["n"] == 3
    assert over["mean"] == pytest.approx(15.5 / 3)
    assert over["median"] == 7.5
    assert over["pct_over_contract"] == pytest.approx(200 / 3)
    caseload = row(result, "measure", "c")
    assert (caseload["n"], caseload["mean"], caseload["median"]) == (2, 19, 19)
    assert caseload["pct_over_contract"] is None
