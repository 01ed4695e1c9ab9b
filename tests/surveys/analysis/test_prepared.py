"""Every public function gives the same result from the output of `prepare` as from raw answers."""

import itertools
import random

import polars as pl
import pytest
from polars.testing import assert_frame_equal

from workforce_health.surveys.analysis import (
    breakdown,
    comments,
    enps,
    item_results,
    prepare,
    reported_numbers,
    response_rates,
    standard_results,
)
from workforce_health.surveys.analysis.inputs import ensure_prepared, is_prepared

ITEMS = pl.DataFrame(
    {
        "item_code": ["proud", "stress", "nps", "comment"],
        "type": ["agree", "agree", "scale_0_10", "text"],
        "standard": ["S4", "S4", None, None],
        "reverse": [False, True, False, False],
    }
)
TEAMS = {("Children", "A"): 3, ("Children", "B"): 14, ("Children", "C"): 25, ("Adults", "D"): 30}


def responses(seed: int) -> pl.DataFrame:
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
                ("stress", rng.choice(["1", "2", "4", "5", "dont_know", ""])),
                ("nps", str(rng.randint(0, 10))),
                ("comment", rng.choice([f"comment {rid}", " "])),
            ]:
                rows.append({**base, "item_code": code, "value": value})
    return pl.DataFrame(rows)


NUMBER_ITEMS = pl.concat(
    [
        ITEMS,
        pl.DataFrame(
            {
                "item_code": ["contracted_hours", "actual_hours"],
                "type": ["number", "number"],
                "standard": [None, None],
                "reverse": [False, False],
            }
        ),
    ]
)


def raw() -> pl.DataFrame:
    answers = responses(3)
    people = answers.filter(pl.col("item_code") == "proud")
    hours = pl.concat(
        [
            people.with_columns(item_code=pl.lit("contracted_hours"), value=pl.lit("37")),
            people.with_columns(
                item_code=pl.lit("actual_hours"),
                value=(pl.col("response_id") % 9 + 33).cast(pl.String),
            ),
        ]
    )
    return pl.concat([answers, hours])


def test_prepared_frame_is_recognised_and_used_as_it_is() -> None:
    frame = raw()
    prepared = prepare(frame, NUMBER_ITEMS)
    assert is_prepared(prepared)
    assert not is_prepared(frame)
    assert ensure_prepared(prepared, NUMBER_ITEMS) is prepared
    assert_frame_equal(ensure_prepared(frame, NUMBER_ITEMS).frame, prepared.frame)


def test_whole_wave_results_equal_from_raw_and_prepared() -> None:
    frame = raw()
    prepared = prepare(frame, NUMBER_ITEMS)
    for function in (item_results, standard_results, enps, reported_numbers):
        assert_frame_equal(function(prepared, NUMBER_ITEMS), function(frame, NUMBER_ITEMS))


@pytest.mark.parametrize(
    "by", [(), ("service",), ("team",), ("role_group",), ("team", "role_group")]
)
@pytest.mark.parametrize("measure", ["items", "standards", "themes", "enps", "numbers"])
def test_breakdown_equal_from_raw_and_prepared(by: tuple[str, ...], measure: str) -> None:
    frame = raw()
    prepared = prepare(frame, NUMBER_ITEMS)
    assert_frame_equal(
        breakdown(prepared, NUMBER_ITEMS, by=by, measure=measure),  # type: ignore[arg-type]
        breakdown(frame, NUMBER_ITEMS, by=by, measure=measure),  # type: ignore[arg-type]
    )


@pytest.mark.parametrize("by", [(), ("service",), ("team",), ("role_group",)])
def test_rates_and_comments_equal_from_raw_and_prepared(by: tuple[str, ...]) -> None:
    frame = raw()
    prepared = prepare(frame, NUMBER_ITEMS)
    invited = (
        frame.group_by("service", "team", "role_group")
        .agg(pl.col("response_id").n_unique().cast(pl.Int64).alias("invited"))
        .with_columns(pl.col("invited") + 2)
    )
    assert_frame_equal(
        response_rates(prepared, invited, by=by), response_rates(frame, invited, by=by)
    )
    assert_frame_equal(
        comments(prepared, NUMBER_ITEMS, by=by), comments(frame, NUMBER_ITEMS, by=by)
    )
