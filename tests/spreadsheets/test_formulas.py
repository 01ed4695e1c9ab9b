"""Formula injection: formula-like text in every CSV and XLSX the product writes is inert,
numbers stay numbers (issue 11, finding 5)."""

import csv
import io
from decimal import Decimal

import polars as pl
import pytest
from openpyxl import load_workbook

from workforce_health.spreadsheets.formulas import csv_cell, csv_frame, is_formula_like
from workforce_health.web.tables import (
    Column,
    Number,
    Table,
    csv_text,
    xlsx_bytes,
    xlsx_workbook_bytes,
)

EVIL = '=HYPERLINK("http://evil.example","Team")'
HOSTILE = [EVIL, "+1+1", "-2+3+cmd|' /C calc'!A0", "@SUM(A1:A2)", "\t=1", "\r=1"]


@pytest.mark.parametrize("text", HOSTILE)
def test_formula_like_text_is_neutralised_in_csv(text):
    assert is_formula_like(text)
    assert csv_cell(text) == f"'{text}"


@pytest.mark.parametrize("value", ["Team A", "-3.2", "+5", "-1,234.5", "12%", -3.2, 7, None, ""])
def test_plain_text_signed_numbers_and_numbers_are_left_alone(value):
    assert csv_cell(value) == value


def test_csv_frame_neutralises_text_columns_only():
    frame = pl.DataFrame({"team": [EVIL, "-3.2", "North", None], "rate": [-3.2, 1.0, 2.0, None]})
    neutral = csv_frame(frame)
    assert neutral["team"].to_list() == [f"'{EVIL}", "-3.2", "North", None]
    assert neutral["rate"].to_list() == [-3.2, 1.0, 2.0, None]


TABLE = Table(
    slug="by-team",
    caption=f"Measures by team: {EVIL}",
    columns=(Column("Team"), Column("Change (%)", "rate"), Column(EVIL, "count")),
    rows=(
        (EVIL, -3.2, 4),
        ("@North", Number(Decimal("-1.25"), "rate"), "=1+1"),  # a note in a numeric column
    ),
    notes=("-note",),
    source="Source: =cmd",
)


def test_table_csv_neutralises_text_and_keeps_negative_numbers():
    rows = list(csv.reader(io.StringIO(csv_text(TABLE))))
    assert rows == [
        ["Team", "Change (%)", f"'{EVIL}"],
        [f"'{EVIL}", "-3.2", "4"],
        ["'@North", "-1.3", "'=1+1"],
    ]


def _cells(data: bytes, sheet: str | None = None):
    book = load_workbook(io.BytesIO(data))
    return book[sheet] if sheet else book.active


def test_table_xlsx_writes_formula_like_text_as_text_and_numbers_as_numbers():
    sheet = _cells(xlsx_bytes(TABLE))
    assert sheet is not None
    team = sheet["A3"]
    assert (team.value, team.data_type, team.quotePrefix) == (EVIL, "s", True)
    assert sheet["B3"].value == -3.2 and sheet["B3"].data_type == "n"
    assert sheet["B4"].value == -1.3 and sheet["B4"].data_type == "n"
    assert sheet["C4"].data_type == "s"
    formulas = [c for row in sheet.iter_rows() for c in row if c.data_type == "f"]
    assert formulas == []


def test_a_workbook_of_tables_has_no_formula_in_its_title_or_contents():
    data = xlsx_workbook_bytes([TABLE], title='=WEBSERVICE("http://evil.example")')
    book = load_workbook(io.BytesIO(data))
    for sheet in book.worksheets:
        assert [c for row in sheet.iter_rows() for c in row if c.data_type == "f"] == []
    assert book["Contents"]["A1"].quotePrefix
