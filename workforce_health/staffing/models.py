"""Dated records behind the workforce measures: vacancies, caseloads and sickness absence.

Each is a snapshot or a period total with its date, so the measures can be answered for any
reference date from history (workforce-measures.md §1), not only from the latest census.
"""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models

from workforce_health.core.models import Employment, Organisation, Service, Team

non_negative = MinValueValidator(Decimal("0"), "Must be 0 or more")


class VacancySnapshot(models.Model):
    """Vacant FTE in the social work establishment on a date, and how much agency staff cover.

    Recorded for the whole organisation, a service or a team (the census return is
    organisation-wide: ``NumberOfVacancies`` and ``NoAgencyFTE``, csww-census.md §5). One per
    scope and date: ``services.vacancy_snapshot_record`` replaces an existing figure.
    """

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE)
    service = models.ForeignKey(Service, on_delete=models.CASCADE, null=True, blank=True)
    team = models.ForeignKey(Team, on_delete=models.CASCADE, null=True, blank=True)
    date = models.DateField()
    vacancy_fte = models.DecimalField(max_digits=9, decimal_places=2, validators=[non_negative])
    agency_cover_fte = models.DecimalField(
        max_digits=9, decimal_places=2, null=True, blank=True, validators=[non_negative]
    )
    agency_cover_headcount = models.PositiveIntegerField(null=True, blank=True)

    class Meta:
        ordering = ["-date"]

    def __str__(self) -> str:
        scope = self.team or self.service or self.organisation
        return f"{self.vacancy_fte} FTE vacant in {scope} on {self.date:%-d %B %Y}"

    def clean(self) -> None:
        if self.team is not None and self.service_id and self.team.service_id != self.service_id:
            raise ValidationError({"team": "Choose a team in the chosen service"})
        if (
            self.agency_cover_fte is not None
            and self.vacancy_fte is not None
            and self.agency_cover_fte > self.vacancy_fte
        ):
            raise ValidationError(
                {"agency_cover_fte": "Agency cover cannot be more than the vacant FTE"}
            )


class CaseloadSnapshot(models.Model):
    """Cases held by one worker in one post on a date (census ``Cases30``)."""

    employment = models.ForeignKey(Employment, on_delete=models.CASCADE, related_name="caseloads")
    date = models.DateField()
    cases = models.PositiveIntegerField()

    class Meta:
        ordering = ["-date"]
        constraints = [
            models.UniqueConstraint(fields=["employment", "date"], name="one_caseload_per_date")
        ]

    def __str__(self) -> str:
        return f"{self.cases} cases on {self.date:%-d %B %Y}"


class SicknessAbsence(models.Model):
    """Working days lost to sickness in a period ending on ``period_end`` (``WorkingDaysLost``)."""

    employment = models.ForeignKey(Employment, on_delete=models.CASCADE, related_name="absences")
    period_end = models.DateField()
    working_days_lost = models.DecimalField(
        max_digits=6, decimal_places=2, validators=[non_negative]
    )

    class Meta:
        ordering = ["-period_end"]
        constraints = [
            models.UniqueConstraint(
                fields=["employment", "period_end"], name="one_absence_total_per_period"
            )
        ]

    def __str__(self) -> str:
        return f"{self.working_days_lost} days lost to {self.period_end:%-d %B %Y}"
