"""The Ofsted-ready workforce summary: one document with the figures inspectors ask about for
the workforce in a council's annual self-evaluation, for one service and year.

Every figure is a self-assessment evidence tile (so, the figure its source page shows) or the
survey results overview's own headline questions table; each is dated and sourced, and what the
pages hide stays hidden.
"""

from __future__ import annotations

import datetime

from django.db.models import Q
from django.utils import timezone

from workforce_health.assessments.evidence import Evidence, Tile
from workforce_health.assessments.models import Assessment
from workforce_health.core.models import Organisation, Service
from workforce_health.core.scope import Scope
from workforce_health.listening.models import Action
from workforce_health.listening.selectors.actions import action_list
from workforce_health.reports.document import (
    Block,
    Document,
    Figure,
    Section,
    TableColumn,
    TableData,
    paragraph,
    table_block,
)
from workforce_health.reports.sections.common import table_data
from workforce_health.staffing.dashboard.specs import AGENCY, CASELOAD, TURNOVER, VACANCY

WORKFORCE = (CASELOAD.label, VACANCY.label, AGENCY.label, TURNOVER.label)
SOURCES = (
    "The council's workforce records (census return and HR records), supervision and ASYE "
    "records, Health Check survey and listening actions, as held in Workforce Health.",
    "Department for Education, Children's social work workforce statistics, contains public "
    "sector information licensed under the Open Government Licence v3.0.",
)


def _figure(tile: Tile) -> Figure:
    detail = ". ".join(x for x in (tile.detail, tile.comparison, f"Source: {tile.source}") if x)
    return Figure(tile.label, tile.value or "not available", detail)


def _actions_table(service: Service, year: int, label: str) -> TableData:
    taken = (
        action_list(scope=Scope.of_service(service))
        .filter(Q(raised_on__year=year) | Q(completed_on__year=year))
        .exclude(status=Action.Status.CANCELLED)
    )
    return TableData(
        slug="actions-taken",
        caption=f"{label}: actions raised or completed in {year}",
        columns=(
            TableColumn("Action"),
            TableColumn("Status"),
            TableColumn("Raised"),
            TableColumn("Completed"),
        ),
        rows=tuple(
            (
                a.title,
                a.get_status_display(),
                f"{a.raised_on:%-d %B %Y}",
                f"{a.completed_on:%-d %B %Y}" if a.completed_on else "",
            )
            for a in taken
        ),
        source="The council's listening actions (for this service or the whole council).",
    )


def ofsted_document(
    *,
    organisation: Organisation,
    service: Service,
    year: int,
    today: datetime.date | None = None,
) -> Document:
    evidence = Evidence(
        Assessment(organisation=organisation, service=service, year=year), today=today
    )
    tiles = {t.label: t for s in evidence.standards for t in s.tiles}
    label = service.name
    workforce = [_figure(tiles[name]) for name in WORKFORCE]
    development = [
        _figure(tiles[name])
        for name in ("Supervision windows met", "Newly qualified social workers on track")
    ]
    said: list[Block] = [paragraph(_figure(tiles["Health Check responses"]).detail)]
    headline = evidence.survey.tables.get("headline-items") if evidence.survey else None
    if headline is not None:
        said.append(table_block(table_data(headline, context=label)))
    else:
        said = [paragraph(f"No Health Check results for {label} in {year} can be shown.")]
    sections = (
        Section(
            "workforce",
            "Caseloads, vacancies, agency and turnover",
            (Block("figures", figures=tuple(workforce)),),
        ),
        Section(
            "supervision-nqsws",
            "Supervision and newly qualified social workers",
            (Block("figures", figures=tuple(development)),),
        ),
        Section("staff-view", "What staff say", tuple(said)),
        Section(
            "actions",
            "Actions taken",
            (table_block(_actions_table(service, year, label)),),
        ),
    )
    return Document(
        title=f"Workforce summary for inspection {year}",
        organisation=organisation.name,
        scope=label,
        meeting_date=evidence.as_of,
        prepared_on=today or timezone.localdate(),
        sections=sections,
        sources=SOURCES,
        kind="workforce summary for inspection",
        date_label="Figures as at",
        versioned=False,
    )
