"""The scrutiny report's optional "Employer standards self-assessment" section: the latest
published self-assessment of each service the report covers, as it was published (never the
draft), up to the report's meeting date."""

from __future__ import annotations

from typing import TYPE_CHECKING

from workforce_health.assessments.models import AssessmentVersion
from workforce_health.reports.document import Block, from_json, paragraph, subheading
from workforce_health.reports.sections.spec import Content, SectionSpec

if TYPE_CHECKING:
    from workforce_health.reports.inputs import ReportInputs


def _latest(inputs: ReportInputs) -> list[AssessmentVersion]:
    versions = AssessmentVersion.objects.filter(
        assessment__organisation=inputs.organisation,
        published_on__lte=inputs.meeting_date,
    ).select_related("assessment", "assessment__service")
    if inputs.services:
        versions = versions.filter(assessment__service__in=inputs.services)
    latest: dict[int, AssessmentVersion] = {}
    for version in versions.order_by("assessment__service__name", "-assessment__year", "-number"):
        latest.setdefault(version.assessment.service_id, version)
    return list(latest.values())


def build(inputs: ReportInputs) -> Content:
    blocks: list[Block] = []
    findings: list[str] = []
    for version in _latest(inputs):
        document = from_json(version.document)
        assessment = version.assessment
        blocks.append(subheading(f"{assessment.service.name}: self-assessment {assessment.year}"))
        blocks.append(
            paragraph(
                f"Version {version.number}, published {version.published_on:%-d %B %Y}: the "
                "council's rating of each standard beside the staff view."
            )
        )
        summary = next((s for s in document.sections if s.key == "summary"), None)
        if summary is not None:
            blocks += [b for b in summary.blocks if b.kind == "table"]
        gaps = [f for s in document.sections for f in s.findings]
        if gaps:
            blocks.append(paragraph("Where the rating, the records and the staff view disagree:"))
            blocks.append(Block("bullets", items=tuple(gaps)))
        findings.append(
            f"{assessment.service.name}: the {assessment.year} self-assessment names "
            f"{len(gaps)} gap{'s' if len(gaps) != 1 else ''} between rating, records and "
            "staff view."
        )
    if not blocks:
        blocks = [
            paragraph("No self-assessment against the employer standards has been published yet.")
        ]
    return Content(
        blocks,
        findings,
        definitions=[
            (
                "Self-assessment gap",
                "A standard rated in the top half of the council's four-point scale while the "
                "staff view is low (a Health Check score of 50 or less) or a record is worse "
                "than England or the expected share, or rated in the bottom half while staff "
                "scored it high (75 or more).",
            )
        ],
        sources=[
            "The council's published self-assessment against the Standards for employers of "
            "social workers in England (Local Government Association)."
        ],
    )


SECTION = SectionSpec(
    key="self-assessment",
    title="Employer standards self-assessment",
    order=40,
    description=(
        "The latest published self-assessment against the eight employer standards: ratings "
        "beside the staff view, and the gaps between them."
    ),
    build=build,
)
