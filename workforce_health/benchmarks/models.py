"""Imported DfE workforce statistics and each organisation's comparator councils.

One :class:`PublishedRelease` per imported file (identified by its SHA-256); its tidy values
(workforce-measures.md §8.5 step 7: file, release and row kept with each value) are
:class:`PublishedValue` rows. Releases revise earlier years, so selectors never mix them (§7.3).
"""

import re

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models

from workforce_health.benchmarks.measures import LOCAL_AUTHORITY
from workforce_health.benchmarks.published import la_code_matches
from workforce_health.core.models import Organisation
from workforce_health.core.versioning import Versioned

_LA_CODE = re.compile(r"^\d{3}$")


class PublishedRelease(models.Model):
    release = models.CharField(max_length=100)
    layout = models.CharField(max_length=40)
    source_file = models.CharField(max_length=255)
    sha256 = models.CharField("SHA-256", max_length=64, unique=True)
    imported_at = models.DateTimeField(auto_now_add=True)
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True
    )
    attribution = models.TextField()
    row_count = models.PositiveIntegerField(help_text="Non-blank data rows in the file")
    first_year = models.PositiveSmallIntegerField()
    last_year = models.PositiveSmallIntegerField()
    is_fixture = models.BooleanField(default=False)

    #: Set on the instance returned by an import that found the file already imported.
    already_imported: bool = False

    class Meta:
        ordering = ["-last_year", "-imported_at", "-pk"]  # newest release first (§7.3)

    def __str__(self) -> str:
        return f"{self.release} ({self.source_file})"

    @property
    def years(self) -> str:
        if self.first_year == self.last_year:
            return str(self.first_year)
        return f"{self.first_year} to {self.last_year}"


class PublishedValue(models.Model):
    """One published cell: an area, a reporting year and a measure (DfE variable name)."""

    release = models.ForeignKey(PublishedRelease, on_delete=models.CASCADE, related_name="values")
    time_period = models.PositiveSmallIntegerField()
    geographic_level = models.CharField(max_length=20)
    area_code = models.CharField(max_length=30)
    old_la_code = models.CharField(max_length=20, blank=True)
    area_name = models.CharField(max_length=200)
    region_code = models.CharField(max_length=9, blank=True)
    region_name = models.CharField(max_length=100, blank=True)
    measure = models.CharField(max_length=40)
    value = models.FloatField(null=True, blank=True)
    symbol = models.CharField(max_length=5, blank=True, help_text="Set when value is null (§8.4)")
    source_row = models.PositiveIntegerField()

    class Meta:
        indexes = [
            models.Index(fields=["release", "measure", "geographic_level"]),
            models.Index(fields=["release", "old_la_code", "measure"]),
            models.Index(fields=["release", "area_code", "measure"]),
        ]

    def __str__(self) -> str:
        return f"{self.area_name} {self.time_period} {self.measure}"


def published_council_codes() -> set[str]:
    """Every council code (joint codes as published, e.g. "940 / 941") in any release."""
    return set(
        PublishedValue.objects.filter(geographic_level=LOCAL_AUTHORITY)
        .exclude(old_la_code="")
        .values_list("old_la_code", flat=True)
        .distinct()
    )


class ComparatorSet(Versioned):
    """The councils an organisation compares itself with (statistical neighbours)."""

    organisation = models.OneToOneField(
        Organisation, on_delete=models.CASCADE, related_name="comparator_set"
    )
    la_codes = models.CharField(
        "Comparator councils",
        max_length=1000,
        blank=True,
        help_text="DfE 3-digit local authority codes, separated by commas",
    )
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"Comparators of {self.organisation}"

    @property
    def codes(self) -> list[str]:
        return [code for code in self.la_codes.split(",") if code]

    def clean(self) -> None:
        codes = [code.strip() for code in self.la_codes.split(",") if code.strip()]
        malformed = [code for code in codes if not _LA_CODE.match(code)]
        if malformed:
            listed = ", ".join(malformed)
            raise ValidationError(
                {"la_codes": f"These are not 3-digit DfE local authority codes: {listed}"}
            )
        own = self.organisation.la_code if self.organisation_id else None
        if own in codes:
            raise ValidationError(
                {"la_codes": f"{self.organisation} ({own}) cannot be its own comparator"}
            )
        published = published_council_codes()
        unknown = [c for c in codes if not any(la_code_matches(p, c) for p in published)]
        if unknown:
            raise ValidationError(
                {
                    "la_codes": f"No council with code {', '.join(unknown)} in the imported "
                    "DfE files. Import the DfE indicators file first, or check the codes"
                }
            )
        self.la_codes = ",".join(dict.fromkeys(codes))  # unique, in the order given
