"""Published results: whole-wave and one- or two-way breakdowns, always suppressed.

Every figure that leaves the engine goes through `suppression.decide` (health-check.md
§3.1 "Scope: all outputs"). Margins use null in the dimension column ("all"). With a `wave`
column in the answers, every table is per wave and carries it first.
"""

import itertools
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from typing import Final

import numpy as np
import polars as pl

from workforce_health.surveys.analysis._codes import cached_group_index, column_codes
from workforce_health.surveys.analysis._reasons import primary_reason
from workforce_health.surveys.analysis._tables import Block, grid, stack, to_frame
from workforce_health.surveys.analysis.counts import plan
from workforce_health.surveys.analysis.inputs import (
    GROUP_COLUMNS,
    NOT_KNOWN,
    TEXT,
    WAVE,
    Answers,
    check_dims,
    ensure_prepared,
)
from workforce_health.surveys.analysis.scoring import (
    DEFAULT_ACTUAL_HOURS_ITEM,
    DEFAULT_CONTRACTED_HOURS_ITEM,
    Measure,
    Spec,
    spec,
)
from workforce_health.surveys.analysis.suppression import (
    Coded,
    DisclosureSettings,
    decide,
    reason_labels,
    redact,
    suppress,
)

DEFAULT_SETTINGS: Final = DisclosureSettings()
Keys = tuple[str, ...]


def layout(by: Sequence[str]) -> tuple[Keys, list[Keys]]:
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


def grouping_sets(columns: Sequence[str] = GROUP_COLUMNS) -> list[Keys]:
    """Every grouping set a wave can publish over `columns` (in their order): the union of
    `layout(by)` over every breakdown by at most two of them (a team needs its service)."""
    found: dict[Keys, None] = {}
    for size in (0, 1, 2):
        for by in itertools.combinations(columns, size):
            if "team" in by and "service" not in columns:
                continue
            for keys in layout(by)[1]:
                found[tuple(c for c in columns if c in keys)] = None
    return list(found)


def _blocks_of(keys: Sequence[str]) -> list[Keys]:
    """The parts of a grouping set whose values combine freely: a team only with its service."""
    blocks: list[Keys] = [("service", "team")] if {"service", "team"} <= set(keys) else []
    return blocks + [(d,) for d in keys if not any(d in b for b in blocks)]


def missing_combinations(
    groups: pl.DataFrame, present: pl.DataFrame, keys: Sequence[str], *, within: Sequence[str]
) -> pl.DataFrame:
    """The combinations of grouping set `keys` a breakdown lists but `present` lacks: every
    combination of the values (in `groups`) of its blocks, within each value of `within` (the
    wave). Empty cells are then suppressed like small ones, so a reader cannot tell them apart
    and use known zeros to subtract (§3.1); teams stay within their own service. A set of one
    block has every value present already, so only two-way sets get any."""
    blocks = _blocks_of(keys)
    columns = [*within, *keys]
    if len(blocks) < 2:
        return present.select(columns).clear()
    combos = groups.select(*within, *blocks[0]).unique()
    for block in blocks[1:]:
        values = groups.select(*within, *block).unique()
        combos = (
            combos.join(values, on=list(within)) if within else combos.join(values, how="cross")
        )
    return combos.select(columns).join(present.select(columns), on=columns, how="anti")


def _empty(answers: Answers, measure: Spec, keys: Keys) -> Block | None:
    """Zero rows for the combinations of `keys` (partition first) with no respondent."""
    if len(_blocks_of(keys[len(answers.partition) :])) < 2:
        return None
    codes = {k: column_codes(answers, k).codes for k in keys}
    groups = pl.DataFrame(codes, schema=dict.fromkeys(keys, pl.Int64))
    present = groups.unique()
    part = answers.partition
    missing = missing_combinations(groups, present, keys[len(part) :], within=part)
    if not missing.height:
        return None
    entries = measure.entries.height
    group_codes, entry = grid(missing.select(keys).to_numpy(), keys, entries)
    rows = missing.height * entries
    values = {
        name: np.zeros(rows, dtype=np.int64)
        if dtype == pl.Int64
        else np.full(rows, np.nan, dtype=np.float64)
        for name, dtype in measure.figures
    }
    return Block(group_codes, entry, values)


def _breakdown(answers: Answers, measure: Spec, by: Sequence[str], threshold: int) -> pl.DataFrame:
    dims, sets = layout(by)
    part = answers.partition
    blocks = [measure.block((*part, *keys)) for keys in sets]
    blocks += [b for keys in sets if (b := _empty(answers, measure, (*part, *keys)))]
    stacked = stack([measure.answered(answers)(b) for b in blocks], (*part, *dims))
    entries = max(measure.entries.height, 1)
    coded = Coded(
        stacked.entry + (stacked.keys[WAVE] * entries if part else 0),
        tuple(stacked.keys[d] for d in dims),
        tuple(column_codes(answers, d).labels.to_list() for d in dims),
        stacked.values("n").astype(np.int64),
    )

    decided = decide(coded, threshold=threshold, one_way=one_way_patterns(dims, sets))
    reasons = reason_labels(decided, threshold=threshold)
    frame = to_frame(
        answers,
        stacked,
        entries=measure.entries,
        figures=measure.figures,
        partition=part,
        entry_first=True,
        extra=[reasons.is_not_null().alias("suppressed"), reasons],
    )
    return redact(measure.finish(frame), keep=[*part, *dims, *measure.entries.columns])


def breakdown_many(
    responses: pl.DataFrame | Answers,
    items: pl.DataFrame,
    *,
    by: Sequence[Sequence[str]],
    measure: Measure | Sequence[Measure] = "items",
    settings: DisclosureSettings = DEFAULT_SETTINGS,
    contracted_item: str = DEFAULT_CONTRACTED_HOURS_ITEM,
    actual_item: str = DEFAULT_ACTUAL_HOURS_ITEM,
) -> list[pl.DataFrame]:
    """`breakdown` of each measure (one, or several in order) by each of `by`: for two
    measures and three breakdowns, six tables, the first measure's three first. The answers
    are counted in as few passes as possible, and the tables are built on every core, the
    largest (those with teams) first; a measure is prepared (its respondents' scores, say) by
    the first of its tables to start, while the other core builds another measure's tables."""
    answers = ensure_prepared(responses, items)
    measures: list[Measure] = [measure] if isinstance(measure, str) else list(measure)
    part = answers.partition
    if {"items", "enps"} & set(measures):
        plan(answers, [(*part, *keys) for b in by for keys in layout(b)[1]])
    locks = {m: threading.Lock() for m in measures}

    def one(m: Measure, b: Keys) -> pl.DataFrame:
        with locks[m]:  # each measure's spec once, by the first of its tasks to start
            found = spec(answers, m, contracted_item=contracted_item, actual_item=actual_item)
        return _breakdown(answers, found, b, settings.min_group_size)

    tasks = [(m, tuple(b)) for m in measures for b in by]
    # Both cores: on one, the NHS-scale analysis misses its 2 s target (docs/performance.md,
    # "What the machinery pays for").
    if len(tasks) < 2 or pl.thread_pool_size() < 2:
        return [one(m, b) for m, b in tasks]
    largest_first = sorted(range(len(tasks)), key=lambda i: -len(layout(tasks[i][1])[1]))
    with ThreadPoolExecutor(max_workers=pl.thread_pool_size()) as pool:  # numpy and polars
        futures = {i: pool.submit(one, *tasks[i]) for i in largest_first}
        tables = {i: future.result() for i, future in futures.items()}
    return [tables[i] for i in range(len(tasks))]


def breakdown(
    responses: pl.DataFrame | Answers,
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
    every figure, n included, is null. `responses` may be raw or `Answers` (used as they
    are), so many breakdowns of one wave parse and count its answers once.
    """
    return breakdown_many(
        responses,
        items,
        by=[by],
        measure=measure,
        settings=settings,
        contracted_item=contracted_item,
        actual_item=actual_item,
    )[0]


def _respondents(responses: pl.DataFrame | Answers) -> pl.DataFrame:
    """One row per respondent with its partition and group columns ("Not known" when
    missing)."""
    if isinstance(responses, Answers):
        return responses.frame.select(*responses.partition, *GROUP_COLUMNS)
    part = [WAVE] if WAVE in responses.columns else []
    frame = responses.with_columns(
        pl.lit(None, dtype=pl.String).alias(c) for c in GROUP_COLUMNS if c not in responses.columns
    )
    return frame.group_by(*part, "response_id", maintain_order=True).agg(
        pl.col(c).cast(pl.String).fill_null(NOT_KNOWN).first() for c in GROUP_COLUMNS
    )


def _as_whole(
    table: pl.DataFrame, *, dims: Keys, part: list[str], groups_equal_to_whole: bool
) -> pl.DataFrame:
    """Add `_whole`: the row is the whole wave (every dimension "all") or, with
    `groups_equal_to_whole`, a group with the same invited and responded counts as the whole
    wave (of its partition), which shows nothing the whole wave does not."""
    margin = pl.all_horizontal([pl.col(d).is_null() for d in dims]) if dims else pl.lit(True)
    if not groups_equal_to_whole:
        return table.with_columns(margin.alias("_whole"))
    totals = table.filter(margin).select(
        *part, pl.col("invited").alias("_all_invited"), pl.col("responded").alias("_all_responded")
    )
    joined = (
        table.join(totals, on=part, how="left", maintain_order="left")
        if part
        else table.join(totals, how="cross", maintain_order="left")
    )
    covering = (pl.col("invited") == pl.col("_all_invited")) & (
        pl.col("responded") == pl.col("_all_responded")
    )
    return joined.with_columns((margin | covering.fill_null(False)).alias("_whole")).drop(
        "_all_invited", "_all_responded"
    )


def response_rates(
    responses: pl.DataFrame | Answers,
    invited: pl.DataFrame,
    *,
    by: Sequence[str] = (),
    settings: DisclosureSettings = DEFAULT_SETTINGS,
    groups_equal_to_whole: bool = False,
) -> pl.DataFrame:
    """Responded ÷ invited by zero, one or two group columns (health-check.md §2.6).

    `invited` has the `layout(by)` columns (null -> "Not known"), an integer `invited` count,
    at any finer grain, and the `wave` column when the responses have one. Columns: the
    layout(by) columns, invited, responded, response_rate (0-100), suppressed,
    suppressed_reason. A group is hidden when fewer than
    `settings.min_invited_for_response_rate` were invited (reason "fewer than 10 invited")
    or fewer than `settings.min_group_size` responded ("fewer than 10 responses"; not the
    whole wave, whose count of responses is known), with complementary suppression on the
    respondents (a group hidden for its invited count counts as small); responses from a
    group with no invited count give invited 0 (hidden). `groups_equal_to_whole`, for a
    reader who sees the whole wave's count: a group with everyone invited and every response
    (a one-service wave's service) is shown as the whole wave is.
    `responses` may be raw or `Answers`.
    """
    dims, sets = layout(by)
    people = _respondents(responses)
    part = [WAVE] if WAVE in people.columns else []
    if "invited" not in invited.columns or any(c not in invited.columns for c in [*part, *dims]):
        raise ValueError(f"invited frame needs columns {[*part, *dims, 'invited']}")
    staff = invited.with_columns(pl.col(d).cast(pl.String).fill_null(NOT_KNOWN) for d in dims)
    parts = []
    groups = pl.concat([staff.select(*part, *dims), people.select(*part, *dims)])
    for keys in sets:
        on = [*part, *keys]
        asked = (
            staff.group_by(on).agg(pl.col("invited").sum())
            if on
            else staff.select(pl.col("invited").sum())
        )
        came = (
            people.group_by(on).agg(pl.len().alias("responded"))
            if on
            else people.select(pl.len().alias("responded"))
        )
        joined = (
            asked.join(came, on=on, how="full", coalesce=True)
            if on
            else pl.concat([asked, came], how="horizontal")
        )
        joined = pl.concat(
            [joined, missing_combinations(groups, joined, keys, within=part)], how="diagonal"
        )
        parts.append(
            joined.with_columns(
                pl.lit(None, dtype=pl.String).alias(d) for d in dims if d not in keys
            ).select(
                *part,
                *dims,
                pl.col("invited").cast(pl.Int64).fill_null(0),
                pl.col("responded").cast(pl.Int64).fill_null(0),
            )
        )
    few_invited = pl.col("invited") < settings.min_invited_for_response_rate
    responses_needed = settings.min_group_size
    # The whole wave's count of responses is no secret (the wave's page shows it as it comes
    # in), so its rate needs only enough invited.
    table = _as_whole(
        pl.concat(parts), dims=dims, part=part, groups_equal_to_whole=groups_equal_to_whole
    )
    whole = pl.col("_whole")
    table = table.with_columns(
        pl.when(pl.col("invited") > 0)
        .then(100.0 * pl.col("responded") / pl.col("invited"))
        .alias("response_rate"),
        pl.when(few_invited)
        .then(pl.min_horizontal("responded", pl.lit(responses_needed - 1)))
        .when(whole)
        .then(pl.max_horizontal("responded", pl.lit(responses_needed)))
        .otherwise(pl.col("responded"))
        .alias("_size"),
    )
    flagged = suppress(
        table,
        dims=dims,
        n_col="_size",
        threshold=responses_needed,
        partition_by=part,
        one_way=one_way_patterns(dims, sets),
    ).with_columns(
        pl.when(few_invited & (pl.col("suppressed_reason") == primary_reason(responses_needed)))
        .then(pl.lit(primary_reason(settings.min_invited_for_response_rate, "invited")))
        .otherwise(pl.col("suppressed_reason"))
        .alias("suppressed_reason")
    )
    return redact(flagged.drop("_size", "_whole"), keep=[*part, *dims]).sort(
        [*part, *dims], nulls_last=True, maintain_order=True
    )


def _sizes(answers: Answers) -> Callable[[Keys], Block]:
    """The block of respondents per group of a grouping set (a comment group's size)."""

    def block(keys: Keys) -> Block:
        index = cached_group_index(answers, keys)
        group_codes, entry = grid(index.groups, index.keys, 1)
        respondents = np.bincount(index.of_row, minlength=index.size).astype(np.int64)
        return Block(group_codes, entry, {"n": respondents})

    return block


def _group_sizes(answers: Answers, by: Sequence[str], threshold: int) -> pl.DataFrame:
    """Respondents per group of `layout(by)` (partition first), suppressed at `threshold`:
    the layout columns, respondents, suppressed, suppressed_reason."""
    sizes = Spec(pl.DataFrame({"group": ["respondents"]}), (("n", pl.Int64),), _sizes(answers))
    table = _breakdown(answers, sizes, by, threshold)
    return table.drop("group").rename({"n": "respondents"})


def respondent_counts(
    responses: pl.DataFrame | Answers,
    items: pl.DataFrame,
    *,
    by: Sequence[str] = (),
    settings: DisclosureSettings = DEFAULT_SETTINGS,
) -> pl.DataFrame:
    """How many responded in each group of `layout(by)`, suppressed as every other figure is
    (`settings.min_group_size`, complementary suppression): the layout columns, respondents,
    suppressed, suppressed_reason. For a wave whose invited counts are unknown (an import),
    the number of respondents is all a group's response rate can say."""
    return _group_sizes(ensure_prepared(responses, items), by, settings.min_group_size)


def comments(
    responses: pl.DataFrame | Answers,
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
    `Answers`.
    """
    answers = ensure_prepared(responses, items)
    dims, sets = layout(by)
    part = answers.partition
    sizes = _group_sizes(answers, by, settings.min_group_size_comments)
    shown = sizes.filter(~pl.col("suppressed"))
    codes = answers.codes(TEXT)
    texts = (
        pl.concat(
            [
                answers.frame.select(
                    *part,
                    *GROUP_COLUMNS,
                    pl.lit(code).alias("item_code"),
                    pl.col(code).alias("comment"),
                ).drop_nulls("comment")
                for code in codes
            ]
        )
        if codes
        else pl.DataFrame(
            schema={
                **{c: answers.frame.schema[c] for c in (*part, *GROUP_COLUMNS)},
                "item_code": pl.String,
                "comment": pl.String,
            }
        )
    )
    pieces = []
    for keys in sets:
        piece = texts.select(
            *part,
            *[pl.col(d) if d in keys else pl.lit(None, dtype=pl.String).alias(d) for d in dims],
            "item_code",
            "comment",
        )
        on = [*part, *dims]
        pieces.append(
            piece.join(shown.select(on), on=on, how="semi", nulls_equal=True, maintain_order="left")
            if on
            else piece.filter(pl.lit(shown.height > 0))
        )
    result = pl.concat(pieces)
    return result.sample(fraction=1.0, shuffle=True, seed=seed).sort(
        [*part, *dims, "item_code"], nulls_last=True, maintain_order=True
    )
