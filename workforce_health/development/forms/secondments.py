"""Form: a secondment, with its census treatment as an explicit choice."""

from decimal import Decimal
from typing import Any

from django import forms

from workforce_health.core.models import Employment, Team
from workforce_health.development.forms.common import date_field, decimal_field
from workforce_health.development.models import Secondment


class EmploymentChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return (
            f"{obj.person.full_name}: {obj.get_job_role_display()} in {obj.team.name} "
            f"(from {obj.start_date:%-d %B %Y})"
        )


class SecondmentForm(forms.Form):
    home_employment = EmploymentChoiceField(
        label="Who, and the home post they keep",
        queryset=Employment.objects.none(),
        empty_label="Choose a post",
        error_messages={"required": "Select the home post"},
    )
    host_team = forms.ModelChoiceField(
        label="Host team in the council",
        queryset=Team.objects.none(),
        required=False,
        empty_label="Not a team of the council",
    )
    host_organisation = forms.CharField(
        label="Or host organisation",
        required=False,
        max_length=200,
        help_text="Another council or a partner, when the host is not a team here",
    )
    starts_on = date_field("Start date")
    planned_end = date_field("Planned end date")
    actual_end = date_field("Actual end date", required=False)
    fte = decimal_field(
        "FTE on secondment",
        minimum=Decimal("0.01"),
        maximum=Decimal("1"),
        places=6,
        help_text="1 for full time; less when part-time alongside the home post",
    )
    purpose = forms.CharField(
        label="Purpose and skills to gain",
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    backfill = forms.ChoiceField(
        label="Backfill", choices=Secondment.Backfill.choices, widget=forms.RadioSelect
    )
    outcome = forms.ChoiceField(
        label="Outcome", choices=Secondment.Outcome.choices, widget=forms.RadioSelect
    )
    census_treatment = forms.ChoiceField(
        label="How the DfE census counts the secondee",
        help_text="The secondments page shows the effect of this choice on the vacancy and "
        "turnover rates",
        choices=Secondment.Treatment.choices,
        widget=forms.RadioSelect,
    )

    def __init__(self, *args: Any, posts: Any, teams: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["home_employment"].queryset = posts  # type: ignore[attr-defined]
        self.fields["host_team"].queryset = teams  # type: ignore[attr-defined]
