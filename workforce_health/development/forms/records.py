"""Forms: the measures' period and grouping (GET), and bulk import."""

import datetime
from typing import Any

from django import forms

from workforce_health.development.forms.common import date_field
from workforce_health.development.imports import KINDS


class PeriodForm(forms.Form):
    """From and to dates (the 12 months to today by default), and how to group."""

    govuk_mark_optional = False

    start = date_field("From", help_text="For example, 1 4 2025")
    end = date_field("To", help_text="For example, 31 3 2026")
    by = forms.ChoiceField(
        label="Show by",
        choices=[("team", "Team"), ("service", "Service"), ("person", "Person")],
        widget=forms.RadioSelect(attrs={"class": "govuk-radios--inline"}),
        required=False,
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, end = data.get("start"), data.get("end")
        if isinstance(start, datetime.date) and isinstance(end, datetime.date) and end < start:
            self.add_error("end", "The end of the period must be after its start")
        return data


class ImportForm(forms.Form):
    kind = forms.ChoiceField(
        label="What the file holds",
        choices=[(key, kind.label) for key, kind in KINDS.items()],
        widget=forms.RadioSelect,
        error_messages={"required": "Select what the file holds"},
    )
    file = forms.FileField(
        label="File (CSV or XLSX)",
        error_messages={
            "required": "Select a CSV or XLSX file",
            "empty": "The selected file is empty",
        },
    )
