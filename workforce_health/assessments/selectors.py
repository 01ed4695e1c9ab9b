"""Reads for self-assessments, within the reader's scope (`core.scope.Scope`): a service
manager sees their service's, the workforce lead every service's; published versions are read
by whoever may read published reports."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import QuerySet

from workforce_health.assessments.frameworks import STANDARD_CODES
from workforce_health.assessments.models import (
    Assessment,
    AssessmentVersion,
    RatingScale,
    StandardRating,
)
from workforce_health.core.models import Organisation, Service
from workforce_health.core.scope import Scope
from workforce_health.listening.models import Action, ActionLink
from workforce_health.listening.selectors.actions import action_list
from workforce_health.reports.document import Document, from_json


def rating_scale_get(*, organisation: Organisation) -> RatingScale:
    """The council's scale (unsaved, with the default names, until it renames them)."""
    found = RatingScale.objects.filter(organisation=organisation).first()
    return found or RatingScale(organisation=organisation)


def level_label(scale: RatingScale, level: int | None) -> str:
    if level is None:
        return "Not rated"
    return scale.labels[level - 1]


def assessment_list(*, scope: Scope) -> QuerySet[Assessment]:
    return Assessment.objects.filter(scope.filter(service="service")).select_related(
        "service", "organisation"
    )


def assessment_get(*, scope: Scope, assessment_id: int) -> Assessment | None:
    return assessment_list(scope=scope).filter(pk=assessment_id).first()


def assessment_find(*, scope: Scope, service_name: str, year: int) -> Assessment | None:
    return assessment_list(scope=scope).filter(service__name=service_name, year=year).first()


def rating_map(*, assessment: Assessment) -> dict[str, StandardRating]:
    return {r.standard: r for r in assessment.ratings.all()}


def rating_get(*, assessment: Assessment, standard: str) -> StandardRating | None:
    return assessment.ratings.filter(standard=standard).first()


def gap_actions(*, assessment: Assessment) -> dict[str, list[Action]]:
    """The listening actions raised from the assessment's gaps, and those raised for its
    service (or the whole council) in its year and prompted by a standard, by standard code."""
    scope = Scope.of_service(assessment.service)
    found: dict[str, list[Action]] = {}
    raised = assessment.actions.select_related("action").order_by("action__raised_on", "pk")
    for raised_here in raised:
        found.setdefault(raised_here.standard, []).append(raised_here.action)
    actions = (
        action_list(scope=scope)
        .filter(raised_on__year=assessment.year, links__kind=ActionLink.Kind.STANDARD)
        .distinct()
    )
    for action in actions:
        for link in action.links.all():
            if link.kind == ActionLink.Kind.STANDARD and action not in found.get(link.standard, []):
                found.setdefault(link.standard, []).append(action)
    return found


def version_list(*, organisation: Organisation) -> QuerySet[AssessmentVersion]:
    return AssessmentVersion.objects.filter(assessment__organisation=organisation).select_related(
        "assessment", "assessment__service"
    )


def version_get(*, organisation: Organisation, version_id: int) -> AssessmentVersion | None:
    return version_list(organisation=organisation).filter(pk=version_id).first()


def latest_published(
    *, organisation: Organisation, service_kind: str | None = None, year: int | None = None
) -> list[AssessmentVersion]:
    """The latest published version of each of the organisation's assessments (optionally of
    one kind of service and year), newest year first."""
    versions = version_list(organisation=organisation)
    if service_kind is not None:
        versions = versions.filter(assessment__service__kind=service_kind)
    if year is not None:
        versions = versions.filter(assessment__year=year)
    latest: dict[int, AssessmentVersion] = {}
    for version in versions.order_by("-assessment__year", "assessment__service__name", "-number"):
        latest.setdefault(version.assessment_id, version)
    return list(latest.values())


def version_document(*, version: AssessmentVersion) -> Document:
    return from_json(version.document)


def published_years(*, organisations: list[Organisation]) -> list[int]:
    """Years with a published self-assessment among the organisations, latest first."""
    years = AssessmentVersion.objects.filter(
        assessment__organisation__in=organisations
    ).values_list("assessment__year", flat=True)
    return sorted(set(years), reverse=True)


# How the published document's staff-view sentence starts (document.staff_text writes it).
STAFF_VIEW = "Staff view"
NO_STAFF_VIEW = "No Health Check for this service"


@dataclass(frozen=True)
class PublishedStandard:
    """One standard of a service's latest published self-assessment, as it was published."""

    heading: str  # "Standard 5: Effective and regular supervision" (its framework's wording)
    level: int | None  # None: published without a rating
    label: str  # the council's name for the level, as published
    commentary: str
    staff_view: str  # the published sentence on the Health Check's standard score
    year: int
    number: int
    published_on: datetime.date


def published_standards_get(*, service: Service) -> dict[str, PublishedStandard]:
    """Each standard, by code, as the service's newest published self-assessment (latest year,
    latest version) has it; empty when none is published: never the draft."""
    version = (
        AssessmentVersion.objects.filter(assessment__service=service)
        .select_related("assessment")
        .order_by("-assessment__year", "-number")
        .first()
    )
    if version is None:
        return {}
    sections = {s.key: s for s in from_json(version.document).sections}
    standards = {}
    for code in STANDARD_CODES:
        section = sections.get(code.lower())
        if section is None:
            continue
        rating = version.ratings.get(code) or {}
        standards[code] = PublishedStandard(
            heading=section.title,
            level=rating.get("level"),
            label=rating.get("label", ""),
            commentary=section.commentary,
            staff_view=next(
                (
                    b.text
                    for b in section.blocks
                    if b.kind == "paragraph" and b.text.startswith((STAFF_VIEW, NO_STAFF_VIEW))
                ),
                "",
            ),
            year=version.assessment.year,
            number=version.number,
            published_on=version.published_on,
        )
    return standards
