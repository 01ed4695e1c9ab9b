"""The scrutiny report's section on listening between Health Checks: leader sessions and their
reach, anonymous conversations by theme (counts only, small counts hidden), actions completed and
outstanding, check-back results and the pulses beside the Health Check, for the 12 months before
the meeting, as the listening pages show them."""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING

from workforce_health.core.scope import Scope
from workforce_health.listening import selectors, tables
from workforce_health.listening.models import Action
from workforce_health.reports.document import Block, TableColumn, TableData, subheading, table_block
from workforce_health.reports.document import paragraph as para
from workforce_health.reports.sections.common import table_data
from workforce_health.reports.sections.spec import Content, SectionSpec
from workforce_health.web.tables import Column, Table

if TYPE_CHECKING:
    from workforce_health.reports.inputs import ReportInputs

SOURCE = "Source: the council's listening records (sessions, anonymous conversations, actions)."


def _scope(inputs: ReportInputs) -> Scope:
    """What the section reads: the whole organisation, or its one service as its manager sees it."""
    if len(inputs.services) == 1:
        return Scope.of_service(inputs.services[0])
    return Scope.whole(inputs.organisation)


def _year_before(meeting: datetime.date) -> datetime.date:
    return datetime.date(meeting.year - 1, meeting.month, 1)


def _actions_table(actions: list[Action], meeting: datetime.date) -> Table:
    rows = []
    for action in actions:
        said = "; ".join(s.text for s in selectors.action_said(action))
        check_back = selectors.check_back_result(action=action)
        difference = ""
        if check_back is not None and check_back.respondents is not None:
            made = [v for q, v, _ in check_back.items if "difference" in q]
            difference = f"{made[0]:.0f}%" if made and made[0] is not None else "Not shown"
        rows.append(
            (
                action.title,
                action.get_status_display(),
                action.due_on.isoformat(),
                action.completed_on.isoformat() if action.completed_on else "",
                said,
                difference,
            )
        )
    return Table(
        slug="engagement-actions",
        caption="Actions: you said, we did",
        columns=(
            Column("Action"),
            Column("Status"),
            Column("Due"),
            Column("Completed"),
            Column("You said"),
            Column("Check-back: made a difference"),
        ),
        rows=tuple(rows),
        notes=(
            "Actions shown to staff, completed in the 12 months before the meeting or still "
            "outstanding. Check-back: the share of staff asked about six weeks after completion "
            "who agreed the change made a difference, shown only when enough answered.",
        ),
    )


def build(inputs: ReportInputs) -> Content:
    scope = _scope(inputs)
    meeting = inputs.meeting_date
    start = _year_before(meeting)
    label = inputs.scope_label
    blocks: list[Block] = []
    findings: list[str] = []

    reach = selectors.session_reach(scope=scope, start=start, end=meeting)
    held = sum(f.sessions for f in reach.organisation.values())
    invited = sum(f.invited for f in reach.organisation.values())
    came = sum(f.attended for f in reach.organisation.values())
    blocks.append(subheading("Leader sessions"))
    reach_tables = tables.reach_tables(reach)
    for slug in ("sessions-held", "reach-by-service"):
        blocks.append(
            table_block(table_data(reach_tables[slug], context=label, slug=f"engagement-{slug}"))
        )
    if held:
        findings.append(
            f"Listening: {held} leader session{'s' if held != 1 else ''} (briefings, coffee and "
            f"catch up, forums) were held in the 12 months before the meeting; {came} people came, "
            f"{100 * came / invited:.0f}% of those invited."
            if invited
            else f"Listening: {held} leader sessions were held in the 12 months before the meeting."
        )

    summary = selectors.conversation_summary(scope=scope, until=meeting)
    started = sum(m["started"] for m in summary.by_status.values())
    blocks.append(subheading("Anonymous conversations with leaders"))
    blocks.append(
        para(
            "Staff can write to leaders without giving their name; leaders reply and the sender "
            "reads the reply with a private code. Only counts are reported: no message text. "
            "Counts of themes and flags below five in a month are hidden."
        )
    )
    summary_tables = tables.summary_tables(summary)
    for slug in ("conversations-by-month", "conversations-by-theme"):
        blocks.append(
            table_block(table_data(summary_tables[slug], context=label, slug=f"engagement-{slug}"))
        )
    if started:
        answered = sum(
            m["replied"] + m["acknowledged"] + m["closed"] for m in summary.by_status.values()
        )
        findings.append(
            f"Listening: staff started {started} anonymous conversation"
            f"{'s' if started != 1 else ''} with leaders in the 12 months before the meeting; "
            f"{answered} have been answered."
        )

    actions = [
        a
        for a in selectors.action_list(scope=scope)
        if a.visibility == Action.Visibility.STAFF
        and a.status != Action.Status.CANCELLED
        and (a.is_open or (a.completed_on is not None and start <= a.completed_on <= meeting))
        and a.raised_on <= meeting
    ]
    done = sum(1 for a in actions if a.status == Action.Status.COMPLETE)
    blocks.append(subheading("Actions: you said, we did"))
    blocks.append(table_block(table_data(_actions_table(actions, meeting), context=label)))
    if actions:
        findings.append(
            f"Listening: {done} action{'s' if done != 1 else ''} on what staff said "
            f"{'were' if done != 1 else 'was'} completed in the 12 months before the meeting and "
            f"{len(actions) - done} {'are' if len(actions) - done != 1 else 'is'} in hand."
        )

    blocks += _pulses(scope, label)
    return Content(
        blocks,
        findings,
        definitions=[
            (
                "Reach",
                "The number who came to leader sessions as a percentage of those invited, for "
                "the sessions whose audience included the group.",
            ),
            (
                "Pulse survey",
                "A short anonymous survey between Health Checks. Each pulse invites the staff of "
                "the Health Check it follows and hides every group that Health Check hides, so "
                "that comparing the two cannot reveal a small group.",
            ),
        ],
        sources=[SOURCE],
    )


def _pulses(scope: Scope, label: str) -> list[Block]:
    blocks: list[Block] = []
    for series in selectors.series_list(scope=scope):
        results = selectors.series_results(series)
        if not results:
            continue
        trend = selectors.series_trend(series, key=(None, None), results=results)
        table = tables.pulse_trend_table(trend, group="all invited")
        blocks.append(subheading(f"Pulse survey: {series.title}"))
        blocks.append(
            table_block(
                TableData(
                    slug=f"engagement-pulse-{series.pk}",
                    caption=f"{series.title}: % agree in each pulse and Health Check",
                    columns=tuple(TableColumn(c.header, c.kind) for c in table.columns),
                    rows=table_data(table, context=label).rows,
                    notes=table.notes,
                )
            )
        )
    return blocks


SECTION = SectionSpec(
    key="listening",
    title="Listening between Health Checks",
    order=13,
    description=(
        "Leader sessions and their reach, anonymous conversations by theme (counts only), "
        "actions completed and outstanding with their check-backs, and pulse surveys beside "
        "the Health Check, for the 12 months before the meeting."
    ),
    build=build,
)
