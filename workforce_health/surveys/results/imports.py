"""Import an earlier year's responses from CSV or XLSX: one row per respondent, all or nothing.

Layout (docs/survey-import.md): optional group columns (GROUP_FIELDS), then one column per item
code. Agree answers as labels or codes 1-5; "don't know" as a label or blank. In a wave of one
service, a row without a service is that service's.
"""

import csv
import io
from dataclasses import dataclass, field
from typing import IO, Any

from django.db import transaction
from openpyxl import Workbook, load_workbook

from workforce_health.surveys import questionnaire as qn
from workforce_health.surveys.groups import GROUP_FIELDS
from workforce_health.surveys.models import Questionnaire, Wave
from workforce_health.surveys.results import services

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


@dataclass
class ImportResult:
    wave: Wave
    created: int = 0
    errors: list[str] = field(default_factory=list)


def _cells(filename: str, data: bytes) -> list[list[Any]]:
    if filename.lower().endswith(".xlsx"):
        try:
            book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        except Exception as error:  # openpyxl raises many types for a damaged file
            raise ValueError(f"The file is not a readable XLSX workbook ({error})") from None
        rows = [
            ["" if c is None else c for c in row]
            for row in book.worksheets[0].iter_rows(values_only=True)
        ]
        book.close()
        return rows
    if not filename.lower().endswith(".csv"):
        raise ValueError("The file must be a CSV (.csv) or Excel workbook (.xlsx)")
    try:
        return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    except UnicodeDecodeError:
        raise ValueError("The CSV file must be saved as UTF-8 (CSV UTF-8 in Excel)") from None


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
    if item.type == qn.NUMBER:
        try:
            number = float(raw)
        except ValueError:
            raise ValueError("is not a number") from None
        if (item.min is not None and number < item.min) or (
            item.max is not None and number > item.max
        ):
            raise ValueError(f"is outside {item.min:g} to {item.max:g}")
        return raw
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
        cells = _cells(filename, data)
    except ValueError as error:
        return [], [str(error)]
    items = {item.code: item for item in parsed.items()}
    header = [_text(c).lower() for c in (cells[0] if cells else [])]
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
    for number, row in enumerate(cells[1:], start=2):
        texts = [_text(c) for c in row[: len(header)]]
        if not any(texts):
            continue
        groups, answers = {}, {}
        for name, raw in zip(header, texts, strict=False):
            if not raw:
                continue
            if name in GROUP_FIELDS:
                groups[name] = raw
                continue
            try:
                value = _answer(items[name], raw)
            except ValueError as error:
                errors.append(f"Row {number}, column {name}: {raw!r} {error}")
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


def responses_import(*, wave: Wave, source: IO[bytes] | bytes, filename: str) -> ImportResult:
    """Import a file into a past wave: every row, or (with errors) nothing."""
    data = source if isinstance(source, bytes) else source.read()
    rows, errors = read_responses(wave.questionnaire.parsed(), filename, data)
    result = ImportResult(wave=wave, errors=errors)
    if errors:
        return result
    surveyed = list(wave.services.values_list("name", flat=True))
    if len(surveyed) == 1:  # a wave of one service: a row without a service is from it
        for groups, _ in rows:
            groups.setdefault("service", surveyed[0])
    with transaction.atomic():
        result.created = services.responses_bulk_create(wave=wave, rows=rows)
    return result


class _NothingImported(Exception):
    """Raised inside the transaction to undo a new past wave when its file has errors."""


def past_wave_import(
    *,
    source: IO[bytes] | bytes,
    filename: str,
    **wave: Any,
) -> ImportResult:
    """Create a closed past wave (``services.past_wave_create`` arguments) and import a file
    into it, in one transaction: with any error in the file, neither is stored."""
    data = source if isinstance(source, bytes) else source.read()
    result = ImportResult(wave=None, errors=[])  # type: ignore[arg-type]
    try:
        with transaction.atomic():
            result = responses_import(
                wave=services.past_wave_create(**wave), source=data, filename=filename
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
    csv.writer(out).writerow(template_columns(questionnaire))
    return out.getvalue().encode("utf-8-sig")


def template_xlsx(questionnaire: Questionnaire) -> bytes:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Responses"
    sheet.append(template_columns(questionnaire))
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
