"""Actions, "you said, we did" (health-check.md §3.6): what prompted each, its owner, due date,
status, dated updates, evidence of completion and a check-back survey about six weeks after."""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator
from django.db import models

from workforce_health.core.models import Organisation, Person, Service
from workforce_health.listening.models.sessions import LeaderSession
from workforce_health.surveys.models import Wave

CHECK_BACK_AFTER = datetime.timedelta(weeks=6)


class Action(models.Model):
    class Status(models.TextChoices):  # Qualtrics' list (§3.6)
        NOT_STARTED = "not_started", "Not started"
        IN_PROGRESS = "in_progress", "In progress"
        ON_HOLD = "on_hold", "On hold"
        COMPLETE = "complete", "Complete"
        CANCELLED = "cancelled", "Cancelled"

    class Visibility(models.TextChoices):
        STAFF = "staff", "All staff: on the You said, we did page"
        MANAGERS = "managers", "Managers only"

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    title = models.CharField(max_length=200)
    description = models.TextField(blank=True)
    owner = models.ForeignKey(Person, on_delete=models.RESTRICT, related_name="+")
    # The group it is for: these services, or (none) the whole organisation.
    services = models.ManyToManyField(Service, blank=True, related_name="+")
    raised_on = models.DateField()
    due_on = models.DateField()
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.NOT_STARTED)
    percent_complete = models.PositiveIntegerField(
        null=True, blank=True, validators=[MaxValueValidator(100)]
    )
    visibility = models.CharField(
        max_length=10, choices=Visibility.choices, default=Visibility.STAFF
    )
    completed_on = models.DateField(null=True, blank=True)
    evidence = models.TextField(blank=True, help_text="What shows it was done")
    check_back_wave = models.OneToOneField(
        Wave, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["due_on", "title"]

    def __str__(self) -> str:
        return self.title

    @property
    def is_open(self) -> bool:
        return self.status not in (self.Status.COMPLETE, self.Status.CANCELLED)

    @property
    def check_back_due_on(self) -> datetime.date | None:
        """About six weeks after it was completed: when to ask staff if it made a difference."""
        return self.completed_on + CHECK_BACK_AFTER if self.completed_on else None

    def clean(self) -> None:
        errors: dict[str, str] = {}
        if self.raised_on and self.due_on and self.due_on < self.raised_on:
            errors["due_on"] = "The due date must be on or after the date it was raised"
        if self.status == self.Status.COMPLETE:
            if not self.completed_on:
                errors["completed_on"] = "Enter the date it was completed"
            if not self.evidence.strip():
                errors["evidence"] = "Say what shows it was done"
        elif self.completed_on:
            errors["completed_on"] = "Give a completion date only for a completed action"
        if self.owner_id and self.owner.organisation_id != self.organisation_id:
            errors["owner"] = "Choose a person in this organisation"
        if errors:
            raise ValidationError(errors)


class ActionLink(models.Model):
    """What prompted an action (at least one per action)."""

    class Kind(models.TextChoices):
        HEALTH_CHECK_ITEM = "item", "A Health Check question"
        STANDARD = "standard", "An employer standard"
        PULSE = "pulse", "A pulse survey"
        CONVERSATION_THEME = "theme", "A theme of anonymous conversations"
        SESSION = "session", "A leader session"

    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="links")
    kind = models.CharField(max_length=10, choices=Kind.choices)
    wave = models.ForeignKey(
        Wave, on_delete=models.RESTRICT, null=True, blank=True, related_name="+"
    )
    item_code = models.CharField(max_length=60, blank=True)
    standard = models.CharField(max_length=20, blank=True)
    theme = models.CharField(max_length=100, blank=True)
    session = models.ForeignKey(
        LeaderSession, on_delete=models.RESTRICT, null=True, blank=True, related_name="+"
    )

    def __str__(self) -> str:
        return self.get_kind_display()

    def clean(self) -> None:
        needs: dict[str, object] = {
            self.Kind.HEALTH_CHECK_ITEM: self.wave_id and self.item_code,
            self.Kind.STANDARD: self.standard,
            self.Kind.PULSE: self.wave_id,
            self.Kind.CONVERSATION_THEME: self.theme,
            self.Kind.SESSION: self.session_id,
        }
        if not needs.get(self.kind):
            raise ValidationError(f"Say which {self.get_kind_display().lower()[2:]} prompted it")


class ActionUpdate(models.Model):
    """A dated progress note, with evidence where there is some."""

    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="updates")
    written_on = models.DateField()
    note = models.TextField()
    status = models.CharField(max_length=12, choices=Action.Status.choices)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["-written_on", "-pk"]

    def __str__(self) -> str:
        return f"Update on {self.written_on}"
