"""Forms for pulse surveys: a series, and a pulse questionnaire of chosen Health Check questions."""

from typing import Any

from django import forms

from workforce_health.listening.models import PulseSeries
from workforce_health.listening.models.pulses import MAX_ITEMS, MAX_OPEN_DAYS, MIN_ITEMS
from workforce_health.surveys.models import Questionnaire, Wave
from workforce_health.web.forms import GovukDateInput, GovukNumericInput


class SeriesForm(forms.Form):
    title = forms.CharField(
        label="Name of the series",
        max_length=200,
        help_text="For example, Children's Services engagement pulse",
        error_messages={"required": "Enter a name"},
    )
    reference_wave = forms.ModelChoiceField(
        label="The Health Check it follows",
        queryset=Wave.objects.none(),
        help_text="Each pulse invites this survey's services and staff groups, with its "
        "smallest group sizes, and never shows a group it hides",
        error_messages={"required": "Choose the Health Check it follows"},
    )
    questionnaire = forms.ModelChoiceField(
        label="Questions",
        queryset=Questionnaire.objects.none(),
        widget=forms.RadioSelect,
        error_messages={"required": "Choose the questions"},
    )
    every = forms.ChoiceField(
        label="How often",
        choices=PulseSeries.Every.choices,
        widget=forms.RadioSelect(attrs={"class": "govuk-radios--inline"}),
        error_messages={"required": "Choose how often"},
    )
    starts_on = forms.DateField(
        label="First pulse",
        help_text="For example, 1 4 2026. Later pulses follow every month or quarter from it",
        widget=GovukDateInput(),
        input_formats=["%Y-%m-%d"],
        error_messages={
            "required": "Enter the date of the first pulse",
            "invalid": "Enter a real date",
        },
    )
    open_days = forms.IntegerField(
        label="Days each pulse stays open",
        min_value=5,
        max_value=MAX_OPEN_DAYS,
        initial=14,
        widget=GovukNumericInput(attrs={"class": "govuk-input--width-3"}),
        error_messages={
            "invalid": "Days open must be a whole number",
            "min_value": f"A pulse stays open 5 to {MAX_OPEN_DAYS} days",
            "max_value": f"A pulse stays open 5 to {MAX_OPEN_DAYS} days",
        },
    )

    def __init__(
        self,
        *args: Any,
        references: list[Wave],
        questionnaires: list[Questionnaire],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["reference_wave"].queryset = Wave.objects.filter(  # type: ignore[attr-defined]
            pk__in=[w.pk for w in references]
        ).order_by("-opens_on", "title")
        self.fields["reference_wave"].empty_label = "Choose one"  # type: ignore[attr-defined]
        self.fields["questionnaire"].queryset = Questionnaire.objects.filter(  # type: ignore[attr-defined]
            pk__in=[q.pk for q in questionnaires]
        ).order_by("organisation_id", "title")


class ChosenItemsForm(forms.Form):
    title = forms.CharField(
        label="Name of the questions",
        max_length=200,
        help_text="For example, Workload and supervision pulse",
        error_messages={"required": "Enter a name"},
    )
    items = forms.MultipleChoiceField(
        label=f"Choose {MIN_ITEMS} to {MAX_ITEMS} questions",
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": f"Choose {MIN_ITEMS} to {MAX_ITEMS} questions"},
    )

    def __init__(self, *args: Any, items: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["items"].choices = items  # type: ignore[attr-defined]

    def clean_items(self) -> list[str]:
        chosen: list[str] = self.cleaned_data["items"]
        if not MIN_ITEMS <= len(chosen) <= MAX_ITEMS:
            raise forms.ValidationError(
                f"Choose {MIN_ITEMS} to {MAX_ITEMS} questions ({len(chosen)} chosen)"
            )
        return chosen
