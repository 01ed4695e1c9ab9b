"""Pulse surveys: a series of short surveys on a schedule, each a survey wave of the surveys app
(same invitations, response form and anonymity), locked to the Health Check it follows."""

import datetime

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models

from workforce_health.core.models import Organisation
from workforce_health.surveys.models import Questionnaire, Wave

MIN_ITEMS, MAX_ITEMS = 5, 12
# Pulses stay open at most three weeks, so that two of a monthly series are published (closed)
# at least a week apart and a quarterly series' about ten weeks apart (health-check.md §3.7).
MAX_OPEN_DAYS = 21


class PulseSeries(models.Model):
    class Every(models.TextChoices):
        MONTH = "month", "Every month"
        QUARTER = "quarter", "Every quarter"

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    title = models.CharField(max_length=200)
    slug = models.SlugField(max_length=60, help_text="Starts each pulse's survey slug")
    questionnaire = models.ForeignKey(Questionnaire, on_delete=models.RESTRICT, related_name="+")
    # The Health Check this series follows: its services, staff groups and disclosure settings
    # are copied and fixed, and no pulse shows a group that it hides (docs/listening.md).
    reference_wave = models.ForeignKey(Wave, on_delete=models.RESTRICT, related_name="+")
    every = models.CharField(max_length=10, choices=Every.choices)
    starts_on = models.DateField()
    open_days = models.PositiveIntegerField(
        default=14, validators=[MinValueValidator(5), MaxValueValidator(MAX_OPEN_DAYS)]
    )
    active = models.BooleanField(default=True)

    class Meta:
        ordering = ["title"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "slug"], name="pulse_series_slug_unique"
            )
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def months(self) -> int:
        return 1 if self.every == self.Every.MONTH else 3

    def period_starts(self, until: datetime.date) -> list[datetime.date]:
        """The first day of each period from `starts_on` to `until`."""
        found = []
        day = self.starts_on
        step = 0
        while day <= until:
            found.append(day)
            step += self.months
            month = self.starts_on.month - 1 + step
            year = self.starts_on.year + month // 12
            day = _same_day(year, month % 12 + 1, self.starts_on.day)
        return found

    def clean(self) -> None:
        if self.reference_wave_id and self.reference_wave.organisation_id != self.organisation_id:
            raise ValidationError({"reference_wave": "Choose a Health Check of this organisation"})
        if self.reference_wave_id and self.reference_wave.purpose != Wave.Purpose.HEALTH_CHECK:
            raise ValidationError({"reference_wave": "Choose a Health Check, not a pulse"})


def _same_day(year: int, month: int, day: int) -> datetime.date:
    """`day` of the month, or its last day when the month is shorter."""
    while True:
        try:
            return datetime.date(year, month, day)
        except ValueError:
            day -= 1


class Pulse(models.Model):
    """One pulse of a series: its survey wave and the period it belongs to."""

    series = models.ForeignKey(PulseSeries, on_delete=models.CASCADE, related_name="pulses")
    wave = models.OneToOneField(Wave, on_delete=models.RESTRICT, related_name="+")
    period_start = models.DateField()

    class Meta:
        ordering = ["series", "period_start"]
        constraints = [
            models.UniqueConstraint(fields=["series", "period_start"], name="one_pulse_per_period")
        ]

    def __str__(self) -> str:
        return self.wave.title
