"""The audit page's filters."""

from typing import Any

from django import forms

from workforce_health.audit.models import AuditEntry
from workforce_health.audit.selectors import AuditFilters, record_type_choices
from workforce_health.web.forms import GovukDateInput

ACTIONS = [
    (str(AuditEntry.Action.CREATE), "Added"),
    (str(AuditEntry.Action.UPDATE), "Changed"),
    (str(AuditEntry.Action.DELETE), "Deleted"),
    (str(AuditEntry.Action.ACCESS), "Viewed"),
]


def _date(label: str) -> forms.DateField:
    return forms.DateField(
        label=label,
        required=False,
        help_text="For example, 27 3 2026",
        widget=GovukDateInput(),
        input_formats=["%Y-%m-%d"],
        error_messages={"invalid": f"{label} must be a real date, like 27 3 2026"},
    )


class AuditFilterForm(forms.Form):
    govuk_mark_optional = False

    who = forms.CharField(
        label="Who",
        required=False,
        max_length=150,
        help_text="Username or email address, or part of one",
    )
    action = forms.ChoiceField(
        label="What happened", required=False, choices=[("", "Anything"), *ACTIONS]
    )
    record_type = forms.ChoiceField(label="Type of record", required=False)
    record = forms.CharField(
        label="Record",
        required=False,
        max_length=200,
        help_text="Part of the record's name, such as a person's name, or its number",
    )
    date_from = _date("From")
    date_to = _date("To")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["record_type"].choices = [("", "Any"), *record_type_choices()]  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("date_from") and data.get("date_to") and data["date_from"] > data["date_to"]:
            self.add_error("date_to", "The 'to' date must be the same as or after the 'from' date")
        return data

    def filters(self) -> AuditFilters:
        if not self.is_valid():
            return AuditFilters()
        data = self.cleaned_data
        return AuditFilters(
            who=data["who"].strip(),
            action=int(data["action"]) if data["action"] else None,
            record_type=data["record_type"],
            record=data["record"].strip(),
            date_from=data["date_from"],
            date_to=data["date_to"],
        )
