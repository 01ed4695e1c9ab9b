"""Import an earlier year's responses from CSV or XLSX: one row per respondent, all or nothing;
and how many were invited in each group, for its response rates.

Layout (docs/survey-import.md): optional group columns (GROUP_FIELDS), then one column per item
code. Agree answers as labels or codes 1-5; "don't know" as a label or blank. In a wave of one
service, a row without a service is that service's. Invited counts: optional group columns and
`invited`, one row per group.
"""

import csv
import io
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import IO, Any

from django.core.exceptions import ValidationError
from django.db import transaction
from openpyxl import Workbook

from workforce_health.spreadsheets.formulas import csv_row, xlsx_append
from workforce_health.spreadsheets.reading import (
    INVITED_COUNTS,
    SURVEY_RESPONSES,
    Limits,
    TableFileError,
    table_rows,
)
from workforce_health.surveys import questionnaire as qn
from workforce_health.surveys.forms import item_field
from workforce_health.surveys.groups import GROUP_FIELDS, NOT_KNOWN
from workforce_health.surveys.models import InvitedGroup, Questionnaire, Wave
from workforce_health.surveys.services import past_waves

AGREE_LABELS = {
    "strongly disagree": "1",
    "disagree": "2",
    "neither agree nor disagree": "3",
    "neither": "3",
    "agree": "4",
    "strongly agree": "5",
}
DONT_KNOW = {"don't know", "dont know", "don't know or not applicable", "not applicable", "n/a"}
MAX_ERRORS = 50
INVITED = "invited"
MAX_INVITED = 1_000_000  # in one group: more is a mistake (and more than the column holds)
# The longest label each group column stores (the Response and InvitedGroup fields).
GROUP_LABEL_MAX = {"service": 200, "team": 200, "role_group": 60, "tenure_band": 60}
GROUP_LABEL_MAX["employment_type"] = 60


@dataclass
class ImportResult:
    wave: Wave
    created: int = 0
    errors: list[str] = field(default_factory=list)
    invited: int | None = None  # people invited, when invited counts were recorded
    invited_groups: int = 0


@dataclass(frozen=True)
class Upload:
    """A file's bytes and its name (the name says whether it is CSV or XLSX)."""

    data: bytes
    filename: str


def _read(source: IO[bytes] | bytes) -> bytes:
    return source if isinstance(source, bytes) else source.read()


def _cells(filename: str, data: bytes, limits: Limits) -> Iterator[list[Any]]:
    """The first sheet's (or the CSV's) rows, streamed within `limits` (spreadsheets.reading)."""
    return table_rows(filename, data, limits)[1]


def _text(cell: Any) -> str:
    if isinstance(cell, float) and cell.is_integer():
        cell = int(cell)
    return str(cell).strip().replace("\u2019", "'")


def _answer(item: qn.Item, raw: str) -> str | None:
    """The stored value, or raise ValueError with what is wrong."""
    lowered = raw.lower()
    if item.type in (qn.AGREE, qn.SCALE_0_10) and lowered in DONT_KNOW:
        return "dont_know"
    if item.type == qn.AGREE:
        code = AGREE_LABELS.get(lowered, raw.removesuffix(".0"))
        if code not in {"1", "2", "3", "4", "5"}:
            raise ValueError(
                "is not an agree-scale answer (Strongly disagree ... Strongly agree, or 1-5)"
            )
        return code
    if item.type == qn.SCALE_0_10:
        if raw.removesuffix(".0") not in {str(n) for n in range(11)}:
            raise ValueError("is not a whole number from 0 to 10")
        return raw.removesuffix(".0")
    if item.type in (qn.NUMBER, qn.TEXT):  # the survey form's own rules and length cap
        try:
            cleaned: str = item_field(item).clean(raw)
        except ValidationError as error:
            raise ValueError(f"is not accepted: {' '.join(error.messages)}") from None
        return cleaned
    if item.type == qn.CHOICE:
        for option in item.options:
            if lowered in (option.value.lower(), option.label.lower()):
                return option.value
        raise ValueError("is not one of: " + ", ".join(o.label for o in item.options))
    return raw


def read_responses(
    parsed: qn.Questionnaire, filename: str, data: bytes
) -> tuple[list[tuple[dict[str, str], dict[str, str]]], list[str]]:
    """(group labels, answers) per respondent row, and every error naming row and column."""
    try:
        return _responses(parsed, _cells(filename, data, SURVEY_RESPONSES))
    except TableFileError as error:
        return [], [str(error)]


def _responses(
    parsed: qn.Questionnaire, cells: Iterator[list[Any]]
) -> tuple[list[tuple[dict[str, str], dict[str, str]]], list[str]]:
    items = {item.code: item for item in parsed.items()}
    header = [_text(c).lower() for c in next(cells, [])]
    while header and not header[-1]:
        header.pop()
    errors = [
        f"Row 1, column {name or '(blank)'}: is not a group column or an item code of "
        f"{parsed.title}"
        for name in header
        if name not in items and name not in GROUP_FIELDS
    ]
    errors += [
        f"Row 1, column {name}: appears twice" for name in set(header) if header.count(name) > 1
    ]
    if errors:
        return [], errors
    rows = []
    for number, row in enumerate(cells, start=2):
        texts = [_text(c) for c in row[: len(header)]]
        if not any(texts):
            continue
        groups, answers = {}, {}
        for name, raw in zip(header, texts, strict=False):
            if not raw:
                continue
            if name in GROUP_FIELDS:
                if len(raw) > GROUP_LABEL_MAX[name]:
                    errors.append(_too_long(number, name))
                groups[name] = raw
                continue
            try:
                value = _answer(items[name], raw)
            except ValueError as error:
                shown = repr(raw if len(raw) <= 60 else raw[:57] + "...")
                errors.append(f"Row {number}, column {name}: {shown} {error}")
                continue
            if value:
                answers[name] = value
        if not answers:
            errors.append(f"Row {number}: no answers")
        rows.append((groups, answers))
    if not header:
        errors.append(
            "The file is empty: it needs a header row of column names, then a row per respondent"
        )
    elif not rows and not errors:
        errors.append("The file has a header row but no responses")
    return rows, errors[:MAX_ERRORS]


def _too_long(number: int, name: str) -> str:
    return f"Row {number}, column {name}: is longer than {GROUP_LABEL_MAX[name]} characters"


def _whole_number(raw: str) -> int | None:
    text = raw.replace(",", "").removesuffix(".0")
    return int(text) if text.isdigit() else None


def read_invited(filename: str, data: bytes) -> tuple[list[tuple[dict[str, str], int]], list[str]]:
    """(group labels, how many invited) per row of an invited counts file, and every error
    naming row and column. Columns: any of GROUP_FIELDS, and `invited` (required)."""
    try:
        return _invited(_cells(filename, data, INVITED_COUNTS))
    except TableFileError as error:
        return [], [str(error)]


def _invited(cells: Iterator[list[Any]]) -> tuple[list[tuple[dict[str, str], int]], list[str]]:
    header = [_text(c).lower() for c in next(cells, [])]
    while header and not header[-1]:
        header.pop()
    if not header:
        return [], [
            "The file is empty: it needs a header row of column names, then a row per group"
        ]
    allowed = ", ".join((*GROUP_FIELDS, INVITED))
    errors = [
        f"Row 1, column {name or '(blank)'}: is not one of the columns {allowed}"
        for name in header
        if name not in GROUP_FIELDS and name != INVITED
    ]
    errors += [
        f"Row 1, column {name}: appears twice" for name in set(header) if header.count(name) > 1
    ]
    if INVITED not in header:
        errors.append(f"Row 1: there is no {INVITED} column (how many were invited in each group)")
    if errors:
        return [], errors
    rows: list[tuple[dict[str, str], int]] = []
    first_row: dict[tuple[str, ...], int] = {}
    for number, row in enumerate(cells, start=2):
        texts = [_text(c) for c in row[: len(header)]]
        if not any(texts):
            continue
        values = dict(zip(header, texts, strict=False))
        groups = {name: values[name] for name in GROUP_FIELDS if values.get(name)}
        errors += [_too_long(number, n) for n, v in groups.items() if len(v) > GROUP_LABEL_MAX[n]]
        raw = values.get(INVITED, "")
        invited = _whole_number(raw)
        if not raw:
            errors.append(f"Row {number}, column {INVITED}: is blank: give how many were invited")
        elif invited is None:
            errors.append(
                f"Row {number}, column {INVITED}: {raw!r} is not a whole number of people "
                "(0 or more)"
            )
        elif invited > MAX_INVITED:
            errors.append(
                f"Row {number}, column {INVITED}: {raw!r} is more than {MAX_INVITED:,} people"
            )
        key = tuple(groups.get(name) or NOT_KNOWN for name in GROUP_FIELDS)
        if key in first_row:
            errors.append(
                f"Row {number}: has the same groups as row {first_row[key]}: give each group once"
            )
        first_row.setdefault(key, number)
        rows.append((groups, invited or 0))
    if not rows and not errors:
        errors.append("The file has a header row but no invited counts")
    elif rows and not errors and not sum(n for _, n in rows):
        errors.append(f"Column {INVITED}: every count is 0: give how many were invited")
    return rows, errors[:MAX_ERRORS]


def _one_service(wave: Wave) -> str | None:
    """The service of a wave of one service (a row without a service is from it), else None."""
    surveyed = list(wave.services.values_list("name", flat=True))
    return surveyed[0] if len(surveyed) == 1 else None


def _invited_counts(
    wave: Wave, rows: list[tuple[dict[str, str], int]]
) -> dict[tuple[str, ...], int]:
    service = _one_service(wave)
    counts: dict[tuple[str, ...], int] = {}
    for groups, invited in rows:
        if service:
            groups = {"service": service, **groups}
        key = tuple(groups.get(name) or NOT_KNOWN for name in GROUP_FIELDS)
        counts[key] = counts.get(key, 0) + invited
    return counts


def _fewer_than_responded(total: int, responses: int) -> str:
    return (
        f"Column {INVITED}: the counts add up to {total} invited, fewer than the {responses} "
        "responses: count everyone who was invited, including those who did not respond"
    )


def _in(filename: str, errors: list[str]) -> list[str]:
    return [f"In {filename}: {error}" for error in errors]


def responses_import(
    *,
    wave: Wave,
    source: IO[bytes] | bytes,
    filename: str,
    invited: Upload | None = None,
) -> ImportResult:
    """Import a file into a past wave: every row, or (with errors) nothing. With `invited`, a
    file of how many were invited in each group is recorded too, in the same transaction: an
    error in either file stores nothing from either (its errors begin "In <file name>:")."""
    rows, errors = read_responses(wave.questionnaire.parsed(), filename, _read(source))
    invited_rows: list[tuple[dict[str, str], int]] = []
    if invited is not None:
        invited_rows, invited_errors = read_invited(invited.filename, invited.data)
        total = sum(n for _, n in invited_rows)
        if not invited_errors and not errors and total < len(rows):
            invited_errors = [_fewer_than_responded(total, len(rows))]
        errors = errors + _in(invited.filename, invited_errors)
    result = ImportResult(wave=wave, errors=errors[:MAX_ERRORS])
    if errors:
        return result
    service = _one_service(wave)
    if service:  # a wave of one service: a row without a service is from it
        for groups, _ in rows:
            groups.setdefault("service", service)
    with transaction.atomic():
        if invited is not None:
            counts = _invited_counts(wave, invited_rows)
            result.invited = past_waves.invited_counts_record(wave=wave, counts=counts)
            result.invited_groups = sum(1 for n in counts.values() if n)
        result.created = past_waves.responses_bulk_create(wave=wave, rows=rows)
    return result


@transaction.atomic
def invited_import(*, wave: Wave, source: IO[bytes] | bytes, filename: str) -> ImportResult:
    """Record (or replace) how many were invited in each group of a past wave, from a file:
    every row, or (with errors) nothing. Refused for a wave that collected its own responses
    (its counts were taken when it opened). `created` is 0: no responses are added."""
    if wave.status != Wave.Status.CLOSED or wave.invitations.exists():
        return ImportResult(wave=wave, errors=[invited_refusal(wave)])
    rows, errors = read_invited(filename, _read(source))
    responses = wave.responses.count()
    total = sum(n for _, n in rows)
    if not errors and total < responses:
        errors = [_fewer_than_responded(total, responses)]
    result = ImportResult(wave=wave, errors=errors)
    if errors:
        return result
    counts = _invited_counts(wave, rows)
    result.invited = past_waves.invited_counts_record(wave=wave, counts=counts)
    result.invited_groups = sum(1 for n in counts.values() if n)
    return result


def invited_refusal(wave: Wave) -> str:
    """Why invited counts cannot be given for a wave that is not a past wave."""
    if wave.status == Wave.Status.DRAFT:
        return (
            f"{wave} has not opened: how many are invited is counted from the people records "
            "when it opens"
        )
    return (
        f"{wave} collected its own responses: how many were invited was counted from the "
        "people records when it opened. Invited counts can be given only for an earlier "
        "survey imported from another tool"
    )


def is_past(wave: Wave) -> bool:
    """An earlier survey imported from another tool: closed from the start, no invitations."""
    return wave.status == Wave.Status.CLOSED and not wave.invitations.exists()


def invited_rows(*, wave: Wave) -> list[dict[str, Any]]:
    """The counts recorded for a wave, one dict per group (GROUP_FIELDS and invited)."""
    return list(
        InvitedGroup.objects.filter(wave=wave)
        .order_by(*GROUP_FIELDS)
        .values(*GROUP_FIELDS, INVITED)
    )


class _NothingImported(Exception):
    """Raised inside the transaction to undo a new past wave when its file has errors."""


def past_wave_import(
    *,
    source: IO[bytes] | bytes,
    filename: str,
    invited: Upload | None = None,
    **wave: Any,
) -> ImportResult:
    """Create a closed past wave (``past_waves.past_wave_create`` arguments) and import a file
    (and any invited counts) into it, in one transaction: with any error, nothing is stored."""
    data = _read(source)
    result = ImportResult(wave=None, errors=[])  # type: ignore[arg-type]
    try:
        with transaction.atomic():
            result = responses_import(
                wave=past_waves.past_wave_create(**wave),
                source=data,
                filename=filename,
                invited=invited,
            )
            if result.errors:
                raise _NothingImported
    except _NothingImported:
        pass
    return result


def template_columns(questionnaire: Questionnaire) -> list[str]:
    return [*GROUP_FIELDS, *(item.code for item in questionnaire.parsed().items())]


def template_csv(questionnaire: Questionnaire) -> bytes:
    out = io.StringIO()
    csv.writer(out).writerow(csv_row(template_columns(questionnaire)))
    return out.getvalue().encode("utf-8-sig")


def template_xlsx(questionnaire: Questionnaire) -> bytes:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Responses"
    xlsx_append(sheet, template_columns(questionnaire))
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def invited_template_columns() -> list[str]:
    return [*GROUP_FIELDS, INVITED]


def invited_template_csv() -> bytes:
    out = io.StringIO()
    csv.writer(out).writerow(csv_row(invited_template_columns()))
    return out.getvalue().encode("utf-8-sig")


def invited_template_xlsx() -> bytes:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Invited"
    xlsx_append(sheet, invited_template_columns())
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
