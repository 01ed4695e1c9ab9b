"""Disclosure control in closed form for the common table shapes, all partitions at once.

`suppression.suppress` uses these for the tables they cover and the general solver for the
rest; each closed form is what the solver decides (the reasoning is given with each, and
tests/surveys/analysis/test_suppression_fast_path.py compares them with the solver). Tables come
as numpy arrays: per row its partition (one table each), its dimension codes (-1 for "all";
codes sort as the labels do, the solver's tie order) and its n.
"""

from collections.abc import Sequence
from typing import Final

import numpy as np
import numpy.typing as npt

from workforce_health.surveys.analysis._codes import sort_order

IntArray = npt.NDArray[np.int64]
BoolArray = npt.NDArray[np.bool_]
Reasons = npt.NDArray[np.int8]

SHOWN: Final = 0
PRIMARY: Final = 1
COMPLEMENTARY: Final = 2


def _order(*keys: IntArray) -> IntArray:
    return sort_order(keys)


def _segments(sorted_ids: IntArray) -> tuple[IntArray, IntArray]:
    """(start of each run of equal ids, each row's run), for sorted ids."""
    starts = np.flatnonzero(np.r_[True, sorted_ids[1:] != sorted_ids[:-1]])
    run = np.repeat(np.arange(len(starts)), np.diff(np.r_[starts, len(sorted_ids)]))
    return starts, run


def one_level(line: IntArray, key: IntArray, n: IntArray, threshold: int) -> Reasons:
    """Rules 1-2 in closed form on lines (a shown total and its children; `line` numbers the
    line of each child from 0, `key` orders children with equal n): hide the children below
    the threshold; if any is hidden and the hidden ones hold fewer than the threshold, also
    hide the smallest shown children, in the solver's order (n, then the key), until they
    reach it. Lines with no child below the threshold are all shown, so only the others are
    sorted.

    This is what `_protect` decides for such a line when the total is fixed and shown, the line
    has at least two children (or none below the threshold), and no other cell of the stage
    shares a microcell with it: rule 2 hides exactly these; then at least two children of the
    line are hidden or none, so rule 3 finds no hidden child determined (the shown cells give
    only the sum of the hidden ones), rule 4 has no hidden guard cell, and no complement is
    determined, so none is shown again (tests/surveys/analysis/test_suppression_fast_path.py)."""
    small = n < threshold
    out = np.where(small, PRIMARY, SHOWN).astype(np.int8)
    if not small.any():
        return out
    # Only a line whose small children hold fewer than the threshold needs complements, and
    # only it needs its children in order.
    lines = int(line.max()) + 1
    hidden = np.bincount(line, weights=np.where(small, n, 0), minlength=lines)
    needy = (np.bincount(line, weights=small, minlength=lines) > 0) & (hidden < threshold)
    chosen = np.flatnonzero(needy[line])
    if not len(chosen):
        return out
    order = chosen[_order(line[chosen], n[chosen], key[chosen])]
    starts, run = _segments(line[order])
    shown = np.where(small[order], 0, n[order])
    before = np.cumsum(shown) - shown
    before -= before[starts][run]
    complement = ~small[order] & (hidden[line[order]] + before < threshold)
    out[order[complement]] = COMPLEMENTARY
    return out


def _per_part(part: IntArray, parts: int, mask: BoolArray) -> IntArray:
    """How many rows of each partition `mask` holds."""
    return np.bincount(part[mask], minlength=parts)


def _first_of_lines(line: IntArray, key: IntArray, n: IntArray, threshold: int) -> Reasons:
    """Lines whose total is hidden: hide the children below the threshold, and in each line
    with none of them, its smallest child (n, then the key). See `fast_reasons`."""
    out = np.where(n < threshold, PRIMARY, SHOWN).astype(np.int8)
    if not len(n):
        return out
    order = _order(line, n, key)
    starts, _ = _segments(line[order])
    smallest = order[starts]
    out[smallest[n[smallest] >= threshold]] = COMPLEMENTARY
    return out


def fast_reasons(
    part: IntArray,
    dims: Sequence[IntArray],
    n: IntArray,
    threshold: int,
    nested_settled: bool,
) -> tuple[Reasons, BoolArray]:
    """Decide the tables (one `part` value each) that have a closed form, all at once.

    Returns per row: its reason (SHOWN, PRIMARY or COMPLEMENTARY), and whether its table needs
    the general solver instead.

    Closed forms, each what `suppression_pattern` decides (the reasoning is given inline;
    tests/surveys/analysis/test_suppression_fast_path.py compares them with the solver):

    - no cell below the threshold: every cell shown (no rule can start: rule 2 needs a hidden
      child, rule 3 a hidden cell, rule 4 a hidden guard cell);
    - no dimension: one cell, hidden when below the threshold;
    - one dimension, one total of at least the threshold: `one_level` on its children;
    - two dimensions nested (cells (a, b), (a,) and the total, none of pattern (b,); e.g.
      teams within services), a total of at least the threshold, every (a, b) cell's (a,) cell
      present and every (a,) cell with a (a, b) cell: the (a,) stage is `one_level` on the
      (a,) cells; then, in the (a, b) stage, each shown (a,) cell's line is `one_level` (its
      shown total separates it from every other cell: no combination of shown cells that gives
      a cell outside the line changes by hiding a cell in it, nor the reverse). When the (a, b)
      stage is one-way (no rule 4), the lines of hidden (a,) cells are decided too: hide their
      children below the threshold, and in each such line with none, its smallest child. Why:
      the (a,) stage hid at least two (a,) cells (one alone would be below the threshold with
      no complement, which `one_level` never leaves), and the shown cells give only the sum of
      all the hidden (a, b) cells of those lines (the total minus the shown (a,) cells and the
      shown children); so a hidden (a,) cell is given away exactly when its line has no hidden
      child, and rule 3 then hides the smallest child of its line (the line is where it looks
      first; hiding that child frees the cell once the other lines have hidden children, and
      the solver falls back to it before they do); with a hidden child in every such line and
      at least two such lines, no hidden cell is a combination of shown ones, so nothing more
      is hidden, and no complement is shown again.
    A line with a single child below the threshold (whose cover is its total's) goes to the
    general solver."""
    rows = len(n)
    parts = int(part.max()) + 1 if rows else 0
    reasons = np.zeros(rows, dtype=np.int8)
    small = n < threshold
    small_any = (_per_part(part, parts, small) > 0)[part]
    if not dims:
        return np.where(small, PRIMARY, SHOWN).astype(np.int8), np.zeros(rows, dtype=bool)
    has = [d >= 0 for d in dims]
    total = ~np.logical_or.reduce(has)
    general = (_per_part(part, parts, total) == 0) | (_per_part(part, parts, total & small) > 0)
    if len(dims) == 1:
        child = has[0]
        single = (_per_part(part, parts, child) < 2) & (_per_part(part, parts, child & small) > 0)
        general |= single
        reasons[child] = one_level(part[child], dims[0][child], n[child], threshold)
    elif len(dims) == 2:
        top, child = has[0] & ~has[1], has[0] & has[1]
        general |= _per_part(part, parts, ~has[0] & has[1]) > 0  # not nested
        reasons[top] = one_level(part[top], dims[0][top], n[top], threshold)
        width = max(int(dims[0].max()) + 1 if rows else 1, 1)
        line = part * width + np.where(has[0], dims[0], 0)
        top_rows, child_rows = np.flatnonzero(top), np.flatnonzero(child)
        # Each (a,) cell and its children form a line: number the lines by the (a,) cells.
        by_line = top_rows[np.argsort(line[top_rows], kind="stable")]
        at = np.searchsorted(line[by_line], line[child_rows])
        at = np.minimum(at, max(len(by_line) - 1, 0))
        has_parent = (
            line[by_line[at]] == line[child_rows] if len(by_line) else np.zeros(0, dtype=bool)
        )
        general |= np.bincount(part[child_rows[~has_parent]], minlength=parts) > 0  # orphans
        of_child = at[has_parent]
        parent_reason = reasons[by_line[of_child]]
        lines = len(by_line)
        children = np.bincount(of_child, minlength=lines)
        line_small = np.bincount(of_child, weights=small[child_rows[has_parent]], minlength=lines)
        line_hidden = reasons[by_line] != SHOWN
        single = (children < 2) & (line_small > 0) & ~line_hidden
        general |= np.bincount(part[by_line][single | (children == 0)], minlength=parts) > 0
        lonely = (_per_part(part, parts, top) < 2) & (_per_part(part, parts, top & small) > 0)
        general |= lonely
        if not nested_settled:  # a two-way stage: rule 4 may apply
            general |= _per_part(part, parts, top & (reasons != SHOWN)) > 0
        with_parent = child_rows[has_parent]
        for hidden_line in (False, True):
            pick = (parent_reason != SHOWN) == hidden_line
            chosen = with_parent[pick]
            decide = _first_of_lines if hidden_line else one_level
            reasons[chosen] = decide(of_child[pick], dims[1][chosen], n[chosen], threshold)
    else:
        general = np.ones(parts, dtype=bool)
    general_rows = general[part] & small_any
    return np.where(small_any, reasons, SHOWN).astype(np.int8), general_rows
