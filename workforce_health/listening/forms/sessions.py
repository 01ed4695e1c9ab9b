"""Forms for leader sessions: plan or change one, record attendance, keep a register."""

import datetime
import zoneinfo
from typing import Any

from django import forms
from django.conf import settings
from django.db.models import QuerySet

from workforce_health.core.models import Organisation, Person, Service, Team
from workforce_health.listening.models import LeaderSession
from workforce_health.listening.standards import standard_choices
from workforce_health.surveys.groups import RoleGroup
from workforce_health.web.forms import GovukDateInput, GovukNumericInput


def _whole_number(label: str, *, required: bool = True, least: int = 0) -> forms.IntegerField:
    return forms.IntegerField(
        label=label,
        required=required,
        min_value=least,
        widget=GovukNumericInput(attrs={"class": "govuk-input--width-5"}),
        error_messages={
            "required": f"Enter {label.lower()}",
            "invalid": f"{label} must be a whole number",
            "min_value": f"{label} must be {least} or more",
        },
    )


class SessionForm(forms.Form):
    kind = forms.ChoiceField(
        label="Type of session",
        choices=LeaderSession.Kind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose the type of session"},
    )
    title = forms.CharField(
        label="Title",
        max_length=200,
        help_text="For example, Coffee and catch up with the director of children's services",
        error_messages={"required": "Enter a title"},
    )
    date = forms.DateField(
        label="Date",
        help_text="For example, 27 3 2026",
        widget=GovukDateInput(),
        input_formats=["%Y-%m-%d"],
        error_messages={"required": "Enter the date", "invalid": "Date must be a real date"},
    )
    time = forms.TimeField(
        label="Start time",
        help_text="Use the 24-hour clock, for example 14:30",
        input_formats=["%H:%M", "%H.%M"],
        widget=forms.TextInput(attrs={"class": "govuk-input--width-5"}),
        error_messages={
            "required": "Enter the start time",
            "invalid": "Enter the start time like 14:30",
        },
    )
    duration_minutes = _whole_number("Length in minutes", least=15)
    format = forms.ChoiceField(
        label="Format",
        choices=LeaderSession.Format.choices,
        widget=forms.RadioSelect(attrs={"class": "govuk-radios--inline"}),
        error_messages={"required": "Choose the format"},
    )
    location = forms.CharField(
        label="Where", max_length=300, required=False, help_text="A room, or a meeting link"
    )
    hosts = forms.MultipleChoiceField(
        label="Hosts",
        choices=LeaderSession.Host.choices,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": "Choose who hosts the session"},
    )
    audience_services = forms.ModelMultipleChoiceField(
        label="Services invited",
        queryset=Service.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Leave all unticked to invite the whole organisation",
    )
    audience_teams = forms.ModelMultipleChoiceField(
        label="Teams invited",
        queryset=Team.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Leave all unticked to invite every team of the services chosen",
    )
    audience_role_groups = forms.MultipleChoiceField(
        label="Roles invited",
        choices=RoleGroup.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Leave all unticked to invite everyone",
    )
    standards = forms.MultipleChoiceField(
        label="Employer standards it is about",
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    topics = forms.CharField(
        label="Topics", required=False, widget=forms.Textarea(attrs={"rows": 3}), max_length=2000
    )
    mandatory = forms.BooleanField(label="This is a mandatory briefing", required=False)
    keeps_register = forms.BooleanField(
        label="Keep a register of who came",
        required=False,
        help_text="Only for a mandatory briefing, and only if the council has decided to. "
        "Otherwise attendance is counted, never recorded by name.",
    )

    def __init__(self, *args: Any, organisation: Organisation, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["audience_services"].queryset = Service.objects.filter(  # type: ignore[attr-defined]
            organisation=organisation
        )
        teams = Team.objects.filter(organisation=organisation).select_related("service")
        self.fields["audience_teams"].queryset = teams  # type: ignore[attr-defined]
        self.fields["audience_teams"].label_from_instance = (  # type: ignore[attr-defined]
            lambda team: f"{team.name} ({team.service.name})"
        )
        self.fields["standards"].choices = standard_choices()  # type: ignore[attr-defined]

    @staticmethod
    def initial_from(session: LeaderSession) -> dict[str, Any]:
        local = session.starts_at.astimezone(zoneinfo.ZoneInfo(settings.TIME_ZONE))
        return {
            "kind": session.kind,
            "title": session.title,
            "date": local.date(),
            "time": local.strftime("%H:%M"),
            "duration_minutes": session.duration_minutes,
            "format": session.format,
            "location": session.location,
            "hosts": session.hosts,
            "audience_services": list(session.audience_services.all()),
            "audience_teams": list(session.audience_teams.all()),
            "audience_role_groups": session.audience_role_groups,
            "standards": session.standards,
            "topics": session.topics,
            "mandatory": session.mandatory,
            "keeps_register": session.keeps_register,
        }

    def session_fields(self) -> dict[str, Any]:
        data = dict(self.cleaned_data)
        moment = datetime.datetime.combine(data.pop("date"), data.pop("time"))
        data["starts_at"] = moment.replace(tzinfo=zoneinfo.ZoneInfo(settings.TIME_ZONE))
        return data


class AttendanceForm(forms.Form):
    """How many came: from each audience team, or one total."""

    counted = forms.ChoiceField(
        label="How did you count who came?",
        choices=[("by_team", "By team"), ("total", "One total")],
        widget=forms.RadioSelect,
        error_messages={"required": "Choose how you counted who came"},
    )
    total = _whole_number("Total who came", required=False)
    questions_raised = forms.CharField(
        label="Questions raised",
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text="What people asked or raised, without names",
    )

    def __init__(self, *args: Any, teams: list[Team], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.teams = teams
        for team in teams:
            self.fields[f"team_{team.pk}"] = _whole_number(f"Came from {team.name}", required=False)
        self.order_fields(["counted", *(f"team_{t.pk}" for t in teams), "total"])

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("counted") == "total" and data.get("total") is None:
            self.add_error("total", "Enter the total who came")
        return data

    def by_team(self) -> dict[int, int] | None:
        if self.cleaned_data["counted"] != "by_team":
            return None
        return {t.pk: self.cleaned_data.get(f"team_{t.pk}") or 0 for t in self.teams}


class RegisterForm(forms.Form):
    people = forms.ModelMultipleChoiceField(
        label="Who came",
        queryset=Person.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    questions_raised = forms.CharField(
        label="Questions raised",
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 5}),
    )

    def __init__(self, *args: Any, people: QuerySet[Person], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["people"].queryset = people  # type: ignore[attr-defined]
