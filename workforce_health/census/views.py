"""Census and HR data pages: import a census return or an HR extract, export the return.

Organisation-wide roles only (``EDIT_STRUCTURE``): these files hold personal data.
"""

from collections.abc import Callable
from typing import Any

from django import forms
from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import render
from django.utils.datastructures import MultiValueDict
from django.views.decorators.csrf import csrf_exempt

from workforce_health.census import hr_extract, selectors, services
from workforce_health.census.forms import (
    CensusExportForm,
    CensusImportForm,
    HrImportForm,
    too_large_message,
)
from workforce_health.census.limits import max_file_bytes
from workforce_health.core.permissions import Capability, requires
from workforce_health.core.view_helpers import viewer
from workforce_health.web import uploads

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
View = Callable[..., HttpResponse]


def refuses_large_uploads(template: str, form_class: type[forms.Form]) -> Callable[[View], View]:
    """Refuse a POST whose declared size is over the cap without reading its body
    (``web.uploads``); the form is shown again with the size error."""

    def refusal(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        form = form_class(QueryDict(), MultiValueDict())
        form.full_clean()
        form.errors.clear()
        form.errors["file"] = form.error_class([too_large_message()])
        return render(request, template, {"form": form}, status=413)

    return uploads.refuses_large_uploads(max_file_bytes, refusal)


def _posted(request: HttpRequest) -> tuple[Any, Any]:
    """Form data for a POST (even an empty one, so that it shows errors), else unbound."""
    return (request.POST, request.FILES) if request.method == "POST" else (None, None)


def _download(data: bytes, name: str, content_type: str) -> HttpResponse:
    response = HttpResponse(data, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    response["Cache-Control"] = "no-store"
    return response


@requires(Capability.EDIT_STRUCTURE)
def index(request: HttpRequest) -> HttpResponse:
    organisation = viewer(request).organisation
    return render(
        request,
        "census/index.html",
        {
            "imports": selectors.census_import_list(organisation=organisation)[:5],
            "exports": selectors.census_export_list(organisation=organisation)[:5],
        },
    )


@csrf_exempt  # checked inside, after the size (see ``refuses_large_uploads``)
@requires(Capability.EDIT_STRUCTURE)
@refuses_large_uploads("census/import.html", CensusImportForm)
def census_import(request: HttpRequest) -> HttpResponse:
    form = CensusImportForm(*_posted(request))
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        year = form.cleaned_data["year"]
        result = services.census_return_import(
            source=upload.file,
            user=request.user,
            year=int(year) if year else None,
            organisation=viewer(request).organisation,
            file_name=upload.name,
        )
        return render(
            request,
            "census/import_result.html",
            {"result": result, "file_name": upload.name},
            status=200 if result.ok else 422,
        )
    return render(request, "census/import.html", {"form": form})


@csrf_exempt  # checked inside, after the size (see ``refuses_large_uploads``)
@requires(Capability.EDIT_STRUCTURE)
@refuses_large_uploads("census/hr_import.html", HrImportForm)
def hr_import(request: HttpRequest) -> HttpResponse:
    form = HrImportForm(*_posted(request))
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        result = services.hr_extract_import(
            organisation=viewer(request).organisation,
            name=upload.name,
            source=upload.file,
            create_teams=form.cleaned_data["create_teams"],
        )
        return render(
            request,
            "census/hr_import_result.html",
            {"result": result, "file_name": upload.name},
            status=200 if result.ok else 422,
        )
    return render(request, "census/hr_import.html", {"form": form})


@requires(Capability.EDIT_STRUCTURE)
def hr_template_csv(request: HttpRequest) -> HttpResponse:
    return _download(hr_extract.template_csv(), "hr-extract-template.csv", "text/csv")


@requires(Capability.EDIT_STRUCTURE)
def hr_template_xlsx(request: HttpRequest) -> HttpResponse:
    return _download(hr_extract.template_xlsx(), "hr-extract-template.xlsx", XLSX)


@requires(Capability.EDIT_STRUCTURE)
def census_export(request: HttpRequest) -> HttpResponse:
    form = CensusExportForm(_posted(request)[0])
    if request.method == "POST" and form.is_valid():
        organisation = viewer(request).organisation
        year = int(form.cleaned_data["year"])
        outcome = services.census_return_export(
            organisation=organisation, year=year, user=request.user
        )
        if outcome.data is not None:
            name = f"csww_{organisation.la_code}_{year}.xml"
            return _download(outcome.data, name, "application/xml")
        rows = [(finding, outcome.person_of(finding)) for finding in outcome.findings]
        return render(
            request,
            "census/export_findings.html",
            {"outcome": outcome, "rows": rows, "year": year},
            status=422,
        )
    return render(request, "census/export.html", {"form": form})
