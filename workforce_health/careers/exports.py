"""The careers app's downloads and command-line output: vacancies and the DfE's quarterly
agency data, as rows for CSV (every text cell made safe for spreadsheets) or JSON.

The quarterly layout follows the data items the DfE's agency rules ask for (statutory
guidance, data collection; Community Care, 2 October 2024): one row per assignment running in
the quarter with its job type, hourly rate, dates, Social Work England number and project team,
and the council's compliance with each rule. It is not the DfE's template: check the columns
against the current collection guidance before submitting (docs/careers.md).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from typing import Any, Final

import polars as pl

from workforce_health.careers import compliance
from workforce_health.careers.models import AgencyRole, OfferRole, Vacancy
from workforce_health.core.models import Employment
from workforce_health.spreadsheets.formulas import csv_cell


def safe_cell(value: object) -> object:
    """The cell as a spreadsheet must read it: empty for None, formula-like text made inert
    (spreadsheets.formulas, the project's one rule)."""
    return "" if value is None else csv_cell(value)


def csv_text(headers: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(headers)
    writer.writerows([safe_cell(v) for v in row] for row in rows)
    return out.getvalue()


# Vacancies ---------------------------------------------------------------------------------

VACANCY_FIELDS: Final = (
    "id",
    "title",
    "service",
    "team",
    "role",
    "grade",
    "salary_min",
    "salary_max",
    "hours_per_week",
    "contract",
    "location",
    "reference",
    "posts",
    "opened_on",
    "closing_date",
    "first_published_on",
    "apply_url",
    "url",
)


def vacancy_record(vacancy: Vacancy, *, url: str, town: str) -> dict[str, Any]:
    return {
        "id": vacancy.pk,
        "title": vacancy.title,
        "service": vacancy.service.name,
        "team": vacancy.team.name if vacancy.team else None,
        "role": OfferRole(vacancy.role).label,
        "grade": vacancy.grade,
        "salary_min": int(vacancy.salary_min),
        "salary_max": int(vacancy.salary_max),
        "hours_per_week": float(vacancy.hours_per_week),
        "contract": vacancy.get_contract_display(),
        "location": vacancy.location or town,
        "reference": vacancy.reference,
        "posts": vacancy.posts,
        "opened_on": vacancy.opened_on.isoformat(),
        "closing_date": vacancy.closing_date.isoformat(),
        "first_published_on": (
            vacancy.first_published_on.isoformat() if vacancy.first_published_on else None
        ),
        "apply_url": vacancy.apply_url,
        "url": url,
        "description": vacancy.description,
    }


def vacancies_csv(records: list[dict[str, Any]], *, fields: Sequence[str] | None = None) -> str:
    columns = fields or VACANCY_FIELDS
    return csv_text(columns, ([r[f] for f in columns] for r in records))


# Agency data -----------------------------------------------------------------------------------

QUARTERLY_HEADERS: Final = (
    "la_code",
    "quarter",
    "swe_number",
    "job_type",
    "agency",
    "project_team",
    "team",
    "assignment_start",
    "assignment_end",
    "hourly_charge_rate",
    "hourly_cap",
    "cap_rule",
    "cap_exception_approved_by",
    "experience_years",
    "experience_rule",
    "references_rule",
    "notice_weeks",
    "notice_rule",
    "permanent_post_rule",
    "compliant",
    "missing",
)


MONEY_COLUMNS: Final = ("hourly_charge_rate", "hourly_cap")


def agency_rows(
    employments: list[Employment], assessed: pl.DataFrame, *, la_code: str, quarter: str
) -> list[dict[str, Any]]:
    """One record per assignment, typed for JSON (in the order of ``employments``, which are
    the rows of ``assessed``); ``agency_csv`` writes the same records as text."""
    rows = []
    for employment, row in zip(employments, assessed.iter_rows(named=True), strict=True):
        record = getattr(employment, "agency_assignment", None)
        rows.append(
            {
                "la_code": la_code,
                "quarter": quarter,
                "swe_number": employment.person.swe_number,
                "job_type": AgencyRole(row["role"]).label,
                "agency": record.agency if record else "",
                "project_team": record.project_team if record else "",
                "team": row["team"],
                "assignment_start": row["start_date"].isoformat(),
                "assignment_end": row["end_date"].isoformat() if row["end_date"] else None,
                "hourly_charge_rate": row["hourly_charge_rate"],
                "hourly_cap": row["hourly_cap"],
                "cap_rule": row["price_cap"],
                "cap_exception_approved_by": row["cap_exception_approved_by"] or "",
                "experience_years": row["experience_years"],
                "experience_rule": row["experience"],
                "references_rule": row["references"],
                "notice_weeks": row["notice_weeks"],
                "notice_rule": row["notice"],
                "permanent_post_rule": row["gap"],
                "compliant": bool(row["compliant"]),
                "missing": list(row["missing"]),
            }
        )
    return rows


def _text(column: str, value: object) -> object:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list):
        return "; ".join(value)
    if column in MONEY_COLUMNS:
        return f"{float(value):.2f}"  # type: ignore[arg-type]
    if isinstance(value, float):
        return f"{value:g}"
    return value


def agency_csv(rows: list[dict[str, Any]]) -> str:
    return csv_text(QUARTERLY_HEADERS, ([_text(h, r[h]) for h in QUARTERLY_HEADERS] for r in rows))


def in_quarter(
    employments: list[Employment], assessed: pl.DataFrame, quarter: str
) -> tuple[list[Employment], pl.DataFrame]:
    """The assignments that ran on any day of ``quarter``."""
    start, end = compliance.quarter_bounds(quarter)
    keep = [
        i
        for i, e in enumerate(employments)
        if e.start_date <= end and (e.end_date is None or e.end_date >= start)
    ]
    return [employments[i] for i in keep], assessed[keep] if keep else assessed.clear()
