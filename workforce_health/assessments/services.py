"""Writes for self-assessments: start one, rate a standard, rename the scale, raise an action
from a gap (through the listening loop's services) and publish an immutable version."""

from __future__ import annotations

import dataclasses
import datetime

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from workforce_health.assessments.document import assessment_document, published_ratings
from workforce_health.assessments.frameworks import STANDARD_CODES
from workforce_health.assessments.models import (
    Assessment,
    AssessmentVersion,
    GapAction,
    RatingScale,
    StandardRating,
)
from workforce_health.core.models import Organisation, Person, Service
from workforce_health.core.versioning import version_check
from workforce_health.listening.models import Action, ActionLink
from workforce_health.listening.services.actions import action_create
from workforce_health.reports.document import to_json


@transaction.atomic
def assessment_create(
    *, organisation: Organisation, service: Service, year: int, framework: str = "2025"
) -> Assessment:
    """A self-assessment with every standard of its framework unrated."""
    assessment = Assessment(
        organisation=organisation, service=service, year=year, framework=framework
    )
    assessment.full_clean()
    assessment.save()
    for code in STANDARD_CODES:
        rating = StandardRating(assessment=assessment, standard=code)
        rating.full_clean()
        rating.save()
    return assessment


@transaction.atomic
def rating_update(
    *,
    rating: StandardRating,
    level: int | None,
    commentary: str,
    expected_version: int | None = None,
) -> StandardRating:
    version_check(rating, expected_version)
    rating.level = level
    rating.commentary = commentary.strip()
    rating.full_clean()
    rating.save()
    return rating


@transaction.atomic
def rating_scale_update(
    *,
    organisation: Organisation,
    labels: tuple[str, str, str, str],
    expected_version: int | None = None,
) -> RatingScale:
    scale, _ = RatingScale.objects.get_or_create(organisation=organisation)
    version_check(scale, expected_version)
    scale.level_1, scale.level_2, scale.level_3, scale.level_4 = (x.strip() for x in labels)
    scale.full_clean()
    scale.save()
    return scale


@transaction.atomic
def gap_action_raise(
    *,
    assessment: Assessment,
    standard: str,
    title: str,
    description: str,
    owner: Person,
    due_on: datetime.date,
    author: User | None = None,
    raised_on: datetime.date | None = None,
) -> Action:
    """An action of the listening loop, prompted by the standard, for the assessment's service."""
    action = action_create(
        organisation=assessment.organisation,
        title=title,
        description=description,
        owner=owner,
        due_on=due_on,
        prompts=[{"kind": ActionLink.Kind.STANDARD, "standard": standard}],
        services=[assessment.service],
        author=author,
        raised_on=raised_on,
    )
    link = GapAction(assessment=assessment, standard=standard, action=action)
    link.full_clean()
    link.save()
    return action


@transaction.atomic
def assessment_publish(
    *,
    assessment: Assessment,
    published_by: User | None,
    published_on: datetime.date | None = None,
    today: datetime.date | None = None,
    expected_number: int | None = None,
) -> AssessmentVersion:
    """Freeze the ratings, commentary, evidence and staff view as the next version. With
    ``expected_number`` (the version the user confirmed), refuse if that number was taken
    meanwhile, so two confirmations of one version cannot publish two."""
    published_on = published_on or timezone.localdate()
    Assessment.objects.select_for_update().filter(pk=assessment.pk).first()
    number = (assessment.versions.aggregate(last=Max("number"))["last"] or 0) + 1
    if expected_number is not None and number != expected_number:
        raise ValidationError(
            f"Version {expected_number} has already been published: nothing was published again"
        )
    document = assessment_document(assessment, prepared_on=published_on, today=today)
    document = dataclasses.replace(document, version=number)
    version = AssessmentVersion(
        assessment=assessment,
        number=number,
        published_on=published_on,
        published_by=published_by if published_by and published_by.pk else None,
        document=to_json(document),
        ratings=published_ratings(assessment),
    )
    version.full_clean()
    version.save()
    return version
