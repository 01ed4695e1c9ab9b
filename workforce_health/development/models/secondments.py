"""Secondments (development.md §4): the home post kept, the host, dates, FTE, purpose, backfill,
outcome, and the census treatment as an explicit choice."""

import datetime
from decimal import Decimal

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q

from workforce_health.core.models import Employment, Organisation, Person, Team
from workforce_health.development.measures import secondments
from workforce_health.development.models.common import (
    ends_after_start,
    raise_errors,
    same_organisation,
)


class Secondment(models.Model):
    class Backfill(models.TextChoices):
        NONE = "none", "Not backfilled: the home post is empty"
        AGENCY = "agency", "Backfilled by an agency worker"
        COUNCIL = "council", "Backfilled by council staff (acting up or fixed term)"

    class Outcome(models.TextChoices):
        ONGOING = "ongoing", "Still on secondment"
        RETURNED = "returned", "Returned to the home post"
        EXTENDED = "extended", "Extended"
        PERMANENT = "permanent", "Made permanent in the host role"
        LEFT = "left", "Left the council"

    class Treatment(models.TextChoices):
        IN_POST = (
            secondments.IN_POST,
            "In post in the home team: still doing children and family social work",
        )
        LEAVER = (
            secondments.LEAVER,
            "A leaver (reason 7: moved to a non-children and family social work role in the "
            "council); the home post is a vacancy unless council staff fill it",
        )

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE)
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="secondments")
    home_employment = models.ForeignKey(
        Employment,
        on_delete=models.CASCADE,
        related_name="secondments",
        verbose_name="Home post kept",
    )
    host_team = models.ForeignKey(
        Team, on_delete=models.SET_NULL, null=True, blank=True, related_name="secondees"
    )
    host_organisation = models.CharField(
        "Host organisation", max_length=200, blank=True, help_text="Another council or a partner"
    )
    starts_on = models.DateField("Start date")
    planned_end = models.DateField("Planned end date")
    actual_end = models.DateField("Actual end date", null=True, blank=True)
    fte = models.DecimalField(
        "FTE on secondment",
        max_digits=7,
        decimal_places=6,
        validators=[
            MinValueValidator(Decimal("0.000001"), "FTE must be more than 0"),
            MaxValueValidator(Decimal("1"), "FTE must be 1 or less"),
        ],
    )
    purpose = models.TextField("Purpose and skills to gain", max_length=2000)
    backfill = models.CharField(max_length=10, choices=Backfill.choices)
    outcome = models.CharField(max_length=10, choices=Outcome.choices, default=Outcome.ONGOING)
    census_treatment = models.CharField(
        "How the census counts the secondee", max_length=10, choices=Treatment.choices
    )

    class Meta:
        ordering = ["-starts_on"]
        constraints = [
            models.CheckConstraint(
                condition=Q(planned_end__gte=models.F("starts_on")),
                name="secondment_ends_after_start",
            )
        ]

    def __str__(self) -> str:
        return f"{self.person} seconded to {self.host} from {self.starts_on:%-d %B %Y}"

    @property
    def host(self) -> str:
        return self.host_team.name if self.host_team else self.host_organisation

    @property
    def ends_on(self) -> datetime.date:
        return self.actual_end or self.planned_end

    def clean(self) -> None:
        errors = same_organisation(self, "person", "home_employment", "host_team")
        errors |= ends_after_start(self.starts_on, self.planned_end, "planned_end")
        errors |= ends_after_start(self.starts_on, self.actual_end, "actual_end")
        if bool(self.host_team_id) == bool(self.host_organisation.strip()):
            errors["host_team"] = "Choose a host team, or give a host organisation, not both"
        if self.home_employment_id and self.person_id:
            if self.home_employment.person_id != self.person_id:
                errors["home_employment"] = "Choose one of this person's posts"
        if self.host_team_id and self.home_employment_id:
            if self.host_team_id == self.home_employment.team_id:
                errors["host_team"] = "The host team must be another team than the home team"
        if self.outcome == self.Outcome.ONGOING and self.actual_end:
            errors["outcome"] = "Give the outcome of a secondment that has ended"
        raise_errors(errors)
