"""A self-assessment as a report document (`reports.document`), so that it is published,
stored and rendered (HTML, tagged PDF, XLSX) exactly as the scrutiny report is."""

from __future__ import annotations

import datetime
from typing import Any

from django.utils import timezone

from workforce_health.assessments.models import Assessment
from workforce_health.assessments.page import AssessmentPage, StandardView, assessment_page
from workforce_health.assessments.selectors import (
    NO_STAFF_VIEW,
    STAFF_VIEW,
    level_label,
    rating_map,
    rating_scale_get,
)
from workforce_health.reports.document import (
    Block,
    Document,
    Figure,
    Section,
    TableColumn,
    TableData,
    bullets,
    paragraph,
    table_block,
)

SOURCES = (
    "Local Government Association, Standards for employers of social workers in England "
    "(2020, and the 2025 revision).",
    "The council's workforce, supervision, CPD and ASYE records, its Health Check survey and "
    "its listening actions and sessions, as held in Workforce Health.",
    "Department for Education, Children's social work workforce statistics, contains public "
    "sector information licensed under the Open Government Licence v3.0.",
)


def staff_text(view: StandardView) -> str:
    staff = view.evidence.staff
    if staff is None:
        return f"{NO_STAFF_VIEW} in the assessment year."
    if staff.score is None:
        return f"{STAFF_VIEW} ({staff.survey}): not shown. {staff.hidden}"
    return (
        f"{STAFF_VIEW} ({staff.survey}): score {staff.score} out of 100, {staff.band}; "
        f"{staff.change_text}."
    )


def _summary_table(page: AssessmentPage) -> TableData:
    rows = []
    for view in page.standards:
        staff = view.evidence.staff
        rows.append(
            (
                view.evidence.standard.heading,
                view.level_label,
                staff.score
                if staff and staff.score is not None
                else (staff.hidden if staff else "No survey"),
                staff.band.title() if staff and staff.score is not None else "",
                staff.change if staff else None,
                len(view.gaps),
            )
        )
    return TableData(
        slug="self-assessment-summary",
        caption=(
            f"{page.assessment.service.name}: ratings beside the staff view, {page.assessment.year}"
        ),
        columns=(
            TableColumn("Standard"),
            TableColumn("Rating"),
            TableColumn("Staff score (0 to 100)", "count"),
            TableColumn("Band"),
            TableColumn("Change since previous survey", "count"),
            TableColumn("Gaps", "count"),
        ),
        rows=tuple(rows),
        source="The council's self-assessment and its Health Check survey.",
        notes=(
            "Staff scores are the Health Check's standard scores (0 to 100; 0 to 50 low, 51 to "
            "74 moderate, 75 to 100 high); groups below the disclosure threshold are not shown.",
        ),
    )


def _standard_section(view: StandardView) -> Section:
    blocks: list[Block] = [
        paragraph(f"What the standard expects: {view.evidence.standard.expects}")
    ]
    blocks.append(paragraph(f"Rating: {view.level_label}."))
    figures = tuple(
        Figure(
            t.label,
            t.value or "not available",
            ". ".join(x for x in (t.detail, t.comparison, f"Source: {t.source}") if x),
        )
        for t in view.evidence.tiles
    )
    if figures:
        blocks.append(Block("figures", figures=figures))
    if view.evidence.no_records:
        blocks.append(paragraph(view.evidence.no_records))
    blocks.append(paragraph(staff_text(view)))
    if view.gaps:
        blocks.append(paragraph("Where the rating, the records and the staff view disagree:"))
        blocks.append(bullets([g.text for g in view.gaps]))
    if view.actions:
        blocks.append(
            bullets(
                [
                    f"Action: {a.title} ({a.get_status_display().lower()}, "
                    f"due {a.due_on:%-d %B %Y})"
                    for a in view.actions
                ]
            )
        )
    return Section(
        key=view.code.lower(),
        title=view.evidence.standard.heading,
        blocks=tuple(blocks),
        commentary=view.rating.commentary,
        findings=tuple(g.text for g in view.gaps),
    )


def page_document(page: AssessmentPage, *, prepared_on: datetime.date) -> Document:
    assessment = page.assessment
    intro = Section(
        key="summary",
        title="Summary",
        blocks=(
            paragraph(
                f"The council's assessment of {assessment.service.name} against the "
                f"{page.framework.title}, for {assessment.year}, with the evidence the council's "
                f"records hold on {page.as_of:%-d %B %Y} and what staff said in the Health Check."
            ),
            table_block(_summary_table(page)),
        ),
    )
    return Document(
        title=f"Employer standards self-assessment {assessment.year}",
        organisation=assessment.organisation.name,
        scope=assessment.service.name,
        meeting_date=page.as_of,
        prepared_on=prepared_on,
        sections=(intro, *(_standard_section(v) for v in page.standards)),
        sources=SOURCES,
        kind="employer standards self-assessment",
        date_label="Evidence as at",
    )


def assessment_document(
    assessment: Assessment,
    *,
    prepared_on: datetime.date | None = None,
    today: datetime.date | None = None,
) -> Document:
    return page_document(
        assessment_page(assessment, today=today), prepared_on=prepared_on or timezone.localdate()
    )


def published_ratings(assessment: Assessment) -> dict[str, Any]:
    scale = rating_scale_get(organisation=assessment.organisation)
    return {
        code: {"level": r.level, "label": level_label(scale, r.level)}
        for code, r in rating_map(assessment=assessment).items()
    }
