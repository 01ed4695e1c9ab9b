"""Forms for the careers offer, vacancies and agency records. Models hold the rules; forms
add GOV.UK wording and widgets."""

from __future__ import annotations

from typing import Any

from django import forms

from workforce_health.careers.facts import FACT_BUILDERS
from workforce_health.careers.models import (
    SECTION_FIELDS,
    AgencyAssignment,
    AgencyRateCap,
    CareersSite,
    OfferItem,
    PayBand,
    ServiceOffer,
    Vacancy,
)
from workforce_health.core.forms import word_the_empty_choice
from workforce_health.core.models import Organisation, Service
from workforce_health.web.forms import GovukDateInput

MONEY = forms.TextInput(attrs={"class": "govuk-input--width-10", "inputmode": "numeric"})
SHORT = forms.TextInput(attrs={"class": "govuk-input--width-5", "inputmode": "decimal"})


def _date(label: str, *, required: bool, hint: str = "For example, 27 3 2026") -> Any:
    return forms.DateField(
        label=label,
        required=required,
        help_text=hint,
        widget=GovukDateInput(),
        input_formats=["%Y-%m-%d"],
        error_messages={
            "required": f"Enter the {label[0].lower()}{label[1:]}",
            "invalid": f"{label} must be a real date, like 27 3 2026",
        },
    )


def _text_area(rows: int = 4) -> forms.Textarea:
    return forms.Textarea(attrs={"rows": rows})


class _GovukModelForm(forms.ModelForm):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            word_the_empty_choice(field)


class CareersSiteForm(_GovukModelForm):
    class Meta:
        model = CareersSite
        fields = ["introduction", "town", "postcode", "website", "recruitment_site"]
        labels = {"introduction": "Introduction to social work at the council"}
        help_texts = {
            "introduction": "The first words on the careers page. Leave a blank line between "
            "paragraphs",
            "town": "Where the jobs are, as job search sites show it",
            "website": "The council's own website, like https://www.northmoor.gov.uk",
            "recruitment_site": "Where people apply; each vacancy can link to its own page there",
        }
        error_messages = {"town": {"required": "Enter the town or city"}}
        widgets = {
            "introduction": _text_area(6),
            "postcode": forms.TextInput(attrs={"class": "govuk-input--width-10"}),
            "website": forms.URLInput(attrs={"spellcheck": "false"}),
            "recruitment_site": forms.URLInput(attrs={"spellcheck": "false"}),
        }


class OfferForm(_GovukModelForm):
    class Meta:
        model = ServiceOffer
        fields = ["included", "slug", "summary", *SECTION_FIELDS]
        help_texts = {
            "summary": "A few sentences about the service and its teams",
            "nqsw_programme": "Protected caseloads, time for learning, reviews, the ASYE",
            "caseload_promise": "What the council promises about caseloads",
            "supervision_promise": "How often supervision happens and what it offers",
        }
        error_messages = {
            "slug": {
                "required": "Enter the web address of the service's page",
                "invalid": "Use only lower-case letters, numbers and hyphens",
            }
        }
        widgets = {
            "slug": forms.TextInput(
                attrs={"class": "govuk-input--width-20", "spellcheck": "false"}
            ),
            **{name: _text_area() for name in ("summary", *SECTION_FIELDS)},
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["included"].help_text = "Untick to keep this service's offer off the page"


class FactsForm(forms.Form):
    facts = forms.MultipleChoiceField(
        label="Facts to show",
        help_text="Select all that apply. A fact appears only when the data support it",
        required=False,
        choices=[(b.kind, b.label) for b in FACT_BUILDERS],
        widget=forms.CheckboxSelectMultiple,
    )


class PayBandForm(_GovukModelForm):
    class Meta:
        model = PayBand
        fields = ["role", "title", "grade", "salary_min", "salary_max"]
        error_messages = {
            "role": {"required": "Choose the role"},
            "salary_min": {
                "required": "Enter the lowest salary",
                "invalid": "The lowest salary must be a whole number of pounds, like 32000",
            },
            "salary_max": {
                "required": "Enter the highest salary",
                "invalid": "The highest salary must be a whole number of pounds, like 38000",
            },
        }
        widgets = {"salary_min": MONEY, "salary_max": MONEY, "role": forms.RadioSelect}


class OfferItemForm(_GovukModelForm):
    class Meta:
        model = OfferItem
        fields = ["kind", "title", "description", "amount"]
        labels = {"kind": "Type", "title": "Name"}
        help_texts = {
            "title": "For example, Market supplement for team managers",
            "amount": "Leave blank if there is no single amount",
        }
        error_messages = {
            "kind": {"required": "Choose the type"},
            "title": {"required": "Enter the name"},
            "amount": {"invalid": "The amount must be a whole number of pounds, like 3000"},
        }
        widgets = {"kind": forms.RadioSelect, "description": _text_area(3), "amount": MONEY}


class VacancyForm(_GovukModelForm):
    opened_on = _date("Date the post became vacant", required=True)
    closing_date = _date("Closing date", required=True)
    filled_on = _date(
        "Start date of the person appointed",
        required=False,
        hint="When the post is filled: this ends the advert and gives the time to fill",
    )

    class Meta:
        model = Vacancy
        fields = [
            "title",
            "service",
            "team",
            "role",
            "grade",
            "salary_min",
            "salary_max",
            "hours_per_week",
            "contract",
            "location",
            "reference",
            "posts",
            "description",
            "opened_on",
            "closing_date",
            "apply_url",
            "filled_on",
        ]
        help_texts = {
            "apply_url": "The job's page on the council's recruitment site: the product never "
            "takes applications",
            "description": "What the job is and who the council is looking for. Leave a blank "
            "line between paragraphs",
        }
        error_messages = {
            "title": {"required": "Enter the job title"},
            "service": {"required": "Choose the service"},
            "role": {"required": "Choose the role"},
            "salary_min": {
                "required": "Enter the lowest salary",
                "invalid": "The lowest salary must be a whole number of pounds, like 32000",
            },
            "salary_max": {
                "required": "Enter the highest salary",
                "invalid": "The highest salary must be a whole number of pounds, like 38000",
            },
            "hours_per_week": {
                "required": "Enter the hours a week",
                "invalid": "Hours must be a number, like 37",
            },
            "contract": {"required": "Choose the type of contract"},
            "description": {"required": "Enter a description of the job"},
            "apply_url": {"required": "Enter where to apply"},
            "posts": {"invalid": "The number of posts must be a whole number, like 2"},
        }
        widgets = {
            "salary_min": MONEY,
            "salary_max": MONEY,
            "hours_per_week": SHORT,
            "posts": SHORT,
            "contract": forms.RadioSelect,
            "description": _text_area(8),
            "grade": forms.TextInput(attrs={"class": "govuk-input--width-20"}),
            "reference": forms.TextInput(attrs={"class": "govuk-input--width-10"}),
            "apply_url": forms.URLInput(attrs={"spellcheck": "false"}),
        }

    def __init__(self, *args: Any, organisation: Organisation, teams: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.instance.organisation = organisation
        service_field = self.fields["service"]
        service_field.queryset = Service.objects.filter(  # type: ignore[attr-defined]
            organisation=organisation
        )
        team_field = self.fields["team"]
        team_field.queryset = teams  # type: ignore[attr-defined]
        team_field.label_from_instance = lambda team: f"{team.name} ({team.service.name})"  # type: ignore[attr-defined]


class RateCapForm(_GovukModelForm):
    effective_from = _date(
        "Applies to assignments starting on or after", required=True, hint="For example, 1 4 2025"
    )

    class Meta:
        model = AgencyRateCap
        fields = ["role", "hourly_cap", "effective_from"]
        help_texts = {
            "hourly_cap": "The cap the region's councils agreed: pay, employer's National "
            "Insurance and the apprenticeship levy"
        }
        error_messages = {
            "role": {"required": "Choose the job type"},
            "hourly_cap": {
                "required": "Enter the cap on the hourly charge",
                "invalid": "The cap must be an amount in pounds, like 45.50",
            },
        }
        widgets = {"role": forms.RadioSelect, "hourly_cap": SHORT}

    def __init__(self, *args: Any, organisation: Organisation, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.instance.organisation = organisation


class AgencyAssignmentForm(_GovukModelForm):
    references_received_on = _date("Practice-based references received on", required=False)
    left_permanent_post_on = _date(
        "Date they left their last permanent social work post",
        required=False,
        hint="Leave blank if they have never held one",
    )

    class Meta:
        model = AgencyAssignment
        fields = [
            "agency",
            "role",
            "hourly_charge_rate",
            "cap_exception_approved_by",
            "project_team",
            "experience_years",
            "references_received_on",
            "notice_weeks",
            "permanent_post_checked",
            "left_permanent_post_on",
            "left_permanent_post_region",
        ]
        error_messages = {
            "role": {"required": "Choose the job type"},
            "hourly_charge_rate": {"invalid": "The rate must be an amount in pounds, like 45.50"},
            "experience_years": {"invalid": "Experience must be a number of years, like 4.5"},
            "notice_weeks": {"invalid": "The notice period must be a whole number of weeks"},
        }
        widgets = {
            "role": forms.RadioSelect,
            "hourly_charge_rate": SHORT,
            "experience_years": SHORT,
            "notice_weeks": SHORT,
        }
