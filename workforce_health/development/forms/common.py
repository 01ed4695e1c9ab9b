"""Fields shared by the development forms."""

import datetime
from decimal import Decimal
from typing import Any

from django import forms
from django.utils import timezone

from workforce_health.web.forms import GovukDateInput, GovukNumericInput

YES_NO = [("yes", "Yes"), ("no", "No")]
NO_CASE_DETAILS = (
    "Do not write case details here: decisions about a child or adult belong in their case record."
)


def date_field(label: str, *, required: bool = True, help_text: str = "") -> forms.DateField:
    example = "like 27 3 2025"
    return forms.DateField(
        label=label,
        required=required,
        help_text=help_text or "For example, 27 3 2025",
        widget=GovukDateInput(),
        input_formats=["%Y-%m-%d"],
        error_messages={
            "required": f"Enter the {label[:1].lower()}{label[1:]}",
            "invalid": f"{label} must be a real date, {example}",
        },
    )


def yes_no_field(label: str, *, help_text: str = "") -> forms.TypedChoiceField:
    return forms.TypedChoiceField(
        label=label,
        help_text=help_text,
        choices=YES_NO,
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect(attrs={"class": "govuk-radios--inline"}),
        error_messages={"required": f"Select yes or no: {label[:1].lower()}{label[1:]}"},
    )


def yes_no_initial(value: bool | None) -> str | None:
    return None if value is None else "yes" if value else "no"


def whole_number_field(
    label: str, *, minimum: int, maximum: int, required: bool = True, help_text: str = ""
) -> forms.IntegerField:
    return forms.IntegerField(
        label=label,
        required=required,
        help_text=help_text,
        min_value=minimum,
        max_value=maximum,
        widget=GovukNumericInput(attrs={"class": "govuk-input--width-4"}),
        error_messages={
            "required": f"Enter {label[:1].lower()}{label[1:]}",
            "invalid": f"{label} must be a whole number",
            "min_value": f"{label} must be {minimum} or more",
            "max_value": f"{label} must be {maximum} or less",
        },
    )


def decimal_field(
    label: str,
    *,
    minimum: Decimal,
    maximum: Decimal,
    places: int = 2,
    required: bool = True,
    help_text: str = "",
) -> forms.DecimalField:
    return forms.DecimalField(
        label=label,
        required=required,
        help_text=help_text,
        min_value=minimum,
        max_value=maximum,
        decimal_places=places,
        widget=forms.TextInput(attrs={"class": "govuk-input--width-5", "inputmode": "decimal"}),
        error_messages={
            "required": f"Enter {label[:1].lower()}{label[1:]}",
            "invalid": f"{label} must be a number",
            "min_value": f"{label} must be {minimum} or more",
            "max_value": f"{label} must be {maximum} or less",
            "max_decimal_places": f"{label} must have at most {places} decimal places",
        },
    )


class PersonChoiceField(forms.ModelChoiceField):
    """A select of people, by name and employee number."""

    def label_from_instance(self, obj: Any) -> str:
        return f"{obj.full_name} ({obj.employee_number})"


def person_field(label: str, people: Any, *, required: bool = True) -> Any:
    return PersonChoiceField(
        label=label,
        queryset=people,
        required=required,
        empty_label="Choose a person",
        error_messages={
            "required": f"Select {label[:1].lower()}{label[1:]}",
            "invalid_choice": "Select a person from the list",
        },
    )


def today() -> datetime.date:
    return timezone.localdate()
