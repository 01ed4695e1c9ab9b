"""Counts summed up from a finer grouping set equal the same counts counted from the answers,
so a breakdown is the same whether its sets are counted alone or planned together."""

import random

import numpy as np
import polars as pl
import pytest
from polars.testing import assert_frame_equal

from workforce_health.surveys.analysis import breakdown, breakdown_many, prepare
from workforce_health.surveys.analysis.breakdowns import layout
from workforce_health.surveys.analysis.counts import counts, plan

ITEMS = pl.DataFrame(
    {
        "item_code": ["a", "b", "c", "d", "nps"],
        "type": ["agree"] * 4 + ["scale_0_10"],
        "standard": ["S1", "S1", "S2", None, None],
        "theme": [None, None, "T", "T", None],
        "reverse": [False, True, False, True, False],
    }
)


def answers(seed: int) -> pl.DataFrame:
    rng = random.Random(seed)
    rows = []
    for rid in range(rng.randint(0, 60)):
        person = {
            "service": rng.choice(["P", "Q", None]),
            "team": rng.choice(["t1", "t2"]),
            "role_group": rng.choice(["M", "S"]),
        }
        for code in ITEMS["item_code"]:
            if rng.random() < 0.2:
                continue
            choices = ["1", "2", "3", "4", "5", "dont_know", ""]
            value = rng.choice(choices + (["0", "9", "10"] if code == "nps" else []))
            rows.append({"response_id": rid, **person, "item_code": code, "value": value})
    schema = {
        "response_id": pl.Int64,
        "service": pl.String,
        "team": pl.String,
        "role_group": pl.String,
        "item_code": pl.String,
        "value": pl.String,
    }
    return pl.DataFrame(rows, schema=schema, orient="row")


@pytest.mark.parametrize("seed", range(12))
@pytest.mark.parametrize("by", [(), ("service",), ("team",), ("service", "role_group")])
def test_counts_summed_up_equal_counts_counted(seed: int, by: tuple[str, ...]) -> None:
    frame = answers(seed)
    _, sets = layout(by)
    planned = prepare(frame, ITEMS)
    counts(planned, ("service", "team", "role_group"))  # every set sums up from this one
    for keys in sets:
        rolled, counted = counts(planned, keys), counts(prepare(frame, ITEMS), keys)
        assert rolled.index.keys == counted.index.keys
        for name in ("groups",):
            assert np.array_equal(getattr(rolled.index, name), getattr(counted.index, name))
        for name in ("respondents", "agree", "scale"):
            assert np.array_equal(getattr(rolled, name), getattr(counted, name))


@pytest.mark.parametrize("seed", range(6))
@pytest.mark.parametrize("measure", ["items", "enps"])
def test_breakdowns_planned_together_equal_each_alone(seed: int, measure: str) -> None:
    frame = answers(seed)
    by = [("service",), ("team",), ("role_group",), ("team", "role_group")]
    together = breakdown_many(frame, ITEMS, by=by, measure=measure)  # type: ignore[arg-type]
    for one, table in zip(by, together, strict=True):
        alone = breakdown(frame, ITEMS, by=one, measure=measure)  # type: ignore[arg-type]
        assert_frame_equal(table, alone, check_exact=True)


def test_plan_counts_few_passes_and_sums_up_the_rest() -> None:
    # 400 respondents: the 12 groups of service x team x role group are few enough
    # (ROLLUP_RATIO) to count once and sum every other set up from.
    rng = random.Random(1)
    rows = [
        {
            "response_id": rid,
            "service": rng.choice(["P", "Q", None]),
            "team": rng.choice(["t1", "t2"]),
            "role_group": rng.choice(["M", "S"]),
            "item_code": "a",
            "value": rng.choice(["1", "5"]),
        }
        for rid in range(400)
    ]
    prepared = prepare(pl.DataFrame(rows), ITEMS)
    plan(prepared, [("service", "team"), ("role_group",), ("service",), ()])
    assert list(prepared.cache["counts"]) == [("service", "team", "role_group")]  # type: ignore[call-overload]
    assert counts(prepared, ("role_group",)).respondents.sum() == 400


def test_a_respondent_with_two_groups_is_refused() -> None:
    frame = pl.DataFrame(
        {
            "response_id": [1, 1],
            "service": ["P", "Q"],
            "item_code": ["a", "b"],
            "value": ["4", "5"],
        }
    )
    with pytest.raises(ValueError, match="two different groups"):
        prepare(frame, ITEMS)


def test_breakdowns_of_several_measures_come_in_order() -> None:
    frame = answers(3)
    by = [("team",), ("role_group",)]
    together = breakdown_many(frame, ITEMS, by=by, measure=("items", "standards"))
    expected = [
        breakdown(frame, ITEMS, by=b, measure=m) for m in ("items", "standards") for b in by
    ]
    for table, alone in zip(together, expected, strict=True):
        assert_frame_equal(table, alone, check_exact=True)
