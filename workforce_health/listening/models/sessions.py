"""Leader sessions: briefings, "coffee and catch up", practice forums and focus groups
(development.md §5): who hosts, who is invited, attendance as counts, topics and questions."""

import datetime
import uuid

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models

from workforce_health.core.models import Organisation, Person, Service, Team
from workforce_health.surveys.groups import RoleGroup
from workforce_health.surveys.models import Wave


class LeaderSession(models.Model):
    class Kind(models.TextChoices):
        BRIEFING = "briefing", "Formal briefing"
        COFFEE = "coffee", "Coffee and catch up"
        PRACTICE_FORUM = "practice_forum", "Practice forum"
        FOCUS_GROUP = "focus_group", "Focus group on survey findings"
        RECOGNITION = "recognition", "Recognition event"
        OTHER = "other", "Other"

    class Format(models.TextChoices):
        IN_PERSON = "in_person", "In person"
        ONLINE = "online", "Online"
        HYBRID = "hybrid", "Hybrid"

    class Host(models.TextChoices):
        DIRECTOR = "director", "Director"
        ASSISTANT_DIRECTOR = "assistant_director", "Assistant director"
        HEAD_OF_SERVICE = "head_of_service", "Head of service"
        PRINCIPAL_SOCIAL_WORKER = "principal_social_worker", "Principal social worker"
        SERVICE_MANAGER = "service_manager", "Service manager"
        WORKFORCE_LEAD = "workforce_lead", "Workforce lead"
        COUNCILLOR = "councillor", "Lead member (councillor)"

    class Status(models.TextChoices):
        PLANNED = "planned", "Planned"
        HELD = "held", "Held"
        CANCELLED = "cancelled", "Cancelled"

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    uid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)  # the .ics UID
    kind = models.CharField(max_length=20, choices=Kind.choices)
    title = models.CharField(max_length=200)
    starts_at = models.DateTimeField()
    duration_minutes = models.PositiveIntegerField(
        validators=[MinValueValidator(15), MaxValueValidator(8 * 60)]
    )
    format = models.CharField(max_length=10, choices=Format.choices)
    location = models.CharField(max_length=300, blank=True, help_text="A room or a meeting link")
    hosts = models.JSONField(default=list, help_text="Host values")
    # The audience: these services (none: the whole organisation), within them these teams
    # (none: every team), and these role groups (none: everyone).
    audience_services = models.ManyToManyField(Service, blank=True, related_name="+")
    audience_teams = models.ManyToManyField(Team, blank=True, related_name="+")
    audience_role_groups = models.JSONField(default=list, blank=True)
    standards = models.JSONField(default=list, blank=True, help_text="Employer standard codes")
    topics = models.TextField(blank=True)
    questions_raised = models.TextField(blank=True)
    mandatory = models.BooleanField(default=False)
    # A register of who came, only for a mandatory briefing and only if the council chooses it;
    # otherwise attendance is counts only.
    keeps_register = models.BooleanField(default=False)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PLANNED)
    sequence = models.PositiveIntegerField(default=0, help_text="Calendar revision (SEQUENCE)")
    invitations_sent_on = models.DateField(null=True, blank=True)
    feedback_wave = models.OneToOneField(
        Wave, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["-starts_at", "title"]

    def __str__(self) -> str:
        return self.title

    @property
    def ends_at(self) -> datetime.datetime:
        return self.starts_at + datetime.timedelta(minutes=self.duration_minutes)

    def host_labels(self) -> list[str]:
        labels = dict(self.Host.choices)
        return [str(labels.get(h, h)) for h in self.hosts]

    def clean(self) -> None:
        errors: dict[str, str] = {}
        if not self.hosts or set(self.hosts) - set(self.Host.values):
            errors["hosts"] = "Choose who hosts the session"
        if set(self.audience_role_groups or []) - set(RoleGroup.values):
            errors["audience_role_groups"] = "Choose role groups from the list"
        if self.keeps_register and not (self.mandatory and self.kind == self.Kind.BRIEFING):
            errors["keeps_register"] = (
                "A register of who came is kept only for a mandatory briefing"
            )
        if errors:
            raise ValidationError(errors)


class InvitedCount(models.Model):
    """How many of the audience were in each team when invited (reach's denominator)."""

    session = models.ForeignKey(LeaderSession, on_delete=models.CASCADE, related_name="invited")
    team = models.ForeignKey(Team, on_delete=models.CASCADE, related_name="+")
    invited = models.PositiveIntegerField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["session", "team"], name="invited_count_unique")
        ]

    def __str__(self) -> str:
        return f"{self.invited} invited from {self.team}"


class AttendanceCount(models.Model):
    """How many came from a team, or (team None) in all when not counted by team."""

    session = models.ForeignKey(LeaderSession, on_delete=models.CASCADE, related_name="attendance")
    team = models.ForeignKey(
        Team, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    attended = models.PositiveIntegerField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["session", "team"], name="attendance_count_unique_team"
            ),
            models.UniqueConstraint(
                fields=["session"],
                condition=models.Q(team__isnull=True),
                name="attendance_count_one_total",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.attended} attended"


class RegisterEntry(models.Model):
    """One person who came to a mandatory briefing that keeps a register."""

    session = models.ForeignKey(LeaderSession, on_delete=models.CASCADE, related_name="register")
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="+")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["session", "person"], name="register_entry_unique")
        ]

    def __str__(self) -> str:
        return f"{self.person} attended {self.session}"
