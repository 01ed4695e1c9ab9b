"""Downloads of the records in the reader's scope, in the import layout (so a file exported here
imports again), and every downloaded table made safe for spreadsheet programs."""

from collections.abc import Iterable
from typing import Any

from django.http import HttpResponse

from workforce_health.core.scope import Scope
from workforce_health.development import imports, selectors
from workforce_health.web.tables import Column, Table, csv_response, xlsx_response


def download(table: Table, filename: str, fmt: str) -> HttpResponse:
    """A table as CSV or XLSX, formulas neutralised, not cached (it may hold personal data)."""
    respond = csv_response if fmt == "csv" else xlsx_response
    response = respond(table, filename)  # web.tables neutralises formulas
    response["Cache-Control"] = "no-store"
    return response


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return str(value)


def _table(kind: imports.ImportKind, rows: Iterable[dict[str, Any]]) -> Table:
    columns = list(kind.example)
    return Table(
        slug=f"{kind.key}-records",
        caption=f"{kind.label} (the import layout)",
        columns=tuple(Column(c) for c in columns),
        rows=tuple(tuple(_text(row.get(c)) for c in columns) for row in rows),
    )


def records_table(*, scope: Scope, kind: str) -> Table:
    """The scope's records of one kind, one row each, in the import layout."""
    if kind == "supervision":
        sessions = selectors.session_list(scope=scope).order_by("held_on", "pk")
        return _table(
            imports.SUPERVISION,
            (
                {
                    "employee_number": s.person.employee_number,
                    "date": s.held_on,
                    "minutes": s.minutes,
                    "kind": s.kind,
                    "uninterrupted": s.uninterrupted,
                    "topics": "; ".join(s.topics),
                    "supervisor_employee_number": s.supervisor.employee_number
                    if s.supervisor
                    else "",
                    "quality": s.quality,
                }
                for s in sessions
            ),
        )
    if kind == "cpd":
        return _table(
            imports.CPD,
            (
                {
                    "employee_number": e.person.employee_number,
                    "date": e.done_on,
                    "activity_type": e.activity_type,
                    "title": e.title,
                    "hours": e.hours,
                    "learnt": e.learnt,
                    "impact": e.impact,
                    "peer_reflection": e.peer_reflection,
                    "recorded_with_swe": e.recorded_with_swe,
                }
                for e in selectors.cpd_list(scope=scope).order_by("done_on", "pk")
            ),
        )
    if kind == "asye":
        rows = []
        for e in selectors.enrolment_list(scope=scope).order_by("starts_on", "pk"):
            row: dict[str, Any] = {
                "employee_number": e.person.employee_number,
                "assessor_employee_number": e.assessor.employee_number,
                "supervisor_employee_number": e.supervisor.employee_number,
                "start_date": e.starts_on,
                "programme": e.programme.name,
                "planned_end": e.planned_end,
                "recommendation": e.recommendation,
                "panel_date": e.panel_on,
                "decision": e.decision,
                "extended_to": e.extended_to,
                "record_updated_on": e.record_updated_on,
                "withdrawn_on": e.withdrawn_on,
            }
            for review in e.reviews.all():
                row[f"review_{review.point}_date"] = review.held_on
                row[f"review_{review.point}_judgement"] = review.judgement
            rows.append(row)
        points = sorted({int(k.split("_")[1]) for r in rows for k in r if k.startswith("review_")})
        layout = imports.ImportKind(
            imports.ASYE.key,
            imports.ASYE.label,
            imports.ASYE.columns,
            {
                **dict.fromkeys(imports.ASYE.columns, ""),
                **{f"review_{p}_{part}": "" for p in points for part in ("date", "judgement")},
            },
        )
        return _table(layout, rows)
    return _table(
        imports.SECONDMENTS,
        (
            {
                "employee_number": s.person.employee_number,
                "home_team": s.home_employment.team.name,
                "host_team": s.host_team.name if s.host_team else "",
                "host_organisation": s.host_organisation,
                "start_date": s.starts_on,
                "planned_end": s.planned_end,
                "actual_end": s.actual_end,
                "fte": s.fte.normalize(),
                "purpose": s.purpose,
                "backfill": s.backfill,
                "outcome": s.outcome,
                "census_treatment": s.census_treatment,
            }
            for s in selectors.secondment_list(scope=scope).order_by("starts_on", "pk")
        ),
    )
