"""Forms for teams, people and employments. Models hold the rules; forms add GOV.UK wording."""

from typing import Any

from django import forms

from workforce_health.core.models import (
    CENSUS_ROLE_OF,
    EMAIL_INVALID,
    Employment,
    Organisation,
    Person,
    Team,
)
from workforce_health.core.services import EMPLOYMENT_FIELDS, PERSON_FIELDS
from workforce_health.web.forms import GovukDateInput


def _date_field(label: str, *, required: bool, hint: str = "For example, 27 3 2019") -> Any:
    return forms.DateField(
        label=label,
        required=required,
        help_text=hint,
        widget=GovukDateInput(),
        input_formats=["%Y-%m-%d"],
        error_messages={
            "required": f"Enter the {label.lower()}",
            "invalid": f"{label} must be a real date, like 27 3 2019",
        },
    )


def word_the_empty_choice(field: forms.Field) -> None:
    """Replace Django's "---------": required radios lose it, others say what it means."""
    if isinstance(field, forms.ModelChoiceField):
        field.empty_label = "Choose one" if field.required else "None"
        return
    choices = list(getattr(field, "choices", []))
    if not choices or choices[0][0] != "":
        return
    if isinstance(field.widget, forms.RadioSelect) and field.required:
        field.choices = choices[1:]  # type: ignore[attr-defined]
    else:
        empty = "Choose one" if field.required else "Not recorded"
        field.choices = [("", empty), *choices[1:]]  # type: ignore[attr-defined]


class OrganisationScopedForm(forms.ModelForm):
    """A model form whose instance belongs to ``organisation``, also for uniqueness checks."""

    def __init__(self, *args: Any, organisation: Organisation, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.organisation = organisation
        self.instance.organisation = organisation
        for field in self.fields.values():
            word_the_empty_choice(field)

    def _get_validation_exclusions(self) -> set[str]:
        exclusions: set[str] = super()._get_validation_exclusions()  # type: ignore[misc]
        return exclusions - {"organisation"}


class TeamForm(OrganisationScopedForm):
    class Meta:
        model = Team
        fields = ["name", "service", "team_type"]
        labels = {"name": "Team name", "team_type": "Type of team"}
        error_messages = {
            "name": {"required": "Enter the team name"},
            "service": {"required": "Choose the service the team belongs to"},
            "team_type": {"required": "Choose the type of team"},
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["service"].queryset = self.organisation.services.all()  # type: ignore[attr-defined]


class PersonForm(OrganisationScopedForm):
    date_of_birth = _date_field("Date of birth", required=False, hint="For example, 27 3 1985")

    class Meta:
        model = Person
        fields = list(PERSON_FIELDS)
        help_texts = {
            "email": "Used only to send them survey invitation links",
            "swe_number": "2 letters then up to 10 digits, for example SW123456",
            "is_registered_social_worker": "",
        }
        error_messages = {
            "given_name": {"required": "Enter the first name"},
            "family_name": {"required": "Enter the last name"},
            "employee_number": {"required": "Enter the employee number"},
            "email": {"invalid": EMAIL_INVALID},
        }
        labels = {"given_name": "First name", "family_name": "Last name"}
        widgets = {
            "sex": forms.RadioSelect,
            "qualification_level": forms.RadioSelect,
            "employee_number": forms.TextInput(attrs={"class": "govuk-input--width-10"}),
            "swe_number": forms.TextInput(attrs={"class": "govuk-input--width-10"}),
            "email": forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"}),
        }


class EmploymentForm(OrganisationScopedForm):
    start_date = _date_field("Start date", required=True)
    end_date = _date_field("End date", required=False, hint="Leave blank if they are still in post")

    class Meta:
        model = Employment
        fields = list(EMPLOYMENT_FIELDS)
        labels = {"fte": "Full-time equivalent (FTE)", "census_role": "Census organisational role"}
        help_texts = {
            "fte": "A number from 0.01 to 1, for example 0.6 for 3 days a week",
            "census_role": (
                "For the DfE workforce census. If left blank, social work job roles get their "
                "usual census role"
            ),
            "start_origin": "Where they came from, using the DfE census list",
        }
        error_messages = {
            "team": {"required": "Choose the team"},
            "job_role": {"required": "Choose the job role"},
            "fte": {"required": "Enter the FTE", "invalid": "FTE must be a number, like 0.8"},
            "contract_type": {"required": "Choose the type of contract"},
        }
        widgets = {
            "contract_type": forms.RadioSelect,
            "fte": forms.TextInput(attrs={"class": "govuk-input--width-5", "inputmode": "decimal"}),
        }

    def __init__(self, *args: Any, person: Person, **kwargs: Any) -> None:
        super().__init__(*args, organisation=person.organisation, **kwargs)
        self.instance.person = person
        team_field = self.fields["team"]
        team_field.queryset = Team.objects.filter(  # type: ignore[attr-defined]
            organisation=person.organisation
        ).select_related("service")
        team_field.label_from_instance = lambda team: f"{team.name} ({team.service.name})"  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not data.get("census_role") and data.get("job_role"):
            data["census_role"] = CENSUS_ROLE_OF.get(data["job_role"], "")
        return data
