"""Bounded reading of uploaded CSV and XLSX tables (issue 11, findings 6, 7 and 8)."""

import io
import zipfile

import pytest

from tests.spreadsheets.builders import shared_strings_bomb, with_dimension, xlsx
from workforce_health.spreadsheets.reading import (
    MB,
    Formula,
    Limits,
    TableFileError,
    check_xlsx_archive,
    table_rows,
)

LIMITS = Limits(max_rows=10)


def _rows(name: str, data: bytes, limits: Limits = LIMITS, **options) -> list[list[object]]:
    return list(table_rows(name, data, limits, **options)[1])


def test_every_row_is_read_whatever_the_stored_dimension():
    rows: list[list[object]] = [["code", "name"], *([n, f"row {n}"] for n in range(2, 5))]
    lying = with_dimension(xlsx(rows), "A1:AC2")
    assert b'<dimension ref="A1:AC2"' in zipfile.ZipFile(io.BytesIO(lying)).read(
        "xl/worksheets/sheet1.xml"
    )
    assert _rows("f.xlsx", lying) == rows


def test_the_named_sheet_is_read_and_formulas_kept_when_asked():
    data = xlsx([["a", "b"], [1, "=1+1"]], sheet="HR extract")
    title, rows = table_rows("f.xlsx", data, LIMITS, sheet="HR extract", formulas=True)
    assert title == "HR extract"
    assert list(rows) == [["a", "b"], [1, Formula("=1+1")]]


def test_a_zip_bomb_is_refused_before_it_is_opened():
    bomb = shared_strings_bomb(xlsx([["a"], ["x"]]), megabytes=64)
    assert len(bomb) < MB
    with pytest.raises(TableFileError, match="compressed far more than a spreadsheet can be"):
        check_xlsx_archive(bomb, LIMITS)
    small = Limits(max_rows=10, max_uncompressed_bytes=32 * MB)
    with pytest.raises(TableFileError, match="would expand to 64 MB when opened"):
        _rows("f.xlsx", bomb, small)


def test_a_damaged_workbook_is_refused_with_a_message():
    with pytest.raises(TableFileError, match="not a readable XLSX workbook"):
        _rows("f.xlsx", b"PK\x03\x04 not really a zip")


def test_a_csv_cell_over_the_csv_modules_limit_names_its_row():
    data = b"a,b\n1,2\n3," + b"x" * 200_000 + b"\n"
    with pytest.raises(TableFileError, match=r"^Row 3: a cell is longer than 32,767 characters"):
        _rows("f.csv", data)


@pytest.mark.parametrize("name", ["f.csv", "f.xlsx"])
def test_a_cell_over_the_cap_names_its_row(name):
    rows = [["a"], ["ok"], ["y" * 2_000]]
    data = xlsx(rows) if name.endswith("xlsx") else "\n".join(r[0] for r in rows).encode()
    with pytest.raises(TableFileError, match=r"^Row 3: a cell is longer than 1,000 characters"):
        _rows(name, data, Limits(max_rows=10, max_cell_chars=1_000))


def test_a_csv_line_over_the_cap_is_refused_without_reading_it_whole():
    data = b"a\n" + b"," * 2_000_000
    with pytest.raises(TableFileError, match=r"^Row 2: a cell is longer than"):
        _rows("f.csv", data)


@pytest.mark.parametrize("name", ["f.csv", "f.xlsx"])
def test_rows_over_the_cap_are_refused_and_blank_rows_do_not_count(name):
    rows = [["a"], *([str(n)] for n in range(10))]
    blanks = [["a"], *([str(n)] if n % 2 else [""] for n in range(20))]
    encode = xlsx if name.endswith("xlsx") else (lambda r: "\n".join(x[0] for x in r).encode())
    assert len(_rows(name, encode(rows))) == 11
    assert len(_rows(name, encode(blanks))) in (21, 20)  # openpyxl drops a trailing blank row
    with pytest.raises(TableFileError, match="more than 10 rows"):
        _rows(name, encode([*rows, ["one more"]]))


@pytest.mark.parametrize("name", ["f.csv", "f.xlsx"])
def test_columns_over_the_cap_are_refused(name):
    wide = [[f"c{n}" for n in range(301)]]
    data = xlsx(wide) if name.endswith("xlsx") else ",".join(wide[0]).encode()
    with pytest.raises(TableFileError, match=r"^Row 1: has more than 300 columns"):
        _rows(name, data)


def test_a_csv_that_is_not_utf8_and_another_kind_of_file():
    with pytest.raises(TableFileError, match="must be saved as UTF-8"):
        _rows("f.csv", "café\n".encode("latin-1"))
    with pytest.raises(TableFileError, match="must be a CSV"):
        _rows("f.ods", b"")


def test_a_file_over_its_size_cap_is_refused():
    with pytest.raises(TableFileError, match="The file is 2 MB; files larger than 1 MB"):
        table_rows("f.csv", b"x" * (2 * MB), Limits(max_rows=1, max_file_bytes=MB))
