"""How many respondents gave each answer to each agree and 0-10 item, per group.

Every item figure (counts, shares, scores, eNPS) is a function of these histograms, so they
are counted once per grouping set and kept in the answers' cache. A grouping set is counted
from the answers (one `numpy.bincount` per item, items spread over threads), or, when a finer
set is already counted, summed up from it (counts add exactly). `plan` counts a few fine sets
from which all the requested ones can be summed, when that is cheaper than counting each.
"""

from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Final, TypeVar

import numpy as np
import numpy.typing as npt
import polars as pl

from workforce_health.surveys.analysis._codes import (
    GroupIndex,
    IntArray,
    column_codes,
    compress,
    group_index,
)
from workforce_health.surveys.analysis.inputs import (
    AGREE,
    SCALE_0_10,
    SKIPPED,
    Answers,
)

# Histogram bins: answer code - SKIPPED, so skipped is bin 0 and don't know bin 1.
AGREE_BINS: Final = 8  # -2, -1, (0), 1-5
SCALE_BINS: Final = 16  # -2, -1, 0-10
OFFSET: Final = -SKIPPED
# Sets share a counting pass only while it has at most this many times fewer groups than the
# answers have respondents, so summing up from it costs little beside counting again.
ROLLUP_RATIO: Final = 32
_THREADED_CELLS: Final = 2_000_000
CountArray = npt.NDArray[np.int32]
T = TypeVar("T", IntArray, CountArray)


@dataclass(frozen=True)
class Counts:
    """Histograms of one grouping set: `agree` (agree items x AGREE_BINS x groups) and
    `scale` (0-10 items x SCALE_BINS x groups), items in the items frame's order, and the
    respondents in each group. Groups last: summing groups up works along contiguous rows."""

    index: GroupIndex
    respondents: IntArray
    agree: CountArray
    scale: CountArray


def _histograms(columns: list[np.ndarray], of_row: IntArray, groups: int, bins: int) -> CountArray:
    if not columns:
        return np.zeros((0, bins, groups), dtype=np.int32)
    base = (of_row * bins + OFFSET).astype(np.int64)

    def one(column: np.ndarray) -> CountArray:  # counts fit in int32: half the memory to move
        found = np.bincount(base + column, minlength=groups * bins)
        return found.astype(np.int32).reshape(groups, bins).T

    if len(columns) * len(of_row) >= _THREADED_CELLS and pl.thread_pool_size() > 1:
        with ThreadPoolExecutor(max_workers=pl.thread_pool_size()) as pool:
            found = list(pool.map(one, columns))  # bincount releases the GIL
    else:
        found = [one(column) for column in columns]
    return np.stack(found)


def _codes(answers: Answers, kind: str) -> list[np.ndarray]:
    return [answers.frame.get_column(c).to_numpy() for c in answers.codes(kind)]


def _count(answers: Answers, keys: tuple[str, ...]) -> Counts:
    index = group_index(answers, keys)
    agree = _histograms(_codes(answers, AGREE), index.of_row, index.size, AGREE_BINS)
    scale = _histograms(_codes(answers, SCALE_0_10), index.of_row, index.size, SCALE_BINS)
    respondents = np.bincount(index.of_row, minlength=index.size).astype(np.int64)
    return Counts(index, respondents, agree, scale)


def _sum_up(finer: Counts, keys: tuple[str, ...]) -> Counts:
    """`finer`'s histograms summed to `keys` (a subset of its keys)."""
    positions = [finer.index.keys.index(k) for k in keys]
    columns = [finer.index.groups[:, p] for p in positions]
    sizes = [int(c.max()) + 1 if len(c) else 1 for c in columns]
    of_group, groups = compress(columns, sizes, finer.index.size)
    prefix = positions == list(range(len(positions)))  # finer's groups are in order already
    order = np.arange(len(of_group)) if prefix else np.argsort(of_group, kind="stable")
    starts = np.flatnonzero(np.r_[True, np.diff(of_group[order]) != 0]) if len(order) else order

    def summed(values: T) -> T:  # along the last axis, the groups
        if not len(order):
            return values[..., :0]
        return np.add.reduceat(values if prefix else values[..., order], starts, axis=-1)

    index = GroupIndex(keys, np.zeros(0, dtype=np.int64), groups)
    return Counts(index, summed(finer.respondents), summed(finer.agree), summed(finer.scale))


def _cached(answers: Answers) -> dict[tuple[str, ...], Counts]:
    found = answers.cache.setdefault("counts", {})
    assert isinstance(found, dict)
    return found


def counts(answers: Answers, keys: Sequence[str]) -> Counts:
    """The histograms of grouping set `keys` (partition first), from the cache, summed up
    from the smallest counted finer set, or counted."""
    keys = canonical(answers, keys)
    cache = _cached(answers)
    if keys not in cache:
        finer = [c for k, c in cache.items() if set(keys) <= set(k)]
        if finer:
            cache[keys] = _sum_up(min(finer, key=lambda c: c.index.size), keys)
        else:
            cache[keys] = _count(answers, keys)
    return cache[keys]


def _values_per_wave(answers: Answers, column: str) -> npt.NDArray[np.int64]:
    """How many values `column` takes in each wave (one wave without a partition)."""
    key = ("values per wave", column)
    if key not in answers.cache:
        codes = column_codes(answers, column)
        if answers.partition:
            wave = column_codes(answers, answers.partition[0])
            waves = len(wave.labels)
            width = max(len(codes.labels), 1)
            if waves * width <= 8 * answers.height:  # which (wave, value) pairs occur
                present = np.zeros(waves * width, dtype=bool)
                present[wave.codes * width + codes.codes] = True
                answers.cache[key] = present.reshape(waves, width).sum(axis=1)
            else:
                _, pairs = compress([wave.codes, codes.codes], [waves, width])
                answers.cache[key] = np.bincount(pairs[:, 0], minlength=waves)
        else:
            answers.cache[key] = np.array([len(codes.labels)], dtype=np.int64)
    found = answers.cache[key]
    assert isinstance(found, np.ndarray)
    return found


def _size(answers: Answers, keys: Sequence[str]) -> int:
    """At most how many groups a grouping set has: per wave, the product of the numbers of
    values of its columns (a team's service is its own, so counted once)."""
    if not answers.height:
        return 0
    columns = [k for k in keys if k not in answers.partition]
    if "team" in columns and "service" in columns:
        columns.remove("service")
    waves = len(column_codes(answers, answers.partition[0]).labels) if answers.partition else 1
    product = np.ones(waves, dtype=np.float64)
    for column in columns:
        product *= _values_per_wave(answers, column)
    return int(product.sum())


def canonical(answers: Answers, keys: Sequence[str]) -> tuple[str, ...]:
    """`keys` in the answers' column order (partition first), so each set is cached once."""
    return tuple(c for c in answers.frame.columns if c in keys)


def plan(answers: Answers, sets: Sequence[Sequence[str]]) -> None:
    """Count what `sets` (each partition first) need with few passes over the answers.

    Finest first (most keys), each set joins the first pass whose keys it can be added to while
    the pass keeps at most answers / ROLLUP_RATIO groups; the rest are summed up from them."""
    cache = _cached(answers)
    wanted = sorted({canonical(answers, s) for s in sets}, key=lambda s: (-len(s), s))
    passes: list[tuple[str, ...]] = []
    for keys in wanted:
        if any(set(keys) <= set(k) for k in [*cache, *passes]):
            continue
        for i, chosen in enumerate(passes):
            union = canonical(answers, [*chosen, *keys])
            if _size(answers, union) * ROLLUP_RATIO <= max(answers.height, 1):
                passes[i] = union
                break
        else:
            passes.append(keys)
    for keys in passes:
        counts(answers, keys)
