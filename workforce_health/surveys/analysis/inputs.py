"""Input contracts for the analysis engine: validate and normalise responses and items.

Responses arrive long (one row per respondent per item); see docs/survey-analysis.md §1.
"""

from collections.abc import Sequence
from typing import Final

import polars as pl

GROUP_COLUMNS: Final = ("service", "team", "role_group", "tenure_band", "employment_type")
NOT_KNOWN: Final = "Not known"

AGREE: Final = "agree"
SCALE_0_10: Final = "scale_0_10"
NUMBER: Final = "number"
CHOICE: Final = "choice"
TEXT: Final = "text"
ITEM_TYPES: Final = frozenset({AGREE, SCALE_0_10, NUMBER, CHOICE, TEXT})

# Answers that count as "not answered" on agree and 0-10 items (health-check.md §2.5, §3.2).
DONT_KNOW_TOKENS: Final = frozenset({"dont_know", "not_applicable"})

_SCALE_RANGE: Final = {AGREE: (1, 5), SCALE_0_10: (0, 10)}


def _require(frame: pl.DataFrame, columns: Sequence[str], name: str) -> None:
    missing = [column for column in columns if column not in frame.columns]
    if missing:
        raise ValueError(f"{name} frame lacks column(s): {', '.join(missing)}")


def check_dims(by: Sequence[str], *, max_dims: int = 2) -> tuple[str, ...]:
    """Return `by` as a tuple, or raise if it names an unknown group column or too many."""
    dims = tuple(by)
    unknown = [dim for dim in dims if dim not in GROUP_COLUMNS]
    if unknown:
        raise ValueError(f"Unknown group column(s) {unknown}; use {', '.join(GROUP_COLUMNS)}")
    if len(set(dims)) != len(dims) or len(dims) > max_dims:
        raise ValueError(f"Give at most {max_dims} distinct group columns, not {list(dims)}")
    return dims


def normalise_items(items: pl.DataFrame) -> pl.DataFrame:
    """Items with every optional column present and typed."""
    _require(items, ["item_code", "type"], "items")
    if items["item_code"].is_duplicated().any():
        raise ValueError("items frame repeats an item_code")
    bad_types = set(items["type"].unique().to_list()) - ITEM_TYPES
    if bad_types:
        raise ValueError(f"Unknown item type(s) {sorted(map(str, bad_types))}")
    defaults: dict[str, pl.Expr] = {
        "standard": pl.lit(None, dtype=pl.String),
        "theme": pl.lit(None, dtype=pl.String),
        "reverse": pl.lit(False),
        "headline": pl.lit(False),
        "min_value": pl.lit(None, dtype=pl.Float64),
        "max_value": pl.lit(None, dtype=pl.Float64),
    }
    return items.with_columns(
        [expr.alias(name) for name, expr in defaults.items() if name not in items.columns]
    ).with_columns(
        pl.col("item_code").cast(pl.String),
        pl.col("standard", "theme").cast(pl.String),
        pl.col("reverse", "headline").cast(pl.Boolean).fill_null(False),
        pl.col("min_value", "max_value").cast(pl.Float64),
    )


def _repeats_pair(frame: pl.DataFrame) -> bool:
    """Whether a (response_id, item_code) pair occurs twice: hashes first, exact if they clash."""
    pair = pl.struct("response_id", "item_code")
    if not frame.select(pair.hash().is_duplicated().any()).item():
        return False
    return bool(frame.select(pair.is_duplicated().any()).item())


PREPARED_COLUMNS: Final = (
    *GROUP_COLUMNS,
    "response_id",
    "item_code",
    "type",
    "standard",
    "theme",
    "reverse",
    "answer",
    "dont_know",
    "number",
    "text",
)


def is_prepared(frame: pl.DataFrame) -> bool:
    """Whether `frame` is already the output of `prepare`: its columns, and no raw `value`."""
    return "value" not in frame.columns and all(c in frame.columns for c in PREPARED_COLUMNS)


def ensure_prepared(responses: pl.DataFrame, items: pl.DataFrame) -> pl.DataFrame:
    """`prepare(responses, items)`, or `responses` as it is when it is already prepared.

    So a caller computing many results of one wave parses its answers once: pass the output
    of `prepare` (for the same items) instead of the raw responses to any public function."""
    if is_prepared(responses):
        return responses.select(PREPARED_COLUMNS)
    return prepare(responses, items)


def prepare(responses: pl.DataFrame, items: pl.DataFrame) -> pl.DataFrame:
    """Join responses to items and parse `value` by item type.

    Output columns: the five GROUP_COLUMNS (null or absent -> "Not known"), response_id,
    item_code, type, standard, theme, reverse, and
      answer    Int64   agree code 1-5 or 0-10 rating; null when skipped or don't know
      dont_know Boolean true when the value was one of DONT_KNOW_TOKENS
      number    Float64 number items; null when skipped, unparsable or outside min/max
      text      String  the raw value, stripped; null when empty
    Raises ValueError for unknown item codes, repeated (response_id, item_code) pairs and
    agree/0-10 values that are neither in range, null nor a don't-know token.
    """
    _require(responses, ["response_id", "item_code", "value"], "responses")
    items = normalise_items(items)
    frame = responses.with_columns(
        [
            pl.lit(None, dtype=pl.String).alias(c)
            for c in GROUP_COLUMNS
            if c not in responses.columns
        ]
    ).with_columns(
        *[pl.col(c).cast(pl.String).fill_null(NOT_KNOWN) for c in GROUP_COLUMNS],
        pl.col("item_code").cast(pl.String),
        pl.col("value").cast(pl.String).str.strip_chars().alias("text"),
    )
    if _repeats_pair(frame):
        raise ValueError("responses frame repeats a (response_id, item_code) pair")
    unknown = set(frame["item_code"].unique().to_list()) - set(items["item_code"].to_list())
    if unknown:
        raise ValueError(f"responses use item code(s) not in items: {sorted(unknown)[:5]}")

    frame = frame.join(
        items.select("item_code", "type", "standard", "theme", "reverse", "min_value", "max_value"),
        on="item_code",
        how="left",
    ).with_columns(pl.col("text").replace("", None))
    # Answers take few distinct texts: parse each once, then join the results back.
    distinct = frame.select(pl.col("text").unique()).with_columns(
        pl.col("text").str.to_lowercase().is_in(list(DONT_KNOW_TOKENS)).alias("_token"),
        pl.col("text").cast(pl.Float64, strict=False).alias("_parsed"),
    )
    frame = frame.join(distinct, on="text", how="left", nulls_equal=True, maintain_order="left")
    parsed = pl.col("_parsed")
    is_scale = pl.col("type").is_in([AGREE, SCALE_0_10])
    low = pl.when(pl.col("type") == AGREE).then(1).otherwise(0)
    high = pl.when(pl.col("type") == AGREE).then(5).otherwise(10)
    frame = frame.with_columns(
        (is_scale & pl.col("_token").fill_null(False)).alias("dont_know"),
        pl.when(is_scale & (parsed == parsed.floor()) & parsed.is_between(low, high))
        .then(parsed.cast(pl.Int64))
        .alias("answer"),
        pl.when(
            (pl.col("type") == NUMBER)
            & ~(parsed < pl.col("min_value")).fill_null(False)
            & ~(parsed > pl.col("max_value")).fill_null(False)
            & parsed.is_finite()
        )
        .then(parsed)
        .alias("number"),
    )
    invalid = frame.filter(
        is_scale & pl.col("text").is_not_null() & ~pl.col("dont_know") & pl.col("answer").is_null()
    )
    if invalid.height:
        examples = invalid.select("item_code", "text").unique().head(5).rows()
        raise ValueError(f"Invalid agree/0-10 answers, e.g. {examples}")
    return frame.select(PREPARED_COLUMNS)
