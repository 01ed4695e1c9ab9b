"""Forms: record a supervision session, an agreement, leave, a cadence policy, a rating."""

from typing import Any

from django import forms

from workforce_health.development.forms.common import (
    NO_CASE_DETAILS,
    date_field,
    person_field,
    today,
    whole_number_field,
    yes_no_field,
)
from workforce_health.development.measures import schedule
from workforce_health.development.models import CadencePolicy, LeavePeriod
from workforce_health.development.models.supervision import Rating, SessionKind, Topic


class SessionForm(forms.Form):
    """The short form a supervisor fills in after a session (no case content)."""

    person = forms.Field()  # replaced in __init__ by the people in the recorder's scope
    held_on = date_field("Date of the session")
    minutes = whole_number_field(
        "Length in minutes",
        minimum=1,
        maximum=600,
        help_text="Uninterrupted time together. The standard is at least 90 minutes",
    )
    kind = forms.ChoiceField(
        label="Kind of supervision",
        choices=SessionKind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select the kind of supervision"},
    )
    uninterrupted = yes_no_field("Was it uninterrupted?")
    topics = forms.MultipleChoiceField(
        label="What did it cover?",
        help_text="Select all that apply. " + NO_CASE_DETAILS,
        choices=Topic.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args: Any, people: Any, **kwargs: Any) -> None:
        kwargs.setdefault("initial", {})
        kwargs["initial"] = {"held_on": today(), "kind": SessionKind.ONE_TO_ONE} | kwargs["initial"]
        super().__init__(*args, **kwargs)
        self.fields["person"] = person_field("Who was supervised?", people)
        self.order_fields(["person"])


class SessionEditForm(SessionForm):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, people=None, **kwargs)
        del self.fields["person"]


class RatingForm(forms.Form):
    quality = forms.TypedChoiceField(
        label="How useful was this supervision?",
        choices=Rating.choices,
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={"required": "Select how useful the supervision was"},
    )


class AgreementForm(forms.Form):
    person = forms.Field()
    supervisor = forms.Field()
    policy = forms.ModelChoiceField(
        label="Cadence policy",
        queryset=CadencePolicy.objects.none(),
        empty_label=None,
        help_text="How often supervision is due and what counts",
    )
    newly_qualified = yes_no_field(
        "Is this person newly qualified?",
        help_text="Newly qualified social workers follow the policy's newly qualified cadence "
        "from the start date (usually their first day)",
    )
    starts_on = date_field(
        "Start date", help_text="The schedule starts here. For example, 2 9 2024"
    )
    ends_on = date_field("End date", required=False, help_text="Leave blank while it continues")

    def __init__(self, *args: Any, people: Any, staff: Any, policies: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if people is None:
            del self.fields["person"]
        else:
            self.fields["person"] = person_field("Who is supervised?", people)
        self.fields["supervisor"] = person_field("Supervisor", staff)
        self.fields["policy"].queryset = policies  # type: ignore[attr-defined]
        self.order_fields(["person", "supervisor"])

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, end = data.get("starts_on"), data.get("ends_on")
        if start and end and end < start:
            self.add_error("ends_on", "The end date must be the same as or after the start date")
        return data


class LeaveForm(forms.Form):
    starts_on = date_field("First day away")
    ends_on = date_field("Last day away")
    reason = forms.ChoiceField(
        label="Reason",
        choices=LeavePeriod.Reason.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select the reason"},
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, end = data.get("starts_on"), data.get("ends_on")
        if start and end and end < start:
            self.add_error("ends_on", "The last day must be the same as or after the first day")
        return data


PHASES_HINT = (
    "Each phase on its own line: how often, then until when after the start. The last phase "
    "goes on from then on. For example: "
)


class PolicyForm(forms.Form):
    name = forms.CharField(label="Name", max_length=100)
    is_default = yes_no_field("Use this policy for new agreements?")
    newly_qualified = forms.CharField(
        label="Newly qualified staff",
        help_text=PHASES_HINT + schedule.to_text(schedule.LGA_NEWLY_QUALIFIED),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=500,
    )
    experienced = forms.CharField(
        label="Everyone else",
        help_text=PHASES_HINT + schedule.to_text(schedule.LGA_EXPERIENCED),
        widget=forms.Textarea(attrs={"rows": 2}),
        max_length=500,
    )
    minimum_minutes = whole_number_field(
        "Shortest session that counts, in minutes", minimum=1, maximum=600
    )
    must_be_uninterrupted = yes_no_field("Must a session be uninterrupted to count?")
    counted_kinds = forms.MultipleChoiceField(
        label="Kinds of supervision that count",
        choices=SessionKind.choices,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": "Select at least one kind of supervision that counts"},
    )
    part_time = forms.ChoiceField(
        label="Part-time staff",
        choices=CadencePolicy.PartTime.choices,
        widget=forms.RadioSelect,
    )
    leave = forms.ChoiceField(
        label="Leave", choices=CadencePolicy.Leave.choices, widget=forms.RadioSelect
    )
    minimum_leave_days = whole_number_field(
        "Shortest leave that changes the schedule, in days",
        minimum=1,
        maximum=366,
        help_text="Shorter leave is ignored",
    )

    def clean_newly_qualified(self) -> list[dict[str, Any]]:
        return self._phases("newly_qualified")

    def clean_experienced(self) -> list[dict[str, Any]]:
        return self._phases("experienced")

    def _phases(self, name: str) -> list[dict[str, Any]]:
        try:
            return schedule.phases_data(schedule.parse_text(self.cleaned_data[name]))
        except ValueError as error:
            raise forms.ValidationError(str(error)) from None

    @staticmethod
    def initial_for(policy: CadencePolicy | None) -> dict[str, Any]:
        if policy is None:
            return {
                "is_default": "no",
                "newly_qualified": schedule.to_text(schedule.LGA_NEWLY_QUALIFIED),
                "experienced": schedule.to_text(schedule.LGA_EXPERIENCED),
                "minimum_minutes": 90,
                "must_be_uninterrupted": "yes",
                "counted_kinds": [SessionKind.ONE_TO_ONE],
                "part_time": CadencePolicy.PartTime.SAME,
                "leave": CadencePolicy.Leave.PAUSE,
                "minimum_leave_days": 14,
            }
        return {
            "name": policy.name,
            "is_default": "yes" if policy.is_default else "no",
            "newly_qualified": schedule.to_text(schedule.parse_phases(policy.newly_qualified)),
            "experienced": schedule.to_text(schedule.parse_phases(policy.experienced)),
            "minimum_minutes": policy.minimum_minutes,
            "must_be_uninterrupted": "yes" if policy.must_be_uninterrupted else "no",
            "counted_kinds": policy.counted_kinds,
            "part_time": policy.part_time,
            "leave": policy.leave,
            "minimum_leave_days": policy.minimum_leave_days,
        }
