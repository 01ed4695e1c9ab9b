"""Input contracts for the analysis engine: validate and parse answers into `Answers`.

Answers arrive long (one row per respondent per item) or wide (one row per respondent, one
column per item); `prepare` and `prepare_wide` parse either into `Answers`, the wide, typed
form every public function works on (docs/survey-analysis.md §1).
"""

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Final

import polars as pl

GROUP_COLUMNS: Final = ("service", "team", "role_group", "tenure_band", "employment_type")
NOT_KNOWN: Final = "Not known"
# Optional partition column: each of its values is a wave analysed on its own (§1 "Many waves").
WAVE: Final = "wave"
RESERVED_COLUMNS: Final = frozenset({*GROUP_COLUMNS, WAVE, "response_id"})

AGREE: Final = "agree"
SCALE_0_10: Final = "scale_0_10"
NUMBER: Final = "number"
CHOICE: Final = "choice"
TEXT: Final = "text"
ITEM_TYPES: Final = frozenset({AGREE, SCALE_0_10, NUMBER, CHOICE, TEXT})

# Answers that count as "not answered" on agree and 0-10 items (health-check.md §2.5, §3.2).
DONT_KNOW_TOKENS: Final = frozenset({"dont_know", "not_applicable"})
# How agree and 0-10 answers are held in `Answers.frame` (Int8, never null).
SKIPPED: Final = -2
DONT_KNOW: Final = -1

_SCALE_RANGE: Final = {AGREE: (1, 5), SCALE_0_10: (0, 10)}
_ITEM_DTYPES: Final = {
    AGREE: pl.Int8,
    SCALE_0_10: pl.Int8,
    NUMBER: pl.Float64,
    CHOICE: pl.String,
    TEXT: pl.String,
}


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
    reserved = sorted(set(items["item_code"].cast(pl.String).to_list()) & RESERVED_COLUMNS)
    if reserved:
        raise ValueError(f"item code(s) {reserved} are reserved for group columns")
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


@dataclass(frozen=True, eq=False)
class Answers:
    """One row per respondent: the optional `wave` column, the five GROUP_COLUMNS (String,
    "Not known" for missing) and one column per item of `items`, named by its code:

      agree, scale_0_10  Int8: the answer (1-5, 0-10), DONT_KNOW (-1) or SKIPPED (-2)
      number             Float64: null when skipped, unparsable or outside min/max
      choice, text       String: the stripped answer, null when empty

    Make it with `prepare` or `prepare_wide`; every public function takes it in place of the
    raw responses, and keeps in `cache` what it computes from it (codes and counts), so many
    results of one wave parse and count its answers once."""

    frame: pl.DataFrame
    items: pl.DataFrame
    cache: dict[object, object] = field(default_factory=dict, repr=False)

    @property
    def partition(self) -> tuple[str, ...]:
        """("wave",) when the answers hold many waves, else ()."""
        return (WAVE,) if WAVE in self.frame.columns else ()

    @property
    def height(self) -> int:
        return self.frame.height

    def codes(self, *types: str) -> list[str]:
        """Item codes of the given types, in the items frame's order."""
        return self.items.filter(pl.col("type").is_in(list(types)))["item_code"].to_list()


def is_prepared(responses: object) -> bool:
    """Whether `responses` is already parsed (`Answers`)."""
    return isinstance(responses, Answers)


def ensure_prepared(responses: "pl.DataFrame | Answers", items: pl.DataFrame) -> Answers:
    """`prepare(responses, items)`, or `responses` as it is when it is already `Answers`.

    So a caller computing many results of one wave parses its answers once: pass the output
    of `prepare` (for the same items) instead of the raw responses to any public function."""
    if isinstance(responses, Answers):
        return responses
    return prepare(responses, items)


def _groups_filled(frame: pl.DataFrame) -> pl.DataFrame:
    return frame.with_columns(
        pl.lit(None, dtype=pl.String).alias(c) for c in GROUP_COLUMNS if c not in frame.columns
    ).with_columns(pl.col(c).cast(pl.String).fill_null(NOT_KNOWN) for c in GROUP_COLUMNS)


def _stripped(column: str) -> pl.Expr:
    text = pl.col(column).cast(pl.String).str.strip_chars()
    return pl.when(text != "").then(text)


def prepare(responses: pl.DataFrame, items: pl.DataFrame) -> Answers:
    """Parse long responses: one row per respondent per item.

    Columns: response_id (one respondent; with `wave`, one respondent of that wave), the
    GROUP_COLUMNS (null or absent -> "Not known"; the same in every row of a respondent),
    item_code, value, and optionally `wave`. Raises ValueError for unknown item codes, a
    repeated (response_id, item_code) pair, a respondent given two different groups, and
    agree/0-10 values that are neither in range, empty nor a don't-know token.
    """
    _require(responses, ["response_id", "item_code", "value"], "responses")
    items = normalise_items(items)
    key = [WAVE, "response_id"] if WAVE in responses.columns else ["response_id"]
    frame = _groups_filled(responses).with_columns(
        pl.col("item_code").cast(pl.String), _stripped("value").alias("value")
    )
    if frame.select(pl.struct(*key, "item_code").is_duplicated().any()).item():
        raise ValueError("responses frame repeats a (response_id, item_code) pair")
    unknown = set(frame["item_code"].unique().to_list()) - set(items["item_code"].to_list())
    if unknown:
        raise ValueError(f"responses use item code(s) not in items: {sorted(unknown)[:5]}")
    people = frame.select(*key, *GROUP_COLUMNS).unique(maintain_order=True)
    if people.select(pl.struct(key).is_duplicated().any()).item():
        raise ValueError("responses frame gives one response_id two different groups")
    wide = (
        frame.pivot(on="item_code", index=key, values="value", aggregate_function=None)
        if frame.height
        else pl.DataFrame(schema={k: frame.schema[k] for k in key})
    )
    return _parse(people.join(wide, on=key, how="left", maintain_order="left"), items)


def prepare_wide(frame: pl.DataFrame, items: pl.DataFrame) -> Answers:
    """Parse wide responses: one row per respondent, a column per item code holding its
    value (text or number; null or absent when not answered), the GROUP_COLUMNS (optional, as
    in `prepare`) and optionally `wave`; a `response_id` column is ignored. Raises as
    `prepare` for unknown columns and invalid agree/0-10 values."""
    items = normalise_items(items)
    unknown = set(frame.columns) - RESERVED_COLUMNS - set(items["item_code"].to_list())
    if unknown:
        raise ValueError(f"responses use item code(s) not in items: {sorted(unknown)[:5]}")
    return _parse(_groups_filled(frame), items)


def _parsed_values(values: pl.Series, item: dict[str, object]) -> tuple[pl.Series, list[str]]:
    """Parse the distinct stripped texts of one item: (parsed values, invalid texts)."""
    kind = str(item["type"])
    texts = pl.DataFrame({"text": values.cast(pl.String)})
    parsed = pl.col("text").cast(pl.Float64, strict=False)
    if kind in _SCALE_RANGE:
        low, high = _SCALE_RANGE[kind]
        token = pl.col("text").str.to_lowercase().is_in(list(DONT_KNOW_TOKENS))
        valid = (parsed == parsed.floor()) & parsed.is_between(low, high)
        out = texts.select(
            pl.when(pl.col("text").is_null())
            .then(SKIPPED)
            .when(token)
            .then(DONT_KNOW)
            .when(valid)
            .then(parsed)
            .cast(pl.Int8)
        ).to_series()
        invalid = texts.filter(out.is_null())["text"].to_list()
        return out, invalid
    if kind == NUMBER:
        inside = parsed.is_finite()
        lowest, highest = item["min_value"], item["max_value"]
        if isinstance(lowest, float):
            inside = inside & (parsed >= lowest)
        if isinstance(highest, float):
            inside = inside & (parsed <= highest)
        return texts.select(pl.when(inside).then(parsed)).to_series(), []
    return texts["text"], []


def _parse(raw: pl.DataFrame, items: pl.DataFrame) -> Answers:
    """`raw`: the partition and GROUP_COLUMNS filled, item columns with raw values. Each item
    takes few distinct answers, so each distinct stripped text is parsed once."""
    partition = [WAVE] if WAVE in raw.columns else []
    columns: list[pl.Series] = []
    invalid: list[tuple[str, str]] = []
    for item in items.iter_rows(named=True):
        code, kind = str(item["item_code"]), str(item["type"])
        dtype = _ITEM_DTYPES[kind]
        if code not in raw.columns:
            texts = pl.Series(code, [None] * raw.height, dtype=pl.String)
        else:
            texts = raw.select(_stripped(code)).to_series()
        distinct = texts.unique()
        parsed, bad = _parsed_values(distinct, item)
        invalid += [(code, text) for text in bad]
        if bad:
            continue
        mapping = pl.DataFrame({"text": distinct, "parsed": parsed.cast(dtype)})
        values = (
            pl.DataFrame({"text": texts})
            .join(mapping, on="text", how="left", nulls_equal=True, maintain_order="left")
            .get_column("parsed")
        )
        columns.append(values.alias(code))
    if invalid:
        raise ValueError(f"Invalid agree/0-10 answers, e.g. {invalid[:5]}")
    frame = raw.select(*partition, *GROUP_COLUMNS).with_columns(columns)
    return Answers(frame, items)
