"""The listening pages' data tables (web.tables.Table): shown, downloaded as CSV and XLSX, and
quoted by the scrutiny report from one definition."""

import datetime
from collections.abc import Sequence

from django.utils import timezone

from workforce_health.listening import reach, summary
from workforce_health.listening.models import Action, LeaderSession
from workforce_health.listening.pulse_disclosure import Key
from workforce_health.listening.selectors.pulses import RESPONSES, PulseResults, Trend
from workforce_health.web.tables import Column, Table, Value

__all__ = ["Column", "Table", "Value"]  # the views build small tables with them

HIDDEN_NOTE = (
    'Counts of themes and flags below {n} in a month are hidden ("Fewer than {n}"), and '
    'another month is hidden where the total would give a hidden one away ("Hidden to '
    'protect another"). A message can have several themes, so themes do not add up to the '
    "conversations started."
)


def month_label(month: str) -> str:
    return datetime.date.fromisoformat(f"{month}-01").strftime("%B %Y")


def _count(count: summary.Count, n: int) -> Value:
    if count.value is not None:
        return count.value
    return f"Fewer than {n}" if count.hidden.startswith("fewer") else "Hidden to protect another"


def conversations_by_month(found: summary.Summary) -> Table:
    rows = tuple(
        (
            month_label(month),
            found.by_status[month]["started"],
            found.by_status[month]["awaiting"],
            found.by_status[month]["acknowledged"],
            found.by_status[month]["replied"],
            found.by_status[month]["closed"],
        )
        for month in found.months
    )
    return Table(
        slug="conversations-by-month",
        caption="Anonymous conversations started each month, by where they are now",
        columns=(
            Column("Month"),
            Column("Started", "count"),
            Column("Awaiting a reply", "count"),
            Column("Acknowledged", "count"),
            Column("Replied", "count"),
            Column("Closed", "count"),
        ),
        rows=rows,
        notes=("Counts only: no message text, sender or date finer than the month.",),
    )


def conversations_by_recipient(found: summary.Summary) -> Table:
    return Table(
        slug="conversations-by-recipient",
        caption="Anonymous conversations started each month, by who they were sent to",
        columns=(Column("Sent to"), *(Column(month_label(m), "count") for m in found.months)),
        rows=tuple(
            (recipient, *(counts[m] for m in found.months))
            for recipient, counts in found.by_recipient.items()
        ),
    )


def _content_table(
    lines: dict[str, dict[str | None, summary.Count]],
    months: tuple[str, ...],
    *,
    slug: str,
    caption: str,
    heading: str,
    n: int,
) -> Table:
    return Table(
        slug=slug,
        caption=caption,
        columns=(
            Column(heading),
            *(Column(month_label(m), "count") for m in months),
            Column("All months", "count"),
        ),
        rows=tuple(
            (name, *(_count(line[m], n) for m in months), _count(line[None], n))
            for name, line in lines.items()
        ),
        notes=(HIDDEN_NOTE.format(n=n),),
    )


def conversations_by_theme(found: summary.Summary, n: int = summary.MIN_COUNT) -> Table:
    return _content_table(
        found.themes,
        found.months,
        slug="conversations-by-theme",
        caption="Anonymous conversations by theme and month started",
        heading="Theme",
        n=n,
    )


def conversations_flagged(found: summary.Summary, n: int = summary.MIN_COUNT) -> Table:
    return _content_table(
        found.flags,
        found.months,
        slug="conversations-flagged",
        caption="Anonymous conversations flagged to the workforce lead, by month started",
        heading="Flag",
        n=n,
    )


def summary_tables(found: summary.Summary) -> dict[str, Table]:
    tables = (
        conversations_by_month(found),
        conversations_by_recipient(found),
        conversations_by_theme(found),
        conversations_flagged(found),
    )
    return {t.slug: t for t in tables}


REACH_NOTE = (
    "Reach is the number who came as a percentage of those invited, for the sessions held in "
    "the quarter whose audience included the group. Sessions counted as one total (not by "
    "team) are in the organisation's figures only."
)


def sessions_held(found: reach.Reach) -> Table:
    kinds = list(next(iter(found.kinds.values()), {}))
    rows = []
    for quarter in found.quarters:
        whole = found.organisation[quarter]
        rows.append(
            (
                quarter,
                *(found.kinds[quarter][k] for k in kinds),
                whole.sessions,
                whole.invited,
                whole.attended,
                whole.reach,
            )
        )
    return Table(
        slug="sessions-held",
        caption="Leader sessions held each quarter, by type, with attendance",
        columns=(
            Column("Quarter"),
            *(Column(k, "count") for k in kinds),
            Column("All sessions", "count"),
            Column("Invited", "count"),
            Column("Came", "count"),
            Column("Reach (%)", "rate"),
        ),
        rows=tuple(rows),
        notes=(REACH_NOTE,),
    )


def _reach_table(
    lines: dict[str, dict[str, reach.Figures]],
    quarters: tuple[str, ...],
    *,
    slug: str,
    caption: str,
    heading: str,
) -> Table:
    return Table(
        slug=slug,
        caption=caption,
        columns=(Column(heading), *(Column(f"{q} reach (%)", "rate") for q in quarters)),
        rows=tuple(
            (name, *(figures[q].reach for q in quarters)) for name, figures in lines.items()
        ),
        notes=(REACH_NOTE, "Blank: no session for this group was held in the quarter."),
    )


def reach_by_service(found: reach.Reach) -> Table:
    return _reach_table(
        found.services,
        found.quarters,
        slug="reach-by-service",
        caption="Reach of leader sessions by service and quarter",
        heading="Service",
    )


def reach_by_team(found: reach.Reach) -> Table:
    return _reach_table(
        {f"{service} / {team}": f for (service, team), f in found.teams.items()},
        found.quarters,
        slug="reach-by-team",
        caption="Reach of leader sessions by team and quarter",
        heading="Team",
    )


def reach_tables(found: reach.Reach) -> dict[str, Table]:
    made = (sessions_held(found), reach_by_service(found), reach_by_team(found))
    return {t.slug: t for t in made}


def actions_table(actions: Sequence[Action]) -> Table:
    """Every action with its status, owner, dates and what prompted it (counts of links by kind
    would hide which); never anything about who said what."""
    rows = []
    for action in actions:
        prompts = sorted({link.get_kind_display() for link in action.links.all()})
        rows.append(
            (
                action.title,
                action.get_status_display(),
                action.owner.full_name,
                ", ".join(s.name for s in action.services.all()) or "Whole organisation",
                action.due_on.isoformat(),
                action.completed_on.isoformat() if action.completed_on else "",
                "; ".join(prompts),
                action.get_visibility_display(),
            )
        )
    return Table(
        slug="actions",
        caption="Actions: you said, we did",
        columns=(
            Column("Action"),
            Column("Status"),
            Column("Owner"),
            Column("For"),
            Column("Due"),
            Column("Completed"),
            Column("Prompted by"),
            Column("Shown to"),
        ),
        rows=tuple(rows),
    )


def _trend_value(value: float | None, note: str) -> Value:
    return value if value is not None else note


def pulse_trend_table(found: Trend, *, group: str) -> Table:
    return Table(
        slug="pulse-trend",
        caption=f"% agree in each pulse and Health Check: {group}",
        columns=(Column("Question"), *(Column(c.label, "rate") for c in found.columns)),
        rows=tuple(
            (text, *(_trend_value(v, note) for v, note in values)) for _, text, values in found.rows
        ),
        notes=(
            "Agree is the share answering agree or strongly agree, of those who gave an answer "
            "other than don't know. Health Check figures are as its own results show them.",
            "Groups too small to show are hidden, and others are hidden to protect them. A pulse "
            "also hides every group the Health Check it follows hides, and every group hidden in "
            "an earlier pulse since that Health Check, so that comparing the surveys cannot "
            "reveal a small group. Not asked: that survey did not ask the question.",
        ),
    )


def pulse_response_table(results: Sequence[PulseResults], *, key: Key, group: str) -> Table:
    rows = []
    for result in results:
        figure = result.measures.get(RESPONSES, {}).get(key)
        rows.append(
            (
                result.pulse.wave.title,
                result.pulse.wave.closes_on.isoformat(),
                _trend_value(
                    figure.n if figure else None, figure.hidden if figure else "No answers"
                ),
                _trend_value(
                    figure.value if figure else None, figure.hidden if figure else "No answers"
                ),
            )
        )
    return Table(
        slug="pulse-responses",
        caption=f"Responses to each pulse: {group}",
        columns=(
            Column("Pulse"),
            Column("Closed"),
            Column("Responded", "count"),
            Column("Response rate (%)", "rate"),
        ),
        rows=tuple(rows),
    )


def sessions_table(sessions: Sequence[LeaderSession]) -> Table:
    """Every session with its type, date, hosts, audience and counts (never who came)."""
    rows = []
    for session in sessions:
        invited = sum(c.invited for c in session.invited.all()) if session.invited.all() else None
        came = (
            sum(c.attended for c in session.attendance.all()) if session.attendance.all() else None
        )
        audience = [t.name for t in session.audience_teams.all()] or [
            s.name for s in session.audience_services.all()
        ]
        rows.append(
            (
                session.title,
                timezone.localtime(session.starts_at).strftime("%Y-%m-%d %H:%M"),
                session.get_kind_display(),
                session.get_status_display(),
                ", ".join(session.host_labels()),
                ", ".join(audience) or "Whole organisation",
                invited,
                came,
            )
        )
    return Table(
        slug="sessions",
        caption="Leader sessions",
        columns=(
            Column("Session"),
            Column("Date and time"),
            Column("Type"),
            Column("Status"),
            Column("Hosts"),
            Column("Audience"),
            Column("Invited", "count"),
            Column("Came", "count"),
        ),
        rows=tuple(rows),
        notes=(
            "Counts only: who came is never recorded, except for a mandatory briefing "
            "that keeps a register.",
        ),
    )
