"""CPD (LGA Standard 6; development.md §3): a log shaped like Social Work England's form, and the
council's learning offer (priority areas, courses or events, attendance)."""

from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models

from workforce_health.core.models import Organisation, Person
from workforce_health.development.models.common import (
    not_in_future,
    raise_errors,
    same_organisation,
)

STANDARDS = [
    ("S1", "S1 Strong and clear social work framework"),
    ("S2", "S2 Effective workforce planning systems"),
    ("S3", "S3 Safe workloads and case allocation"),
    ("S4", "S4 Wellbeing"),
    ("S5", "S5 Supervision"),
    ("S6", "S6 Continuing professional development"),
    ("S7", "S7 Professional registration"),
    ("S8", "S8 Strong partnerships"),
]


class ActivityType(models.TextChoices):
    COURSE = "course", "Course or training"
    ELEARNING = "elearning", "E-learning"
    READING = "reading", "Reading or research"
    PEER_LEARNING = "peer_learning", "Peer learning or practice forum"
    SHADOWING = "shadowing", "Shadowing or observation"
    CONFERENCE = "conference", "Conference or event"
    SUPERVISION = "supervision", "Learning from supervision"
    QUALIFICATION = "qualification", "Post-qualifying study"
    OTHER = "other", "Other"


class PriorityArea(models.Model):
    """A learning priority set by the workforce lead, optionally tied to a Health Check standard
    where staff scored it low."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="learning_priorities"
    )
    title = models.CharField(max_length=200)
    description = models.TextField(blank=True, max_length=2000)
    standard = models.CharField(
        "Health Check standard it answers", max_length=2, choices=STANDARDS, blank=True
    )
    active = models.BooleanField("Current priority", default=True)

    class Meta:
        ordering = ["-active", "title"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "title"],
                name="priority_area_title_unique",
                violation_error_message="A priority area with this title already exists",
            )
        ]

    def __str__(self) -> str:
        return self.title


class LearningEvent(models.Model):
    """A course or event in the learning offer, under a priority area."""

    class Kind(models.TextChoices):
        COURSE = "course", "Course"
        WORKSHOP = "workshop", "Workshop"
        ELEARNING = "elearning", "E-learning"
        CONFERENCE = "conference", "Conference"
        FORUM = "forum", "Practice forum"
        OTHER = "other", "Other"

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE)
    priority = models.ForeignKey(PriorityArea, on_delete=models.RESTRICT, related_name="events")
    title = models.CharField(max_length=200)
    kind = models.CharField(max_length=20, choices=Kind.choices)
    held_on = models.DateField("Date")
    hours = models.DecimalField(
        "Length in hours",
        max_digits=5,
        decimal_places=2,
        validators=[
            MinValueValidator(Decimal("0.25"), "The length must be at least 0.25 hours"),
            MaxValueValidator(Decimal("200"), "The length must be 200 hours or less"),
        ],
    )
    places = models.PositiveIntegerField(
        null=True, blank=True, validators=[MaxValueValidator(10000, "Give at most 10,000 places")]
    )

    class Meta:
        ordering = ["-held_on", "title"]

    def __str__(self) -> str:
        return f"{self.title} ({self.held_on:%-d %B %Y})"

    def clean(self) -> None:
        raise_errors(same_organisation(self, "priority"))


class Attendance(models.Model):
    class Status(models.TextChoices):
        BOOKED = "booked", "Booked"
        ATTENDED = "attended", "Attended"
        DID_NOT_ATTEND = "did_not_attend", "Did not attend"

    event = models.ForeignKey(LearningEvent, on_delete=models.CASCADE, related_name="attendances")
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="attendances")
    status = models.CharField(max_length=20, choices=Status.choices)

    class Meta:
        ordering = ["person__family_name", "person__given_name"]
        constraints = [
            models.UniqueConstraint(
                fields=["event", "person"],
                name="one_attendance_per_event",
                violation_error_message="This person is already on the list for this event",
            )
        ]

    def __str__(self) -> str:
        return f"{self.person}: {self.get_status_display()}"

    def clean(self) -> None:
        if self.event_id and self.person_id:
            if self.person.organisation_id != self.event.organisation_id:
                raise_errors({"person": "Choose someone in this organisation"})


class CpdEntry(models.Model):
    """One piece of CPD, with the fields of Social Work England's form (development.md §3.2)."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE)
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="cpd_entries")
    done_on = models.DateField("Date")
    activity_type = models.CharField(
        "Type of activity", max_length=20, choices=ActivityType.choices
    )
    title = models.CharField("What it was", max_length=200)
    hours = models.DecimalField(
        "Hours",
        max_digits=5,
        decimal_places=2,
        validators=[
            MinValueValidator(Decimal("0.25"), "Hours must be at least 0.25"),
            MaxValueValidator(Decimal("200"), "Hours must be 200 or less"),
        ],
    )
    learnt = models.TextField("What you learnt", max_length=2000)
    impact = models.TextField("The impact on your practice", max_length=2000)
    peer_reflection = models.BooleanField("A peer reflection was held")
    recorded_with_swe = models.BooleanField("Recorded with Social Work England")
    event = models.ForeignKey(
        LearningEvent, on_delete=models.SET_NULL, null=True, blank=True, related_name="cpd_entries"
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True
    )
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-done_on", "-pk"]
        verbose_name_plural = "CPD entries"
        indexes = [models.Index(fields=["organisation", "person", "done_on"])]

    def __str__(self) -> str:
        return f"{self.title} ({self.done_on:%-d %B %Y})"

    def clean(self) -> None:
        raise_errors(
            same_organisation(self, "person", "event")
            | not_in_future(self.done_on, "done_on", "The date")
        )
