"""Data tables shown on pages and downloaded as CSV or XLSX from one definition.

Cells hold raw numbers; each column says how to show them (``format_rate`` to 1 dp,
``format_count`` to whole numbers), so the page and the CSV show the same text and the XLSX
holds the same values as numbers, rounded half up in the same way. Text that a spreadsheet
would run as a formula is made inert in both (``spreadsheets.formulas``).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Literal

from django.http import HttpResponse
from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.worksheet.worksheet import Worksheet

from workforce_health.rounding import format_count, format_rate, round_half_up
from workforce_health.spreadsheets.formulas import csv_row, xlsx_append

Kind = Literal["text", "rate", "count"]


@dataclass(frozen=True)
class Number:
    """A cell shown differently from its column, e.g. a count in a column of rates."""

    value: int | float | Decimal | None
    kind: Kind


Value = str | int | float | Decimal | Number | None
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@dataclass(frozen=True)
class Column:
    header: str
    kind: Kind = "text"

    @property
    def numeric(self) -> bool:
        return self.kind != "text"


@dataclass(frozen=True)
class Cell:
    text: str
    numeric: bool


@dataclass(frozen=True)
class Table:
    """A table whose first column heads each row (``scope="row"``)."""

    slug: str
    caption: str
    columns: tuple[Column, ...]
    rows: tuple[tuple[Value, ...], ...]
    source: str = ""
    notes: tuple[str, ...] = field(default_factory=tuple)

    def __post_init__(self) -> None:
        for row in self.rows:
            if len(row) != len(self.columns):
                raise ValueError(
                    f"{self.slug}: a row has {len(row)} cells, not {len(self.columns)}"
                )

    @property
    def headers(self) -> list[str]:
        return [c.header for c in self.columns]

    def display_rows(self) -> list[list[Cell]]:
        """Every cell as the text shown on the page (and written to CSV)."""
        return [
            [
                Cell(_text(value, column.kind), column.numeric)
                for column, value in zip(self.columns, row, strict=True)
            ]
            for row in self.rows
        ]


def _text(value: Value, kind: Kind) -> str:
    if isinstance(value, Number):
        return _text(value.value, value.kind)
    if kind == "text" or isinstance(value, str):  # text in a numeric column: a note, as in XLSX
        return "" if value is None else str(value)
    number = value
    return format_count(number) if kind == "count" else format_rate(number)


def _number(value: Value, kind: Kind) -> Value:
    """The XLSX value: a number rounded as on the page, or the DfE ``z`` when not applicable."""
    if isinstance(value, Number):
        return _number(value.value, value.kind)
    if kind == "text" or isinstance(value, str):
        return value
    if value is None:
        return "z"
    rounded = round_half_up(value, 0 if kind == "count" else 1)
    return int(rounded) if kind == "count" else float(rounded)


def csv_text(table: Table) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(csv_row(table.headers))
    writer.writerows(csv_row(cell.text for cell in row) for row in table.display_rows())
    return out.getvalue()


def csv_response(table: Table, filename: str) -> HttpResponse:
    """The table as UTF-8 CSV (with a byte-order mark so spreadsheet programs read it right)."""
    response = HttpResponse("\ufeff" + csv_text(table), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
    return response


def _write_sheet(sheet: Worksheet, table: Table) -> None:
    """The caption as a title row, bold headers, numbers as numbers, then notes and source."""
    xlsx_append(sheet, [table.caption])
    sheet["A1"].font = Font(bold=True, size=14)
    xlsx_append(sheet, table.headers)
    for cell in sheet[2]:
        cell.font = Font(bold=True)
    for row in table.rows:
        xlsx_append(sheet, [_number(v, c.kind) for c, v in zip(table.columns, row, strict=True)])
        for cell, column, value in zip(sheet[sheet.max_row], table.columns, row, strict=True):
            kind = value.kind if isinstance(value, Number) else column.kind
            if kind != "text" and isinstance(cell.value, int | float):
                cell.number_format = "#,##0" if kind == "count" else "#,##0.0"
    sheet.append([])
    for line in (*table.notes, table.source):
        if line:
            xlsx_append(sheet, [line])
    shown = table.display_rows()
    for index, column in enumerate(table.columns, start=1):
        width = max([len(column.header), *(len(row[index - 1].text) for row in shown)])
        sheet.column_dimensions[sheet.cell(row=2, column=index).column_letter].width = min(
            max(width + 2, 10), 60
        )


def _saved(book: Workbook) -> bytes:
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def xlsx_bytes(table: Table) -> bytes:
    """A workbook of one sheet holding the table."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = table.slug[:31]
    _write_sheet(sheet, table)
    return _saved(book)


def xlsx_workbook_bytes(tables: Sequence[Table], *, title: str) -> bytes:
    """A workbook with a contents sheet listing every table, then one sheet per table."""
    book = Workbook()
    contents = book.active
    assert contents is not None
    contents.title = "Contents"
    xlsx_append(contents, [title])
    contents["A1"].font = Font(bold=True, size=14)
    contents.append(["Sheet", "Table"])
    for cell in contents[2]:
        cell.font = Font(bold=True)
    contents.column_dimensions["A"].width = 12
    contents.column_dimensions["B"].width = 100
    for number, table in enumerate(tables, start=1):
        name = f"Table {number}"
        xlsx_append(contents, [name, table.caption])
        _write_sheet(book.create_sheet(name), table)
    return _saved(book)


def xlsx_response(table: Table, filename: str) -> HttpResponse:
    response = HttpResponse(xlsx_bytes(table), content_type=XLSX_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename}.xlsx"'
    return response
