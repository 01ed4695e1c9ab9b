"""Result tables as numpy blocks, stacked, then turned into one sorted polars frame.

A block holds the rows of one grouping set for every entry (item, standard or measure):
per row the codes of its group columns (-1 where the set says "all") and its entry, and its
figures. Codes sort as labels do, so the rows are sorted by one integer key, never by strings.
"""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
import polars as pl

from workforce_health.surveys.analysis._codes import IntArray, column_codes, sort_key
from workforce_health.surveys.analysis.inputs import Answers


@dataclass(frozen=True)
class Block:
    keys: Mapping[str, IntArray]  # group column -> codes; a column not given is "all" (-1)
    entry: IntArray  # index into the measure's sorted entries
    values: Mapping[str, npt.NDArray[np.generic]]  # floats use NaN for null

    @property
    def height(self) -> int:
        return len(self.entry)


def grid(
    groups: IntArray, keys: Sequence[str], entries: IntArray | int, *, item_major: bool = False
) -> tuple[dict[str, IntArray], IntArray]:
    """Codes and entry of every (group, column) row, as a (groups x columns) array flattens
    (or, `item_major`, a (columns x groups) one): `groups` holds each group's codes of `keys`,
    `entries` each column's entry (or how many columns, one entry each in order)."""
    if isinstance(entries, int):
        entries = np.arange(entries, dtype=np.int64)
    count = groups.shape[0]
    if item_major:
        codes = {key: np.tile(groups[:, j], len(entries)) for j, key in enumerate(keys)}
        return codes, np.repeat(entries, count)
    codes = {key: np.repeat(groups[:, j], len(entries)) for j, key in enumerate(keys)}
    return codes, np.tile(entries, count)


@dataclass(frozen=True)
class Stacked:
    """Blocks one after the other (not sorted): their codes (-1 = all), entries and figures."""

    blocks: Sequence[Block]
    keys: dict[str, IntArray]
    entry: IntArray

    def values(self, name: str) -> npt.NDArray[np.generic]:
        return np.concatenate([b.values[name] for b in self.blocks])


def stack(blocks: Sequence[Block], keys: Sequence[str]) -> Stacked:
    empty = np.zeros(0, dtype=np.int64)
    codes = {
        key: np.concatenate([b.keys.get(key, np.full(b.height, -1)) for b in blocks])
        if blocks
        else empty
        for key in keys
    }
    entry = np.concatenate([b.entry for b in blocks]) if blocks else empty
    return Stacked(blocks, codes, entry)


def to_frame(
    answers: Answers,
    stacked: Stacked,
    *,
    entries: pl.DataFrame,
    figures: Sequence[tuple[str, type[pl.DataType]]],
    partition: Sequence[str],
    entry_first: bool,
    extra: Sequence[pl.Series] = (),
) -> pl.DataFrame:
    """The stacked rows as a frame: the group columns (labels; null = all), the columns of
    `entries` (one row per entry, in entry order: the entry's name and what describes it),
    `figures` (name, dtype) and `extra` (one value per stacked row), sorted by the partition,
    then the entry and the groups (`entry_first`, as breakdowns are) or the groups and the
    entry (as the per-group tables are); "all" after every group."""
    keys = list(stacked.keys)
    sizes = {key: len(column_codes(answers, key).labels) + 1 for key in keys}
    last = {key: np.where(c < 0, sizes[key] - 1, c) for key, c in stacked.keys.items()}
    rest = [k for k in keys if k not in partition]
    order_by = [*partition, *(["_entry", *rest] if entry_first else [*rest, "_entry"])]
    bounds = {**sizes, "_entry": max(entries.height, 1)}
    arrays = {**last, "_entry": stacked.entry}
    order = np.argsort(
        sort_key([arrays[k] for k in order_by], [bounds[k] for k in order_by]), kind="stable"
    )
    columns: list[pl.Series] = []
    for key in keys:  # labels, with the one past the last for "all" (null)
        labels = column_codes(answers, key).labels.extend_constant(None, 1)
        columns.append(labels.gather(last[key][order]).alias(key))
    entry = stacked.entry[order]
    columns += [entries[name].gather(entry) for name in entries.columns]
    for name, dtype in figures:
        values = stacked.values(name)[order]
        columns.append(pl.Series(name, values, nan_to_null=values.dtype.kind == "f").cast(dtype))
    columns += [series.gather(order) for series in extra]
    return pl.DataFrame(columns)
