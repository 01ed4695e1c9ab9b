"""Actions and sessions as plain records, for the command line's JSON and CSV (never a name of
anyone who came to a session, nor anything about who sent an anonymous message)."""

import csv
import io
from collections.abc import Iterable, Sequence
from typing import Any

from django.utils import timezone

from workforce_health.listening import selectors
from workforce_health.listening.models import Action, LeaderSession
from workforce_health.listening.standards import standard_label
from workforce_health.rounding import round_half_up
from workforce_health.spreadsheets.formulas import csv_row

Record = dict[str, Any]


def action_record(action: Action) -> Record:
    check_back = selectors.check_back_result(action=action)
    return {
        "title": action.title,
        "description": action.description,
        "status": action.status,
        "owner": action.owner.full_name,
        "for": [s.name for s in action.services.all()] or ["Whole organisation"],
        "raised_on": action.raised_on.isoformat(),
        "due_on": action.due_on.isoformat(),
        "completed_on": action.completed_on.isoformat() if action.completed_on else None,
        "percent_complete": action.percent_complete,
        "shown_to": action.visibility,
        "prompted_by": [said.text for said in selectors.action_said(action)],
        "evidence": action.evidence,
        "check_back": None
        if check_back is None
        else {
            "survey": check_back.wave.title,
            "closes_on": check_back.wave.closes_on.isoformat(),
            "respondents": check_back.respondents,
            "items": [
                {"question": q, "pct_agree": v, "suppressed": v is None}
                for q, v, _ in check_back.items
            ],
        },
    }


def _one_place(value: float | None) -> float | None:
    return None if value is None else float(round_half_up(value, 1))


def session_record(session: LeaderSession) -> Record:
    starts = timezone.localtime(session.starts_at)
    invited = selectors.invited_total(session)
    attended = selectors.attended_total(session)
    return {
        "title": session.title,
        "type": session.kind,
        "starts_at": starts.isoformat(),
        "duration_minutes": session.duration_minutes,
        "format": session.format,
        "location": session.location,
        "hosts": session.host_labels(),
        "audience_services": [s.name for s in session.audience_services.all()],
        "audience_teams": [t.name for t in session.audience_teams.all()],
        "audience_role_groups": list(session.audience_role_groups),
        "standards": [standard_label(code) for code in session.standards],
        "topics": session.topics,
        "status": session.status,
        "mandatory": session.mandatory,
        "keeps_register": session.keeps_register,
        "invited": invited,
        "attended": attended,
        "reach_pct": round(100 * attended / invited, 1)
        if invited and attended is not None
        else None,
        "questions_raised": session.questions_raised,
    }


def _flat(value: Any) -> Any:
    if isinstance(value, list):
        return "; ".join(str(_flat(v)) for v in value)
    if isinstance(value, dict):
        return "; ".join(f"{k}: {_flat(v)}" for k, v in value.items())
    if value is None:
        return ""
    return value


def csv_text(records: Sequence[Record], columns: Iterable[str]) -> str:
    """Records as CSV, lists joined with "; ", formulas made inert."""
    names = list(columns)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(names)
    for record in records:
        row = [_flat(record.get(name)) for name in names]
        writer.writerow(csv_row(row))
    return out.getvalue()
