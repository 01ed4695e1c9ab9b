"""Group labels as integer codes, and the groups of a grouping set, for the counting kernels.

A column's codes number its distinct values in sorted order, so sorting by codes sorts by
label (the order every output uses, and the tie order of disclosure control).
"""

from collections.abc import Sequence
from dataclasses import dataclass

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


def compress(
    columns: Sequence[IntArray], sizes: Sequence[int], rows: int | None = None
) -> tuple[IntArray, IntArray]:
    """Number the distinct rows of `columns` (codes below `sizes`) in sorted order.

    Returns (per row: its group, per group: its codes (groups x columns)). With no columns,
    every one of `rows` rows is in the one group."""
    rows = len(columns[0]) if columns else (rows or 0)
    combined = np.zeros(rows, dtype=np.int64)
    bound = 1
    for column, size in zip(columns, sizes, strict=True):
        if bound * max(size, 1) >= 2**62:  # renumber what is combined so far, then go on
            _, combined = np.unique(combined, return_inverse=True)
            bound = int(combined.max()) + 1 if rows else 1
        combined = combined * max(size, 1) + column
        bound *= max(size, 1)
    _, first, inverse = np.unique(combined, return_index=True, return_inverse=True)
    groups = np.stack([column[first] for column in columns], axis=1) if columns else None
    if groups is None:
        groups = np.zeros((len(first), 0), dtype=np.int64)
    return inverse.astype(np.int64).reshape(-1), groups


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
