"""Disclosure control: primary and complementary suppression (health-check.md §3.1).

`determined` is an attacker independent of the engine: exact Fraction elimination over all
the additive relations (every margin is the sum of the microcells it covers).
"""

import itertools
import random
from collections.abc import Hashable, Mapping
from fractions import Fraction

import polars as pl
import pytest

from workforce_health.surveys.analysis import DisclosureSettings, suppress, suppression_pattern
from workforce_health.surveys.analysis.breakdowns import (
    grouping_sets,
    is_one_way,
    layout,
    one_way_patterns,
)
from workforce_health.surveys.analysis.suppression import _protect

Key = tuple[Hashable, ...]
T = 10
PRIMARY = "fewer than 10 responses"
COMPLEMENT = "to protect another group"


def _rank(rows: list[dict[int, Fraction]]) -> int:
    rows = [dict(r) for r in rows if r]
    rank = 0
    columns = sorted({c for r in rows for c in r})
    for column in columns:
        pivot = next((r for r in rows[rank:] if r.get(column)), None)
        if pivot is None:
            continue
        rows.remove(pivot)
        rows.insert(rank, pivot)
        for other in rows[rank + 1 :]:
            factor = other.get(column, Fraction(0)) / pivot[column]
            if factor:
                for c, v in pivot.items():
                    other[c] = other.get(c, Fraction(0)) - factor * v
                    if other[c] == 0:
                        del other[c]
        rank += 1
    return rank


def determined(cells: Mapping[Key, int], hidden: set[Key]) -> list[Key]:
    """Hidden cells whose value follows exactly from the shown cells."""
    width = len(next(iter(cells)))
    micro = [k for k in cells if None not in k]
    micro += [
        k for k in cells if None in k and not any(_covers(k, m) for m in micro)
    ]  # lone margins
    index = {m: i for i, m in enumerate(micro)}

    def vector(key: Key) -> dict[int, Fraction]:
        return {index[m]: Fraction(1) for m in micro if _covers(key, m)}

    assert all(len(k) == width for k in cells)
    shown = [vector(k) for k in cells if k not in hidden]
    base = _rank(shown)
    return [k for k in hidden if _rank([*shown, vector(k)]) == base]


def _covers(key: Key, micro: Key) -> bool:
    return all(v is None or v == micro[i] for i, v in enumerate(key))


def lines(cells: Mapping[Key, int]) -> list[tuple[Key, list[Key]]]:
    found: dict[tuple[Key, int], list[Key]] = {}
    for key in cells:
        for i, value in enumerate(key):
            parent = (*key[:i], None, *key[i + 1 :])
            if value is not None and parent in cells:
                found.setdefault((parent, i), []).append(key)
    return [(total, children) for (total, _), children in found.items()]


def check(cells: Mapping[Key, int], pattern: Mapping[Key, str]) -> None:
    """Every property the rules promise, checked from outside the engine."""
    hidden = set(pattern)
    for key, n in cells.items():
        if n < T:
            assert pattern.get(key) == PRIMARY, key
        elif key in pattern:
            assert pattern[key] == COMPLEMENT, key
    for total, children in lines(cells):
        shown = [c for c in children if c not in hidden]
        if total not in hidden:
            missing = [c for c in children if c in hidden]
            # the subtraction attack: total minus shown siblings never isolates one group
            assert len(missing) != 1, (total, missing)
            assert sum(cells[c] for c in missing) == 0 or sum(cells[c] for c in missing) >= T
            assert cells[total] - sum(cells[c] for c in shown) == sum(cells[c] for c in missing)
    assert determined(cells, hidden) == []


def one_way(counts: Mapping[str, int]) -> dict[Key, int]:
    cells: dict[Key, int] = {(k,): n for k, n in counts.items()}
    cells[(None,)] = sum(counts.values())
    return cells


def two_way(grid: Mapping[tuple[str, str], int]) -> dict[Key, int]:
    """Every combination listed, empty ones as n = 0 (as `breakdown` lists them)."""
    cells: dict[Key, int] = {}
    for key, n in grid.items():
        cells[key] = n
    for a in {k[0] for k in cells}:
        cells[(a, None)] = sum(n for k, n in grid.items() if k[0] == a)
    for b in {k[1] for k in cells}:
        cells[(None, b)] = sum(n for k, n in grid.items() if k[1] == b)
    cells[(None, None)] = sum(grid.values())
    return cells


def test_primary_only_when_hidden_groups_reach_the_threshold() -> None:
    cells = one_way({"A": 4, "B": 6, "C": 30, "D": 25})
    pattern = suppression_pattern(cells, threshold=T)
    assert pattern == {("A",): PRIMARY, ("B",): PRIMARY}  # A + B = 10: nothing to add
    check(cells, pattern)


def test_hidden_groups_below_threshold_together_take_the_next_smallest() -> None:
    cells = one_way({"A": 4, "B": 3, "C": 30, "D": 25})
    pattern = suppression_pattern(cells, threshold=T)
    assert pattern == {("A",): PRIMARY, ("B",): PRIMARY, ("D",): COMPLEMENT}
    check(cells, pattern)  # total - C would give A + B = 7 < 10, so D goes too


def test_one_way_subtraction_attack_is_blocked() -> None:
    cells = one_way({"A": 3, "B": 20, "C": 30, "D": 12})
    pattern = suppression_pattern(cells, threshold=T)
    # total 65 - 20 - 30 - 12 would give A = 3: the smallest other group (D) is hidden too
    assert pattern == {("A",): PRIMARY, ("D",): COMPLEMENT}
    check(cells, pattern)


def test_small_total_hides_everything() -> None:
    cells = one_way({"A": 3, "B": 4})
    pattern = suppression_pattern(cells, threshold=T)
    assert set(pattern) == set(cells)
    check(cells, pattern)


def test_two_way_table_with_margins() -> None:
    grid = {
        ("r1", "c1"): 3, ("r1", "c2"): 20, ("r1", "c3"): 25,
        ("r2", "c1"): 15, ("r2", "c2"): 30, ("r2", "c3"): 12,
        ("r3", "c1"): 40, ("r3", "c2"): 11, ("r3", "c3"): 22,
    }  # fmt: skip
    cells = two_way(grid)
    pattern = suppression_pattern(cells, threshold=T)
    assert pattern[("r1", "c1")] == PRIMARY
    assert sum(1 for k in pattern if k[0] == "r1") >= 2
    assert sum(1 for k in pattern if k[1] == "c1") >= 2
    assert not any(None in k for k in pattern)  # all margins are large: none hidden
    check(cells, pattern)


def test_two_way_margins_equal_the_one_way_tables() -> None:
    grid = {
        ("a", "x"): 3,
        ("a", "y"): 5,
        ("b", "x"): 12,
        ("b", "y"): 2,
        ("c", "x"): 30,
        ("c", "y"): 9,
    }
    cells = two_way(grid)
    pattern = suppression_pattern(cells, threshold=T)
    rows = suppression_pattern({(k[0],): n for k, n in cells.items() if k[1] is None}, threshold=T)
    cols = suppression_pattern({(k[1],): n for k, n in cells.items() if k[0] is None}, threshold=T)
    assert {(k[0],) for k in pattern if k[1] is None} == set(rows)
    assert {(k[1],) for k in pattern if k[0] is None} == set(cols)
    check(cells, pattern)


def test_parent_total_minus_shown_siblings() -> None:
    # teams within services; the service totals are published
    cells: dict[Key, int] = {
        ("Children", "A"): 3, ("Children", "B"): 14, ("Children", "C"): 25,
        ("Adults", "D"): 30, ("Adults", "E"): 12,
        ("Children", None): 42, ("Adults", None): 42, (None, None): 84,
    }  # fmt: skip
    pattern = suppression_pattern(cells, threshold=T)
    # Children 42 - 14 - 25 would reveal A: B (the smaller sibling) is hidden, not Adults' E
    assert pattern == {("Children", "A"): PRIMARY, ("Children", "B"): COMPLEMENT}
    check(cells, pattern)


def test_suppress_frame_partitions_and_reasons() -> None:
    table = pl.DataFrame(
        {
            "item_code": ["q1"] * 4 + ["q2"] * 4,
            "team": ["A", "B", "C", None] * 2,
            "n": [3, 20, 12, 35, 15, 20, 12, 47],
        }
    )
    result = suppress(table, dims=["team"], partition_by=["item_code"], threshold=T)
    assert result.filter(pl.col("item_code") == "q1")["suppressed_reason"].to_list() == [
        PRIMARY, None, COMPLEMENT, None,
    ]  # fmt: skip
    assert not result.filter(pl.col("item_code") == "q2")["suppressed"].any()


def test_settings_validation() -> None:
    assert DisclosureSettings().min_group_size == 10
    with pytest.raises(ValueError):
        DisclosureSettings(min_group_size=4)
    with pytest.raises(ValueError):
        DisclosureSettings(min_group_size=15, min_group_size_comments=12)
    with pytest.raises(ValueError):
        DisclosureSettings(min_invited_for_response_rate=3)


SIZES = [0, 0, 1, 2, 3, 4, 5, 7, 9, 10, 11, 14, 20, 35]


@pytest.mark.parametrize("seed", range(150))
def test_random_one_way_tables(seed: int) -> None:
    rng = random.Random(seed)
    counts = {f"g{i}": rng.choice(SIZES[2:]) for i in range(rng.randint(1, 8))}
    cells = one_way(counts)
    check(cells, suppression_pattern(cells, threshold=T))


@pytest.mark.parametrize("seed", range(150))
def test_random_two_way_tables(seed: int) -> None:
    rng = random.Random(1000 + seed)
    rows, cols = rng.randint(1, 5), rng.randint(1, 5)
    grid = {(f"r{i}", f"c{j}"): rng.choice(SIZES) for i in range(rows) for j in range(cols)}
    if not any(grid.values()):
        grid[("r0", "c0")] = 1
    cells = two_way(grid)
    pattern = suppression_pattern(cells, threshold=T)
    check(cells, pattern)
    rows_alone = suppression_pattern(
        {(k[0],): n for k, n in cells.items() if k[1] is None}, threshold=T
    )
    assert {(k[0],) for k in pattern if k[1] is None} == set(rows_alone)


@pytest.mark.parametrize("seed", range(60))
def test_random_nested_tables(seed: int) -> None:
    rng = random.Random(5000 + seed)
    cells: dict[Key, int] = {}
    for s in range(rng.randint(1, 4)):
        for t in range(rng.randint(1, 4)):
            cells[(f"s{s}", f"t{s}.{t}")] = rng.choice(SIZES[2:])
        cells[(f"s{s}", None)] = sum(
            n for k, n in cells.items() if k[0] == f"s{s}" and k[1] is not None
        )
    cells[(None, None)] = sum(n for k, n in cells.items() if k[1] is None)
    check(cells, suppression_pattern(cells, threshold=T))


def _revealed(cells: Mapping[Key, int], hidden: set[Key], vector: dict[Key, int]) -> bool:
    """Whether the combination `vector` (cell -> coefficient) of cells follows from the shown
    cells (exact, over Fractions; microcells as in `determined`)."""
    micro = [k for k in cells if None not in k]
    index = {m: i for i, m in enumerate(micro)}

    def cover(key: Key) -> dict[int, Fraction]:
        return {index[m]: Fraction(1) for m in micro if _covers(key, m)}

    combined: dict[int, Fraction] = {}
    for key, coefficient in vector.items():
        for column, one in cover(key).items():
            combined[column] = combined.get(column, Fraction(0)) + coefficient * one
    combined = {c: v for c, v in combined.items() if v}
    shown = [cover(k) for k in cells if k not in hidden]
    return _rank([*shown, combined]) == _rank(shown)


def test_two_way_stage_reveals_no_combination_of_hidden_margins() -> None:
    """Rule 4, on one stage: the margins x1, x2, y1, y2 are hidden (decided by the one-way
    stages) and the grid's only small cells are (x1, y1) and (x2, y2). Rules 1-3 leave every
    single hidden cell safe, but the shown cells would give x1 - y1 = (x1, y2) + (x1, y3) -
    (x2, y1) - (x3, y1), which the one-way tables do not give and which other two-way tables
    could complete (docs/survey-analysis.md §5). So one more cell is hidden."""
    xs, ys = ("x1", "x2", "x3"), ("y1", "y2", "y3")
    grid: dict[Key, int] = {(x, y): 20 for x in xs for y in ys}
    grid[("x1", "y1")] = grid[("x2", "y2")] = 3
    cells = dict(grid)
    for x in xs:
        cells[(x, None)] = sum(n for k, n in grid.items() if k[0] == x)
    for y in ys:
        cells[(None, y)] = sum(n for k, n in grid.items() if k[1] == y)
    cells[(None, None)] = sum(grid.values())
    margins: dict[Key, str | None] = {k: None for k in cells if None in k}
    for key in (("x1", None), ("x2", None), (None, "y1"), (None, "y2")):
        margins[key] = COMPLEMENT
    without = _protect(cells, margins, T, "responses")
    assert set(without) == {("x1", "y1"), ("x2", "y2")}
    leaks: list[dict[Key, int]] = [
        {("x1", None): 1, (None, "y1"): -1},
        {("x2", None): 1, (None, "y2"): -1},
    ]
    hidden = set(without) | {k for k, r in margins.items() if r}
    assert _revealed(cells, hidden, leaks[0])  # the leak
    with_rule_4 = _protect(cells, margins, T, "responses", guard=list(margins))
    assert set(with_rule_4) - set(without) == {("x1", "y2")}  # the smallest in x1's line
    hidden = set(with_rule_4) | {k for k, r in margins.items() if r}
    for combination in leaks:
        assert not _revealed(cells, hidden, combination)
    assert determined(cells, hidden) == []


DIMS4 = ("service", "team", "role_group", "tenure_band")


def _wave_cells(rng: random.Random) -> tuple[dict[Key, int], list[Key]]:
    """Counts of every grouping set a wave can publish over four dimensions (teams within
    services; every combination listed), and the finest groups (the attacker's unknowns)."""
    roles = [f"r{i}" for i in range(rng.randint(1, 4))]
    tenures = [f"e{i}" for i in range(rng.randint(1, 3))]
    sizes = rng.choice([SIZES, (0, 1, 2, 3, 4, 6), (0, 0, 3, 5, 8, 13, 21)])
    micro: dict[Key, int] = {}
    for s in range(rng.randint(1, 3)):
        for t in range(rng.randint(1, 3)):
            for role, tenure in itertools.product(roles, tenures):
                micro[(f"s{s}", f"s{s}.t{t}", role, tenure)] = rng.choice(sizes)
    cells: dict[Key, int] = {}
    for keys in grouping_sets(DIMS4):
        for m, n in micro.items():
            key = tuple(v if d in keys else None for d, v in zip(DIMS4, m, strict=True))
            cells[key] = cells.get(key, 0) + n
    return cells, list(micro)


@pytest.mark.parametrize("seed", range(100))
def test_every_table_of_a_wave_is_the_restriction_of_one_joint_solution(seed: int) -> None:
    """Each table solved on its own (as a request would) equals the joint solution over all
    grouping sets restricted to it; and all tables together leak no hidden cell."""
    rng = random.Random(9000 + seed)
    cells, micro = _wave_cells(rng)
    threshold = rng.randint(5, 12)
    sets = grouping_sets(DIMS4)
    one_way = [tuple(DIMS4.index(d) for d in keys) for keys in sets if is_one_way(keys)]
    joint = suppression_pattern(cells, threshold=threshold, one_way=one_way)
    for size in (0, 1, 2):
        for by in itertools.combinations(DIMS4, size):
            dims, table_sets = layout(by)
            positions = [DIMS4.index(d) for d in dims]
            table = {
                tuple(k[i] for i in positions): n
                for k, n in cells.items()
                if tuple(d for d, v in zip(DIMS4, k, strict=True) if v is not None) in table_sets
            }
            alone = suppression_pattern(
                table, threshold=threshold, one_way=one_way_patterns(dims, table_sets)
            )
            restricted = {
                tuple(k[i] for i in positions): r
                for k, r in joint.items()
                if tuple(k[i] for i in positions) in table
                and all(v is None for i, v in enumerate(k) if i not in positions)
            }
            assert alone == restricted, by
    # the attacker: exact echelon form of the shown cells, then reduce each hidden cell
    basis: dict[Key, dict[Key, Fraction]] = {}

    def reduce(key: Key) -> dict[Key, Fraction]:
        rest = {m: Fraction(1) for m in micro if _covers(key, m)}
        for pivot in sorted(basis, key=micro.index):
            factor = rest.get(pivot)
            if factor:
                for column, value in basis[pivot].items():
                    rest[column] = rest.get(column, Fraction(0)) - factor * value
                    if not rest[column]:
                        del rest[column]
        return rest

    for key in cells:
        if key not in joint and (rest := reduce(key)):
            pivot = min(rest, key=micro.index)
            basis[pivot] = {c: v / rest[pivot] for c, v in rest.items()}
    assert [k for k in joint if not reduce(k)] == []
