"""Half-up rounding, one rule for the measures (workforce-measures.md §5.9 rule 3, §6.3), the
survey scores and bands (health-check.md §2.5), the tables and the report."""

from __future__ import annotations

import random
from decimal import Decimal

import polars as pl
import pytest

from workforce_health.rounding import (
    format_count,
    format_rate,
    round_half_up,
    round_half_up_expr,
)

# §6.3: exact ties, published half up (Python's round() gives the half-even value).
TIES = [56.25, 79.25, 68.65, 81.25, 6.25, 11.25, 6.25, 18.65, 11.25, 76.25]


@pytest.mark.parametrize("value", TIES)
def test_ties_round_half_up(value: float) -> None:
    expected = Decimal(str(value)).quantize(Decimal("0.1"), rounding="ROUND_HALF_UP")
    assert format_rate(value) == str(expected)


def test_ties_from_a_division_round_half_up() -> None:
    assert format_rate(100 * 137.3 / 200) == "68.7"  # 68.65 computed in floats
    assert format_rate(100 * 4.5 / 40) == "11.3"  # 11.25
    assert format_rate(100 * 1 / 16) == "6.3"  # 6.25


def test_formats() -> None:
    assert format_rate(None) == "z"
    assert format_rate(float("nan")) == "z"
    assert format_rate(17) == "17.0"
    assert format_rate(36186.3) == "36,186.3"
    assert format_count(38292) == "38,292"
    assert format_count(2.5) == "3"
    assert format_count(None) == "z"
    assert round_half_up(Decimal("0.05"), 1) == Decimal("0.1")


def test_binary_artefacts_and_negatives() -> None:
    assert round_half_up(2.675, 2) == Decimal("2.68")  # stored as 2.67499999...
    assert round_half_up(-12.5, 0) == -13
    assert round_half_up(-12.4, 0) == -12
    assert round_half_up(223.5 / 3, 0) == 75  # 74.5 computed, not typed


def test_the_column_form_rounds_as_the_one_rule() -> None:
    """`round_half_up_expr` (for frames) gives `round_half_up` on ties, computed ties, negatives
    and random values, at 0, 1 and 2 places."""
    rng = random.Random(13)
    values = [*TIES, 100 * 137.3 / 200, 223.5 / 3, -12.5, -0.05, 0.0, 74.49, 74.5, 2.675]
    values += [rng.uniform(-1000, 1000) for _ in range(2000)]
    values += [rng.randint(-4000, 4000) / 8 for _ in range(2000)]  # exact halves and quarters
    for places in (0, 1, 2):
        column = pl.select(round_half_up_expr(pl.lit(pl.Series(values)), places)).to_series()
        expected = [float(round_half_up(v, places)) for v in values]
        assert column.to_list() == pytest.approx(expected, abs=1e-9), places
