"""Reading bulk imports of development records from CSV or XLSX (docs/development-records.md).

Reading turns each row into the keyword arguments of a service function and lists every
problem as "Row N, column C: message"; ``services.records_import`` writes, all or nothing.
Formulas are refused (paste values); sizes are bounded before parsing (``limits``).
"""

from __future__ import annotations

import csv
import datetime
import io
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from openpyxl import Workbook, load_workbook

from workforce_health.core.models import Employment, Organisation, Person, Team
from workforce_health.development import limits
from workforce_health.development.models import CadencePolicy, Programme
from workforce_health.development.models.asye import Decision, Judgement
from workforce_health.development.models.cpd import ActivityType
from workforce_health.development.models.secondments import Secondment
from workforce_health.development.models.supervision import Rating, SessionKind, Topic

_DMY = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})")
_REVIEW = re.compile(r"review_(\d{1,2})_(date|judgement)")


class ImportRefused(Exception):
    """The whole file is refused (too large, unreadable, wrong header): the message says why."""


class CellError(ValueError):
    pass


# --- cells ----------------------------------------------------------------------------------


def as_date(value: Any) -> datetime.date:
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    text = str(value).strip()
    match = _DMY.fullmatch(text)
    try:
        if match:
            return datetime.date(int(match[3]), int(match[2]), int(match[1]))
        return datetime.date.fromisoformat(text)
    except ValueError:
        raise CellError("must be a real date as YYYY-MM-DD or DD/MM/YYYY") from None


def as_decimal(value: Any) -> Decimal:
    try:
        number = Decimal(str(value).strip())
    except InvalidOperation:
        raise CellError("must be a number, like 1.5") from None
    if not number.is_finite():
        raise CellError("must be a number, like 1.5")
    return number


def as_whole(value: Any) -> int:
    number = as_decimal(value)
    if number != number.to_integral_value():
        raise CellError("must be a whole number")
    return int(number)


def as_bool(value: Any) -> bool:
    text = str(value).strip().casefold()
    if text in ("yes", "y", "true", "1"):
        return True
    if text in ("no", "n", "false", "0"):
        return False
    raise CellError("must be yes or no")


def choice(choices: list[tuple[Any, Any]]) -> Callable[[Any], str]:
    def read(value: Any) -> str:
        if isinstance(value, float) and value.is_integer():  # a spreadsheet's 4.0 is 4
            value = int(value)
        wanted = str(value).strip().casefold()
        for code, label in choices:
            if wanted in (str(code).casefold(), str(label).casefold()):
                return str(code)
        codes = ", ".join(str(code) for code, _ in choices)
        raise CellError(f"must be one of {codes}")

    return read


def choices_list(choices: list[tuple[Any, Any]]) -> Callable[[Any], list[str]]:
    one = choice(choices)

    def read(value: Any) -> list[str]:
        return [one(part) for part in str(value).split(";") if part.strip()]

    return read


def text(limit: int) -> Callable[[Any], str]:
    def read(value: Any) -> str:
        found = str(value).strip()
        if len(found) > limit:
            raise CellError(f"must be at most {limit} characters")
        return found

    return read


@dataclass(frozen=True)
class Formula:
    text: str


# --- files ----------------------------------------------------------------------------------


def _xlsx_rows(data: bytes) -> Iterator[list[Any]]:
    problem = limits.workbook_problem(data)
    if problem:
        raise ImportRefused(problem)
    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=False)
    except Exception:  # openpyxl raises many kinds of error for a damaged file
        raise ImportRefused("The file is not a readable XLSX workbook") from None
    sheet = book.worksheets[0]
    for row in sheet.iter_rows():
        yield [
            Formula(str(cell.value))
            if cell.data_type == "f"
            else ("" if cell.value is None else cell.value)
            for cell in row
        ]
    book.close()


def cells(name: str, data: bytes) -> Iterator[list[Any]]:
    """The rows of cells of a CSV (UTF-8) or XLSX file; ImportRefused for anything else."""
    problem = limits.size_problem(len(data))
    if problem:
        raise ImportRefused(problem)
    if name.lower().endswith(".xlsx"):
        return _xlsx_rows(data)
    if not name.lower().endswith(".csv"):
        raise ImportRefused("The file must be a CSV (.csv) or Excel workbook (.xlsx)")
    try:
        decoded = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ImportRefused("The CSV file must be saved as UTF-8 (CSV UTF-8 in Excel)") from None
    return iter(csv.reader(io.StringIO(decoded, newline="")))


# --- kinds ----------------------------------------------------------------------------------


@dataclass
class Lookup:
    """The organisation's people, teams and settings, read once for a whole file."""

    organisation: Organisation
    people: dict[str, Person] = field(default_factory=dict)
    teams: dict[str, Team] = field(default_factory=dict)
    policies: dict[str, CadencePolicy] = field(default_factory=dict)
    programmes: dict[str, Programme] = field(default_factory=dict)

    @classmethod
    def of(cls, organisation: Organisation) -> Lookup:
        return cls(
            organisation,
            {
                p.employee_number.casefold(): p
                for p in Person.objects.filter(organisation=organisation)
            },
            {t.name.casefold(): t for t in Team.objects.filter(organisation=organisation)},
            {p.name.casefold(): p for p in CadencePolicy.objects.filter(organisation=organisation)},
            {p.name.casefold(): p for p in Programme.objects.filter(organisation=organisation)},
        )

    def person(self, value: Any) -> Person:
        found = self.people.get(str(value).strip().casefold())
        if found is None:
            raise CellError("is not the employee number of anyone in this organisation")
        return found

    def team(self, value: Any) -> Team:
        found = self.teams.get(str(value).strip().casefold())
        if found is None:
            raise CellError("is not the name of a team in this organisation")
        return found

    def programme(self, value: Any) -> Programme:
        found = self.programmes.get(str(value).strip().casefold())
        if found is None:
            raise CellError("is not the name of a programme here (see the programmes page)")
        return found


Reader = Callable[[Lookup, Any], Any]


@dataclass(frozen=True)
class ImportKind:
    key: str
    label: str
    columns: dict[str, tuple[str, Reader, bool]]  # column: (argument, reader, required)
    example: dict[str, str]
    accepts: Callable[[str], bool] = lambda column: False  # further columns this kind takes

    @property
    def required(self) -> list[str]:
        return [c for c, (_, _, needed) in self.columns.items() if needed]


def _plain(reader: Callable[[Any], Any]) -> Reader:
    return lambda lookup, value: reader(value)


def _person(lookup: Lookup, value: Any) -> Person:
    return lookup.person(value)


SUPERVISION = ImportKind(
    "supervision",
    "Supervision sessions",
    {
        "employee_number": ("person", _person, True),
        "date": ("held_on", _plain(as_date), True),
        "minutes": ("minutes", _plain(as_whole), True),
        "kind": ("kind", _plain(choice(SessionKind.choices)), True),
        "uninterrupted": ("uninterrupted", _plain(as_bool), True),
        "topics": ("topics", _plain(choices_list(Topic.choices)), False),
        "supervisor_employee_number": ("supervisor", _person, False),
        "quality": ("quality", _plain(choice(Rating.choices)), False),
    },
    {
        "employee_number": "E10234",
        "date": "2025-03-12",
        "minutes": "90",
        "kind": "one_to_one",
        "uninterrupted": "yes",
        "topics": "workload; wellbeing; reflection",
        "supervisor_employee_number": "E10001",
        "quality": "4",
    },
)
CPD = ImportKind(
    "cpd",
    "CPD entries",
    {
        "employee_number": ("person", _person, True),
        "date": ("done_on", _plain(as_date), True),
        "activity_type": ("activity_type", _plain(choice(ActivityType.choices)), True),
        "title": ("title", _plain(text(200)), True),
        "hours": ("hours", _plain(as_decimal), True),
        "learnt": ("learnt", _plain(text(2000)), True),
        "impact": ("impact", _plain(text(2000)), True),
        "peer_reflection": ("peer_reflection", _plain(as_bool), True),
        "recorded_with_swe": ("recorded_with_swe", _plain(as_bool), True),
    },
    {
        "employee_number": "E10234",
        "date": "2025-02-20",
        "activity_type": "course",
        "title": "Trauma-informed practice",
        "hours": "6",
        "learnt": "How early trauma shapes behaviour",
        "impact": "I plan first visits differently",
        "peer_reflection": "yes",
        "recorded_with_swe": "yes",
    },
)
ASYE = ImportKind(
    "asye",
    "ASYE and early-career enrolments",
    {
        "employee_number": ("person", _person, True),
        "assessor_employee_number": ("assessor", _person, True),
        "supervisor_employee_number": ("supervisor", _person, True),
        "start_date": ("starts_on", _plain(as_date), True),
        "programme": ("programme", lambda lookup, value: lookup.programme(value), False),
        "planned_end": ("planned_end", _plain(as_date), False),
        "recommendation": ("recommendation", _plain(choice(Decision.choices)), False),
        "panel_date": ("panel_on", _plain(as_date), False),
        "decision": ("decision", _plain(choice(Decision.choices)), False),
        "extended_to": ("extended_to", _plain(as_date), False),
        "record_updated_on": ("record_updated_on", _plain(as_date), False),
        "withdrawn_on": ("withdrawn_on", _plain(as_date), False),
    },
    {
        "employee_number": "E10234",
        "assessor_employee_number": "E10050",
        "supervisor_employee_number": "E10001",
        "start_date": "2024-09-02",
        "programme": "",
        "planned_end": "",
        "recommendation": "pass",
        "panel_date": "2025-09-18",
        "decision": "pass",
        "extended_to": "",
        "record_updated_on": "2025-09-30",
        "withdrawn_on": "",
        "review_3_date": "2024-12-02",
        "review_3_judgement": "on_track",
    },
    accepts=lambda column: _REVIEW.fullmatch(column) is not None,
)
SECONDMENTS = ImportKind(
    "secondments",
    "Secondments",
    {
        "employee_number": ("person", _person, True),
        "home_team": ("home_team", lambda lookup, value: lookup.team(value), True),
        "host_team": ("host_team", lambda lookup, value: lookup.team(value), False),
        "host_organisation": ("host_organisation", _plain(text(200)), False),
        "start_date": ("starts_on", _plain(as_date), True),
        "planned_end": ("planned_end", _plain(as_date), True),
        "actual_end": ("actual_end", _plain(as_date), False),
        "fte": ("fte", _plain(as_decimal), True),
        "purpose": ("purpose", _plain(text(2000)), True),
        "backfill": ("backfill", _plain(choice(Secondment.Backfill.choices)), True),
        "outcome": ("outcome", _plain(choice(Secondment.Outcome.choices)), False),
        "census_treatment": (
            "census_treatment",
            _plain(choice(Secondment.Treatment.choices)),
            True,
        ),
    },
    {
        "employee_number": "E10234",
        "home_team": "Assessment North",
        "host_team": "Fostering",
        "host_organisation": "",
        "start_date": "2025-01-06",
        "planned_end": "2025-07-04",
        "actual_end": "",
        "fte": "1",
        "purpose": "Experience of fostering assessments",
        "backfill": "agency",
        "outcome": "ongoing",
        "census_treatment": "in_post",
    },
)
KINDS: dict[str, ImportKind] = {k.key: k for k in (SUPERVISION, CPD, ASYE, SECONDMENTS)}
JUDGEMENT = choice(Judgement.choices)


@dataclass
class ParsedRow:
    number: int
    values: dict[str, Any]
    reviews: dict[int, dict[str, Any]] = field(default_factory=dict)


def read_file(
    kind: ImportKind, name: str, data: bytes, lookup: Lookup
) -> tuple[list[ParsedRow], list[str]]:
    """Every row of the file as a service's arguments, and every error (empty when valid)."""
    rows = cells(name, data)
    header = [str(c).strip().lower() for c in next(rows, [])]
    while header and not header[-1]:
        header.pop()
    errors = [
        f"Row 1, column {column or '(blank)'}: is not a column of this layout; see the template"
        for column in header
        if column not in kind.columns and not kind.accepts(column)
    ]
    errors += [
        f"Row 1, column {column}: is missing from the header row"
        for column in kind.required
        if column not in header
    ]
    if len(set(header)) != len(header):
        errors.append("Row 1: a column is named twice")
    if errors:
        return [], errors
    parsed: list[ParsedRow] = []
    for number, raw in enumerate(rows, start=2):
        if number - 1 > limits.MAX_ROWS:
            raise ImportRefused(f"The file has more than {limits.MAX_ROWS:,} rows. Split it")
        values = [v.strip() if isinstance(v, str) else v for v in raw]
        if not any(v not in ("", None) for v in values):
            continue
        row = ParsedRow(number, {})
        for column, value in zip(header, values, strict=False):
            if value in ("", None):
                continue
            if isinstance(value, Formula):
                errors.append(f"Row {number}, column {column}: formulas are not accepted")
                continue
            try:
                review = _REVIEW.fullmatch(column)
                if review:
                    point, part = int(review[1]), review[2]
                    reader = as_date if part == "date" else JUDGEMENT
                    row.reviews.setdefault(point, {})[part] = reader(value)
                else:
                    argument, read, _ = kind.columns[column]
                    row.values[argument] = read(lookup, value)
            except CellError as error:
                errors.append(f"Row {number}, column {column}: {value!s:.60} {error}")
        for column in kind.required:
            argument = kind.columns[column][0]
            if argument not in row.values and not any(
                e.startswith(f"Row {number}, column {column}:") for e in errors
            ):
                errors.append(f"Row {number}, column {column}: must not be blank")
        for point, parts in row.reviews.items():
            if len(parts) != 2:
                errors.append(
                    f"Row {number}, column review_{point}_date: give both the date and the "
                    "judgement of a review"
                )
        parsed.append(row)
    if not parsed and not errors:
        errors.append("Row 2: the file has a header row but no data rows")
    return parsed, errors


def template_csv(kind: ImportKind) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out)
    columns = list(kind.example)
    writer.writerow(columns)
    writer.writerow([kind.example[c] for c in columns])
    return out.getvalue().encode("utf-8-sig")


def template_xlsx(kind: ImportKind) -> bytes:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = kind.label[:31]
    columns = list(kind.example)
    sheet.append(columns)
    sheet.append([kind.example[c] for c in columns])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def home_post(person: Person, team: Team, on: datetime.date) -> Employment | None:
    """The person's post in ``team`` on ``on`` (a secondment's home post)."""
    for post in person.employments.filter(team=team, start_date__lte=on).order_by("-start_date"):
        if post.end_date is None or post.end_date >= on:
            return post
    return None
