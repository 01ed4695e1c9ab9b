"""Early-career programmes (development.md §2): the ASYE, or any programme whose length, review
points, evidence and protected caseload are data; each NQSW's enrolment with its pauses,
reviews, evidence checklist and moderation outcome."""

import itertools
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q

from workforce_health.core.models import Organisation, Person
from workforce_health.development.measures import asye
from workforce_health.development.models.common import (
    ends_after_start,
    not_in_future,
    raise_errors,
    same_organisation,
)


class Programme(models.Model):
    """A programme's shape. Defaults: the ASYE (12 months; reviews at 3, 6, 9 and 12 months;
    the evidence minimums of the ASYE framework; caseload at most 90% of the team's average;
    half a day a week of protected development time)."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="programmes"
    )
    name = models.CharField(max_length=100)
    is_default = models.BooleanField("Use for new enrolments", default=False)
    length_months = models.PositiveSmallIntegerField(
        "Length in months",
        default=12,
        validators=[
            MinValueValidator(1, "The length must be at least 1 month"),
            MaxValueValidator(60, "The length must be 60 months or less"),
        ],
    )
    review_months = models.JSONField(default=list)  # months after the start
    requirements = models.JSONField(default=list)  # [{code, label, minimum, due_months}]
    workload = models.JSONField(default=list)  # [{start, end, percent}]
    protected_hours_per_week = models.DecimalField(
        "Protected development time (hours a week)",
        max_digits=4,
        decimal_places=2,
        default=Decimal("3.75"),
        validators=[
            MinValueValidator(Decimal("0"), "Give 0 or more hours"),
            MaxValueValidator(Decimal("37.5"), "Give at most 37.5 hours"),
        ],
    )

    class Meta:
        ordering = ["-is_default", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "name"],
                name="programme_name_unique",
                violation_error_message="A programme with this name already exists",
            ),
            models.UniqueConstraint(
                fields=["organisation"], condition=Q(is_default=True), name="one_default_programme"
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        try:
            self.shape()
        except (ValueError, TypeError, KeyError) as error:
            raise ValidationError(
                {"requirements": f"The programme is not valid: {error}"}
            ) from None

    def shape(self) -> asye.Programme:
        """The programme as the calculations read it (ValueError when it does not make sense)."""
        return programme_shape(
            self.length_months, self.review_months, self.requirements, self.workload
        )

    def requirement_labels(self) -> dict[str, str]:
        return {r["code"]: r["label"] for r in self.requirements}


def programme_shape(length: int, reviews: Any, requirements: Any, workload: Any) -> asye.Programme:
    if not isinstance(reviews, list) or not reviews:
        raise ValueError("give at least one review point")
    points = [int(m) for m in reviews]
    if points != sorted(set(points)) or points[0] < 1 or points[-1] > length:
        raise ValueError(f"review points must rise, from month 1 to month {length}")
    parsed = []
    for item in requirements:
        code, label, minimum = str(item["code"]), str(item["label"]), int(item["minimum"])
        due = tuple(int(m) for m in item.get("due_months") or asye.spread(minimum, length))
        if not code or not label or minimum < 1 or len(due) != minimum:
            raise ValueError(f"evidence {label or code!r} needs a minimum and one month for each")
        if any(m < 1 or m > length for m in due) or list(due) != sorted(due):
            raise ValueError(f"evidence {label!r} must be due in rising months 1 to {length}")
        parsed.append(asye.Requirement(code, label, minimum, due))
    if len({r.code for r in parsed}) != len(parsed):
        raise ValueError("each kind of evidence must be listed once")
    steps = tuple(
        asye.WorkloadStep(
            int(s["start"]), None if s.get("end") is None else int(s["end"]), float(s["percent"])
        )
        for s in workload
    )
    if not steps or steps[0].start != 0 or steps[-1].end is not None:
        raise ValueError("the protected caseload must cover the whole programme from month 0")
    for before, after in itertools.pairwise(steps):
        if before.end != after.start:
            raise ValueError("each caseload step must start where the one before ends")
    if any(not 0 < s.percent <= 100 for s in steps):
        raise ValueError("caseload percentages must be more than 0 and at most 100")
    return asye.Programme(length, tuple(points), tuple(parsed), steps)


class Judgement(models.TextChoices):
    ON_TRACK = "on_track", "On track"
    SOME_CONCERNS = "some_concerns", "Some concerns"
    NOT_ON_TRACK = asye.NOT_ON_TRACK, "Not on track"


class Decision(models.TextChoices):
    PASS = asye.PASS, "Pass"
    FAIL = asye.FAIL, "Fail"
    EXTENSION = asye.EXTENSION, "Extension"


class Enrolment(models.Model):
    """One NQSW on a programme: assessor, supervisor, dates and the moderation outcome."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE)
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="enrolments")
    programme = models.ForeignKey(Programme, on_delete=models.RESTRICT)
    assessor = models.ForeignKey(
        Person,
        on_delete=models.RESTRICT,
        related_name="enrolments_assessed",
        help_text="Usually an advanced practitioner",
    )
    supervisor = models.ForeignKey(
        Person, on_delete=models.RESTRICT, related_name="enrolments_supervised"
    )
    starts_on = models.DateField("Start date")
    planned_end = models.DateField("Planned end date")
    protected_hours_per_week = models.DecimalField(
        "Protected development time agreed (hours a week)",
        max_digits=4,
        decimal_places=2,
        validators=[
            MinValueValidator(Decimal("0"), "Give 0 or more hours"),
            MaxValueValidator(Decimal("37.5"), "Give at most 37.5 hours"),
        ],
    )
    recommendation = models.CharField(
        "Assessor's final recommendation", max_length=10, choices=Decision.choices, blank=True
    )
    panel_on = models.DateField("Date of the moderation panel", null=True, blank=True)
    decision = models.CharField(
        "Panel decision", max_length=10, choices=Decision.choices, blank=True
    )
    extended_to = models.DateField("Extended to", null=True, blank=True)
    record_updated_on = models.DateField(
        "Date the certificate or registration record was updated", null=True, blank=True
    )
    withdrawn_on = models.DateField("Date they left the programme", null=True, blank=True)

    class Meta:
        ordering = ["-starts_on", "person__family_name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(planned_end__gt=models.F("starts_on")),
                name="enrolment_ends_after_start",
            )
        ]

    def __str__(self) -> str:
        return f"{self.person} on {self.programme} from {self.starts_on:%-d %B %Y}"

    def clean(self) -> None:
        errors = same_organisation(self, "person", "assessor", "supervisor", "programme")
        if self.starts_on and self.planned_end and self.planned_end <= self.starts_on:
            errors["planned_end"] = "The planned end must be after the start date"
        if self.person_id and self.person_id in (self.assessor_id, self.supervisor_id):
            errors["assessor"] = "The assessor and supervisor must be other people"
        if self.decision and not self.panel_on:
            errors["panel_on"] = "Give the date of the panel that made the decision"
        if self.decision == Decision.EXTENSION and not self.extended_to:
            errors["extended_to"] = "Give the date the programme is extended to"
        if self.extended_to and self.planned_end and self.extended_to <= self.planned_end:
            errors["extended_to"] = "The extension must end after the planned end date"
        errors |= not_in_future(self.panel_on, "panel_on", "The panel date")
        errors |= not_in_future(self.record_updated_on, "record_updated_on", "That date")
        raise_errors(errors)


class Pause(models.Model):
    enrolment = models.ForeignKey(Enrolment, on_delete=models.CASCADE, related_name="pauses")
    starts_on = models.DateField("First day of the pause")
    ends_on = models.DateField("Last day of the pause", null=True, blank=True)
    reason = models.CharField(max_length=200)

    class Meta:
        ordering = ["starts_on"]

    def __str__(self) -> str:
        return f"Paused from {self.starts_on:%-d %B %Y}"

    def clean(self) -> None:
        raise_errors(ends_after_start(self.starts_on, self.ends_on))


class Review(models.Model):
    enrolment = models.ForeignKey(Enrolment, on_delete=models.CASCADE, related_name="reviews")
    point = models.PositiveSmallIntegerField("Review point (months)")
    held_on = models.DateField("Date of the review")
    present = models.CharField("People present", max_length=300)
    judgement = models.CharField("Progress", max_length=20, choices=Judgement.choices)
    notes = models.TextField(blank=True, max_length=4000)

    class Meta:
        ordering = ["point"]
        constraints = [
            models.UniqueConstraint(
                fields=["enrolment", "point"],
                name="one_review_per_point",
                violation_error_message="This review point already has a review",
            )
        ]

    def __str__(self) -> str:
        return f"{self.point}-month review"

    def clean(self) -> None:
        raise_errors(not_in_future(self.held_on, "held_on", "The date of the review"))


class EvidenceItem(models.Model):
    class Status(models.TextChoices):
        PLANNED = "planned", "Planned"
        DONE = "done", "Done"
        ASSESSED = "assessed", "Assessed"

    enrolment = models.ForeignKey(Enrolment, on_delete=models.CASCADE, related_name="evidence")
    requirement = models.CharField("Kind of evidence", max_length=40)
    done_on = models.DateField("Date", null=True, blank=True)
    assessor = models.ForeignKey(Person, on_delete=models.SET_NULL, null=True, blank=True)
    status = models.CharField(max_length=10, choices=Status.choices)
    held_at = models.CharField(
        "Where the evidence is held",
        max_length=300,
        help_text="A reference or link: the evidence itself is not stored here",
    )

    class Meta:
        ordering = ["requirement", "done_on"]

    def __str__(self) -> str:
        return f"{self.requirement} ({self.get_status_display()})"

    def clean(self) -> None:
        errors = not_in_future(self.done_on, "done_on", "The date")
        if self.status != self.Status.PLANNED and not self.done_on:
            errors["done_on"] = "Give the date for evidence that is done or assessed"
        if self.enrolment_id:
            codes = self.enrolment.programme.requirement_labels()
            if self.requirement not in codes:
                errors["requirement"] = "Choose a kind of evidence this programme asks for"
            if self.assessor is not None and (
                self.assessor.organisation_id != self.enrolment.organisation_id
            ):
                errors["assessor"] = "Choose someone in this organisation"
        raise_errors(errors)
