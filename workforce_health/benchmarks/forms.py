"""Forms for importing DfE files and choosing comparator councils."""

from typing import Any, Final

from django import forms
from django.core.files.uploadedfile import UploadedFile

from workforce_health.benchmarks.selectors import Council

MAX_UPLOAD_BYTES: Final = 5 * 1024 * 1024  # the largest DfE file (indicators 2025) is 0.3 MB
MAX_ERRORS_SHOWN: Final = 20


class UploadForm(forms.Form):
    file = forms.FileField(
        label="Upload a DfE file",
        help_text=(
            "A CSV file downloaded from the DfE: the 2017 to 2025 indicators, the 2017 to 2022 "
            "headline measures, or the SFR 07/2016 or SFR 08/2017 underlying data. Up to 5 MB."
        ),
        error_messages={"required": "Select a CSV file to upload"},
        widget=forms.FileInput(attrs={"accept": ".csv,text/csv"}),
    )

    def clean_file(self) -> UploadedFile:
        upload: UploadedFile = self.cleaned_data["file"]
        if upload.size is not None and upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError("The selected file must be smaller than 5 MB")
        if not (upload.name or "").lower().endswith(".csv"):
            raise forms.ValidationError("The selected file must be a CSV file")
        return upload


def _chosen(councils: list[Council], chosen: list[str]) -> list[str]:
    """The councils' codes (joint returns "940 / 941" whole) among the comparator codes."""
    return [c["code"] for c in councils if set(c["code"].split(" / ")) & set(chosen)]


def _label(council: Council) -> str:
    return f"{council['name']} ({council['code']})"


class ComparatorsForm(forms.Form):
    """Councils in the organisation's region, then the rest; joint returns ("940 / 941") once."""

    govuk_mark_optional = False

    def __init__(
        self, *args: Any, councils: list[Council], chosen: list[str], region: str, **kwargs: Any
    ) -> None:
        initial = _chosen(councils, chosen)
        super().__init__(*args, **kwargs)
        self.fields["in_region"] = forms.MultipleChoiceField(
            label=f"Councils in {region}" if region else "Councils in your region",
            choices=[(c["code"], _label(c)) for c in councils if c["in_region"]],
            required=False,
            initial=initial,
            widget=forms.CheckboxSelectMultiple(
                attrs={"class": "govuk-checkboxes--small", "govuk_label_size": "m"}
            ),
        )
        self.fields["elsewhere"] = forms.MultipleChoiceField(
            label="Councils in other regions",
            choices=[
                (c["code"], f"{_label(c)}, {c['region_name']}")
                for c in councils
                if not c["in_region"]
            ],
            required=False,
            initial=initial,
            widget=forms.CheckboxSelectMultiple(
                attrs={"class": "govuk-checkboxes--small", "govuk_label_size": "m"}
            ),
        )

    def values_for(self, chosen: list[str], councils: list[Council]) -> dict[str, list[str]]:
        """Each field's ticked councils for the comparator codes `chosen`."""
        codes = _chosen(councils, chosen)
        return {
            name: [code for code in codes if code in dict(getattr(field, "choices", []))]
            for name, field in self.fields.items()
            if name in ("in_region", "elsewhere")
        }

    def la_codes(self) -> list[str]:
        """Chosen codes with joint returns split into their councils' codes."""
        chosen = [*self.cleaned_data["in_region"], *self.cleaned_data["elsewhere"]]
        return [part.strip() for code in chosen for part in code.split("/")]
