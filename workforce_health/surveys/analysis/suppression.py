"""Disclosure control: primary and complementary suppression (health-check.md §3.1).

A table is a set of cells keyed by dimension values, None meaning "all": one dimension
gives (value,) cells and the (None,) total; two give (a, b) cells, (a, None) and
(None, b) margins and (None, None). The finest cells (no None) are the *microcells*; every
other cell is the sum of the microcells it covers. Combinations absent from the table are
known zeros, and a margin absent from the table is not protected (publish it from here).

Rules (§3.1 "Complementary suppression"), applied until nothing changes:
1. primary: hide every cell with n below the threshold;
2. in each line (a cell's children along one dimension) whose total is shown, if the hidden
   children hold fewer than the threshold between them, hide the smallest shown child, or
   the total when no child is left;
3. while a hidden cell is a linear combination of shown cells (the subtraction attack, in
   any number of steps), hide the smallest shown cell in one of its lines that breaks it;
4. in a two-way stage, while the shown cells give a combination of hidden one-way (or total)
   cells that the shown one-way cells do not already give, hide another cell that breaks it.
A complement is chosen only if the other shown cells do not already give it away, and a
complement that ends up determined anyway is shown again (hiding it protects nothing).
Tables are solved in stages, one grouping set (pattern of fixed dimensions) at a time, from
fewer dimensions to more; each stage sees only the cells of the sets inside it and keeps what
their stages decided. So a cell's decision never depends on which other tables are solved, a
two-way table's margins are exactly the one-way tables, and (with rule 4) the one-way and
two-way tables of a wave are safe all together (docs/survey-analysis.md §5).
"""

from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Final

import numpy as np
import numpy.typing as npt
import polars as pl

from workforce_health.surveys.analysis._fast import (
    COMPLEMENTARY,
    PRIMARY,
    SHOWN,
    Reasons,
    fast_reasons,
)
from workforce_health.surveys.analysis._reasons import REASON_COMPLEMENTARY, primary_reason
from workforce_health.surveys.analysis._span import Span, Vector, combine, dependencies

DEFAULT_MIN_GROUP_SIZE: Final = 10
DEFAULT_MIN_GROUP_SIZE_COMMENTS: Final = 20
DEFAULT_MIN_INVITED_FOR_RESPONSE_RATE: Final = 10

Key = tuple[Hashable, ...]


@dataclass(frozen=True)
class DisclosureSettings:
    """A survey wave's thresholds (health-check.md §3.1 "Product rules"); lock after launch."""

    min_group_size: int = DEFAULT_MIN_GROUP_SIZE
    min_group_size_comments: int = DEFAULT_MIN_GROUP_SIZE_COMMENTS
    min_invited_for_response_rate: int = DEFAULT_MIN_INVITED_FOR_RESPONSE_RATE

    def __post_init__(self) -> None:
        if self.min_group_size < 5:
            raise ValueError("min_group_size must be 5 or more")
        if self.min_group_size_comments < max(self.min_group_size, 10):
            raise ValueError("min_group_size_comments must be at least min_group_size and 10")
        if self.min_invited_for_response_rate < 5:
            raise ValueError("min_invited_for_response_rate must be 5 or more")


def _pattern(key: Key) -> frozenset[int]:
    return frozenset(i for i, value in enumerate(key) if value is not None)


def _canonical(key: Key) -> tuple[tuple[bool, str], ...]:
    """A fixed order of keys, so that ties are broken the same way whatever the input order."""
    return tuple((value is None, str(value)) for value in key)


def _lines(keys: Sequence[Key]) -> list[tuple[Key, list[Key]]]:
    """(total, children) for each cell present and each dimension its children vary on."""
    present = set(keys)
    lines: dict[tuple[Key, int], list[Key]] = {}
    for key in keys:
        for i, value in enumerate(key):
            parent = (*key[:i], None, *key[i + 1 :])
            if value is not None and parent in present:
                lines.setdefault((parent, i), []).append(key)
    return [(total, children) for (total, _), children in lines.items()]


def _protect(
    cells: Mapping[Key, int],
    fixed: Mapping[Key, str | None],
    threshold: int,
    unit: str,
    guard: Sequence[Key] = (),
) -> dict[Key, str]:
    """One stage: decide the cells not in `fixed` (key -> reason, or None for shown).

    `guard` (all in `fixed`): one-way and total cells whose hidden ones must stay hidden in
    every combination, not only one by one (rule 4, see `suppression_pattern`)."""
    keys = sorted(cells, key=_canonical)
    index = {k: i for i, k in enumerate(keys)}
    patterns = {k: _pattern(k) for k in keys}
    top = max(patterns.values(), key=len)
    micro = [k for k in keys if patterns[k] == top]
    covering: dict[Key, set[int]] = {k: set() for k in keys}
    for i, m in enumerate(micro):  # each microcell is in one cell of each pattern
        for pattern in set(patterns.values()):
            key = tuple(v if j in pattern else None for j, v in enumerate(m))
            if key in covering:
                covering[key].add(i)
    cover = {k: frozenset(c) for k, c in covering.items()}
    lines = _lines(keys)
    line_mates: dict[Key, set[Key]] = {k: set() for k in keys}
    for total, children in lines:
        for member in (total, *children):
            line_mates[member].update((total, *children))
    hidden: dict[Key, str] = {k: r for k in keys if (r := fixed.get(k)) is not None}
    primary = primary_reason(threshold, unit)
    hidden |= {k: primary for k in keys if k not in fixed and cells[k] < threshold}
    stuck: set[Key] = set()
    banned: set[Key] = set()  # complements shown again by the final check; never re-pick
    published = Span(cover[k] for k in keys if k in fixed and fixed[k] is None)
    guard_hidden = [k for k in sorted(guard, key=_canonical) if fixed[k] is not None]
    guard_shown = Span(cover[k] for k in guard if fixed[k] is None)
    guard_rest = [guard_shown.reduce(cover[k]) for k in guard_hidden]
    guard_given_up = False

    def eligible(key: Key) -> bool:
        """Hideable: not decided by an earlier stage, and not given away by what it fixed."""
        return (
            key not in hidden
            and key not in fixed
            and key not in banned
            and cover[key] not in published
        )

    def span(without: Key | None = None) -> Span:
        return Span(cover[k] for k in keys if k not in hidden and k != without)

    def order(key: Key) -> tuple[int, int, int]:
        return (len(key) - len(patterns[key]), cells[key], index[key])

    def complement(target: Vector, around: Iterable[Key]) -> Key | None:
        """Smallest cell whose hiding frees `target`, preferring the lines of the cells
        `around` it; failing that, the smallest cell in those lines (a later pass adds the
        rest of the cycle)."""
        near = sorted({m for k in around for m in line_mates[k] if eligible(m)}, key=order)
        far = sorted((k for k in keys if eligible(k)), key=order)
        for group in (near, far):
            found = next((m for m in group if target not in span(without=m)), None)
            if found is not None:
                return found
        fallback = near or far
        return fallback[0] if fallback else None

    def margin_leak(shown_span: Span) -> tuple[dict[int, int], list[Key]] | None:
        """A combination of hidden guard cells that the shown cells give but the shown guard
        cells alone do not: (its vector, the guard cells in it), or None."""
        residuals = [shown_span.reduce(cover[k]) for k in guard_hidden]
        for combination in dependencies(residuals):
            if combine(combination, guard_rest):
                vector = combine(combination, [cover[k] for k in guard_hidden])
                return vector, [guard_hidden[i] for i in combination]
        return None

    while True:
        picked: Key | None = None
        for total, children in lines:  # rule 2
            if total in hidden:
                continue
            if sum(cells[c] for c in children if c in hidden) < threshold and any(
                c in hidden for c in children
            ):
                shown = sorted((c for c in children if eligible(c)), key=order)
                picked = shown[0] if shown else (total if eligible(total) else None)
                if picked is not None:
                    break
        if picked is not None:
            hidden[picked] = REASON_COMPLEMENTARY
            continue
        shown_span = span()
        for key in [k for k in hidden if k not in stuck and cover[k] in shown_span]:  # rule 3
            picked = complement(cover[key], [key])
            if picked is not None:
                break
            stuck.add(key)  # given away by fixed cells alone: published elsewhere
        if picked is None and guard_hidden and not guard_given_up:  # rule 4
            leak = margin_leak(shown_span)
            if leak is not None:
                picked = complement(*leak)
                guard_given_up = picked is None
        if picked is not None:
            hidden[picked] = REASON_COMPLEMENTARY
            continue
        # a complement that ended up determined protects nothing: show it and look again
        pointless = [
            k
            for k, r in hidden.items()
            if r == REASON_COMPLEMENTARY and k not in fixed and cover[k] in shown_span
        ]
        if not pointless:
            return {k: r for k, r in hidden.items() if k not in fixed}
        for key in pointless:
            del hidden[key]
            banned.add(key)


def suppression_pattern(
    cells: Mapping[Key, int],
    *,
    threshold: int,
    unit: str = "responses",
    one_way: Iterable[Iterable[int]] | None = None,
) -> dict[Key, str]:
    """Return {key: reason} for every cell to hide (module docstring for keys and rules).

    `one_way`: the patterns (positions of the dimensions a cell fixes) of the one-way tables
    and the total, e.g. {(), (0,), (0, 1), (2,)} when positions 0 and 1 are service and team;
    by default the patterns of at most one position. Every other pattern is a two-way stage,
    which also applies rule 4 to the one-way and total cells within it.
    """
    return _solve(cells, threshold=threshold, unit=unit, one_way=one_way)


def _solve(
    cells: Mapping[Key, int],
    *,
    threshold: int,
    unit: str,
    one_way: Iterable[Iterable[int]] | None,
) -> dict[Key, str]:
    """`suppression_pattern`, for `decide`."""
    if not cells:
        return {}
    patterns = {_pattern(k) for k in cells}
    settled = (
        {p for p in patterns if len(p) <= 1} if one_way is None else {frozenset(p) for p in one_way}
    )
    decided: dict[Key, str | None] = {}
    for stage in sorted(patterns, key=lambda p: (len(p), sorted(p))):
        part = {k: n for k, n in cells.items() if _pattern(k) <= stage}
        fixed = {k: decided[k] for k in part if k in decided}
        if all(r is None for r in fixed.values()) and all(
            n >= threshold for k, n in part.items() if k not in fixed
        ):
            # Nothing hidden and nothing below the threshold: no rule can hide anything (rule 2
            # needs a hidden child, 3 a hidden cell, 4 a hidden guard cell). Everything shown.
            decided |= dict.fromkeys((k for k in part if k not in fixed), None)
            continue
        guard = [] if stage in settled else [k for k in part if _pattern(k) in settled]
        reasons = _protect(part, fixed, threshold, unit, guard)
        decided |= {k: reasons.get(k) for k in part if k not in fixed}
    return {k: r for k, r in decided.items() if r is not None}


@dataclass(frozen=True)
class Coded:
    """A table as arrays for `decide`: per row its partition (0, 1, ...; one table each), its
    dimension codes (-1 for "all"; codes sort as `labels` do) and its count."""

    part: npt.NDArray[np.int64]
    dims: tuple[npt.NDArray[np.int64], ...]
    labels: tuple[Sequence[Hashable], ...]
    n: npt.NDArray[np.int64]

    def key(self, row: int) -> Key:
        return tuple(
            None if codes[row] < 0 else labels[int(codes[row])]
            for codes, labels in zip(self.dims, self.labels, strict=True)
        )


def decide(
    table: Coded,
    *,
    threshold: int,
    unit: str = "responses",
    one_way: Iterable[Iterable[int]] | None = None,
    closed_form: bool = True,
) -> Reasons:
    """Each row's reason to hide it (SHOWN, PRIMARY or COMPLEMENTARY; `reason_labels` words
    them), every partition a table of its own.

    Tables of the common shapes are decided for all partitions at once in closed form
    (`_fast.fast_reasons`); the others, one at a time by the solver (`_solve`). Both give the
    same result (tests/surveys/analysis/test_suppression_fast_path.py)."""
    settled = None if one_way is None else [tuple(p) for p in one_way]
    rows = len(table.n)
    codes = {primary_reason(threshold, unit): PRIMARY, REASON_COMPLEMENTARY: COMPLEMENTARY}
    order = np.argsort(table.part, kind="stable")
    starts = np.searchsorted(table.part[order], np.arange(int(table.part.max()) + 2 if rows else 1))
    reasons = np.zeros(rows, dtype=np.int8)

    def solve(part: int) -> None:
        members = order[starts[part] : starts[part + 1]]
        keys = {int(r): table.key(int(r)) for r in members}
        cells = {key: int(table.n[r]) for r, key in keys.items()}
        pattern = _solve(cells, threshold=threshold, unit=unit, one_way=settled)
        for r, key in keys.items():
            reasons[r] = codes[pattern[key]] if key in pattern else SHOWN

    if not closed_form:
        for part in range(len(starts) - 1):
            solve(part)
        return reasons
    nested = settled is not None and frozenset({0, 1}) in {frozenset(p) for p in settled}
    reasons, general = fast_reasons(table.part, table.dims, table.n, threshold, nested)
    for part in np.unique(table.part[general]):
        solve(int(part))
    return reasons


def reason_labels(reasons: Reasons, *, threshold: int, unit: str = "responses") -> pl.Series:
    """`decide`'s reasons in words: null when shown."""
    words = pl.Series(
        [None, primary_reason(threshold, unit), REASON_COMPLEMENTARY], dtype=pl.String
    )
    return words.gather(pl.Series(reasons, dtype=pl.UInt32)).alias("suppressed_reason")


def _coded(
    table: pl.DataFrame, dims: Sequence[str], n_col: str, partition_by: Sequence[str]
) -> Coded:
    if partition_by:
        parts = table.select(partition_by).unique(maintain_order=True).with_row_index("_part")
        part = table.select(partition_by).join(
            parts, on=list(partition_by), how="left", nulls_equal=True, maintain_order="left"
        )["_part"]
    else:
        part = pl.Series(np.zeros(table.height, dtype=np.int64))
    codes, labels = [], []
    for dim in dims:
        values = table[dim]
        present = values.drop_nulls().unique().sort()
        if values.dtype == pl.String:
            code = values.cast(pl.Enum(present)).to_physical().cast(pl.Int64).fill_null(-1)
        else:
            lookup = pl.DataFrame({"v": present}).with_row_index("code")
            code = (
                pl.DataFrame({"v": values})
                .join(lookup, on="v", how="left", maintain_order="left")["code"]
                .cast(pl.Int64)
                .fill_null(-1)
            )
        codes.append(code.to_numpy())
        labels.append(present.to_list())
    return Coded(
        part.cast(pl.Int64).to_numpy(),
        tuple(codes),
        tuple(labels),
        table[n_col].cast(pl.Int64).to_numpy(),
    )


def suppress(
    table: pl.DataFrame,
    *,
    dims: Sequence[str],
    n_col: str = "n",
    threshold: int = DEFAULT_MIN_GROUP_SIZE,
    partition_by: Sequence[str] = (),
    unit: str = "responses",
    one_way: Iterable[Iterable[int]] | None = None,
) -> pl.DataFrame:
    """Add `suppressed` (Boolean) and `suppressed_reason` (String or null) to `table`.

    `dims` are the dimension columns, null meaning "all" (a margin row). Each
    `partition_by` slice (e.g. one item) is a separate table. `n_col` holds counts. See
    `decide` for how tables are solved.
    """
    if table[n_col].null_count():
        raise ValueError(f"{n_col} must be a count without nulls")
    columns = [*partition_by, *dims]
    repeated = (
        table.select(pl.struct(columns).is_duplicated().any()).item()
        if columns
        else table.height > 1
    )
    if repeated:
        raise ValueError(f"suppress: repeated cell in {list(dims)} within a partition")
    closed_form = table[n_col].dtype.is_integer() and all(table[d].dtype == pl.String for d in dims)
    reasons = decide(
        _coded(table, dims, n_col, partition_by),
        threshold=threshold,
        unit=unit,
        one_way=one_way,
        closed_form=closed_form,
    )
    reason_series = reason_labels(reasons, threshold=threshold, unit=unit)
    return table.with_columns(
        reason_series.is_not_null().alias("suppressed"), reason_series.alias("suppressed_reason")
    )


def redact(table: pl.DataFrame, *, keep: Sequence[str]) -> pl.DataFrame:
    """Null every column except `keep` and the suppression flags in suppressed rows."""
    flags = {"suppressed", "suppressed_reason", *keep}
    return table.with_columns(
        pl.when(~pl.col("suppressed")).then(pl.col(c)).alias(c)
        for c in table.columns
        if c not in flags
    )
