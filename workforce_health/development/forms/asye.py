"""Forms: a programme's shape, an enrolment, its outcome, pauses, reviews and evidence."""

import datetime
from decimal import Decimal
from typing import Any

from django import forms

from workforce_health.development.forms.common import (
    NO_CASE_DETAILS,
    date_field,
    decimal_field,
    person_field,
    today,
    whole_number_field,
    yes_no_field,
)
from workforce_health.development.measures import asye
from workforce_health.development.models import EvidenceItem, Programme
from workforce_health.development.models.asye import Decision, Judgement


class ProgrammeForm(forms.Form):
    name = forms.CharField(label="Name", max_length=100)
    is_default = yes_no_field("Use this programme for new enrolments?")
    length_months = whole_number_field("Length in months", minimum=1, maximum=60)
    review_months = forms.CharField(
        label="Review points (months after the start)",
        help_text="For example, 3, 6, 9, 12",
        max_length=200,
    )
    requirements = forms.CharField(
        label="Evidence needed",
        help_text="One kind a line: the kind, a colon, how many, and optionally by which "
        "months. For example: Critical reflection: 2 by months 6, 12",
        widget=forms.Textarea(attrs={"rows": 6}),
        max_length=4000,
    )
    workload = forms.CharField(
        label="Protected caseload (% of the team's average caseload)",
        help_text="One percentage, like 90, or steps from the month each starts, like "
        "0:25, 3:50, 6:70, 9:90",
        max_length=200,
    )
    protected_hours_per_week = decimal_field(
        "Protected development time (hours a week)",
        minimum=Decimal("0"),
        maximum=Decimal("37.5"),
        help_text="Half a day a week is 3.75 hours",
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        length = data.get("length_months")
        if not length:
            return data
        for name, parse in (
            ("review_months", lambda t: list(asye.parse_months(t, length=length))),
            ("requirements", lambda t: asye.parse_requirements(t, length=length)),
            ("workload", asye.parse_workload),
        ):
            if name in data:
                try:
                    data[name] = parse(data[name])
                except ValueError as error:
                    self.add_error(name, str(error))
        return data

    @staticmethod
    def initial_for(programme: Programme | None) -> dict[str, Any]:
        shape = programme.shape() if programme else asye.Programme()
        return {
            "name": programme.name if programme else "",
            "is_default": "yes" if programme and programme.is_default else "no",
            "length_months": shape.length_months,
            "review_months": ", ".join(map(str, shape.review_months)),
            "requirements": asye.requirements_text(shape.requirements),
            "workload": asye.workload_text(shape.workload),
            "protected_hours_per_week": programme.protected_hours_per_week
            if programme
            else Decimal("3.75"),
        }


class EnrolmentForm(forms.Form):
    person = forms.Field()
    programme = forms.ModelChoiceField(
        label="Programme", queryset=Programme.objects.none(), empty_label=None
    )
    assessor = forms.Field()
    supervisor = forms.Field()
    starts_on = date_field("Start date")
    planned_end = date_field(
        "Planned end date",
        required=False,
        help_text="Leave blank for the programme's length from the start date",
    )
    protected_hours_per_week = decimal_field(
        "Protected development time agreed (hours a week)",
        minimum=Decimal("0"),
        maximum=Decimal("37.5"),
        required=False,
        help_text="Leave blank for the programme's",
    )

    def __init__(self, *args: Any, people: Any, staff: Any, programmes: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if people is None:
            del self.fields["person"]
        else:
            self.fields["person"] = person_field("Newly qualified social worker", people)
        self.fields["assessor"] = person_field("Assessor", staff)
        self.fields["assessor"].help_text = "Usually an advanced practitioner"
        self.fields["supervisor"] = person_field("Supervisor", staff)
        self.fields["programme"].queryset = programmes  # type: ignore[attr-defined]
        self.order_fields(["person", "programme", "assessor", "supervisor"])


class OutcomeForm(forms.Form):
    recommendation = forms.ChoiceField(
        label="Assessor's final recommendation",
        choices=[("", "Not yet made"), *Decision.choices],
        required=False,
    )
    panel_on = date_field("Date of the moderation panel", required=False)
    decision = forms.ChoiceField(
        label="Panel decision", choices=[("", "Not yet made"), *Decision.choices], required=False
    )
    extended_to = date_field(
        "Extended to", required=False, help_text="Only for an extension. For example, 1 12 2025"
    )
    record_updated_on = date_field(
        "Date the certificate or registration record was updated", required=False
    )
    withdrawn_on = date_field(
        "Date they left the programme", required=False, help_text="Only if they left before the end"
    )


class PauseForm(forms.Form):
    starts_on = date_field("First day of the pause")
    ends_on = date_field(
        "Last day of the pause", required=False, help_text="Leave blank if it goes on"
    )
    reason = forms.CharField(
        label="Reason", max_length=200, help_text="For example, parental leave. " + NO_CASE_DETAILS
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, end = data.get("starts_on"), data.get("ends_on")
        if start and end and end < start:
            self.add_error("ends_on", "The last day must be the same as or after the first day")
        return data


class ReviewForm(forms.Form):
    point = forms.TypedChoiceField(label="Review", coerce=int)
    held_on = date_field("Date of the review")
    present = forms.CharField(
        label="People present", max_length=300, help_text="Names and roles, separated by commas"
    )
    judgement = forms.ChoiceField(
        label="Progress", choices=Judgement.choices, widget=forms.RadioSelect
    )
    notes = forms.CharField(
        label="Notes",
        required=False,
        max_length=4000,
        help_text=NO_CASE_DETAILS,
        widget=forms.Textarea(attrs={"rows": 4}),
    )

    def __init__(self, *args: Any, points: list[int], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["point"].choices = [  # type: ignore[attr-defined]
            (m, f"{m}-month review") for m in points
        ]


class EvidenceForm(forms.Form):
    requirement = forms.ChoiceField(label="Kind of evidence")
    status = forms.ChoiceField(
        label="Status", choices=EvidenceItem.Status.choices, widget=forms.RadioSelect
    )
    done_on = date_field(
        "Date", required=False, help_text="When it was done. For example, 3 2 2025"
    )
    assessor = forms.Field()
    held_at = forms.CharField(
        label="Where the evidence is held",
        max_length=300,
        help_text="A reference or link, for example the folder in the case management system. "
        "The evidence itself is not stored here",
    )

    def __init__(self, *args: Any, requirements: dict[str, str], staff: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["requirement"].choices = list(requirements.items())  # type: ignore[attr-defined]
        self.fields["assessor"] = person_field("Assessed by", staff, required=False)
        self.order_fields(["requirement", "status", "done_on", "assessor"])

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("status") in ("done", "assessed") and not data.get("done_on"):
            self.add_error("done_on", "Enter the date for evidence that is done or assessed")
        day = data.get("done_on")
        if isinstance(day, datetime.date) and day > today():
            self.add_error("done_on", "The date must be today or in the past")
        return data
