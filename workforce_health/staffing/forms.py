"""The vacancy form: vacant and agency-covered FTE on a date, for the organisation or a team."""

from decimal import Decimal
from typing import Any

from django import forms

from workforce_health.core.models import Organisation, Team
from workforce_health.web.forms import GovukDateInput

ORGANISATION_WIDE = ""


class VacancyForm(forms.Form):
    date = forms.DateField(
        label="Date",
        help_text="The DfE measures use 30 September, for example 30 9 2025",
        widget=GovukDateInput(),
        input_formats=["%Y-%m-%d"],
        error_messages={
            "required": "Enter the date",
            "invalid": "Date must be a real date, like 30 9 2025",
        },
    )
    team = forms.ChoiceField(
        label="Where are the vacancies?",
        help_text=(
            "The whole of children's social work is what the DfE census asks for; "
            "a team's figure is for that team's breakdown only"
        ),
        required=False,
    )
    vacancy_fte = forms.DecimalField(
        label="Vacant posts (FTE)",
        help_text="Funded social work posts not filled by a council employee, including posts "
        "covered by agency workers",
        min_value=Decimal("0"),
        max_digits=9,
        decimal_places=2,
        widget=forms.TextInput(attrs={"class": "govuk-input--width-5", "inputmode": "decimal"}),
        error_messages={
            "required": "Enter the vacant FTE",
            "invalid": "Vacant FTE must be a number, like 12.5",
            "min_value": "Vacant FTE must be 0 or more",
        },
    )
    agency_cover_fte = forms.DecimalField(
        label="Of which covered by agency workers (FTE)",
        required=False,
        min_value=Decimal("0"),
        max_digits=9,
        decimal_places=2,
        widget=forms.TextInput(attrs={"class": "govuk-input--width-5", "inputmode": "decimal"}),
        error_messages={
            "invalid": "Agency cover must be a number, like 8",
            "min_value": "Agency cover must be 0 or more",
        },
    )
    agency_cover_headcount = forms.IntegerField(
        label="Agency workers covering vacancies (headcount)",
        required=False,
        min_value=0,
        widget=forms.TextInput(attrs={"class": "govuk-input--width-5", "inputmode": "numeric"}),
        error_messages={
            "invalid": "Agency headcount must be a whole number, like 8",
            "min_value": "Agency headcount must be 0 or more",
        },
    )

    def __init__(self, *args: Any, organisation: Organisation, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        teams = Team.objects.filter(
            organisation=organisation, service__kind="children"
        ).select_related("service")
        self.fields["team"].choices = [  # type: ignore[attr-defined]
            (ORGANISATION_WIDE, "All of children's social work (the census figure)"),
            *((str(t.pk), f"{t.name} ({t.service.name})") for t in teams),
        ]
        self.teams = {str(t.pk): t for t in teams}

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        vacant, cover = data.get("vacancy_fte"), data.get("agency_cover_fte")
        if vacant is not None and cover is not None and cover > vacant:
            self.add_error("agency_cover_fte", "Agency cover cannot be more than the vacant FTE")
        data["team"] = self.teams.get(data.get("team") or "")
        return data
