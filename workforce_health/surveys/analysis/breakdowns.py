"""Published results: whole-wave and one- or two-way breakdowns, always suppressed.

Every figure that leaves the engine goes through `suppression.suppress` (health-check.md
§3.1 "Scope: all outputs"). Margins use null in the dimension column ("all").
"""

import itertools
from collections.abc import Callable, Sequence
from functools import partial
from typing import Final, Literal

import polars as pl

from workforce_health.surveys.analysis.inputs import GROUP_COLUMNS, NOT_KNOWN, TEXT, check_dims
from workforce_health.surveys.analysis.inputs import ensure_prepared as prepare_frames
from workforce_health.surveys.analysis.scoring import (
    DEFAULT_ACTUAL_HOURS_ITEM,
    DEFAULT_CONTRACTED_HOURS_ITEM,
    enps_table,
    item_rollup,
    item_table,
    numbers_table,
    standard_rollup,
    standard_table,
)
from workforce_health.surveys.analysis.suppression import DisclosureSettings, redact, suppress

Measure = Literal["items", "standards", "themes", "enps", "numbers"]
Compute = Callable[[pl.DataFrame, Sequence[str]], pl.DataFrame]
DEFAULT_SETTINGS: Final = DisclosureSettings()


def layout(by: Sequence[str]) -> tuple[tuple[str, ...], list[tuple[str, ...]]]:
    """Output columns and grouping sets (the cells and margins) for a breakdown.

    One dimension a: (a,), (); two, a and b: (a, b), (a,), (b,), (). Teams sit within
    services and service totals are published, so any breakdown with "team" also carries
    "service" and its service subtotals (health-check.md §3.1 "parent total minus the shown
    siblings"): team gives (service, team), (service,), (); team and x give
    (service, team, x), (service, team), (service, x), (x,), (service,), (). The
    (service, x) cells are the service-by-x breakdown, so team-by-x is solved inside it.
    """
    dims = check_dims(by)
    if "team" in dims:
        others = tuple(d for d in dims if d not in ("service", "team"))
        full = ("service", "team", *others)
        sets = [
            full,
            ("service", "team"),
            *[("service", o) for o in others],
            *[(o,) for o in others],
            ("service",),
            (),
        ]
        return full, list(dict.fromkeys(sets))
    if len(dims) == 2:
        return dims, [dims, (dims[0],), (dims[1],), ()]
    return dims, [dims, ()] if dims else [()]


def is_one_way(keys: Sequence[str]) -> bool:
    """The total or a one-way table's cells: (), (x,), or teams within services."""
    return len(keys) <= 1 or tuple(keys) == ("service", "team")


def one_way_patterns(dims: Sequence[str], sets: Sequence[Sequence[str]]) -> list[tuple[int, ...]]:
    """Positions in `dims` of the grouping sets that are one-way tables or the total: the
    stages every two-way table keeps as decided (`suppression_pattern(one_way=...)`)."""
    return [tuple(dims.index(d) for d in keys) for keys in sets if is_one_way(keys)]


def grouping_sets(columns: Sequence[str] = GROUP_COLUMNS) -> list[tuple[str, ...]]:
    """Every grouping set a wave can publish over `columns` (in their order): the union of
    `layout(by)` over every breakdown by at most two of them (a team needs its service)."""
    found: dict[tuple[str, ...], None] = {}
    for size in (0, 1, 2):
        for by in itertools.combinations(columns, size):
            if "team" in by and "service" not in columns:
                continue
            for keys in layout(by)[1]:
                found[tuple(c for c in columns if c in keys)] = None
    return list(found)


def rollup(
    frame: pl.DataFrame, dims: Sequence[str], sets: Sequence[Sequence[str]], compute: Compute
) -> pl.DataFrame:
    """Run `compute` for every grouping set and stack the results, null meaning "all"."""
    parts = []
    for keys in sets:
        part = compute(frame, keys).with_columns(
            pl.lit(None, dtype=pl.String).alias(d) for d in dims if d not in keys
        )
        parts.append(part.select(*dims, pl.exclude(*dims)) if dims else part)
    return pl.concat(parts, how="vertical")


def complete(
    table: pl.DataFrame,
    groups: pl.DataFrame,
    dims: Sequence[str],
    sets: Sequence[Sequence[str]],
    *,
    partition: str | None,
    zero: Sequence[str],
) -> pl.DataFrame:
    """Add every combination that exists in `groups` but not in `table`, with `zero` counts 0.

    Empty cells are then suppressed like small ones, so a reader cannot tell them apart and
    use known zeros to subtract (§3.1); teams stay within their own service.
    """
    parts = []
    for keys in sets:
        blocks: list[tuple[str, ...]] = (
            [("service", "team")] if {"service", "team"} <= set(keys) else []
        )
        blocks += [(d,) for d in keys if not any(d in b for b in blocks)]
        combos = pl.DataFrame()
        for block in blocks:
            values = groups.select(block).unique()
            combos = values if combos.width == 0 else combos.join(values, how="cross")
        if partition is not None:
            labels = table.select(partition).unique()
            combos = labels if combos.width == 0 else combos.join(labels, how="cross")
        if combos.width:
            parts.append(
                combos.with_columns(
                    pl.lit(None, dtype=pl.String).alias(d) for d in dims if d not in keys
                )
            )
    if not parts:
        return table
    on = [*dims, *([partition] if partition else [])]
    wanted = pl.concat([p.select(on) for p in parts]).unique()
    missing = wanted.join(table.select(on), on=on, how="anti", nulls_equal=True)
    if not missing.height:
        return table
    filler = missing.with_columns(pl.lit(0, dtype=pl.Int64).alias(c) for c in zero)
    return pl.concat([table, filler], how="diagonal_relaxed")


def _measure(
    measure: Measure, contracted_item: str, actual_item: str
) -> tuple[Compute, str, tuple[str, ...]]:
    """The table function, the partition column and the descriptive columns kept visible."""
    if measure == "items":
        return item_table, "item_code", ("standard", "reverse")
    if measure in ("standards", "themes"):
        key = "standard" if measure == "standards" else "theme"
        return partial(standard_table, key=key), key, ()
    if measure == "enps":
        return enps_table, "item_code", ()
    if measure == "numbers":
        numbers = partial(numbers_table, contracted_item=contracted_item, actual_item=actual_item)
        return numbers, "measure", ()
    raise ValueError(f"Unknown measure {measure!r}")


def breakdown(
    responses: pl.DataFrame,
    items: pl.DataFrame,
    *,
    by: Sequence[str] = (),
    measure: Measure = "items",
    settings: DisclosureSettings = DEFAULT_SETTINGS,
    contracted_item: str = DEFAULT_CONTRACTED_HOURS_ITEM,
    actual_item: str = DEFAULT_ACTUAL_HOURS_ITEM,
) -> pl.DataFrame:
    """Suppressed results by zero, one or two group columns (GROUP_COLUMNS).

    Columns: the `layout(by)` columns (null = all; "team" brings "service"), the measure's
    columns (see `scoring`), suppressed, suppressed_reason. Each item, standard or measure
    is a separate table; a cell is hidden when its n is below `settings.min_group_size`, or
    to protect another cell. Suppressed rows keep only the keys and descriptive columns;
    every figure, n included, is null. `responses` may be raw or the output of `prepare`
    (used as it is), so many breakdowns of one wave parse its answers once.
    """
    dims, sets = layout(by)
    compute, partition, descriptive = _measure(measure, contracted_item, actual_item)
    prepared = prepare_frames(responses, items)
    if measure in ("items", "standards", "themes"):  # one pass for every grouping set
        parts = (
            item_rollup(prepared, dims, sets)
            if measure == "items"
            else standard_rollup(prepared, dims, sets, key=partition)
        )
        computed = dict(zip(sets, parts, strict=True))
        table = rollup(prepared, dims, sets, lambda _, keys: computed[tuple(keys)])
    else:
        table = rollup(prepared, dims, sets, compute)
    if dims:  # list empty groups and combinations too (see `complete`)
        table = complete(table, prepared, dims, sets, partition=partition, zero=["n"])
        table = table.with_columns(
            pl.col(c).drop_nulls().first().over(partition) for c in descriptive
        )
    flagged = suppress(
        table,
        dims=dims,
        threshold=settings.min_group_size,
        partition_by=[partition],
        one_way=one_way_patterns(dims, sets),
    )
    return redact(flagged, keep=[*dims, partition, *descriptive]).sort(
        [partition, *dims], nulls_last=True, maintain_order=True
    )


def _respondents(responses: pl.DataFrame) -> pl.DataFrame:
    """One row per response_id with its group columns ("Not known" when missing)."""
    frame = responses.with_columns(
        pl.lit(None, dtype=pl.String).alias(c) for c in GROUP_COLUMNS if c not in responses.columns
    )
    return frame.group_by("response_id", maintain_order=True).agg(
        pl.col(c).cast(pl.String).fill_null(NOT_KNOWN).first() for c in GROUP_COLUMNS
    )


def response_rates(
    responses: pl.DataFrame,
    invited: pl.DataFrame,
    *,
    by: Sequence[str] = (),
    settings: DisclosureSettings = DEFAULT_SETTINGS,
) -> pl.DataFrame:
    """Responded ÷ invited by zero, one or two group columns (health-check.md §2.6).

    `invited` has the `layout(by)` columns (null -> "Not known") and an integer `invited`
    count, at any finer grain. Columns: the layout(by) columns, invited, responded,
    response_rate (0-100), suppressed, suppressed_reason. Groups with fewer than
    `settings.min_invited_for_response_rate` invited are hidden, with complementary
    suppression; responses from a group with no invited count give invited 0 (hidden).
    `responses` may be raw or the output of `prepare` (only its respondents' groups are used).
    """
    dims, sets = layout(by)
    if "invited" not in invited.columns or any(d not in invited.columns for d in dims):
        raise ValueError(f"invited frame needs columns {[*dims, 'invited']}")
    staff = invited.with_columns(pl.col(d).cast(pl.String).fill_null(NOT_KNOWN) for d in dims)
    people = _respondents(responses)
    parts = []
    for keys in sets:
        asked = (
            staff.group_by(list(keys)).agg(pl.col("invited").sum())
            if keys
            else (staff.select(pl.col("invited").sum()))
        )
        came = (
            people.group_by(list(keys)).agg(pl.len().alias("responded"))
            if keys
            else (people.select(pl.len().alias("responded")))
        )
        joined = (
            asked.join(came, on=list(keys), how="full", coalesce=True)
            if keys
            else pl.concat([asked, came], how="horizontal")
        )
        parts.append(
            joined.with_columns(
                pl.lit(None, dtype=pl.String).alias(d) for d in dims if d not in keys
            ).select(
                *dims,
                pl.col("invited").cast(pl.Int64).fill_null(0),
                pl.col("responded").cast(pl.Int64).fill_null(0),
            )
        )
    table = pl.concat(parts)
    if dims:  # list empty groups and combinations too (see `complete`)
        groups = pl.concat([staff.select(dims), people.select(dims)])
        table = complete(table, groups, dims, sets, partition=None, zero=["invited", "responded"])
    table = table.with_columns(
        pl.when(pl.col("invited") > 0)
        .then(100.0 * pl.col("responded") / pl.col("invited"))
        .alias("response_rate")
    )
    flagged = suppress(
        table,
        dims=dims,
        n_col="invited",
        threshold=settings.min_invited_for_response_rate,
        unit="invited",
        one_way=one_way_patterns(dims, sets),
    )
    return redact(flagged, keep=dims).sort(list(dims), nulls_last=True, maintain_order=True)


def comments(
    responses: pl.DataFrame,
    items: pl.DataFrame,
    *,
    by: Sequence[str] = (),
    settings: DisclosureSettings = DEFAULT_SETTINGS,
    seed: int = 0,
) -> pl.DataFrame:
    """Free-text answers for groups that may show them (health-check.md §3.1, §3.8).

    A group shows comments only if it has at least `settings.min_group_size_comments`
    respondents and is not hidden to protect another group (the same complementary rules,
    so one group's comments cannot be found by set difference). Comments are shuffled
    with `seed` within each group and item; no respondent id or date is returned.
    Columns: layout(by) columns (null = all), item_code, comment. `responses` may be raw or
    the output of `prepare`.
    """
    dims, sets = layout(by)
    prepared = prepare_frames(responses, items)

    def sizes(frame: pl.DataFrame, keys: Sequence[str]) -> pl.DataFrame:
        if not keys:
            return frame.select(pl.col("response_id").n_unique().cast(pl.Int64).alias("n"))
        return frame.group_by(list(keys)).agg(
            pl.col("response_id").n_unique().cast(pl.Int64).alias("n")
        )

    table = rollup(prepared, dims, sets, sizes)
    if dims:
        table = complete(table, prepared, dims, sets, partition=None, zero=["n"])
    groups = suppress(
        table,
        dims=dims,
        threshold=settings.min_group_size_comments,
        one_way=one_way_patterns(dims, sets),
    ).filter(~pl.col("suppressed"))
    texts = prepared.filter((pl.col("type") == TEXT) & pl.col("text").is_not_null())
    parts = []
    for keys in sets:
        part = texts.select(
            *[pl.col(d) if d in keys else pl.lit(None, dtype=pl.String).alias(d) for d in dims],
            "item_code",
            pl.col("text").alias("comment"),
        )
        parts.append(
            part.join(groups.select(dims), on=list(dims), nulls_equal=True)
            if dims
            else part.filter(pl.lit(groups.height > 0))
        )
    result = pl.concat(parts)
    return result.sample(fraction=1.0, shuffle=True, seed=seed).sort(
        [*dims, "item_code"], nulls_last=True, maintain_order=True
    )
