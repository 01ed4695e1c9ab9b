"""Benchmark pages: imported DfE files with an upload form, and the comparator councils."""

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from workforce_health.benchmarks import selectors, services
from workforce_health.benchmarks.errors import PublishedFileError
from workforce_health.benchmarks.forms import MAX_ERRORS_SHOWN, ComparatorsForm, UploadForm
from workforce_health.core.models import Organisation
from workforce_health.core.permissions import Capability, requires
from workforce_health.core.view_helpers import save_or_conflict, viewer
from workforce_health.web import conflicts


def _add_file_errors(form: UploadForm, error: PublishedFileError) -> None:
    """One error summary item per unreadable cell, naming row and column (§8.5)."""
    name = error.filename
    if not error.problems:
        form.add_error("file", f"{name} was not imported: {error.detail}")
        return
    form.add_error("file", f"{name} was not imported: {error.detail}. Nothing was saved")
    for problem in error.problems[:MAX_ERRORS_SHOWN]:
        cell = f"Row {problem.row}, column {problem.column}"
        text = f"{problem.text!r} ({problem.reason})" if problem.text else problem.reason
        form.add_error("file", f"{cell}: {text}")
    if len(error.problems) > MAX_ERRORS_SHOWN:
        form.add_error("file", f"and {len(error.problems) - MAX_ERRORS_SHOWN} more cells")


@requires(Capability.MANAGE_BENCHMARKS)
def benchmark_data(request: HttpRequest) -> HttpResponse:
    if request.method == "POST" and "load_shipped" in request.POST:
        release = services.packaged_release_load(user=request.user)  # type: ignore[arg-type]
        if release.already_imported:
            messages.info(request, "The 2025 release was loaded before; nothing changed")
        else:
            messages.success(request, f"Loaded the {release.release}, {release.years}")
        return redirect("benchmark-data")
    form = UploadForm(request.POST, request.FILES) if request.method == "POST" else UploadForm()
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            release = services.published_release_import(
                source=upload,
                filename=upload.name,
                user=request.user,  # type: ignore[arg-type]
            )
        except PublishedFileError as error:
            _add_file_errors(form, error)
        else:
            if release.already_imported:
                messages.info(request, f"{upload.name} was imported before; nothing changed")
            else:
                messages.success(
                    request,
                    f"{upload.name} imported: {release.release}, {release.years}, "
                    f"{release.row_count} rows",
                )
            return redirect("benchmark-data")
    return render(
        request,
        "benchmarks/benchmark_data.html",
        {
            "form": form,
            "releases": selectors.release_list(),
            "shipped_loaded": selectors.packaged_release_loaded(),
        },
    )


def _comparators_set(organisation: Organisation, codes: list[str], version: int | None) -> Any:
    try:
        return services.comparators_set(organisation=organisation, la_codes=codes, version=version)
    except ValidationError as error:  # about the codes, not a field of the form
        raise ValidationError(error.messages) from error


@requires(Capability.MANAGE_BENCHMARKS)
def comparators(request: HttpRequest) -> HttpResponse:
    organisation = viewer(request).organisation
    councils = selectors.council_list(organisation=organisation)
    chosen = selectors.comparator_codes(organisation=organisation)
    region = next((c["region_name"] for c in councils if c["in_region"]), "")
    form = ComparatorsForm(
        request.POST if request.method == "POST" else None,
        councils=councils,
        chosen=chosen,
        region=region,
    )
    conflicts.add_version(form, selectors.comparator_lock_version(organisation=organisation))
    if request.method == "POST" and form.is_valid():
        version = conflicts.submitted_version(form)
        saved = save_or_conflict(
            form,
            lambda: _comparators_set(organisation, form.la_codes(), version),
            what="list of comparator councils",
            saved=lambda current: form.values_for(current.codes, councils),
        )
        if saved is not None:
            messages.success(request, f"Comparator councils saved ({len(saved.codes)} chosen)")
            return redirect("benchmark-comparators")
    chosen_names = [
        f"{c['name']} ({c['code']})" for c in councils if set(c["code"].split(" / ")) & set(chosen)
    ]
    return render(
        request,
        "benchmarks/comparators.html",
        {
            "form": form,
            "organisation": organisation,
            "councils": councils,
            "chosen_names": chosen_names,
        },
        status=conflicts.status(form),
    )
