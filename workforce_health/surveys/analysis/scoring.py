"""Item, standard, eNPS and reported-number formulas (health-check.md §2.4, §2.5, §3.2, §3.3).

These give raw, unsuppressed figures. Publish only through `breakdowns.breakdown`, which
applies disclosure control (health-check.md §3.1). Each measure is a `Spec`: its entries
(items, standards, themes or measures), its figures, and how to compute the rows of one
grouping set as a block (`_tables.Block`); `table` turns one set's block into a frame. The
public wrappers take raw frames or `Answers` and give the whole-wave tables.
"""

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from typing import Any, Final, Literal

import numpy as np
import numpy.typing as npt
import polars as pl

from workforce_health.rounding import round_half_up_expr
from workforce_health.surveys.analysis._codes import IntArray, cached_group_index
from workforce_health.surveys.analysis._tables import Block, grid, stack, to_frame
from workforce_health.surveys.analysis.bands import band_expr
from workforce_health.surveys.analysis.counts import counts
from workforce_health.surveys.analysis.inputs import (
    AGREE,
    NUMBER,
    SCALE_0_10,
    Answers,
    ensure_prepared,
)

HOURS_OVER_CONTRACT: Final = "hours_over_contract"
DEFAULT_CONTRACTED_HOURS_ITEM: Final = "contracted_hours"
DEFAULT_ACTUAL_HOURS_ITEM: Final = "actual_hours"
Measure = Literal["items", "standards", "themes", "enps", "numbers"]
Figures = tuple[tuple[str, type[pl.DataType]], ...]
FloatArray = npt.NDArray[np.float64]

ITEM_FIGURES: Final[Figures] = (
    ("n", pl.Int64),
    ("n_dont_know", pl.Int64),
    ("n_agree", pl.Int64),
    ("n_neutral", pl.Int64),
    ("n_disagree", pl.Int64),
    ("score", pl.Float64),
    ("pct_agree", pl.Float64),
    ("pct_neutral", pl.Float64),
    ("pct_disagree", pl.Float64),
)
STANDARD_FIGURES: Final[Figures] = (("n", pl.Int64), ("score", pl.Float64))
ENPS_FIGURES: Final[Figures] = (
    ("n", pl.Int64),
    ("n_promoters", pl.Int64),
    ("n_passives", pl.Int64),
    ("n_detractors", pl.Int64),
    ("pct_promoters", pl.Float64),
    ("pct_passives", pl.Float64),
    ("pct_detractors", pl.Float64),
    ("enps", pl.Float64),
)
NUMBER_FIGURES: Final[Figures] = (
    ("n", pl.Int64),
    ("mean", pl.Float64),
    ("median", pl.Float64),
    ("pct_over_contract", pl.Float64),
)


@dataclass(frozen=True)
class Spec:
    """A measure: its entries (a frame whose first column names the entry, one row each, in
    sorted order, with what describes it), figures, and how to compute the block of one
    grouping set (`block`, which keeps each set's block for the breakdowns that share it)."""

    entries: pl.DataFrame
    figures: Figures
    compute: Callable[[tuple[str, ...]], Block]
    finish: Callable[[pl.DataFrame], pl.DataFrame] = lambda frame: frame
    blocks: dict[tuple[str, ...], Block] = field(default_factory=dict, repr=False)
    locks: dict[tuple[str, ...], threading.Lock] = field(default_factory=dict, repr=False)

    @property
    def entry(self) -> str:
        return self.entries.columns[0]

    def block(self, keys: tuple[str, ...]) -> Block:
        """The block of grouping set `keys`, computed once even when breakdowns sharing it run
        in threads at once (each set has its own lock, so different sets compute together)."""
        if keys not in self.blocks:
            with self.locks.setdefault(keys, threading.Lock()):
                if keys not in self.blocks:
                    self.blocks[keys] = self.compute(keys)
        return self.blocks[keys]

    def answered(self, answers: Answers) -> Callable[[Block], Block]:
        """Keeps a block's rows of the entries anyone in their wave answered (don't know
        included; for standards, anyone scored): an item nobody answered has no rows, as
        it has no figures, in any of its wave's tables."""
        whole = self.block(answers.partition)
        waves = whole.keys[answers.partition[0]] if answers.partition else 0
        width = max(self.entries.height, 1)
        given = np.zeros(((int(np.max(waves, initial=0)) + 1) * width,), dtype=bool)
        answered = np.asarray(whole.values.get("_given", whole.values["n"]))
        given[waves * width + whole.entry] = answered > 0

        def keep(block: Block) -> Block:
            wave = block.keys[answers.partition[0]] if answers.partition else 0
            rows = given[wave * width + block.entry]
            if rows.all():
                return block
            return Block(
                {k: v[rows] for k, v in block.keys.items()},
                block.entry[rows],
                {k: v[rows] for k, v in block.values.items()},
            )

        return keep


Counts = npt.NDArray[np.integer[Any]]


def _share(count: Counts, total: Counts) -> FloatArray:
    """Percentage 0-100 of `total`; NaN (null) when nobody answered."""
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(total > 0, 100.0 * count / total, np.nan)


def _ratio(value: FloatArray, total: Counts) -> FloatArray:
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(total > 0, value / total, np.nan)


def _sorted(codes: list[str]) -> tuple[list[str], IntArray]:
    """The codes sorted, and the sorted position of each code."""
    order = sorted(range(len(codes)), key=lambda i: codes[i])
    position = np.empty(len(codes), dtype=np.int64)
    position[order] = np.arange(len(codes))
    return [codes[i] for i in order], position


# --- Agree items (§2.5) ---------------------------------------------------------------------


def _items(answers: Answers) -> Spec:
    """n (answers 1-5), n_dont_know, n_agree (4-5), n_neutral (3), n_disagree (1-2), score (mean
    of points 0/25/50/75/100, reversed for reverse items; null when n = 0) and pct_agree,
    pct_neutral, pct_disagree (0-100 shares of n; pct_agree is the plain share agreeing even
    for reverse items)."""
    codes = answers.codes(AGREE)
    names, position = _sorted(codes)
    described = answers.items.select("item_code", "standard", "reverse")
    entries = pl.DataFrame({"item_code": names}).join(
        described, on="item_code", how="left", maintain_order="left"
    )
    reverse = entries["reverse"].to_numpy()[position]  # in the histograms' (items') order

    def block(keys: tuple[str, ...]) -> Block:
        found = counts(answers, keys)
        # Bins: skipped, don't know, (unused), answers 1-5; rows item-major (items x groups).
        _, dont_know, _, one, two, three, four, five = (
            found.agree[:, b, :].reshape(-1) for b in range(8)
        )
        agree, neutral, disagree = four + five, three, one + two
        n = agree + neutral + disagree
        points = (25 * two + 50 * three + 75 * four + 100 * five).astype(np.float64)
        points = np.where(np.repeat(reverse, found.index.size), 100.0 * n - points, points)
        group_codes, entry = grid(found.index.groups, found.index.keys, position, item_major=True)
        values = {
            "n": n,
            "n_dont_know": dont_know,
            "n_agree": agree,
            "n_neutral": neutral,
            "n_disagree": disagree,
            "score": _ratio(points, n),
            "pct_agree": _share(agree, n),
            "pct_neutral": _share(neutral, n),
            "pct_disagree": _share(disagree, n),
            "_given": n + dont_know,
        }
        return Block(group_codes, entry, values)

    return Spec(entries, ITEM_FIGURES, block)


# --- Standards and themes (§2.5) ------------------------------------------------------------


def respondent_scores(answers: Answers, key: str) -> tuple[list[str], FloatArray]:
    """Each respondent's score for each standard (or theme): the mean of their points over its
    answered agree items, reversed where flagged; NaN when they answered none. Returns the
    standards (sorted) and their scores (respondents x standards)."""
    cached = answers.cache.get(("scores", key))
    if cached is not None:
        assert isinstance(cached, tuple)
        return cached
    items = answers.items.filter((pl.col("type") == AGREE) & pl.col(key).is_not_null())
    names = sorted(set(items[key].to_list()))
    scores = []
    for name in names:
        points, answered = [], []
        for code, reverse in (
            items.filter(pl.col(key) == name).select("item_code", "reverse").rows()
        ):
            answer = pl.col(code).cast(pl.Int32)
            given = answer >= 1
            points.append(pl.when(given).then(5 - answer if reverse else answer - 1).otherwise(0))
            answered.append(given.cast(pl.Int32))
        # Points are 25 a step: the sum is whole, so this is the mean of the points exactly.
        scores.append((25.0 * pl.sum_horizontal(points) / pl.sum_horizontal(answered)).alias(name))
    frame = answers.frame.select(scores) if names else pl.DataFrame()
    values = frame.to_numpy().astype(np.float64) if names else np.zeros((answers.height, 0))
    found = (names, values)
    answers.cache[("scores", key)] = found
    return found


def _standards(answers: Answers, key: str) -> Spec:
    """n (respondents with a score) and score (the mean of their scores), per standard or
    theme; `finish` adds score_rounded (half up) and band (0-50 low, 51-74 moderate, 75-100
    high, from score_rounded)."""
    if key not in ("standard", "theme"):
        raise ValueError("key must be 'standard' or 'theme'")
    names, scores = respondent_scores(answers, key)
    scored = []  # per standard: the respondents with a score, and their scores
    for s in range(len(names)):
        column = np.ascontiguousarray(scores[:, s])
        rows = np.flatnonzero(~np.isnan(column))
        scored.append((rows, column[rows]))

    def block(keys: tuple[str, ...]) -> Block:
        index = cached_group_index(answers, keys)
        n = np.zeros((len(names), index.size), dtype=np.int64)
        total = np.zeros((len(names), index.size), dtype=np.float64)
        for s, (rows, values) in enumerate(scored):  # each group sums its scores in order
            groups = index.of_row[rows]
            n[s] = np.bincount(groups, minlength=index.size)
            total[s] = np.bincount(groups, weights=values, minlength=index.size)
        group_codes, entry = grid(index.groups, index.keys, len(names), item_major=True)
        return Block(
            group_codes, entry, {"n": n.reshape(-1), "score": _ratio(total, n).reshape(-1)}
        )

    def finish(frame: pl.DataFrame) -> pl.DataFrame:
        at = frame.columns.index("score") + 1
        extra = frame.select(
            round_half_up_expr(pl.col("score")).cast(pl.Int64).alias("score_rounded"),
            band_expr(pl.col("score")).alias("band"),
        )
        return pl.concat(
            [frame.select(frame.columns[:at]), extra, frame.select(frame.columns[at:])],
            how="horizontal",
        )

    return Spec(
        pl.DataFrame({key: names}, schema={key: pl.String}), STANDARD_FIGURES, block, finish
    )


# --- eNPS (§3.3) ----------------------------------------------------------------------------


def _enps(answers: Answers) -> Spec:
    """Per 0-10 item: n (answers 0-10; skips and don't knows excluded), promoters (9-10),
    passives (7-8), detractors (0-6), their shares of n, and enps (% promoters - % detractors,
    -100 to 100, unrounded)."""
    names, position = _sorted(answers.codes(SCALE_0_10))

    def block(keys: tuple[str, ...]) -> Block:
        found = counts(answers, keys)
        answered = found.scale[:, 2:13, :]  # answers 0-10: items x answers x groups
        n = answered.sum(axis=1).reshape(-1)
        promoters = answered[:, 9:11].sum(axis=1).reshape(-1)
        passives = answered[:, 7:9].sum(axis=1).reshape(-1)
        detractors = answered[:, 0:7].sum(axis=1).reshape(-1)
        pct_promoters, pct_detractors = _share(promoters, n), _share(detractors, n)
        group_codes, entry = grid(found.index.groups, found.index.keys, position, item_major=True)
        values = {
            "n": n,
            "n_promoters": promoters,
            "n_passives": passives,
            "n_detractors": detractors,
            "pct_promoters": pct_promoters,
            "pct_passives": _share(passives, n),
            "pct_detractors": pct_detractors,
            "enps": pct_promoters - pct_detractors,
            "_given": n + found.scale[:, 1, :].reshape(-1),
        }
        return Block(group_codes, entry, values)

    return Spec(
        pl.DataFrame({"item_code": names}, schema={"item_code": pl.String}), ENPS_FIGURES, block
    )


# --- Reported numbers (§2.4) ----------------------------------------------------------------


def _numbers(answers: Answers, contracted_item: str, actual_item: str) -> Spec:
    """Per number item, and hours over contract (actual minus contracted weekly hours, for
    respondents who gave both in range; it may be negative): n (valid answers), mean, median,
    and pct_over_contract (share of n working more than contracted; hours over contract only).
    Out-of-range numbers were nulled by `prepare`."""
    codes = answers.codes(NUMBER)
    measures = list(codes)
    if contracted_item in codes and actual_item in codes:
        measures.append(HOURS_OVER_CONTRACT)
    names, _ = _sorted(measures)

    def values_of(measure: str) -> pl.Expr:
        if measure == HOURS_OVER_CONTRACT:
            return pl.col(actual_item) - pl.col(contracted_item)
        return pl.col(measure)

    def block(keys: tuple[str, ...]) -> Block:
        index = cached_group_index(answers, keys)
        rows = answers.frame.select(
            pl.Series("_group", index.of_row), *[values_of(m).alias(m) for m in names]
        )
        long = rows.unpivot(index="_group", on=names, variable_name="_m", value_name="number")
        found = (
            long.drop_nulls("number")
            .group_by("_group", "_m", maintain_order=True)
            .agg(
                pl.len().cast(pl.Int64).alias("n"),
                pl.col("number").mean().alias("mean"),
                pl.col("number").median().alias("median"),
                (100.0 * (pl.col("number") > 0).mean()).alias("over"),
            )
            .with_columns(pl.col("_m").replace_strict(names, list(range(len(names)))))
        )
        at = found["_group"].to_numpy() * len(names) + found["_m"].to_numpy()  # group-major
        size = len(names) * index.size
        n = np.zeros(size, dtype=np.int64)
        mean, median, over = (np.full(size, np.nan) for _ in range(3))
        n[at] = found["n"].to_numpy()
        mean[at] = found["mean"].to_numpy()
        median[at] = found["median"].to_numpy()
        hours = np.array([m == HOURS_OVER_CONTRACT for m in names], dtype=bool)
        over[at] = np.where(hours[found["_m"].to_numpy()], found["over"].to_numpy(), np.nan)
        group_codes, entry = grid(index.groups, index.keys, len(names))
        values = {"n": n, "mean": mean, "median": median, "pct_over_contract": over}
        return Block(group_codes, entry, values)

    return Spec(
        pl.DataFrame({"measure": names}, schema={"measure": pl.String}), NUMBER_FIGURES, block
    )


def spec(
    answers: Answers,
    measure: Measure,
    *,
    contracted_item: str = DEFAULT_CONTRACTED_HOURS_ITEM,
    actual_item: str = DEFAULT_ACTUAL_HOURS_ITEM,
) -> Spec:
    """The measure's `Spec` for these answers, kept in their cache with the blocks it computes,
    so the whole-wave tables and every breakdown of one wave share them."""
    key = ("spec", measure, contracted_item, actual_item)
    if key not in answers.cache:
        if measure == "items":
            found = _items(answers)
        elif measure in ("standards", "themes"):
            found = _standards(answers, "standard" if measure == "standards" else "theme")
        elif measure == "enps":
            found = _enps(answers)
        elif measure == "numbers":
            found = _numbers(answers, contracted_item, actual_item)
        else:
            raise ValueError(f"Unknown measure {measure!r}")
        answers.cache[key] = found
    cached = answers.cache[key]
    assert isinstance(cached, Spec)
    return cached


def table(answers: Answers, measure: Spec, keys: tuple[str, ...] = ()) -> pl.DataFrame:
    """One row per group of `keys` (with the partition, if any) and entry, raw: the group
    columns, the entry's columns, the figures; sorted by the groups, then the entry."""
    keys = (*answers.partition, *keys)
    frame = to_frame(
        answers,
        stack([measure.answered(answers)(measure.block(keys))], keys),
        entries=measure.entries,
        figures=measure.figures,
        partition=answers.partition,
        entry_first=False,
    )
    return measure.finish(frame)


# Public wrappers on raw frames (or `Answers`, used as they are): whole-wave raw figures for
# checking and for the wave-change test. With a `wave` column, one table per wave.


def item_results(responses: pl.DataFrame | Answers, items: pl.DataFrame) -> pl.DataFrame:
    """Whole-wave agree-item results, unsuppressed: item_code, standard, reverse, n,
    n_dont_know, n_agree, n_neutral, n_disagree, score, pct_agree, pct_neutral, pct_disagree."""
    answers = ensure_prepared(responses, items)
    return table(answers, spec(answers, "items"))


def standard_results(
    responses: pl.DataFrame | Answers, items: pl.DataFrame, *, key: str = "standard"
) -> pl.DataFrame:
    """Whole-wave standard (or theme, key="theme") scores and bands, unsuppressed: the key, n,
    score, score_rounded, band."""
    answers = ensure_prepared(responses, items)
    measure: Measure = "standards" if key == "standard" else "themes"
    if key not in ("standard", "theme"):
        raise ValueError("key must be 'standard' or 'theme'")
    return table(answers, spec(answers, measure))


def enps(responses: pl.DataFrame | Answers, items: pl.DataFrame) -> pl.DataFrame:
    """Whole-wave eNPS for every 0-10 item, unsuppressed: item_code, n, n_promoters,
    n_passives, n_detractors, pct_promoters, pct_passives, pct_detractors, enps."""
    answers = ensure_prepared(responses, items)
    return table(answers, spec(answers, "enps"))


def reported_numbers(
    responses: pl.DataFrame | Answers,
    items: pl.DataFrame,
    *,
    contracted_item: str = DEFAULT_CONTRACTED_HOURS_ITEM,
    actual_item: str = DEFAULT_ACTUAL_HOURS_ITEM,
) -> pl.DataFrame:
    """Whole-wave practitioner-reported numbers, unsuppressed: measure, n, mean, median,
    pct_over_contract."""
    answers = ensure_prepared(responses, items)
    numbers = partial(spec, contracted_item=contracted_item, actual_item=actual_item)
    return table(answers, numbers(answers, "numbers"))
