"""`item_rollup` and `standard_rollup` (one pass for every grouping set of a breakdown) equal
`item_table` and `standard_table` run on each grouping set."""

import random

import polars as pl
import pytest
from polars.testing import assert_frame_equal

from workforce_health.surveys.analysis import prepare
from workforce_health.surveys.analysis.breakdowns import layout
from workforce_health.surveys.analysis.scoring import (
    item_rollup,
    item_table,
    standard_rollup,
    standard_table,
)

ITEMS = pl.DataFrame(
    {
        "item_code": ["a", "b", "c", "d"],
        "type": ["agree"] * 4,
        "standard": ["S1", "S1", "S2", None],
        "theme": [None, None, "T", "T"],
        "reverse": [False, True, False, True],
    }
)


def answers(seed: int, *, consistent: bool = True) -> pl.DataFrame:
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
            if not consistent and rng.random() < 0.3:  # a respondent split across groups
                person = {**person, "service": rng.choice(["P", "Q"])}
            value = rng.choice(["1", "2", "3", "4", "5", "dont_know", ""])
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
def test_rollups_equal_the_tables_of_each_grouping_set(seed: int, by: tuple[str, ...]) -> None:
    dims, sets = layout(by)
    for consistent in (True, False):
        prepared = prepare(answers(seed, consistent=consistent), ITEMS)
        for keys, table in zip(sets, item_rollup(prepared, dims, sets), strict=True):
            assert_frame_equal(table, item_table(prepared, keys), check_exact=True)
        for key in ("standard", "theme"):
            rolled = standard_rollup(prepared, dims, sets, key=key)
            for keys, table in zip(sets, rolled, strict=True):
                assert_frame_equal(table, standard_table(prepared, keys, key=key), check_exact=True)
