"""CSV and XLSX downloads of this app's tables, with formula-like text made inert.

Titles, topics and themes are typed by people, so a cell like `=HYPERLINK(...)` must never reach
a spreadsheet as a formula (OWASP "CSV injection"). The rule is the one the project applies to
every download: in CSV, text beginning with =, +, -, @, a tab or a carriage return gets a leading
apostrophe; in XLSX such a cell is text with Excel's quote prefix. Plain signed numbers are left
alone. (A project-wide helper for this is on its way in `web`; this module is the one place to
switch to it.)
"""

import io
import re
from collections.abc import Sequence
from dataclasses import replace
from typing import Final

from django.http import HttpResponse
from openpyxl import load_workbook

from workforce_health.web.tables import (
    XLSX_TYPE,
    Number,
    Table,
    Value,
    csv_response,
    xlsx_bytes,
    xlsx_workbook_bytes,
)

_STARTS: Final = ("=", "+", "-", "@", "\t", "\r")
_PLAIN_NUMBER: Final = re.compile(r"^[+-]?[0-9][0-9,]*(\.[0-9]+)?%?$")


def is_formula_like(value: object) -> bool:
    return isinstance(value, str) and value.startswith(_STARTS) and not _PLAIN_NUMBER.match(value)


def _inert(value: Value) -> Value:
    if isinstance(value, Number):
        return value
    return f"'{value}" if is_formula_like(value) else value


def inert_csv_table(table: Table) -> Table:
    return replace(
        table,
        caption=str(_inert(table.caption)),
        rows=tuple(tuple(_inert(v) for v in row) for row in table.rows),
    )


def csv_download(table: Table, filename: str) -> HttpResponse:
    return csv_response(inert_csv_table(table), filename)


def inert_xlsx(data: bytes) -> bytes:
    """The workbook with every formula-like text cell kept as text (quote prefix)."""
    book = load_workbook(io.BytesIO(data))
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if is_formula_like(cell.value):
                    cell.data_type = "s"
                    cell.quotePrefix = True
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _xlsx_response(data: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(inert_xlsx(data), content_type=XLSX_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename}.xlsx"'
    return response


def xlsx_download(table: Table, filename: str) -> HttpResponse:
    return _xlsx_response(xlsx_bytes(table), filename)


def xlsx_workbook_download(tables: Sequence[Table], *, title: str, filename: str) -> HttpResponse:
    return _xlsx_response(xlsx_workbook_bytes(tables, title=title), filename)


def table_download(tables: dict[str, Table], slug: str, fmt: str, filename: str) -> HttpResponse:
    """One of `tables` as CSV or XLSX; a KeyError for an unknown slug (the view answers 404)."""
    table = tables[slug]
    name = f"{filename}-{slug}"
    return csv_download(table, name) if fmt == "csv" else xlsx_download(table, name)
