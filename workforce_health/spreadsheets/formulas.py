"""Formula injection: text that a spreadsheet program would run as a formula, made inert.

A team named `=HYPERLINK("http://evil.example","Team")` (from an HR extract or a survey import)
would otherwise come out of a download as a live formula. Every CSV and XLSX the product writes
passes its cells through here (OWASP's "CSV injection" advice):

- CSV: a text cell beginning with `=`, `+`, `-`, `@`, a tab or a carriage return gets a leading
  apostrophe, which spreadsheet programs show as text and never evaluate;
- XLSX: such a cell is written as a text cell (not a formula) with Excel's "quote prefix", so it
  stays text even when someone edits it; its value is unchanged.

Only text is touched: numbers stay numbers, and text that is just a signed number (`-3.2`,
`+5%`, a change shown with its sign) cannot be a formula and is left as it is.
Pure: no Django.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any, Final

import polars as pl
from openpyxl.cell.cell import Cell
from openpyxl.worksheet.worksheet import Worksheet

FORMULA_STARTS: Final = ("=", "+", "-", "@", "\t", "\r")
_STARTS_PATTERN: Final = r"^[=+\-@\t\r]"
_PLAIN_NUMBER_PATTERN: Final = r"^[+-]?[0-9][0-9,]*(\.[0-9]+)?%?$"
_PLAIN_NUMBER: Final = re.compile(_PLAIN_NUMBER_PATTERN)


def is_formula_like(value: object) -> bool:
    """Text a spreadsheet might evaluate: it begins with a formula character and is not
    simply a signed number."""
    return (
        isinstance(value, str)
        and value.startswith(FORMULA_STARTS)
        and not _PLAIN_NUMBER.match(value)
    )


def csv_cell(value: Any) -> Any:
    """A CSV cell: formula-like text with a leading apostrophe, anything else unchanged."""
    return f"'{value}" if is_formula_like(value) else value


def csv_row(values: Iterable[Any]) -> list[Any]:
    return [csv_cell(value) for value in values]


def csv_frame(frame: pl.DataFrame) -> pl.DataFrame:
    """A frame about to be written as CSV, its text columns' formula-like values neutralised."""
    text = [name for name, dtype in frame.schema.items() if dtype == pl.String]
    return frame.with_columns(
        pl.when(
            pl.col(name).str.contains(_STARTS_PATTERN)
            & ~pl.col(name).str.contains(_PLAIN_NUMBER_PATTERN)
        )
        .then(pl.lit("'") + pl.col(name))
        .otherwise(pl.col(name))
        .alias(name)
        for name in text
    )


def xlsx_text(cell: Cell) -> None:
    """Keep a cell's formula-like text as text (openpyxl would write `=...` as a formula)."""
    if is_formula_like(cell.value):
        cell.data_type = "s"
        cell.quotePrefix = True


def xlsx_append(sheet: Worksheet, values: Iterable[Any]) -> None:
    """`sheet.append(values)`, every formula-like text cell kept as text."""
    sheet.append(list(values))
    for cell in sheet[sheet.max_row]:
        xlsx_text(cell)
