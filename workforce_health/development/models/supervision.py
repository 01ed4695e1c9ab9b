"""Supervision (LGA Standard 5; development.md §1): agreements, sessions, leave and the cadence
policy that says how often supervision is due. No case content is held: case decisions belong
in the child's or adult's record."""

from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q

from workforce_health.core.models import Organisation, Person
from workforce_health.development.measures import schedule
from workforce_health.development.models.common import (
    ends_after_start,
    not_in_future,
    raise_errors,
    same_organisation,
)


class SessionKind(models.TextChoices):
    ONE_TO_ONE = "one_to_one", "One-to-one formal supervision"
    GROUP = "group", "Group supervision"
    REFLECTIVE = "reflective", "Reflective supervision"
    AD_HOC = "ad_hoc", "Ad hoc (unplanned) supervision"


class Topic(models.TextChoices):
    WORKLOAD = "workload", "Workload and whether it is manageable"
    WELLBEING = "wellbeing", "Health and wellbeing"
    CASEWORK_OVERSIGHT = "casework", "Oversight of casework (decisions go in the case record)"
    REFLECTION = "reflection", "Reflection on practice"
    LEARNING = "learning", "Learning and development"
    CAREER = "career", "Career and progression"
    ASYE = "asye", "ASYE or early-career progress"


class Rating(models.IntegerChoices):
    VERY_POOR = 1, "Very poor"
    POOR = 2, "Poor"
    ACCEPTABLE = 3, "Acceptable"
    GOOD = 4, "Good"
    VERY_GOOD = 5, "Very good"


class CadencePolicy(models.Model):
    """How often supervision is due and what counts, as data a council can change. The default
    is the LGA's (development.md §1.1): newly qualified staff weekly for six weeks, fortnightly to
    six months, then monthly; everyone else monthly; one-to-one, 90 minutes, uninterrupted."""

    class PartTime(models.TextChoices):
        SAME = schedule.PartTime.SAME.value, "Part-time staff have the same cadence"
        EXTEND = (
            schedule.PartTime.EXTEND.value,
            "Newly qualified phases last longer pro rata to FTE (as the ASYE does)",
        )

    class Leave(models.TextChoices):
        PAUSE = schedule.Leave.PAUSE.value, "Leave stops the clock: the window restarts after it"
        EXCUSE = schedule.Leave.EXCUSE.value, "A window at least half on leave is not required"
        IGNORE = schedule.Leave.IGNORE.value, "Leave does not change the schedule"

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="cadence_policies"
    )
    name = models.CharField(max_length=100)
    is_default = models.BooleanField("Use for new agreements", default=False)
    newly_qualified = models.JSONField(default=list)  # schedule.phases_data
    experienced = models.JSONField(default=list)
    minimum_minutes = models.PositiveSmallIntegerField(
        default=90,
        validators=[
            MinValueValidator(1, "The minimum length must be at least 1 minute"),
            MaxValueValidator(600, "The minimum length must be 600 minutes or less"),
        ],
    )
    must_be_uninterrupted = models.BooleanField(default=True)
    counted_kinds = models.JSONField(default=list)  # SessionKind values that count
    part_time = models.CharField(max_length=10, choices=PartTime.choices, default=PartTime.SAME)
    leave = models.CharField(max_length=10, choices=Leave.choices, default=Leave.PAUSE)
    minimum_leave_days = models.PositiveSmallIntegerField(
        default=14, validators=[MaxValueValidator(366, "Give at most 366 days")]
    )

    class Meta:
        ordering = ["-is_default", "name"]
        verbose_name_plural = "cadence policies"
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "name"],
                name="cadence_policy_name_unique",
                violation_error_message="A policy with this name already exists",
            ),
            models.UniqueConstraint(
                fields=["organisation"],
                condition=Q(is_default=True),
                name="one_default_cadence_policy",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        errors: dict[str, Any] = {}
        for field in ("newly_qualified", "experienced"):
            try:
                schedule.parse_phases(getattr(self, field))
            except ValueError as error:
                errors[field] = str(error)
        kinds = self.counted_kinds
        if not isinstance(kinds, list) or not kinds:
            errors["counted_kinds"] = "Choose at least one kind of supervision that counts"
        elif any(kind not in SessionKind.values for kind in kinds):
            errors["counted_kinds"] = "Choose kinds of supervision from the list"
        if errors:
            raise ValidationError(errors)

    def rule(self, *, newly_qualified: bool) -> schedule.Rule:
        return schedule.Rule(
            phases=schedule.parse_phases(
                self.newly_qualified if newly_qualified else self.experienced
            ),
            part_time=schedule.PartTime(self.part_time),
            leave=schedule.Leave(self.leave),
            minimum_leave_days=self.minimum_leave_days,
        )

    def describe(self, *, newly_qualified: bool) -> list[str]:
        phases = schedule.parse_phases(
            self.newly_qualified if newly_qualified else self.experienced
        )
        if len(phases) == 1:  # "every month", not "every month from then on"
            return [phases[0].describe().removesuffix(" from then on")]
        return [phase.describe() for phase in phases]

    def counted_kind_labels(self) -> list[str]:
        return [str(SessionKind(kind).label) for kind in self.counted_kinds]

    @property
    def newly_qualified_lines(self) -> list[str]:
        return self.describe(newly_qualified=True)

    @property
    def experienced_lines(self) -> list[str]:
        return self.describe(newly_qualified=False)

    @property
    def counts_when(self) -> str:
        kinds = " or ".join(label.lower() for label in self.counted_kind_labels())
        quiet = ", uninterrupted" if self.must_be_uninterrupted else ""
        return f"{kinds[:1].upper()}{kinds[1:]} of at least {self.minimum_minutes} minutes{quiet}"

    @property
    def leave_text(self) -> str:
        if self.leave == self.Leave.IGNORE:
            return str(self.get_leave_display())
        return f"{self.get_leave_display()} (leave of {self.minimum_leave_days} days or more)"


class SupervisionAgreement(models.Model):
    """Who supervises a person, under which policy and track, from when (the schedule's start)."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE)
    person = models.ForeignKey(
        Person, on_delete=models.CASCADE, related_name="supervision_agreements"
    )
    supervisor = models.ForeignKey(
        Person, on_delete=models.RESTRICT, related_name="supervision_agreements_given"
    )
    policy = models.ForeignKey(CadencePolicy, on_delete=models.RESTRICT)
    newly_qualified = models.BooleanField(
        "Newly qualified (ASYE or first year)",
        default=False,
        help_text="Newly qualified staff follow the policy's newly qualified cadence",
    )
    starts_on = models.DateField("Start date")
    ends_on = models.DateField("End date", null=True, blank=True)

    class Meta:
        ordering = ["person__family_name", "person__given_name", "-starts_on"]
        indexes = [models.Index(fields=["organisation", "person"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True) | Q(ends_on__gte=models.F("starts_on")),
                name="agreement_ends_after_start",
            )
        ]

    def __str__(self) -> str:
        return f"{self.person} supervised by {self.supervisor} from {self.starts_on:%-d %B %Y}"

    @property
    def schedule_lines(self) -> list[str]:
        return self.policy.describe(newly_qualified=self.newly_qualified)

    def clean(self) -> None:
        errors = same_organisation(self, "person", "supervisor", "policy")
        errors |= ends_after_start(self.starts_on, self.ends_on)
        if self.person_id and self.person_id == self.supervisor_id:
            errors["supervisor"] = "Choose someone other than the person supervised"
        raise_errors(errors)
        if self.person_id and self.starts_on:
            others = SupervisionAgreement.objects.filter(person_id=self.person_id).exclude(
                pk=self.pk
            )
            if self.ends_on:
                others = others.filter(starts_on__lte=self.ends_on)
            others = others.filter(Q(ends_on__isnull=True) | Q(ends_on__gte=self.starts_on))
            if others.exists():
                raise ValidationError(
                    {
                        "starts_on": "This overlaps another supervision agreement for this "
                        "person. End that one first, or change the dates"
                    }
                )


class SupervisionSession(models.Model):
    """One supervision session: when, how long, what kind, what was covered (topics only)."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE)
    person = models.ForeignKey(
        Person, on_delete=models.CASCADE, related_name="supervision_sessions"
    )
    supervisor = models.ForeignKey(
        Person,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="supervision_sessions_given",
    )
    held_on = models.DateField("Date of the session")
    minutes = models.PositiveSmallIntegerField(
        "Length in minutes",
        validators=[
            MinValueValidator(1, "The length must be at least 1 minute"),
            MaxValueValidator(600, "The length must be 600 minutes (10 hours) or less"),
        ],
    )
    kind = models.CharField(
        "Kind of supervision", max_length=20, choices=SessionKind.choices, default="one_to_one"
    )
    uninterrupted = models.BooleanField("Uninterrupted")
    topics = models.JSONField(default=list, blank=True)  # Topic values
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True
    )
    recorded_at = models.DateTimeField(auto_now_add=True)
    quality = models.PositiveSmallIntegerField(
        "How the supervisee rated it", choices=Rating.choices, null=True, blank=True
    )

    class Meta:
        ordering = ["-held_on", "-pk"]
        indexes = [models.Index(fields=["organisation", "person", "held_on"])]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} for {self.person} on {self.held_on:%-d %B %Y}"

    def clean(self) -> None:
        errors = same_organisation(self, "person", "supervisor")
        errors |= not_in_future(self.held_on, "held_on", "The date of the session")
        topics = self.topics
        if not isinstance(topics, list) or any(t not in Topic.values for t in topics):
            errors["topics"] = "Choose topics from the list"
        raise_errors(errors)

    def topic_labels(self) -> list[str]:
        return [str(Topic(t).label) for t in self.topics if t in Topic.values]


class LeavePeriod(models.Model):
    """A period away (leave, sickness, parental leave) that the cadence policy may pause for."""

    class Reason(models.TextChoices):
        ANNUAL = "annual", "Annual leave"
        SICKNESS = "sickness", "Sickness"
        PARENTAL = "parental", "Parental leave"
        OTHER = "other", "Other leave"

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE)
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="leave_periods")
    starts_on = models.DateField("First day away")
    ends_on = models.DateField("Last day away")
    reason = models.CharField(max_length=10, choices=Reason.choices)

    class Meta:
        ordering = ["-starts_on"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__gte=models.F("starts_on")), name="leave_ends_after_start"
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_reason_display()} from {self.starts_on:%-d %B %Y}"

    def clean(self) -> None:
        raise_errors(
            same_organisation(self, "person") | ends_after_start(self.starts_on, self.ends_on)
        )
