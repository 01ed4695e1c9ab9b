"""Census records kept by the product: the import and export audit logs and the 2025 council items.

The app's Django modules (models, services, selectors, forms, views, urls, import_writer,
hr_extract, mapping, management commands) sit beside the pure census modules, which never
import them.
"""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models

from workforce_health.core.models import Organisation

NO_ALL_SOME = (
    ("0", "No"),
    ("1", "Yes, all LA-employed social workers are eligible"),
    ("2", "Yes, some LA-employed social workers are eligible"),
)  # csww-census.md §8 noallsometype

year_validators = [
    MinValueValidator(2021, "The census year must be 2021 or later"),
    MaxValueValidator(2025, "The census year must be 2025 or earlier"),
]


class CensusImport(models.Model):
    """One successful import of a census return (audit: who, when, which file)."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE)
    year = models.PositiveSmallIntegerField(validators=year_validators)
    file_name = models.CharField(max_length=255, blank=True)
    sha256 = models.CharField(max_length=64)
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True
    )
    imported_at = models.DateTimeField(auto_now_add=True)
    worker_count = models.PositiveIntegerField()
    people_created = models.PositiveIntegerField(default=0)
    people_updated = models.PositiveIntegerField(default=0)
    employments_created = models.PositiveIntegerField(default=0)
    employments_updated = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["-imported_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.year} census return for {self.organisation} ({self.file_name})"


class CensusExport(models.Model):
    """One census return file handed out: it holds personal data (csww-census.md §12)."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE)
    year = models.PositiveSmallIntegerField(validators=year_validators)
    exported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True
    )
    exported_at = models.DateTimeField(auto_now_add=True)
    worker_count = models.PositiveIntegerField()
    sha256 = models.CharField(max_length=64)

    class Meta:
        ordering = ["-exported_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.year} census return for {self.organisation}, {self.exported_at:%Y-%m-%d}"


class CouncilIncentives(models.Model):
    """The 2025 council-level incentive items (csww-census.md §5, items 4-12)."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE)
    year = models.PositiveSmallIntegerField(validators=year_validators)
    recruitment_bonus = models.CharField(max_length=1, choices=NO_ALL_SOME, blank=True)
    retention_bonus = models.CharField(max_length=1, choices=NO_ALL_SOME, blank=True)
    performance_award = models.CharField(max_length=1, choices=NO_ALL_SOME, blank=True)
    car_allowance = models.CharField(max_length=1, choices=NO_ALL_SOME, blank=True)
    relocation_package = models.CharField(max_length=1, choices=NO_ALL_SOME, blank=True)
    regional_weighting = models.CharField(max_length=1, choices=NO_ALL_SOME, blank=True)
    cost_swe = models.CharField(
        "Pays the Social Work England fee", max_length=1, choices=NO_ALL_SOME, blank=True
    )
    cost_dbs = models.CharField(
        "Pays for the DBS check", max_length=1, choices=NO_ALL_SOME, blank=True
    )
    other_allowances = models.TextField(blank=True)

    class Meta:
        verbose_name_plural = "council incentives"
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "year"], name="one_incentives_record_per_year"
            )
        ]

    def __str__(self) -> str:
        return f"{self.year} incentives at {self.organisation}"


INCENTIVE_FIELDS = (
    "recruitment_bonus",
    "retention_bonus",
    "performance_award",
    "car_allowance",
    "relocation_package",
    "regional_weighting",
    "cost_swe",
    "cost_dbs",
)
