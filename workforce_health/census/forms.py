"""Upload and export forms for the census pages (GOV.UK wording; the renderer does the markup)."""

from typing import Any

from django import forms
from django.core.files.uploadedfile import UploadedFile

from workforce_health.census.limits import max_file_bytes, size_label
from workforce_health.census.schema import YEARS

YEAR_CHOICES = [(str(year), f"{year} (year ending 30 September {year})") for year in YEARS]


def too_large_message() -> str:
    return f"The selected file must be smaller than {size_label(max_file_bytes())}"


def _checked_upload(upload: UploadedFile | None, endings: tuple[str, ...], kind: str) -> Any:
    if upload is None:
        raise forms.ValidationError(f"Select a {kind}")
    if upload.size and upload.size > max_file_bytes():
        raise forms.ValidationError(too_large_message())
    if not upload.size:
        raise forms.ValidationError("The selected file is empty")
    if not (upload.name or "").lower().endswith(endings):
        raise forms.ValidationError(f"The selected file must be a {' or '.join(endings)} file")
    return upload


class CensusImportForm(forms.Form):
    file = forms.FileField(
        label="Census return (XML)",
        help_text="The file you submit to the DfE, for any census year from 2021 to 2025",
        error_messages={"required": "Select a census return file"},
        widget=forms.ClearableFileInput(attrs={"accept": ".xml"}),
    )
    year = forms.ChoiceField(
        label="Census year",
        required=False,
        choices=[("", "Work it out from the file"), *YEAR_CHOICES],
        help_text="Only needed if the file does not say which year it is for",
    )

    def clean_file(self) -> Any:
        return _checked_upload(self.cleaned_data.get("file"), (".xml",), "census return file")


class HrImportForm(forms.Form):
    file = forms.FileField(
        label="HR extract (CSV or XLSX)",
        help_text="One row per employment spell, in the layout of the template",
        error_messages={"required": "Select an HR extract file"},
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,.xlsx"}),
    )
    create_teams = forms.BooleanField(
        label="Create services and teams that do not exist yet",
        required=False,
        help_text="Otherwise rows naming an unknown service or team are errors",
    )

    def clean_file(self) -> Any:
        return _checked_upload(self.cleaned_data.get("file"), (".csv", ".xlsx"), "HR extract file")


class CensusExportForm(forms.Form):
    year = forms.ChoiceField(
        label="Census year",
        choices=YEAR_CHOICES,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose the census year"},
    )
