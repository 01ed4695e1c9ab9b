"""Disclosure control in closed form for the common table shapes, all partitions at once.

`suppression.suppress` uses these for the tables they cover and the general solver for the
rest; each closed form is what the solver decides (the reasoning is given with each, and
tests/unit/surveys/test_suppression_fast_path.py compares them with the solver).
"""

from collections.abc import Sequence

import polars as pl

from workforce_health.surveys.analysis._reasons import REASON_COMPLEMENTARY, primary_reason


def one_level(
    children: pl.DataFrame, line: Sequence[str], key: str, threshold: int, unit: str
) -> pl.DataFrame:
    """Rules 1-2 in closed form on lines (a shown total and its children; `line` names the
    total, `key` the child): hide the children below the threshold; if any is hidden and the
    hidden ones hold fewer than the threshold, also hide the smallest shown children, in the
    solver's order (n, then the key), until they reach it. Returns _row and _reason.

    This is what `_protect` decides for such a line when the total is fixed and shown, the line
    has at least two children (or none below the threshold), and no other cell of the stage
    shares a microcell with it: rule 2 hides exactly these; then at least two children of the
    line are hidden or none, so rule 3 finds no hidden child determined (the shown cells give
    only the sum of the hidden ones), rule 4 has no hidden guard cell, and no complement is
    determined, so none is shown again (tests/unit/surveys/test_suppression_fast_path.py)."""
    small = pl.col("_n") < threshold
    shown_n = pl.when(small).then(0).otherwise(pl.col("_n"))
    return (
        children.sort([*line, "_n", key], nulls_last=True, maintain_order=True)
        .with_columns(
            small.alias("_small"),
            small.any().over(line).alias("_any"),
            pl.when(small).then(pl.col("_n")).otherwise(0).sum().over(line).alias("_hidden"),
            (shown_n.cum_sum().over(line) - shown_n).alias("_before"),
        )
        .select(
            "_row",
            pl.when(pl.col("_small"))
            .then(pl.lit(primary_reason(threshold, unit)))
            .when(pl.col("_any") & (pl.col("_hidden") + pl.col("_before") < threshold))
            .then(pl.lit(REASON_COMPLEMENTARY))
            .otherwise(pl.lit(None, dtype=pl.String))
            .alias("_reason"),
        )
    )


def _in(columns: Sequence[str], found: pl.DataFrame) -> pl.Expr:
    """Whether a row's `columns` are one of the rows of `found` (nulls equal)."""
    if not found.height:
        return pl.lit(False)
    return pl.struct(columns).is_in(found.select(pl.struct(columns)).to_series().implode())


def fast_reasons(
    frame: pl.DataFrame,
    dims: Sequence[str],
    threshold: int,
    unit: str,
    part: Sequence[str],
    nested_settled: bool,
) -> pl.DataFrame:
    """Decide the tables (one `part` value each) of `frame` (_row, the `part` columns, `dims`,
    integer _n) that have a closed form, all at once. Returns _row, _reason, _general (the
    row's table needs the general solver) and _reduced (the row's table is two dimensions
    nested with some (a,) cell hidden, and the row belongs to its reduced table: the total,
    the (a,) cells and the (a, b) cells of the hidden (a,) cells; `suppress` solves that).

    Closed forms, each what `suppression_pattern` decides (the reasoning is given inline;
    tests/unit/surveys/test_suppression_fast_path.py compares them with the solver):

    - no cell below the threshold: every cell shown (no rule can start: rule 2 needs a hidden
      child, rule 3 a hidden cell, rule 4 a hidden guard cell);
    - no dimension: one cell, hidden when below the threshold;
    - one dimension, one total of at least the threshold: `one_level` on its children;
    - two dimensions nested (cells (a, b), (a,) and the total, none of pattern (b,); e.g.
      teams within services), a total of at least the threshold, every (a, b) cell's (a,) cell
      present and every (a,) cell with a (a, b) cell: the (a,) stage is `one_level` on the
      (a,) cells; then, in the (a, b) stage, each shown (a,) cell's line is `one_level` (its
      shown total separates it from every other cell: no combination of shown cells that gives
      a cell outside the line changes by hiding a cell in it, nor the reverse). When some (a,)
      cells are hidden and the (a, b) stage is one-way (no rule 4), the rest (the total, the
      (a,) cells and the (a, b) cells of hidden (a,) cells) is a reduced table solved by the
      general solver, which decides the same as on the whole table unless a complement is
      found in none of its cell's lines (then the solver would pick among all cells: traced,
      and the whole table is solved again).
    A line with a single child below the threshold (whose cover is its total's) goes to the
    general solver."""
    small = pl.col("_n") < threshold
    small_any = small.any().over(part)
    if not dims:
        return frame.select(
            "_row",
            pl.when(small)
            .then(pl.lit(primary_reason(threshold, unit)))
            .otherwise(pl.lit(None, dtype=pl.String))
            .alias("_reason"),
            pl.lit(False).alias("_general"),
            pl.lit(False).alias("_reduced"),
        )
    frame = frame.with_columns(
        small_any.alias("_small_any"),
        *[pl.col(d).is_not_null().alias(f"_has{i}") for i, d in enumerate(dims)],
    )
    total = pl.all_horizontal([~pl.col(f"_has{i}") for i in range(len(dims))])
    general = ~total.any().over(part) | (total & small).any().over(part)
    reduced: pl.Expr = pl.lit(False)
    if len(dims) == 1:
        children = frame.filter(pl.col("_has0"))
        lines = children.group_by(part).agg(
            pl.len().alias("_children"), (pl.col("_n") < threshold).any().alias("_small")
        )
        single = lines.filter((pl.col("_children") < 2) & pl.col("_small")).select(part)
        general = general | _in(part, single)
        reasons = one_level(children, part, dims[0], threshold, unit)
    elif len(dims) == 2:
        top = pl.col("_has0") & ~pl.col("_has1")
        child = pl.col("_has0") & pl.col("_has1")
        general = general | (~pl.col("_has0") & pl.col("_has1")).any().over(part)
        line = [*part, dims[0]]
        parents = frame.filter(top)
        services = one_level(parents, part, dims[0], threshold, unit)
        parents = parents.select("_row", *line).join(services, on="_row")
        children = frame.filter(child).join(
            parents.select(
                *line, pl.col("_reason").alias("_parent_reason"), pl.lit(True).alias("_parent")
            ),
            on=line,
            how="left",
            nulls_equal=True,
        )
        lines = children.group_by(line).agg(
            pl.len().alias("_children"),
            (pl.col("_n") < threshold).any().alias("_small"),
            pl.col("_parent").is_null().any().alias("_orphan"),
            pl.col("_parent_reason").first().is_not_null().alias("_hidden"),
        )
        bad = lines.filter(
            pl.col("_orphan") | ((pl.col("_children") < 2) & pl.col("_small") & ~pl.col("_hidden"))
        ).select(part)
        childless = parents.join(lines, on=line, how="anti", nulls_equal=True).select(part)
        tops = (
            frame.filter(top)
            .group_by(part)
            .agg(pl.len().alias("_count"), (pl.col("_n") < threshold).any().alias("_small"))
        )
        lonely = tops.filter((pl.col("_count") < 2) & pl.col("_small")).select(part)
        general = general | _in(part, pl.concat([bad, childless, lonely]).unique())
        hidden_lines = parents.filter(pl.col("_reason").is_not_null())
        hidden_parts = hidden_lines.select(part).unique()
        if not nested_settled:
            general = general | _in(part, hidden_parts)
        else:
            reduced = _in(part, hidden_parts) & (total | top | _in(line, hidden_lines.select(line)))
        shown_children = children.filter(pl.col("_parent_reason").is_null())
        reasons = pl.concat(
            [
                services,
                one_level(
                    shown_children.select("_row", *line, dims[1], "_n"),
                    line,
                    dims[1],
                    threshold,
                    unit,
                ),
            ]
        )
    else:
        return frame.select(
            "_row",
            pl.lit(None, dtype=pl.String).alias("_reason"),
            pl.col("_small_any").alias("_general"),
            pl.lit(False).alias("_reduced"),
        )
    return (
        frame.with_columns(general.alias("_general"), reduced.alias("_reduced"))
        .select("_row", "_general", "_reduced", "_small_any")
        .join(reasons, on="_row", how="left")
        .select(
            "_row",
            pl.when(pl.col("_small_any")).then(pl.col("_reason")).alias("_reason"),
            pl.col("_general") & pl.col("_small_any"),
            pl.col("_reduced") & pl.col("_small_any") & ~pl.col("_general"),
        )
    )
