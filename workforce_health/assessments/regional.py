"""The regional view: every council's published self-assessment side by side.

In a regional partnership deployment (several councils in one installation), the councils of
the viewer's region (`Organisation.region`) show their latest published version of each
service's self-assessment for a year: the rating of each standard with the staff score, and the
headline evidence, read from the published document only (never a draft). A council with no
region set sees only its own.
"""

from __future__ import annotations

from typing import Any

from workforce_health.assessments.frameworks import STANDARD_CODES
from workforce_health.assessments.models import AssessmentVersion
from workforce_health.assessments.selectors import latest_published
from workforce_health.core.models import Organisation
from workforce_health.web.tables import Column, Table

HEADLINE_EVIDENCE = ("Vacancy rate", "Average caseload", "Supervision windows met")


def region_organisations(organisation: Organisation) -> list[Organisation]:
    if not organisation.region:
        return [organisation]
    return list(Organisation.objects.filter(region=organisation.region).order_by("name"))


def _staff_scores(document: dict[str, Any]) -> dict[str, Any]:
    """The published summary table's staff score by standard code."""
    for section in document.get("sections", []):
        if section.get("key") != "summary":
            continue
        for block in section.get("blocks", []):
            table = block.get("table")
            if table and table.get("slug") == "self-assessment-summary":
                return {f"S{n}": row[2] for n, row in enumerate(table["rows"], start=1)}
    return {}


def _figures(document: dict[str, Any]) -> dict[str, str]:
    return {
        figure["label"]: figure["value"]
        for section in document.get("sections", [])
        for block in section.get("blocks", [])
        for figure in block.get("figures", [])
    }


def _row(version: AssessmentVersion) -> tuple[Any, ...]:
    scores = _staff_scores(version.document)
    figures = _figures(version.document)
    ratings = [
        f"{version.ratings.get(code, {}).get('label', 'Not rated')} (staff {scores.get(code, '–')})"
        for code in STANDARD_CODES
    ]
    return (
        version.assessment.organisation.name,
        version.assessment.service.name,
        f"Version {version.number}, {version.published_on:%-d %B %Y}",
        *ratings,
        *(figures.get(label, "not available") for label in HEADLINE_EVIDENCE),
    )


def regional_table(*, organisation: Organisation, year: int) -> Table:
    versions = [
        v
        for council in region_organisations(organisation)
        for v in latest_published(organisation=council, year=year)
    ]
    return Table(
        slug="regional-self-assessments",
        caption=f"Published self-assessments {year}: ratings (staff score) and headline evidence",
        columns=(
            Column("Council"),
            Column("Service"),
            Column("Published"),
            *(Column(f"Standard {n}") for n in range(1, 9)),
            *(Column(label) for label in HEADLINE_EVIDENCE),
        ),
        rows=tuple(_row(v) for v in versions),
        source="Each council's published self-assessment (published versions only).",
    )
