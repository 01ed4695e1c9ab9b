"""Scrutiny reports: a draft the workforce lead edits, and its published, immutable versions."""

from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone

from workforce_health.core.models import Organisation, Service
from workforce_health.core.versioning import Versioned


class Report(Versioned):
    """A report in preparation: what it covers, the lead's commentary and chosen sections.

    Its figures are computed afresh whenever it is previewed; publishing freezes them in a
    ReportVersion. Editing after publishing prepares the next version.
    """

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="reports")
    title = models.CharField(max_length=200)
    meeting_date = models.DateField()
    services = models.ManyToManyField(Service, blank=True, related_name="+")
    # Optional section keys left out (reports/sections/catalogue.py); new sections appear.
    excluded_sections = models.JSONField(default=list, blank=True)
    commentary = models.JSONField(default=dict, blank=True)  # section key -> text
    quotations = models.JSONField(default=list, blank=True)  # redacted comment texts
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-meeting_date", "-pk"]

    def __str__(self) -> str:
        return self.title

    @property
    def meeting_has_passed(self) -> bool:
        """The meeting is before today: the report was probably meant for a later one."""
        return self.meeting_date < timezone.localdate()

    def clean(self) -> None:
        if not isinstance(self.commentary, dict) or not all(
            isinstance(k, str) and isinstance(v, str) for k, v in self.commentary.items()
        ):
            raise ValidationError({"commentary": "Commentary must be text for each section"})
        if not isinstance(self.quotations, list) or not all(
            isinstance(q, str) for q in self.quotations
        ):
            raise ValidationError({"quotations": "Quotations must be a list of texts"})


class ReportVersion(models.Model):
    """A published report: the whole document as it was published, never changed afterwards."""

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField()
    published_on = models.DateField()
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,  # published by the command line or a user since deleted
        related_name="+",
    )
    document = models.JSONField()  # reports/document.py to_json

    class Meta:
        ordering = ["-published_on", "-number"]
        constraints = [
            models.UniqueConstraint(
                fields=["report", "number"],
                name="report_version_number_unique",
                violation_error_message="This version of the report already exists",
            )
        ]

    def __str__(self) -> str:
        return f"{self.report.title}, version {self.number}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None and ReportVersion.objects.filter(pk=self.pk).exists():
            raise ValidationError("A published report cannot be changed: publish a new version")
        super().save(*args, **kwargs)


class ReportVersionFile(models.Model):
    """A published version as a file (PDF, HTML or XLSX), rendered once as it is published and
    served as stored: rendering the PDF takes seconds, and a published version never changes."""

    class Format(models.TextChoices):
        PDF = "pdf", "PDF"
        HTML = "html", "HTML"
        XLSX = "xlsx", "XLSX"

    version = models.ForeignKey(ReportVersion, on_delete=models.CASCADE, related_name="files")
    file_format = models.CharField(max_length=4, choices=Format.choices)
    content = models.BinaryField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["version", "file_format"],
                name="report_version_file_unique",
                violation_error_message="This file of the version is already stored",
            )
        ]

    def __str__(self) -> str:
        return f"{self.version}, {self.get_file_format_display()}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None and ReportVersionFile.objects.filter(pk=self.pk).exists():
            raise ValidationError("A published report's file cannot be changed")
        super().save(*args, **kwargs)
