"""Report pages: the list, start and edit a draft, preview, publish, and read published versions."""

from typing import Any

from django.contrib import messages
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from workforce_health.core.permissions import Capability, membership_can, requires
from workforce_health.core.view_helpers import (
    found,
    save_or_add_errors,
    save_or_conflict,
    viewer,
)
from workforce_health.reports import render as output
from workforce_health.reports import selectors, services
from workforce_health.reports.document import Document
from workforce_health.reports.forms import COMMENTARY_PREFIX, ReportEditForm, ReportForm
from workforce_health.reports.inputs import ReportDataMissing
from workforce_health.reports.models import Report
from workforce_health.reports.publication import publication_get
from workforce_health.reports.sections.catalogue import section_specs
from workforce_health.web import conflicts
from workforce_health.web.tables import XLSX_TYPE

CONTENT_TYPES = {"pdf": "application/pdf", "html": "text/html; charset=utf-8", "xlsx": XLSX_TYPE}


def _download(document: Document, file_format: str, stored: bytes | None = None) -> HttpResponse:
    body: bytes | str
    if stored is not None:  # a published version's file, rendered as it was published
        body = stored
    elif file_format == "pdf":
        body = output.document_pdf(document)
    elif file_format == "xlsx":
        body = output.document_xlsx(document)
    else:
        body = output.document_html(document)
    response = HttpResponse(body, content_type=CONTENT_TYPES[file_format])
    response["Content-Disposition"] = (
        f'attachment; filename="{output.file_stem(document)}.{file_format}"'
    )
    return response


@requires(Capability.VIEW_PUBLISHED_REPORTS)
def report_list(request: HttpRequest) -> HttpResponse:
    membership = viewer(request)
    return render(
        request,
        "reports/list.html",
        {
            "versions": selectors.report_version_list(viewer=membership),
            "drafts": selectors.report_list(viewer=membership),
            "can_edit": membership_can(membership, Capability.EDIT_REPORTS),
        },
    )


@requires(Capability.EDIT_REPORTS)
def report_create(request: HttpRequest) -> HttpResponse:
    membership = viewer(request)
    form = ReportForm(request.POST or None, organisation=membership.organisation)
    if request.method == "POST" and form.is_valid():
        report = save_or_add_errors(
            form,
            lambda: services.report_create(
                organisation=membership.organisation,
                meeting_date=form.cleaned_data["meeting_date"],
                services=form.cleaned_data["services"],
                title=form.cleaned_data["title"],
            ),
        )
        if report is not None:
            return redirect("report-edit", report_id=report.pk)
    return render(request, "reports/create.html", {"form": form})


def _edit_values(report: Report) -> dict[str, Any]:
    """The edit form's values for the draft as saved."""
    optional = [s.key for s in section_specs() if s.optional]
    return {
        "meeting_date": report.meeting_date,
        "services": list(report.services.all()),
        "title": report.title,
        "sections": [k for k in optional if k not in report.excluded_sections],
        "quotations": report.quotations,
        **{COMMENTARY_PREFIX + k: v for k, v in report.commentary.items()},
    }


def _edit_form(request: HttpRequest, report: Report) -> ReportEditForm:
    specs = section_specs()
    try:
        choices = selectors.report_quotation_choices(viewer=viewer(request), report=report)
    except ReportDataMissing:
        choices = []
    form = ReportEditForm(
        request.POST or None,
        initial=_edit_values(report),
        organisation=report.organisation,
        specs=specs,
        quotation_choices=choices,
    )
    conflicts.add_version(form, report.lock_version)
    return form


def _saved_values(form: ReportEditForm, report: Report) -> dict[str, Any]:
    """The draft's values as saved now; every commentary box (an empty one is saved as none)."""
    boxes = dict.fromkeys((n for n in form.fields if n.startswith(COMMENTARY_PREFIX)), "")
    return boxes | _edit_values(report)


@requires(Capability.EDIT_REPORTS)
def report_edit(request: HttpRequest, report_id: int) -> HttpResponse:
    membership = viewer(request)
    report = found(selectors.report_get(viewer=membership, report_id=report_id))
    form = _edit_form(request, report)
    quotes = membership_can(membership, Capability.VIEW_SURVEY_COMMENTS)
    if request.method == "POST" and form.is_valid():
        version = conflicts.submitted_version(form)
        data = form.cleaned_data
        saved = save_or_conflict(
            form,
            lambda: services.report_update(
                report=report,
                title=data["title"] or report.title,
                meeting_date=data["meeting_date"],
                services=data["services"],
                included_sections=data["sections"],
                commentary=form.commentary(),
                # Only the lead chooses quotations; others keep the lead's choice.
                quotations=data.get("quotations", []) if quotes else None,
                editor=membership,
                version=version,
            ),
            what="report",
            saved=lambda current: _saved_values(form, current),
        )
        if saved is not None:
            messages.success(request, "Report saved. Check the preview before you publish it.")
            return redirect("report-preview", report_id=report.pk)
    latest = max((v.number for v in report.versions.all()), default=None)
    return render(
        request,
        "reports/edit.html",
        {
            "form": form,
            "report": report,
            "latest": latest,
            "quotations_by_lead": None if quotes else len(report.quotations),
        },
        status=conflicts.status(form),
    )


def _draft(request: HttpRequest, report: Report) -> tuple[Document | None, str]:
    try:
        return services.report_draft_document(report=report, viewer=viewer(request)), ""
    except ReportDataMissing as missing:
        return None, str(missing)


@requires(Capability.EDIT_REPORTS)
def report_preview(request: HttpRequest, report_id: int) -> HttpResponse:
    report = found(selectors.report_get(viewer=viewer(request), report_id=report_id))
    document, problem = _draft(request, report)
    return render(
        request,
        "reports/preview.html",
        {
            "report": report,
            "problem": problem,
            "body": output.document_html(document, standalone=False) if document else "",
            "versions": report.versions.all(),
        },
    )


@requires(Capability.EDIT_REPORTS)
def report_preview_download(request: HttpRequest, report_id: int, file_format: str) -> HttpResponse:
    report = found(selectors.report_get(viewer=viewer(request), report_id=report_id))
    document, _ = _draft(request, report)
    if document is None:  # the preview page explains why
        return redirect("report-preview", report_id=report.pk)
    return _download(document, file_format)


@requires(Capability.EDIT_REPORTS)
def report_publish(request: HttpRequest, report_id: int) -> HttpResponse:
    """GET: what publishing makes readable and unchangeable, with the button; POST from that
    button (naming the version it showed): publish it."""
    membership = viewer(request)
    report = found(selectors.report_get(viewer=membership, report_id=report_id))
    quotes = membership_can(membership, Capability.VIEW_SURVEY_COMMENTS)
    publication = publication_get(report=report)
    # Only the confirmation page's button publishes, and only the version it named.
    confirmed = request.POST.get("version") if request.method == "POST" else None
    if confirmed != str(publication.number):
        return render(
            request,
            "reports/publish.html",
            {
                "report": report,
                "number": publication.number,
                "publication": publication,
                "withheld_quotations": 0 if quotes else len(report.quotations),
                "published_meanwhile": confirmed is not None,
            },
            status=409 if confirmed is not None else 200,
        )
    try:
        user = request.user if isinstance(request.user, User) else None
        version = services.report_publish(
            report=report, published_by=user, expected_number=publication.number
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("report-preview", report_id=report.pk)
    messages.success(request, f"Version {version.number} published. It will not change.")
    return redirect("report-version", version_id=version.pk)


@requires(Capability.VIEW_PUBLISHED_REPORTS)
def report_version(request: HttpRequest, version_id: int) -> HttpResponse:
    membership = viewer(request)
    version = found(selectors.report_version_get(viewer=membership, version_id=version_id))
    document = selectors.report_version_document(version=version)
    newer = (
        selectors.report_version_list(viewer=membership)
        .filter(report=version.report_id, number__gt=version.number)
        .order_by("-number")
        .first()
    )
    return render(
        request,
        "reports/version.html",
        {
            "version": version,
            "document": document,
            "body": output.document_html(document, standalone=False),
            "newer": newer,
            "can_edit": membership_can(membership, Capability.EDIT_REPORTS),
        },
    )


@requires(Capability.VIEW_PUBLISHED_REPORTS)
def report_version_download(
    request: HttpRequest, version_id: int, file_format: str
) -> HttpResponse:
    version = found(selectors.report_version_get(viewer=viewer(request), version_id=version_id))
    stored = selectors.report_version_file(version=version, file_format=file_format)
    return _download(selectors.report_version_document(version=version), file_format, stored)
