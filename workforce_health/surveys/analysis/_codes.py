"""Group labels as integer codes, and the groups of a grouping set, for the counting kernels.

A column's codes number its distinct values in sorted order, so sorting by codes sorts by
label (the order every output uses, and the tie order of disclosure control).
"""

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

import numpy as np
import numpy.typing as npt
import polars as pl

from workforce_health.surveys.analysis.inputs import Answers

IntArray = npt.NDArray[np.int64]


@dataclass(frozen=True)
class Coded:
    codes: IntArray  # per row: the index of its value in `labels`
    labels: pl.Series  # the distinct values, sorted


def encode(values: pl.Series) -> Coded:
    """Codes for a column without nulls."""
    labels = values.unique().sort()
    if values.dtype == pl.String:
        codes = values.cast(pl.Enum(labels)).to_physical()
    else:
        lookup = pl.DataFrame({"v": labels}).with_row_index("code")
        codes = (
            pl.DataFrame({"v": values})
            .join(lookup, on="v", how="left", maintain_order="left")
            .get_column("code")
        )
    return Coded(codes.to_numpy().astype(np.int64), labels)


def column_codes(answers: Answers, column: str) -> Coded:
    """`encode` of one of the answers' group or partition columns, kept in its cache."""
    key = ("codes", column)
    if key not in answers.cache:
        answers.cache[key] = encode(answers.frame.get_column(column))
    found = answers.cache[key]
    assert isinstance(found, Coded)
    return found


# Compact a combined key with a table of every possible value (one byte each) while there are
# at most this many of them per row; with more, sort instead (np.unique).
_DENSE_PER_ROW: Final = 8


def _compact(combined: IntArray, bound: int) -> tuple[IntArray, IntArray]:
    """(each row's rank among the distinct values of `combined`, the values in order)."""
    if bound <= max(_DENSE_PER_ROW * len(combined), 1024):
        present = np.zeros(bound, dtype=bool)
        present[combined] = True
        values = np.flatnonzero(present)
        rank = np.zeros(bound, dtype=np.int64)
        rank[values] = np.arange(len(values))
        return rank[combined], values
    values, inverse = np.unique(combined, return_inverse=True)
    return inverse.reshape(-1).astype(np.int64), values


def compress(
    columns: Sequence[IntArray], sizes: Sequence[int], rows: int | None = None
) -> tuple[IntArray, IntArray]:
    """Number the distinct rows of `columns` (codes below `sizes`) in sorted order.

    Returns (per row: its group, per group: its codes (groups x columns)). With no columns,
    every one of `rows` rows is in the one group. The columns are combined one at a time, the
    one with most values first, into a key compacted (renumbered 0, 1, ...) at each step, so
    that it stays small enough to compact without sorting; the groups are sorted at the end."""
    rows = len(columns[0]) if columns else (rows or 0)
    of_row = np.zeros(rows, dtype=np.int64)
    groups = np.zeros((1 if rows else 0, len(columns)), dtype=np.int64)
    for at in sorted(range(len(columns)), key=lambda i: -sizes[i]):
        size = max(sizes[at], 1)
        of_row, values = _compact(of_row * size + columns[at], len(groups) * size)
        groups = groups[values // size]
        groups[:, at] = values % size
    if len(columns) > 1:  # into the order of the columns as given
        order = np.lexsort(tuple(groups[:, i] for i in reversed(range(len(columns)))))
        rank = np.empty(len(order), dtype=np.int64)
        rank[order] = np.arange(len(order))
        of_row, groups = rank[of_row], groups[order]
    return of_row, groups


@dataclass(frozen=True)
class GroupIndex:
    """The groups of a grouping set: `keys` (partition first), each row's group, and each
    group's codes (groups x keys), groups in sorted order."""

    keys: tuple[str, ...]
    of_row: IntArray
    groups: IntArray

    @property
    def size(self) -> int:
        return int(self.groups.shape[0])


def group_index(answers: Answers, keys: Sequence[str]) -> GroupIndex:
    coded = [column_codes(answers, key) for key in keys]
    of_row, groups = compress(
        [c.codes for c in coded], [len(c.labels) for c in coded], answers.height
    )
    return GroupIndex(tuple(keys), of_row, groups)


def cached_group_index(answers: Answers, keys: Sequence[str]) -> GroupIndex:
    """`group_index`, kept in the answers' cache."""
    cache = answers.cache.setdefault("index", {})
    assert isinstance(cache, dict)
    keys = tuple(keys)
    if keys not in cache:
        cache[keys] = group_index(answers, keys)
    found = cache[keys]
    assert isinstance(found, GroupIndex)
    return found


def labels_of(answers: Answers, column: str, codes: IntArray) -> pl.Series:
    """The labels of `codes` (-1 gives null) for one of the answers' columns."""
    labels = column_codes(answers, column).labels
    index = pl.Series(np.where(codes < 0, len(labels), codes))
    return pl.concat([labels, pl.Series([None], dtype=labels.dtype)]).gather(index).alias(column)


def sort_key(keys: Sequence[IntArray], bounds: Sequence[int]) -> IntArray:
    """One int64 per row that sorts as the rows of `keys` do (the first key first; each key
    non-negative and below its bound): the keys combined when they fit, else the row's rank."""
    rows = len(keys[0]) if keys else 0
    if np.prod([float(b) for b in bounds]) < 2**62:
        combined = np.zeros(rows, dtype=np.int64)
        for key, bound in zip(keys, bounds, strict=True):
            combined *= bound
            combined += key
        return combined
    rank = np.empty(rows, dtype=np.int64)
    rank[np.lexsort(tuple(reversed(keys)))] = np.arange(rows)
    return rank


def sort_order(keys: Sequence[IntArray]) -> IntArray:
    """The rows' order sorted by `keys` (non-negative; the first key first), stable."""
    bounds = [int(k.max()) + 1 if len(k) else 1 for k in keys]
    return np.argsort(sort_key(keys, bounds), kind="stable")
