"""The HR extract layout (docs/census-and-hr-import.md): reading CSV or XLSX rows and templates.

One row per employment spell. Reading only turns cells into typed values and collects
"Row N, column C: message" errors; ``services.hr_extract_import`` does the writing.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import IO, Any

from openpyxl import Workbook

from workforce_health.core.models import Employment, JobRole, Service, Team
from workforce_health.spreadsheets.formulas import csv_row, xlsx_append
from workforce_health.spreadsheets.reading import HR_EXTRACT, Formula, TableFileError, table_rows

REQUIRED = (
    "employee_number",
    "given_name",
    "family_name",
    "service",
    "team",
    "job_role",
    "contract_type",
    "fte",
    "start_date",
)
OPTIONAL = (
    "email",
    "swe_number",
    "date_of_birth",
    "sex",
    "ethnicity",
    "qualification_level",
    "qualification_institution",
    "step_up_graduate",
    "frontline_graduate",
    "registered_social_worker",
    "service_kind",
    "team_type",
    "census_role",
    "end_date",
    "start_origin",
    "reason_for_leaving",
    "leaver_destination",
    "reference_date",
    "cases_on_reference_date",
    "working_days_lost",
)
COLUMNS = REQUIRED + OPTIONAL
SHEET = "HR extract"  # the template's sheet; other workbooks are read from their first sheet
EXAMPLE = {
    "employee_number": "E10234",
    "given_name": "Alex",
    "family_name": "Morgan",
    "service": "Children's Services",
    "team": "Assessment North",
    "job_role": "social_worker",
    "contract_type": "permanent",
    "fte": "0.8",
    "start_date": "2023-10-02",
    "email": "alex.morgan@example.org",
    "swe_number": "SW123456",
    "date_of_birth": "1990-05-01",
    "sex": "F",
    "ethnicity": "WBRI",
    "qualification_level": "2",
    "qualification_institution": "University of Birmingham",
    "step_up_graduate": "no",
    "frontline_graduate": "no",
    "registered_social_worker": "yes",
    "service_kind": "children",
    "team_type": "assessment",
    "census_role": "5",
    "end_date": "",
    "start_origin": "2",
    "reason_for_leaving": "",
    "leaver_destination": "",
    "reference_date": "2025-09-30",
    "cases_on_reference_date": "14",
    "working_days_lost": "3.5",
}
_DMY = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})")
_YES = {"yes", "y", "true", "1"}
_NO = {"no", "n", "false", "0"}


@dataclass
class Row:
    """One data row: spreadsheet row number (header is row 1) and typed values by column."""

    number: int
    values: dict[str, Any] = field(default_factory=dict)
    has_errors: bool = False


class RowErrors(list[str]):
    def add(self, row: int, column: str | None, message: str) -> None:
        self.append(f"Row {row}, column {column}: {message}" if column else f"Row {row}: {message}")


def _choice(text: str, choices: list[tuple[str, str]]) -> str | None:
    wanted = text.strip().casefold()
    for value, label in choices:
        if wanted in (value.casefold(), label.casefold()):
            return value
    return None


def _date(text: Any) -> date:
    if isinstance(text, datetime):
        return text.date()
    if isinstance(text, date):
        return text
    text = str(text).strip()
    match = _DMY.fullmatch(text)
    try:
        if match:
            return date(int(match[3]), int(match[2]), int(match[1]))
        return date.fromisoformat(text)
    except ValueError:
        raise ValueError("must be a real date as YYYY-MM-DD or DD/MM/YYYY") from None


def _decimal(text: Any) -> Decimal:
    try:
        value = Decimal(str(text).strip())
    except InvalidOperation:
        raise ValueError("must be a number, like 0.8") from None
    if not value.is_finite():
        raise ValueError("must be a number, like 0.8")
    return value


def _whole(text: Any) -> int:
    value = _decimal(text)
    if value != value.to_integral_value():
        raise ValueError("must be a whole number")
    return int(value)


def _bool(text: Any) -> bool:
    wanted = str(text).strip().casefold()
    if wanted in _YES:
        return True
    if wanted in _NO:
        return False
    raise ValueError("must be yes or no")


def _coder(choices: list[tuple[str, str]], what: str) -> Any:
    def read(text: Any) -> str:
        value = _choice(str(text), choices)
        if value is None:
            raise ValueError(f"is not a {what} this service knows; see the template")
        return value

    return read


def _text(cell: Any) -> str:
    return str(cell).strip()


PARSERS: dict[str, Any] = {
    "date_of_birth": _date,
    "start_date": _date,
    "end_date": _date,
    "reference_date": _date,
    "fte": _decimal,
    "working_days_lost": _decimal,
    "cases_on_reference_date": _whole,
    "step_up_graduate": _bool,
    "frontline_graduate": _bool,
    "registered_social_worker": _bool,
    "job_role": _coder(JobRole.choices, "job role"),
    "contract_type": _coder(Employment.ContractType.choices, "contract type"),
    "team_type": _coder(Team.TeamType.choices, "type of team"),
    "service_kind": _coder(Service.Kind.choices, "kind of service"),
    "sex": _coder([("M", "Male"), ("F", "Female")], "sex (use M or F)"),
}


def _shown(cell: Any) -> str:
    """A cell's value quoted for a message, cut short if long."""
    text = str(cell)
    return repr(text if len(text) <= 60 else text[:57] + "...")


def read_rows(name: str, raw: bytes | IO[bytes]) -> tuple[list[Row], RowErrors]:
    """Typed rows and every layout or value error (``name`` chooses CSV or XLSX)."""
    errors = RowErrors()
    try:
        return _read(name, raw, errors)
    except TableFileError as error:  # the file is refused part way through: nothing is stored
        return [], RowErrors([*errors, str(error)])


def _read(name: str, raw: bytes | IO[bytes], errors: RowErrors) -> tuple[list[Row], RowErrors]:
    sheet, cells = table_rows(name, raw, HR_EXTRACT, sheet=SHEET, formulas=True)
    header = [str(c).strip().lower() for c in next(cells, [])]
    while header and not header[-1]:
        header.pop()
    for column in header:
        if column not in COLUMNS:
            errors.add(1, column or "(blank)", "is not a column of the layout; see the template")
    for column in sorted({c for c in header if c and header.count(c) > 1}):
        errors.add(1, column, "appears twice: give each column once")
    for column in REQUIRED:
        if column not in header:
            errors.add(1, column, "is missing from the header row")
    if errors and sheet is not None and sheet != SHEET:
        errors.insert(
            0,
            f'The sheet "{sheet}" does not have the HR extract header row. Put the extract on '
            f'a sheet named "{SHEET}", as in the template, or on the first sheet.',
        )
    if errors:
        return [], errors
    rows = []
    for number, cells_in_row in enumerate(cells, start=2):
        texts = [c if not isinstance(c, str) else c.strip() for c in cells_in_row]
        if not any(t not in ("", None) for t in texts):
            continue
        row, invalid = Row(number), set()
        for column, cell in zip(header, texts, strict=False):
            if cell == "":
                continue
            if isinstance(cell, Formula):
                invalid.add(column)
                errors.add(number, column, "formulas are not accepted; paste the values")
                continue
            try:
                row.values[column] = PARSERS.get(column, _text)(cell)
            except ValueError as error:
                invalid.add(column)
                errors.add(number, column, f"{_shown(cell)} {error}")
        for column in REQUIRED:
            if column not in row.values and column not in invalid:
                invalid.add(column)
                errors.add(number, column, "must not be blank")
        row.has_errors = bool(invalid)
        rows.append(row)
    if not rows and not errors:
        errors.add(2, None, "The file has a header row but no data rows")
    return rows, errors


def template_csv() -> bytes:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(csv_row(COLUMNS))
    writer.writerow(csv_row(EXAMPLE[c] for c in COLUMNS))
    return out.getvalue().encode("utf-8-sig")


def template_xlsx() -> bytes:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = SHEET
    xlsx_append(sheet, COLUMNS)
    xlsx_append(sheet, [EXAMPLE[c] for c in COLUMNS])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
