"""The fast paths of `suppress` decide exactly what the general solver decides.

`suppress` solves the common table shapes for all partitions (items) at once in closed form
(one-level tables, teams within services, including the teams of hidden services, tables with
nothing below the threshold) and `suppression_pattern` skips
stages with nothing to decide. Here both
are compared, on random tables with ties, empty cells and small totals, with the general
solver: `_protect` run on every stage, as `suppression_pattern` did before the fast paths.
"""

from collections.abc import Hashable, Iterable, Mapping, Sequence

import polars as pl
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from workforce_health.surveys.analysis.suppression import (
    _pattern,
    _protect,
    suppress,
    suppression_pattern,
)

Key = tuple[Hashable, ...]
PROPERTY = settings(
    derandomize=True,
    max_examples=300,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
# small values, ties and zeros; thresholds 5 and 10 make most of them small or large
SIZES = st.sampled_from((0, 0, 1, 2, 3, 4, 5, 6, 7, 9, 10, 10, 11, 12, 14, 20, 30))


def general(
    cells: Mapping[Key, int],
    threshold: int,
    one_way: Iterable[Iterable[int]] | None = None,
    unit: str = "responses",
) -> dict[Key, str]:
    """The general solver: every stage solved by `_protect`, none skipped."""
    patterns = {_pattern(k) for k in cells}
    settled = (
        {p for p in patterns if len(p) <= 1} if one_way is None else {frozenset(p) for p in one_way}
    )
    decided: dict[Key, str | None] = {}
    for stage in sorted(patterns, key=lambda p: (len(p), sorted(p))):
        part = {k: n for k, n in cells.items() if _pattern(k) <= stage}
        fixed = {k: decided[k] for k in part if k in decided}
        guard = [] if stage in settled else [k for k in part if _pattern(k) in settled]
        reasons = _protect(part, fixed, threshold, unit, guard)
        decided |= {k: reasons.get(k) for k in part if k not in fixed}
    return {k: r for k, r in decided.items() if r is not None}


@st.composite
def one_level(draw: st.DrawFn) -> dict[Key, int]:
    """A total and its children; the total is their sum, or (sometimes) any count."""
    names = draw(st.lists(st.sampled_from("ABCDEFGH"), min_size=0, max_size=7, unique=True))
    cells: dict[Key, int] = {(name,): draw(SIZES) for name in names}
    additive = draw(st.booleans()) or not cells
    cells[(None,)] = sum(cells.values()) if additive else draw(SIZES)
    return cells


@st.composite
def two_level(draw: st.DrawFn) -> dict[Key, int]:
    """Teams within services: (service, team), (service, None) and (None, None); teams may
    repeat a name in another service; services usually large so the closed form applies."""
    cells: dict[Key, int] = {}
    services = draw(st.lists(st.sampled_from("PQRS"), min_size=1, max_size=4, unique=True))
    for service in services:
        teams = draw(st.lists(st.sampled_from("abcdef"), min_size=1, max_size=6, unique=True))
        counts = {team: draw(SIZES) for team in teams}
        if draw(st.booleans()):  # a large team, so the service is usually shown
            counts[draw(st.sampled_from(teams))] += 25
        cells |= {(service, team): n for team, n in counts.items()}
        cells[(service, None)] = sum(counts.values())
    cells[(None, None)] = sum(n for k, n in cells.items() if k[1] is None)
    return cells


@st.composite
def two_way(draw: st.DrawFn) -> dict[Key, int]:
    """A full two-way table with its margins (the fast path applies only when nothing is
    small; otherwise it must hand the table to the general solver)."""
    rows = draw(st.lists(st.sampled_from("ABC"), min_size=1, max_size=3, unique=True))
    columns = draw(st.lists(st.sampled_from("xyz"), min_size=1, max_size=3, unique=True))
    large = draw(st.booleans())
    cells: dict[Key, int] = {
        (r, c): draw(SIZES) + (10 if large else 0) for r in rows for c in columns
    }
    for r in rows:
        cells[(r, None)] = sum(cells[(r, c)] for c in columns)
    for c in columns:
        cells[(None, c)] = sum(cells[(r, c)] for r in rows)
    cells[(None, None)] = sum(cells[(r, c)] for r in rows for c in columns)
    return cells


def frame(tables: Sequence[Mapping[Key, int]], dims: Sequence[str]) -> pl.DataFrame:
    rows = [
        {"item": f"q{i}", **dict(zip(dims, key, strict=True)), "n": n}
        for i, table in enumerate(tables)
        for key, n in table.items()
    ]
    schema = {"item": pl.String, **dict.fromkeys(dims, pl.String), "n": pl.Int64}
    return pl.DataFrame(rows, schema=schema, orient="row")


def assert_same_as_general(
    tables: Sequence[Mapping[Key, int]],
    dims: Sequence[str],
    threshold: int,
    one_way: Sequence[Sequence[int]] | None = None,
) -> None:
    table = frame(tables, dims).sample(fraction=1.0, shuffle=True, seed=len(tables))
    result = suppress(table, dims=dims, threshold=threshold, partition_by=["item"], one_way=one_way)
    for i, cells in enumerate(tables):
        expected = general(cells, threshold, one_way)
        assert suppression_pattern(cells, threshold=threshold, one_way=one_way) == expected
        got = {
            tuple(row[d] for d in dims): row["suppressed_reason"]
            for row in result.filter(pl.col("item") == f"q{i}").to_dicts()
        }
        assert {k: r for k, r in got.items() if r is not None} == expected, cells
        assert all(
            (r is not None) == s
            for r, s in zip(result["suppressed_reason"], result["suppressed"], strict=True)
        )


@PROPERTY
@given(tables=st.lists(one_level(), min_size=1, max_size=4), threshold=st.sampled_from((5, 10)))
def test_one_level_tables(tables: list[dict[Key, int]], threshold: int) -> None:
    assert_same_as_general(tables, ["group"], threshold)
    assert_same_as_general(tables, ["group"], threshold, one_way=[(), (0,)])


@PROPERTY
@given(tables=st.lists(two_level(), min_size=1, max_size=4), threshold=st.sampled_from((5, 10)))
def test_teams_within_services(tables: list[dict[Key, int]], threshold: int) -> None:
    assert_same_as_general(tables, ["service", "team"], threshold, one_way=[(0, 1), (0,), ()])
    assert_same_as_general(tables, ["service", "team"], threshold)


@PROPERTY
@given(tables=st.lists(two_way(), min_size=1, max_size=3), threshold=st.sampled_from((5, 10)))
def test_two_way_tables(tables: list[dict[Key, int]], threshold: int) -> None:
    assert_same_as_general(tables, ["a", "b"], threshold, one_way=[(0,), (1,), ()])


@PROPERTY
@given(counts=st.lists(SIZES, min_size=1, max_size=5), threshold=st.sampled_from((5, 10)))
def test_whole_wave_tables(counts: list[int], threshold: int) -> None:
    assert_same_as_general([{(): n} for n in counts], [], threshold)


def test_examples_with_ties_take_the_first_key() -> None:
    # B and C tie at 10: the smaller key (B) is the complement, as the solver's order says
    cells: dict[Key, int] = {("A",): 3, ("C",): 10, ("B",): 10, ("D",): 40, (None,): 63}
    assert suppression_pattern(cells, threshold=10) == general(cells, 10)
    assert_same_as_general([cells], ["group"], 10)
    hidden = suppress(frame([cells], ["group"]), dims=["group"], threshold=10)
    assert hidden.filter(pl.col("suppressed"))["group"].to_list() == ["A", "B"]


def test_teams_of_hidden_services_are_decided_in_closed_form() -> None:
    # "Not known" (2) is hidden, and Acute (the smallest other service) to protect it; Acute's
    # teams are all large, so Acute would be its total minus them: a3, its smallest, is hidden
    # too. Surgery is shown: s4 is small and s2 protects it.
    cells: dict[Key, int] = {
        ("Acute", "a1"): 41,
        ("Acute", "a2"): 17,
        ("Acute", "a3"): 12,
        ("Not known", "Not known"): 2,
        ("Surgery", "s1"): 95,
        ("Surgery", "s2"): 17,
        ("Surgery", "s3"): 20,
        ("Surgery", "s4"): 3,
        ("Acute", None): 70,
        ("Not known", None): 2,
        ("Surgery", None): 135,
        (None, None): 207,
    }
    one_way = [(0, 1), (0,), ()]
    expected = general(cells, 10, one_way)
    complementary = {k for k, r in expected.items() if r == "to protect another group"}
    assert complementary == {("Acute", None), ("Acute", "a3"), ("Surgery", "s2")}
    assert_same_as_general([cells, cells], ["service", "team"], 10, one_way)
