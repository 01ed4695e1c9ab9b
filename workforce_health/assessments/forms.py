"""Forms: start a self-assessment, rate a standard, rename the scale, raise an action."""

from __future__ import annotations

from typing import Any

from django import forms

from workforce_health.assessments.frameworks import FRAMEWORK_CHOICES
from workforce_health.core.models import Organisation, Person, Service
from workforce_health.web.forms import GovukDateInput


class AssessmentForm(forms.Form):
    service = forms.ModelChoiceField(
        queryset=Service.objects.none(),
        label="Service",
        empty_label=None,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose the service the self-assessment is for"},
    )
    year = forms.IntegerField(
        label="Year",
        help_text="The year the self-assessment covers, for example 2025",
        min_value=2015,
        max_value=2100,
        error_messages={
            "required": "Enter the year",
            "invalid": "Enter the year as 4 digits, like 2025",
            "min_value": "Enter a year from 2015",
            "max_value": "Enter a year before 2100",
        },
    )
    framework = forms.ChoiceField(
        label="Version of the standards",
        choices=FRAMEWORK_CHOICES,
        initial="2025",
        widget=forms.RadioSelect,
    )

    def __init__(self, *args: Any, services: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["service"].queryset = services  # type: ignore[attr-defined]


class RatingForm(forms.Form):
    level = forms.TypedChoiceField(
        label="Rating",
        coerce=int,
        empty_value=None,
        required=False,
        widget=forms.RadioSelect,
    )
    commentary = forms.CharField(
        label="Commentary",
        help_text="What the council does to meet the standard, and what the evidence shows",
        widget=forms.Textarea(attrs={"rows": 8}),
        required=False,
        max_length=5000,
    )

    def __init__(self, *args: Any, labels: tuple[str, ...], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["level"]
        assert isinstance(field, forms.TypedChoiceField)
        field.choices = [("", "Not rated yet"), *((str(i), n) for i, n in enumerate(labels, 1))]


class ScaleForm(forms.Form):
    level_1 = forms.CharField(label="Lowest point (1)", max_length=40)
    level_2 = forms.CharField(label="Point 2", max_length=40)
    level_3 = forms.CharField(label="Point 3", max_length=40)
    level_4 = forms.CharField(label="Highest point (4)", max_length=40)


class GapActionForm(forms.Form):
    title = forms.CharField(label="Action", max_length=200)
    description = forms.CharField(
        label="What will be done", widget=forms.Textarea(attrs={"rows": 4}), required=False
    )
    owner = forms.ModelChoiceField(
        queryset=Person.objects.none(),
        label="Owner",
        error_messages={"required": "Choose who owns the action"},
    )
    due_on = forms.DateField(
        label="Due by",
        help_text="For example, 31 3 2026",
        widget=GovukDateInput(),
        input_formats=["%Y-%m-%d"],
        error_messages={
            "required": "Enter the date it is due",
            "invalid": "The due date must be a real date, like 31 3 2026",
        },
    )

    def __init__(self, *args: Any, owners: Any, organisation: Organisation, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = owners  # type: ignore[attr-defined]
        self.organisation = organisation


class OfstedForm(forms.Form):
    service = forms.ModelChoiceField(
        queryset=Service.objects.none(), label="Service", empty_label=None
    )
    year = forms.IntegerField(label="Year", min_value=2015, max_value=2100)

    def __init__(self, *args: Any, services: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["service"].queryset = services  # type: ignore[attr-defined]
