"""Import an earlier year's Health Check from CSV or XLSX, and its templates."""

import datetime
from typing import Any, TypeVar

from django import forms
from django.contrib import messages
from django.core.files.uploadedfile import UploadedFile
from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.datastructures import MultiValueDict
from django.views.decorators.csrf import csrf_exempt

from workforce_health.core.models import Membership, Service
from workforce_health.core.permissions import Capability, requires
from workforce_health.core.view_helpers import found, save_or_add_errors, viewer
from workforce_health.results import imports
from workforce_health.spreadsheets.reading import SURVEY_RESPONSES, size_text
from workforce_health.surveys import selectors
from workforce_health.surveys.forms import unused_slug, wave_choices
from workforce_health.surveys.models import Questionnaire, Wave
from workforce_health.web import uploads

MAX_UPLOAD_BYTES = SURVEY_RESPONSES.max_file_bytes or 0
TOO_LARGE = f"The selected file must be smaller than {size_text(MAX_UPLOAD_BYTES)}"
AnyForm = TypeVar("AnyForm", bound=forms.Form)
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


class PastWaveImportForm(forms.Form):
    title = forms.CharField(
        label="Name of the survey",
        help_text="For example, Children's Social Work Health Check 2022",
        max_length=200,
        error_messages={"required": "Enter the name of the survey"},
    )
    slug = forms.SlugField(
        label="Short name",
        help_text="Letters, numbers and hyphens, for example health-check-2022",
        max_length=80,
        error_messages={
            "required": "Enter a short name",
            "invalid": "Short name must only use letters, numbers and hyphens",
        },
    )
    year = forms.IntegerField(
        label="Year the survey ran",
        widget=forms.TextInput(attrs={"class": "govuk-input--width-4", "inputmode": "numeric"}),
        error_messages={
            "required": "Enter the year the survey ran",
            "invalid": "Year must be a number, like 2022",
        },
    )
    questionnaire = forms.ModelChoiceField(
        queryset=Questionnaire.objects.none(),
        label="Questionnaire its questions match",
        error_messages={"required": "Choose the questionnaire"},
    )
    services = forms.ModelMultipleChoiceField(
        queryset=Service.objects.none(),
        label="Services surveyed",
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": "Choose at least one service"},
    )
    file = forms.FileField(
        label="Responses file (CSV or XLSX)",
        help_text="One row per respondent, in the layout of the template below",
        error_messages={"required": "Select a responses file"},
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,.xlsx"}),
    )

    invited = forms.FileField(
        label="Invited counts file (CSV or XLSX)",
        help_text="How many were invited in each group, for response rates: the group columns "
        "you have and an invited column, one row per group, in the layout of the invited counts "
        "template below. Without it, the results show how many responded but no response rate",
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,.xlsx"}),
    )

    def __init__(self, *args: Any, membership: Membership, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.organisation = membership.organisation
        wave_choices(self, self.organisation)
        self.fields["questionnaire"].empty_label = "Choose one"  # type: ignore[attr-defined]

    def clean_slug(self) -> str:
        return unused_slug(self.organisation, self.cleaned_data["slug"], "import")

    def clean_year(self) -> int:
        year: int = self.cleaned_data["year"]
        if not 2010 <= year <= timezone.localdate().year:
            raise forms.ValidationError(
                f"Year must be between 2010 and {timezone.localdate().year}"
            )
        return year

    def clean_file(self) -> UploadedFile:
        return _checked_upload(self.cleaned_data["file"])

    def clean_invited(self) -> UploadedFile | None:
        upload: UploadedFile | None = self.cleaned_data.get("invited")
        return _checked_upload(upload, "invited counts file") if upload else None


def _checked_upload(upload: UploadedFile, what: str = "file") -> UploadedFile:
    if not (upload.name or "").lower().endswith((".csv", ".xlsx")):
        raise forms.ValidationError(f"The selected {what} must be a .csv or .xlsx file")
    if not upload.size:
        raise forms.ValidationError(f"The selected {what} is empty")
    if upload.size > MAX_UPLOAD_BYTES:
        raise forms.ValidationError(TOO_LARGE.replace("file", what, 1))
    return upload


def _upload(upload: UploadedFile | None) -> imports.Upload | None:
    return imports.Upload(upload.read(), upload.name or "") if upload else None


class InvitedForm(forms.Form):
    file = forms.FileField(
        label="Invited counts file (CSV or XLSX)",
        help_text="The group columns you have and an invited column, one row per group, in the "
        "layout of the template",
        error_messages={"required": "Select an invited counts file"},
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,.xlsx"}),
    )

    def clean_file(self) -> UploadedFile:
        return _checked_upload(self.cleaned_data["file"])


def _refused(form: AnyForm) -> AnyForm:
    """The form, unbound data checked, showing only that the file is too large."""
    form.full_clean()
    form.errors.clear()
    form.errors["file"] = form.error_class([TOO_LARGE])
    return form


def _too_large_import(request: HttpRequest) -> HttpResponse:
    form = PastWaveImportForm(QueryDict(), MultiValueDict(), membership=viewer(request))
    return _import_page(request, _refused(form), [])


@csrf_exempt  # checked inside, after the size (web.uploads)
@requires(Capability.MANAGE_SURVEYS)
@uploads.refuses_large_uploads(lambda: 2 * MAX_UPLOAD_BYTES, _too_large_import)  # and invited
def past_wave_import(request: HttpRequest) -> HttpResponse:
    membership = viewer(request)
    organisation = membership.organisation
    form = PastWaveImportForm(request.POST or None, request.FILES or None, membership=membership)
    errors: list[str] = []
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        year = data["year"]
        result = save_or_add_errors(
            form,
            lambda: imports.past_wave_import(
                source=data["file"].read(),
                filename=data["file"].name,
                invited=_upload(data["invited"]),
                organisation=organisation,
                questionnaire=data["questionnaire"],
                title=data["title"],
                slug=data["slug"],
                services=data["services"],
                opens_on=datetime.date(year, 1, 1),
                closes_on=datetime.date(year, 12, 31),
            ),
        )
        errors = result.errors if result is not None else []
        if result is not None and not errors:
            invited = (
                f", with {result.invited} invited in {result.invited_groups} groups"
                if result.invited is not None
                else ""
            )
            messages.success(
                request, f"Imported {result.created} responses into {data['title']}{invited}"
            )
            return redirect("survey-results", results_wave_id=result.wave.pk)
    return _import_page(request, form, errors)


def _import_page(request: HttpRequest, form: forms.Form, errors: list[str]) -> HttpResponse:
    return render(
        request,
        "results/import.html",
        {
            "form": form,
            "errors": errors,
            "questionnaires": selectors.questionnaire_list(
                organisation=viewer(request).organisation
            ),
        },
        status=422 if errors else 200,
    )


def _template(request: HttpRequest, questionnaire_id: int) -> Questionnaire:
    return found(
        selectors.questionnaire_get(viewer=viewer(request), questionnaire_id=questionnaire_id)
    )


@requires(Capability.MANAGE_SURVEYS)
def import_template_csv(request: HttpRequest, questionnaire_id: int) -> HttpResponse:
    questionnaire = _template(request, questionnaire_id)
    response = HttpResponse(imports.template_csv(questionnaire), content_type="text/csv")
    response["Content-Disposition"] = f'attachment; filename="{questionnaire.code}-responses.csv"'
    return response


@requires(Capability.MANAGE_SURVEYS)
def import_template_xlsx(request: HttpRequest, questionnaire_id: int) -> HttpResponse:
    questionnaire = _template(request, questionnaire_id)
    response = HttpResponse(imports.template_xlsx(questionnaire), content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="{questionnaire.code}-responses.xlsx"'
    return response


@requires(Capability.MANAGE_SURVEYS)
def invited_template_csv(request: HttpRequest) -> HttpResponse:
    response = HttpResponse(imports.invited_template_csv(), content_type="text/csv")
    response["Content-Disposition"] = 'attachment; filename="invited-counts.csv"'
    return response


@requires(Capability.MANAGE_SURVEYS)
def invited_template_xlsx(request: HttpRequest) -> HttpResponse:
    response = HttpResponse(imports.invited_template_xlsx(), content_type=XLSX)
    response["Content-Disposition"] = 'attachment; filename="invited-counts.xlsx"'
    return response


def _too_large_invited(request: HttpRequest, results_wave_id: int) -> HttpResponse:
    return _invited_counts(request, results_wave_id, too_large=True)


@csrf_exempt  # checked inside, after the size (web.uploads)
@requires(Capability.MANAGE_SURVEYS)
@uploads.refuses_large_uploads(lambda: MAX_UPLOAD_BYTES, _too_large_invited)
def invited_counts(request: HttpRequest, results_wave_id: int) -> HttpResponse:
    """Record or replace how many were invited in each group of an imported (past) wave."""
    return _invited_counts(request, results_wave_id)


def _invited_counts(
    request: HttpRequest, results_wave_id: int, too_large: bool = False
) -> HttpResponse:
    wave: Wave = found(selectors.wave_get(viewer=viewer(request), wave_id=results_wave_id))
    past = imports.is_past(wave)
    refused = request.method == "POST" and not past and not too_large
    posted = past and request.method == "POST" and not too_large
    form = InvitedForm(request.POST, request.FILES) if posted else InvitedForm()
    if too_large:  # the body was not read (web.uploads)
        form = _refused(InvitedForm(QueryDict(), MultiValueDict()))
    errors: list[str] = []
    if posted and form.is_valid():
        upload = form.cleaned_data["file"]
        result = imports.invited_import(wave=wave, source=upload.read(), filename=upload.name)
        errors = result.errors
        if not errors:
            messages.success(
                request,
                f"Recorded {result.invited} invited in {result.invited_groups} groups for "
                f"{wave.title}",
            )
            return redirect("survey-results", results_wave_id=wave.pk)
    return render(
        request,
        "results/invited.html",
        {
            "wave": wave,
            "form": form,
            "past": past,
            "refused": refused,
            "not_past": "" if past else imports.invited_refusal(wave),
            "errors": errors,
            "recorded": imports.invited_rows(wave=wave) if past else [],
            "total": selectors.wave_invited_total(wave=wave) if past else None,
        },
        status=422 if errors else 400 if refused else 200,
    )
