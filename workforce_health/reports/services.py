"""Writes for reports: prepare a draft, change it, and publish an immutable version."""

import dataclasses
import datetime
from collections.abc import Iterable, Mapping

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from workforce_health.core.models import Membership, Organisation, Service
from workforce_health.core.permissions import Capability, membership_can
from workforce_health.core.versioning import version_check
from workforce_health.reports import render
from workforce_health.reports.builder import APPENDIX, SUMMARY, report_document
from workforce_health.reports.document import Document, to_json
from workforce_health.reports.inputs import ReportDataMissing
from workforce_health.reports.models import Report, ReportVersion, ReportVersionFile
from workforce_health.reports.sections.catalogue import section_specs
from workforce_health.reports.selectors import report_comment_texts, report_inputs

MAX_COMMENTARY = 5000


def _check_services(organisation: Organisation, services: Iterable[Service]) -> list[Service]:
    chosen = list(services)
    if any(s.organisation_id != organisation.pk for s in chosen):
        raise ValidationError({"services": "Choose services of this organisation"})
    return chosen


@transaction.atomic
def report_create(
    *,
    organisation: Organisation,
    meeting_date: datetime.date,
    services: Iterable[Service] = (),
    title: str = "",
) -> Report:
    from workforce_health.reports.builder import default_title

    report = Report(
        organisation=organisation,
        meeting_date=meeting_date,
        title=title.strip() or default_title(meeting_date),
    )
    chosen = _check_services(organisation, services)
    report.full_clean()
    report.save()
    report.services.set(chosen)
    return report


def _check_commentary(commentary: Mapping[str, str]) -> dict[str, str]:
    keys = {SUMMARY, APPENDIX, *(s.key for s in section_specs())}
    unknown = sorted(set(commentary) - keys)
    if unknown:
        raise ValidationError({"commentary": f"There is no report section called {unknown[0]}"})
    for key, text in commentary.items():
        if len(text) > MAX_COMMENTARY:
            raise ValidationError(
                {"commentary": f"Commentary on {key} must be {MAX_COMMENTARY} characters or fewer"}
            )
    return {k: v.strip() for k, v in commentary.items() if v.strip()}


@transaction.atomic
def report_update(
    *,
    report: Report,
    title: str | None = None,
    meeting_date: datetime.date | None = None,
    services: Iterable[Service] | None = None,
    included_sections: Iterable[str] | None = None,
    commentary: Mapping[str, str] | None = None,
    quotations: Iterable[str] | None = None,
    editor: Membership | None = None,
    version: int | None = None,
) -> Report:
    """Change a draft. `included_sections`: the optional sections to show. `editor`: who is
    making the change (None for the system, such as the demo loader); only a role that may
    read comment text (the workforce lead) may change the quotations. `version`: the draft's
    lock_version when the form was opened (core.versioning): EditConflict if saved since."""
    version_check(report, version)
    if title is not None:
        report.title = title.strip()
    if meeting_date is not None:
        report.meeting_date = meeting_date
    if included_sections is not None:
        optional = {s.key for s in section_specs() if s.optional}
        chosen = set(included_sections)
        if chosen - optional:
            raise ValidationError(
                {
                    "excluded_sections": "There is no optional section called "
                    + sorted(chosen - optional)[0]
                }
            )
        report.excluded_sections = sorted(optional - chosen)
    if commentary is not None:
        report.commentary = _check_commentary(commentary)
    if services is not None:
        report.services.set(_check_services(report.organisation, services))
    if quotations is not None:
        if editor is not None and not membership_can(editor, Capability.VIEW_SURVEY_COMMENTS):
            raise ValidationError(
                {"quotations": "Only the workforce lead can choose quotations from comments"}
            )
        wanted = list(dict.fromkeys(quotations))
        allowed = set(report_comment_texts(report=report)) if wanted else set()
        if any(q not in allowed for q in wanted):
            raise ValidationError(
                {"quotations": "Choose quotations from the redacted comments listed"}
            )
        report.quotations = wanted
    report.full_clean()
    report.save()
    return report


def report_draft_document(
    *,
    report: Report,
    prepared_on: datetime.date | None = None,
    viewer: Membership | None = None,
) -> Document:
    """The report as it would be published now (raises ReportDataMissing if it cannot be).
    For a `viewer` who may not read comment text, the lead's quotations are only counted."""
    optional = {s.key for s in section_specs() if s.optional}
    inputs = report_inputs(report=report)
    if viewer is not None and not membership_can(viewer, Capability.VIEW_SURVEY_COMMENTS):
        inputs = dataclasses.replace(
            inputs, quotations=(), withheld_quotations=len(inputs.quotations)
        )
    return report_document(
        inputs,
        title=report.title,
        included=optional - set(report.excluded_sections),
        commentary=report.commentary,
        prepared_on=prepared_on or timezone.localdate(),
    )


@transaction.atomic
def report_publish(
    *,
    report: Report,
    published_by: User | None,
    published_on: datetime.date | None = None,
    store_files: bool = True,
    expected_number: int | None = None,
) -> ReportVersion:
    """Freeze the report's figures and text as the next version (dated today unless given,
    e.g. by the demo, which publishes its reports before their meeting). Without
    ``store_files`` its files are rendered from the frozen document when downloaded, as for a
    version published before files were stored (the demo in tests, to load faster). With
    ``expected_number`` (the version the user confirmed), refuse if that number was taken
    meanwhile, so two confirmations of one version cannot publish two."""
    published_on = published_on or timezone.localdate()
    Report.objects.select_for_update().filter(pk=report.pk).first()
    number = (report.versions.aggregate(last=Max("number"))["last"] or 0) + 1
    if expected_number is not None and number != expected_number:
        raise ValidationError(
            f"Version {expected_number} has already been published: nothing was published again"
        )
    try:
        document = report_draft_document(report=report, prepared_on=published_on)
    except ReportDataMissing as missing:
        raise ValidationError(str(missing)) from missing
    document = dataclasses.replace(document, version=number)
    version = ReportVersion(
        report=report,
        number=number,
        published_on=published_on,
        published_by=published_by if published_by and published_by.pk else None,
        document=to_json(document),
    )
    version.full_clean()
    version.save()
    if store_files:
        _files_store(version=version, document=document)
    return version


def _files_store(*, version: ReportVersion, document: Document) -> None:
    """Render the version's PDF, HTML and XLSX once, as it is published, to serve as stored."""
    rendered = {
        ReportVersionFile.Format.PDF: render.document_pdf(document),
        ReportVersionFile.Format.HTML: render.document_html(document).encode(),
        ReportVersionFile.Format.XLSX: render.document_xlsx(document),
    }
    for file_format, content in rendered.items():
        stored = ReportVersionFile(version=version, file_format=file_format, content=content)
        stored.full_clean()
        stored.save()
