"""The employer's self-assessment against the eight standards: per year and service, one rating
and commentary per standard on the council's four-point scale, and immutable published versions."""

from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models

from workforce_health.assessments.frameworks import FRAMEWORK_CHOICES, STANDARD_CODES
from workforce_health.core.models import Organisation, Service
from workforce_health.core.versioning import Versioned
from workforce_health.listening.models import Action

DEFAULT_LEVELS = ("Not met", "Partly met", "Largely met", "Fully met")


class RatingScale(Versioned):
    """The council's names for the four points of the scale (1 lowest, 4 highest)."""

    organisation = models.OneToOneField(
        Organisation, on_delete=models.CASCADE, related_name="rating_scale"
    )
    level_1 = models.CharField(max_length=40, default=DEFAULT_LEVELS[0])
    level_2 = models.CharField(max_length=40, default=DEFAULT_LEVELS[1])
    level_3 = models.CharField(max_length=40, default=DEFAULT_LEVELS[2])
    level_4 = models.CharField(max_length=40, default=DEFAULT_LEVELS[3])

    def __str__(self) -> str:
        return f"Rating scale of {self.organisation}"

    @property
    def labels(self) -> tuple[str, str, str, str]:
        return (self.level_1, self.level_2, self.level_3, self.level_4)

    def clean(self) -> None:
        names = [n.strip().lower() for n in self.labels]
        if any(not n for n in names):
            raise ValidationError("Give each point of the scale a name")
        if len(set(names)) != 4:
            raise ValidationError("Give each point of the scale a different name")


class Assessment(Versioned):
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="self_assessments"
    )
    service = models.ForeignKey(Service, on_delete=models.CASCADE, related_name="+")
    year = models.PositiveIntegerField(
        validators=[MinValueValidator(2015), MaxValueValidator(2100)]
    )
    framework = models.CharField(max_length=4, choices=FRAMEWORK_CHOICES, default="2025")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-year", "service__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["service", "year"],
                name="self_assessment_one_per_service_year",
                violation_error_message="This service already has a self-assessment for that year",
            )
        ]

    def __str__(self) -> str:
        return f"{self.service.name} self-assessment {self.year}"

    def clean(self) -> None:
        if self.service_id and self.service.organisation_id != self.organisation_id:
            raise ValidationError({"service": "Choose a service of this organisation"})


class StandardRating(Versioned):
    """The employer's claim for one standard: a point on the scale (None: not rated yet) and
    commentary."""

    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="ratings")
    standard = models.CharField(max_length=2, choices=[(c, c) for c in STANDARD_CODES])
    level = models.PositiveSmallIntegerField(
        null=True, blank=True, validators=[MinValueValidator(1), MaxValueValidator(4)]
    )
    commentary = models.TextField(blank=True, max_length=5000)

    class Meta:
        ordering = ["standard"]
        constraints = [
            models.UniqueConstraint(
                fields=["assessment", "standard"],
                name="self_assessment_rating_unique",
                violation_error_message="This standard is already rated",
            )
        ]

    def __str__(self) -> str:
        return f"{self.assessment}: {self.standard}"


class AssessmentVersion(models.Model):
    """A published self-assessment: the whole document as published, never changed afterwards."""

    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField()
    published_on = models.DateField()
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    document = models.JSONField()  # reports/document.py to_json
    # The ratings as published ({"S1": {"level": 3, "label": "Largely met"}, ...}): the
    # regional view and the scrutiny report read these, never the draft.
    ratings = models.JSONField(default=dict)

    class Meta:
        ordering = ["-published_on", "-number"]
        constraints = [
            models.UniqueConstraint(
                fields=["assessment", "number"],
                name="self_assessment_version_unique",
                violation_error_message="This version of the self-assessment already exists",
            )
        ]

    def __str__(self) -> str:
        return f"{self.assessment}, version {self.number}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None and AssessmentVersion.objects.filter(pk=self.pk).exists():
            raise ValidationError("A published self-assessment cannot be changed")
        super().save(*args, **kwargs)


class GapAction(models.Model):
    """A listening action raised from a gap of this self-assessment (whenever it was raised)."""

    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="actions")
    standard = models.CharField(max_length=2, choices=[(c, c) for c in STANDARD_CODES])
    action = models.OneToOneField(Action, on_delete=models.CASCADE, related_name="+")

    def __str__(self) -> str:
        return f"{self.assessment}: {self.standard} action"
