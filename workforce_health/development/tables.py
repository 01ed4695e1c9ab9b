"""The measures as data tables (web.tables.Table): one definition for the pages, the CSV and
XLSX downloads and the scrutiny report."""

import datetime
from collections.abc import Sequence
from typing import Any

import polars as pl

from workforce_health.development.frames import NqswProgress, Period, SecondmentEffect
from workforce_health.development.staff_view import TeamView
from workforce_health.web.tables import Column, Table, Value

GROUP_LABELS = {"team": "Team", "service": "Service", "person": "Person"}
NO_TEAM = "No team recorded"
NOT_APPLICABLE = "z: nothing to count (no window or session in the period)."
SUPERVISION_SOURCE = "Source: the council's supervision records."
CPD_SOURCE = "Source: the council's CPD records."


def period_text(period: Period) -> str:
    return f"{period.start:%-d %B %Y} to {period.end:%-d %B %Y}"


def compliance_table(
    frame: pl.DataFrame,
    *,
    by: str,
    period: Period,
    minimum_minutes: int,
    labels: dict[Any, str] | None = None,
) -> Table:
    """Supervision compliance by team, service or person (``labels`` names person ids)."""
    column = "person_id" if by == "person" else by
    rows = []
    for row in frame.to_dicts():
        key = row[column]
        name = (labels or {}).get(key, str(key)) if key is not None else NO_TEAM
        rows.append(
            (
                name,
                row["people"],
                row["windows_required"],
                row["windows_met"],
                row["share_met"],
                row["sessions"],
                row["share_long"],
                row["share_uninterrupted"],
                row["mean_quality"],
            )
        )
    return Table(
        slug=f"supervision-by-{by}",
        caption=f"Supervision by {GROUP_LABELS[by].lower()}, {period_text(period)}",
        columns=(
            Column(GROUP_LABELS[by]),
            Column("People", "count"),
            Column("Windows due", "count"),
            Column("Windows met", "count"),
            Column("Met (%)", "rate"),
            Column("Sessions", "count"),
            Column(f"At least {minimum_minutes} min (%)", "rate"),
            Column("Uninterrupted (%)", "rate"),
            Column("Mean rating (1 to 5)", "rate"),
        ),
        rows=tuple(rows),
        source=SUPERVISION_SOURCE,
        notes=(
            "A window is met when a qualifying session is held in it; windows still open today "
            "are not counted.",
            NOT_APPLICABLE,
        ),
    )


def _figure(team_view: TeamView, team: str | None) -> tuple[Value, Value]:
    figure = team_view.teams.get(team) if team else None
    if figure is None:
        return "No answers", ""
    if figure.hidden:
        return figure.hidden, ""
    return figure.pct_agree, figure.n


def beside_table(frame: pl.DataFrame, team_view: TeamView, *, period: Period, topic: str) -> Table:
    """Each team's records beside what it said in the Health Check (the same suppressed
    figure as the survey results pages)."""
    measure, label = {
        "supervision": ("share_met", "Supervision windows met (%)"),
        "cpd": ("pieces_per_person", "CPD pieces per person"),
    }[topic]
    return Table(
        slug=f"{topic}-beside-health-check",
        caption=f"Records beside the Health Check by team, {period_text(period)}",
        columns=(
            Column("Team"),
            Column(label, "rate"),
            Column("Health Check: agree (%)", "rate"),
            Column("Health Check answers", "count"),
        ),
        rows=tuple(
            (row["team"] or NO_TEAM, row[measure], *_figure(team_view, row["team"]))
            for row in frame.to_dicts()
        ),
        source=f"Sources: the council's records; {team_view.titles} (anonymous answers).",
        notes=(
            f"Health Check: the share agreeing that \u201c{team_view.question}\u201d. Groups "
            "with too few answers are hidden, as on the survey results pages.",
        ),
    )


def readiness_table(frame: pl.DataFrame, *, by: str, year: int) -> Table:
    return Table(
        slug=f"cpd-readiness-by-{by}",
        caption=f"Ready to renew registration, registration year to 30 November {year}",
        columns=(
            Column(GROUP_LABELS[by]),
            Column("Registered social workers", "count"),
            Column("Ready", "count"),
            Column("Ready (%)", "rate"),
            Column("Fewer than 2 pieces", "count"),
            Column("No peer reflection", "count"),
            Column("Pieces of CPD", "count"),
            Column("Recorded with Social Work England", "count"),
            Column("Hours", "rate"),
        ),
        rows=tuple(
            (
                row[by] or NO_TEAM,
                row["people"],
                row["ready"],
                row["share_ready"],
                row["fewer_than_two"],
                row["no_peer_reflection"],
                row["pieces"],
                row["recorded_with_swe"],
                row["hours"],
            )
            for row in frame.to_dicts()
        ),
        source=CPD_SOURCE,
        notes=(
            "Ready: at least two pieces of CPD in the registration year, at least one with a "
            "peer reflection (Social Work England). The renewal window is 1 September to 30 "
            "November.",
        ),
    )


def needs_table(
    activity: pl.DataFrame, attendance: dict[str | None, int], *, period: Period
) -> Table:
    """CPD activity and learning offer attendance by team."""
    return Table(
        slug="training-needs-by-team",
        caption=f"CPD and learning by team, {period_text(period)}",
        columns=(
            Column("Team"),
            Column("Registered social workers", "count"),
            Column("With any CPD", "count"),
            Column("Pieces per person", "rate"),
            Column("Hours", "rate"),
            Column("Pieces with a peer reflection", "count"),
            Column("Attended the learning offer", "count"),
        ),
        rows=tuple(
            (
                row["team"] or NO_TEAM,
                row["people"],
                row["people_with_cpd"],
                row["pieces_per_person"],
                row["hours"],
                row["peer_reflections"],
                attendance.get(row["team"], 0),
            )
            for row in activity.to_dicts()
        ),
        source=CPD_SOURCE,
        notes=("Attended: places taken up on courses and events of the learning offer.",),
    )


NQSW_LABELS = (
    ("nqsws", "NQSWs"),
    ("in_progress", "In progress"),
    ("paused", "Paused"),
    ("extended", "Extended"),
    ("on_track", "On track"),
    ("late_review", "A review late"),
    ("late_evidence", "Evidence late"),
    ("caseload_breach", "Caseload above protection"),
    ("passed", "Passed"),
    ("failed", "Failed"),
    ("withdrawn", "Left the programme"),
)


def nqsw_summary_table(frame: pl.DataFrame, *, by: str, as_of: datetime.date) -> Table:
    return Table(
        slug=f"nqsws-by-{by}",
        caption=f"Newly qualified social workers by {by}, {as_of:%-d %B %Y}",
        columns=(Column(GROUP_LABELS[by]), *(Column(label, "count") for _, label in NQSW_LABELS)),
        rows=tuple(
            (row[by] or NO_TEAM, *(row[name] for name, _ in NQSW_LABELS))
            for row in frame.to_dicts()
        ),
        source="Source: the council's ASYE records and caseload records.",
        notes=(
            "On track: no review or evidence late, no final decision overdue, the latest review "
            "not \u201cnot on track\u201d, and the caseload within its protection.",
        ),
    )


def nqsw_list_rows(progress: Sequence[NqswProgress]) -> list[dict[str, Any]]:
    """Rows for the NQSW dashboard's list (the template links each name)."""
    rows = []
    for item in progress:
        p = item.progress
        upcoming = [r for r in p.reviews if r.held_on is None and not r.late]
        late = [f"{r.point}-month review" for r in p.late_reviews]
        late += [f"{e.label.lower()} ({e.done} of {e.due_now})" for e in p.late_evidence]
        if p.awaiting_decision:
            late.append("final decision")
        rows.append(
            {
                "item": item,
                "next_review": upcoming[0] if upcoming else None,
                "late": late,
            }
        )
    return rows


EFFECT_MEASURES = (
    ("inpost_fte", "Social workers in post (FTE)"),
    ("leavers_fte", "Leavers in the year (FTE)"),
    ("turnover_rate_fte", "Turnover rate (%)"),
    ("vacancy_fte", "Vacancies (FTE)"),
    ("vacancy_rate_fte", "Vacancy rate (%)"),
)


def secondment_effect_table(effect: SecondmentEffect) -> Table:
    def difference(name: str) -> float | None:
        before, after = effect.recorded.get(name), effect.treated.get(name)
        return None if before is None or after is None else after - before

    notes = [
        "As recorded: every secondee counted in their home post. With the census treatment: "
        "each secondment counted as its record says (a secondee no longer doing children and "
        "family social work is a leaver, reason 7, and their home post a vacancy unless "
        "council staff fill it). Both columns are the DfE measures on the same records.",
    ]
    if not effect.vacancy_known:
        notes.append(
            f"No vacancy figure is recorded for 30 September {effect.year}, so the vacancy "
            "rate is not known either way (z)."
        )
    return Table(
        slug="secondment-effect",
        caption=f"Secondments and the census, year ending 30 September {effect.year}",
        columns=(
            Column("Measure"),
            Column("As recorded", "rate"),
            Column("With the census treatment", "rate"),
            Column("Difference", "rate"),
        ),
        rows=tuple(
            (label, effect.recorded.get(name), effect.treated.get(name), difference(name))
            for name, label in EFFECT_MEASURES
        ),
        source="Source: the council's workforce and secondment records; DfE measure definitions.",
        notes=tuple(notes),
    )
