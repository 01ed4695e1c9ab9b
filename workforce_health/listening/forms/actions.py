"""Forms for actions: raise or change one, say what prompted it, record progress."""

from typing import Any

from django import forms
from django.db.models import QuerySet

from workforce_health.core.models import Organisation, Person, Service
from workforce_health.listening.models import Action, ActionLink, LeaderSession
from workforce_health.surveys.models import Wave
from workforce_health.web.forms import GovukDateInput, GovukNumericInput


def _date(label: str, *, required: bool = True) -> forms.DateField:
    return forms.DateField(
        label=label,
        required=required,
        help_text="For example, 27 3 2026",
        widget=GovukDateInput(),
        input_formats=["%Y-%m-%d"],
        error_messages={
            "required": f"Enter the {label.lower()}",
            "invalid": f"{label} must be a real date",
        },
    )


class ActionForm(forms.Form):
    title = forms.CharField(
        label="Title", max_length=200, error_messages={"required": "Enter a title"}
    )
    description = forms.CharField(
        label="What will be done",
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    owner = forms.ModelChoiceField(
        label="Owner",
        queryset=Person.objects.none(),
        help_text="The person responsible for it",
        error_messages={"required": "Choose who owns the action"},
    )
    services = forms.ModelMultipleChoiceField(
        label="Who it is for",
        queryset=Service.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Leave all unticked for the whole organisation",
    )
    due_on = _date("Due date")
    visibility = forms.ChoiceField(
        label="Who can see it",
        choices=Action.Visibility.choices,
        widget=forms.RadioSelect,
        initial=Action.Visibility.STAFF,
    )

    def __init__(
        self, *args: Any, organisation: Organisation, owners: QuerySet[Person], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = owners  # type: ignore[attr-defined]
        self.fields["owner"].empty_label = "Choose one"  # type: ignore[attr-defined]
        self.fields["services"].queryset = Service.objects.filter(  # type: ignore[attr-defined]
            organisation=organisation
        )


class PromptForm(forms.Form):
    """What prompted an action: one of a Health Check question, a standard's score, a theme of
    anonymous conversations, a leader session or a pulse survey."""

    kind = forms.ChoiceField(
        label="What prompted it?",
        choices=ActionLink.Kind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose what prompted it"},
    )
    item = forms.ChoiceField(label="Health Check question", required=False)
    standard = forms.ChoiceField(label="Employer standard score", required=False)
    pulse = forms.ChoiceField(label="Pulse survey", required=False)
    theme = forms.ChoiceField(label="Theme of anonymous conversations", required=False)
    session = forms.ChoiceField(label="Leader session", required=False)

    def __init__(
        self,
        *args: Any,
        items: list[tuple[str, str]],
        standards: list[tuple[str, str]],
        pulses: list[tuple[str, str]],
        themes: list[str],
        sessions: list[tuple[str, str]],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        choose = [("", "Choose one")]
        self.fields["item"].choices = choose + items  # type: ignore[attr-defined]
        self.fields["standard"].choices = choose + standards  # type: ignore[attr-defined]
        self.fields["pulse"].choices = choose + pulses  # type: ignore[attr-defined]
        self.fields["theme"].choices = choose + [(t, t) for t in themes]  # type: ignore[attr-defined]
        self.fields["session"].choices = choose + sessions  # type: ignore[attr-defined]

    FIELD_OF = {
        ActionLink.Kind.HEALTH_CHECK_ITEM: "item",
        ActionLink.Kind.STANDARD: "standard",
        ActionLink.Kind.PULSE: "pulse",
        ActionLink.Kind.CONVERSATION_THEME: "theme",
        ActionLink.Kind.SESSION: "session",
    }

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        kind = data.get("kind")
        if kind and not data.get(self.FIELD_OF[kind]):
            self.add_error(
                self.FIELD_OF[kind],
                f"Choose the {str(self.fields[self.FIELD_OF[kind]].label).lower()}",
            )
        return data

    def prompt(self, organisation: Organisation) -> dict[str, Any]:
        """The link's fields, read from the chosen option ("wave id:code" or an id)."""
        kind = self.cleaned_data["kind"]
        value = self.cleaned_data[self.FIELD_OF[kind]]
        if kind in (ActionLink.Kind.HEALTH_CHECK_ITEM, ActionLink.Kind.STANDARD):
            wave_id, code = value.split(":", 1)
            wave = Wave.objects.get(pk=int(wave_id), organisation=organisation)
            name = "item_code" if kind == ActionLink.Kind.HEALTH_CHECK_ITEM else "standard"
            return {"kind": kind, "wave": wave, name: code}
        if kind == ActionLink.Kind.PULSE:
            return {
                "kind": kind,
                "wave": Wave.objects.get(pk=int(value), organisation=organisation),
            }
        if kind == ActionLink.Kind.SESSION:
            session = LeaderSession.objects.get(pk=int(value), organisation=organisation)
            return {"kind": kind, "session": session}
        return {"kind": kind, "theme": value}


class ProgressForm(forms.Form):
    status = forms.ChoiceField(
        label="Status", choices=Action.Status.choices, widget=forms.RadioSelect
    )
    note = forms.CharField(
        label="What has happened",
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": "Say what has happened"},
    )
    percent_complete = forms.IntegerField(
        label="Per cent complete",
        required=False,
        min_value=0,
        max_value=100,
        widget=GovukNumericInput(attrs={"class": "govuk-input--width-3"}),
        error_messages={
            "invalid": "Per cent complete must be a whole number",
            "min_value": "Per cent complete must be 0 to 100",
            "max_value": "Per cent complete must be 0 to 100",
        },
    )
    completed_on = _date("Date completed", required=False)
    evidence = forms.CharField(
        label="Evidence it was done",
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Needed when the action is complete: what shows it was done",
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("status") == Action.Status.COMPLETE:
            if not data.get("completed_on"):
                self.add_error("completed_on", "Enter the date it was completed")
            if not (data.get("evidence") or "").strip():
                self.add_error("evidence", "Say what shows it was done")
        return data
