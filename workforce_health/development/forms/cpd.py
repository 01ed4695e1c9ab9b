"""Forms: a CPD entry (Social Work England's fields), learning priorities, events, attendance."""

from decimal import Decimal
from typing import Any

from django import forms

from workforce_health.development.forms.common import (
    date_field,
    decimal_field,
    person_field,
    today,
    whole_number_field,
    yes_no_field,
)
from workforce_health.development.models import LearningEvent, PriorityArea
from workforce_health.development.models.cpd import STANDARDS, ActivityType, Attendance

REFLECTION_HINT = "Write about your learning, not about the people you work with: no case details"


class CpdForm(forms.Form):
    person = forms.Field()  # only when recording for someone else
    done_on = date_field("Date")
    activity_type = forms.ChoiceField(
        label="Type of activity",
        choices=[("", "Choose a type"), *ActivityType.choices],
        error_messages={"required": "Select the type of activity"},
    )
    title = forms.CharField(
        label="What it was",
        max_length=200,
        help_text="For example, the course, article or forum",
        error_messages={"required": "Enter what the activity was"},
    )
    hours = decimal_field("Hours", minimum=Decimal("0.25"), maximum=Decimal("200"))
    learnt = forms.CharField(
        label="What you learnt",
        help_text=REFLECTION_HINT,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": "Enter what you learnt"},
    )
    impact = forms.CharField(
        label="The impact on your practice",
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": "Enter the impact on your practice"},
    )
    peer_reflection = yes_no_field(
        "Did you reflect on it with a peer?",
        help_text="Social Work England asks for at least one piece a year with a peer reflection",
    )
    recorded_with_swe = yes_no_field("Have you recorded it in your Social Work England account?")
    event = forms.ModelChoiceField(
        label="Part of the council's learning offer",
        queryset=LearningEvent.objects.none(),
        required=False,
        empty_label="No",
    )

    def __init__(self, *args: Any, people: Any, events: Any, **kwargs: Any) -> None:
        kwargs["initial"] = {"done_on": today()} | kwargs.get("initial", {})
        super().__init__(*args, **kwargs)
        if people is None:
            del self.fields["person"]
        else:
            self.fields["person"] = person_field("Whose CPD is it?", people)
            self.order_fields(["person"])
        self.fields["event"].queryset = events  # type: ignore[attr-defined]


class PriorityForm(forms.Form):
    title = forms.CharField(label="Title", max_length=200)
    description = forms.CharField(
        label="Description",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    standard = forms.ChoiceField(
        label="Health Check standard it answers",
        required=False,
        help_text="The latest score of each standard is shown; low scores suggest a priority",
    )
    active = yes_no_field("Is it a current priority?")

    def __init__(
        self, *args: Any, scores: dict[str, tuple[int | None, str]], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        choices = [("", "None")]
        for code, label in STANDARDS:
            score, band = scores.get(code, (None, ""))
            suffix = f" (score {score}, {band})" if score is not None else ""
            choices.append((code, label + suffix))
        self.fields["standard"].choices = choices  # type: ignore[attr-defined]


class EventForm(forms.Form):
    priority = forms.ModelChoiceField(
        label="Priority area",
        queryset=PriorityArea.objects.none(),
        empty_label="Choose a priority area",
        error_messages={"required": "Select the priority area"},
    )
    title = forms.CharField(label="Title", max_length=200)
    kind = forms.ChoiceField(
        label="Kind", choices=LearningEvent.Kind.choices, widget=forms.RadioSelect
    )
    held_on = date_field("Date", help_text="The first day. For example, 14 5 2025")
    hours = decimal_field("Length in hours", minimum=Decimal("0.25"), maximum=Decimal("200"))
    places = whole_number_field("Places", minimum=1, maximum=10000, required=False)

    def __init__(self, *args: Any, priorities: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["priority"].queryset = priorities  # type: ignore[attr-defined]


class AttendanceForm(forms.Form):
    person = forms.Field()
    status = forms.ChoiceField(
        label="Status", choices=Attendance.Status.choices, widget=forms.RadioSelect
    )

    def __init__(self, *args: Any, people: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["person"] = person_field("Who?", people)
        self.order_fields(["person"])
