"""Uploaded CSV and XLSX tables, read row by row with bounded memory.

Each importer (HR extracts, survey responses and invited counts) reads through ``table_rows``
with its ``Limits``, so one hostile file cannot exhaust a server process:

- an XLSX is a zip archive: its declared uncompressed sizes and compression ratios are checked
  before it is opened (a 2 MB workbook whose ``sharedStrings.xml`` inflates to 1 GB is refused;
  Python's zipfile never inflates a member beyond its declared size), then its sheet is read in
  openpyxl's streaming mode, every row whatever the ``<dimension>`` the file claims
  (``reset_dimensions``: a sheet saying ``A1:AC2`` while rows 2 to 4 hold data loses none);
- a CSV is decoded as it is read, a line at a time, each line at most ``max_line_chars``;
- rows with anything in them are counted against ``max_rows``, each row against
  ``max_columns`` and each cell against ``max_cell_chars``.

A refused file raises ``TableFileError`` with a message for the person importing it, naming the
row where it can. Rows are yielded with blanks for empty cells and keep the file's numbering
(the header is row 1), so importers number their errors as before. Pure: no Django.
"""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from typing import IO, Any

from openpyxl import load_workbook

MB = 1024 * 1024


@dataclass(frozen=True)
class Limits:
    max_rows: int  # data rows with anything in them, after the header row
    max_file_bytes: int | None = None  # None: the caller checks the size (census/limits.py)
    max_columns: int = 300
    max_cell_chars: int = 32_767  # Excel's own limit on a cell
    max_line_chars: int = 1_000_000  # a CSV line (a row may span lines inside quotes)
    max_uncompressed_bytes: int = 128 * MB  # an XLSX's members, all together
    max_compression_ratio: int = 100  # for any member over 1 MB uncompressed


# One place for the importers' caps (docs/census-and-hr-import.md, docs/survey-import.md).
# A council's HR extract is a few thousand employment spells; a survey has at most a few
# thousand respondents. Peak memory at these caps: docs/performance.md, "Imports".
HR_EXTRACT = Limits(max_rows=50_000)
SURVEY_RESPONSES = Limits(max_rows=20_000, max_file_bytes=20 * MB)
INVITED_COUNTS = Limits(max_rows=20_000, max_file_bytes=20 * MB)


class TableFileError(ValueError):
    """A file refused before or while reading; the message is for the person importing it."""


@dataclass(frozen=True)
class Formula:
    """A spreadsheet cell holding a formula (read only when asked for, to be refused)."""

    text: str

    def __str__(self) -> str:
        return self.text


def size_text(number: int) -> str:
    """``20 MB``, ``1.5 MB``, ``800 bytes``."""
    if number < MB:
        return f"{number:,} bytes"
    return f"{number / MB:,.1f}".removesuffix(".0") + " MB"


def too_big(size: int, limits: Limits) -> str | None:
    """Why a file of ``size`` bytes is refused, or None."""
    cap = limits.max_file_bytes
    if cap is None or size <= cap:
        return None
    return (
        f"The file is {size_text(size)}; files larger than {size_text(cap)} are not accepted. "
        "Check it is the right file."
    )


def check_xlsx_archive(data: bytes, limits: Limits) -> None:
    """Refuse a workbook that would expand too far when opened, before anything is inflated."""
    try:
        members = zipfile.ZipFile(io.BytesIO(data)).infolist()
    except (zipfile.BadZipFile, ValueError) as error:
        raise TableFileError(f"The file is not a readable XLSX workbook ({error})") from None
    expanded = sum(member.file_size for member in members)
    if len(members) > 1000 or expanded > limits.max_uncompressed_bytes:
        raise TableFileError(
            f"The workbook would expand to {size_text(expanded)} when opened; workbooks that "
            f"expand to more than {size_text(limits.max_uncompressed_bytes)} are not accepted. "
            "Save it as a CSV file, or check it is the right file."
        )
    for member in members:
        if member.file_size > MB and (
            member.file_size > limits.max_compression_ratio * max(member.compress_size, 1)
        ):
            raise TableFileError(
                f"The workbook is compressed far more than a spreadsheet can be ({member.filename} "
                f"expands {member.file_size // max(member.compress_size, 1):,} times). "
                "Check it is the right file."
            )


def _checked_row(row: list[Any], number: int, limits: Limits) -> list[Any]:
    while row and row[-1] in ("", None):
        row.pop()
    if len(row) > limits.max_columns:
        raise TableFileError(
            f"Row {number}: has more than {limits.max_columns} columns. Check it is the right file."
        )
    for cell in row:
        if isinstance(cell, str | Formula) and len(str(cell)) > limits.max_cell_chars:
            raise TableFileError(_too_long(number, limits))
    return row


def _too_long(number: int, limits: Limits) -> str:
    return (
        f"Row {number}: a cell is longer than {limits.max_cell_chars:,} characters. "
        "Check it is the right file."
    )


def _counted(rows: Iterator[list[Any]], limits: Limits) -> Iterator[list[Any]]:
    """Rows numbered from 1, checked, and refused once more than max_rows hold anything."""
    filled = 0
    for number, row in enumerate(rows, start=1):
        checked = _checked_row(row, number, limits)
        if checked and number > 1:
            filled += 1
            if filled > limits.max_rows:
                raise TableFileError(
                    f"The file has more than {limits.max_rows:,} rows; at most "
                    f"{limits.max_rows:,} can be imported at once. Split it into smaller files, "
                    "or check it is the right file."
                )
        yield checked


def _xlsx_rows(sheet: Any, limits: Limits, formulas: bool) -> Iterator[list[Any]]:
    # Each row as wide as its last cell (a row reaching past max_columns is refused at once).
    for row in sheet.iter_rows():
        yield [
            Formula(str(cell.value))
            if formulas and cell.data_type == "f"
            else ("" if cell.value is None else cell.value)
            for cell in row
        ]


def _xlsx(
    data: bytes, limits: Limits, sheet_name: str | None, formulas: bool
) -> tuple[str, Iterator[list[Any]]]:
    check_xlsx_archive(data, limits)
    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=not formulas)
        sheet = book[sheet_name] if sheet_name in book.sheetnames else book.worksheets[0]
    except Exception as error:  # openpyxl raises many types for a damaged file
        raise TableFileError(f"The file is not a readable XLSX workbook ({error})") from None
    sheet.reset_dimensions()  # read every row, whatever <dimension> the file claims

    def rows() -> Iterator[list[Any]]:
        try:
            yield from _xlsx_rows(sheet, limits, formulas)
        except TableFileError:
            raise
        except Exception as error:  # a damaged sheet found part way through
            raise TableFileError(f"The file is not a readable XLSX workbook ({error})") from None
        finally:
            book.close()

    return sheet.title, rows()


def _csv(data: bytes, limits: Limits) -> Iterator[list[Any]]:
    text = io.TextIOWrapper(io.BytesIO(data), encoding="utf-8-sig", newline="")
    rows_done = 0

    def lines() -> Iterator[str]:
        while line := text.readline(limits.max_line_chars + 1):
            if len(line) > limits.max_line_chars:
                raise TableFileError(_too_long(rows_done + 1, limits))
            yield line

    # csv refuses a field over its own limit (131,072 characters) with csv.Error: say which row.
    reader = csv.reader(lines())
    try:
        for row in reader:
            rows_done += 1
            yield row
    except csv.Error as error:
        if "field limit" in str(error):
            raise TableFileError(_too_long(rows_done + 1, limits)) from None
        raise TableFileError(f"Row {rows_done + 1}: the CSV cannot be read ({error})") from None
    except UnicodeDecodeError:
        raise TableFileError("The CSV file must be saved as UTF-8 (CSV UTF-8 in Excel)") from None


def table_rows(
    name: str,
    source: bytes | IO[bytes],
    limits: Limits,
    *,
    sheet: str | None = None,
    formulas: bool = False,
) -> tuple[str | None, Iterator[list[Any]]]:
    """The sheet read (XLSX only: ``sheet`` if the workbook has it, else the first) and an
    iterator of its rows, header first, for a CSV (UTF-8) or XLSX file chosen by ``name``.
    With ``formulas``, a formula cell is a ``Formula`` rather than its last calculated value.

    ``TableFileError`` for a file of another kind, or one refused by ``limits``, raised here or
    while the rows are read."""
    data = source if isinstance(source, bytes) else source.read()
    refused = too_big(len(data), limits)
    if refused:
        raise TableFileError(refused)
    lowered = name.lower()
    if lowered.endswith(".xlsx"):
        title, rows = _xlsx(data, limits, sheet, formulas)
        return title, _counted(rows, limits)
    if not lowered.endswith(".csv"):
        raise TableFileError("The file must be a CSV (.csv) or Excel workbook (.xlsx)")
    return None, _counted(_csv(data, limits), limits)
