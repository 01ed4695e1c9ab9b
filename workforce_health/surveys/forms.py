"""Forms: one questionnaire section, the shared link's start, waves and questionnaire copies."""

from decimal import Decimal, InvalidOperation
from typing import Any

from django import forms
from django.db.models import Q

from workforce_health.core.models import Employment, Organisation, Service
from workforce_health.surveys import groups, selectors
from workforce_health.surveys import questionnaire as qn
from workforce_health.surveys.models import Questionnaire, Wave
from workforce_health.web.forms import GovukDateInput, GovukNumericInput

AGREE_CHOICES = [
    ("5", "Strongly agree"),
    ("4", "Agree"),
    ("3", "Neither agree nor disagree"),
    ("2", "Disagree"),
    ("1", "Strongly disagree"),
]
DONT_KNOW = ("dont_know", "Don't know or not applicable")
TEXT_WARNING = "Do not include names or details that could identify you or anyone else."
PREFER_NOT_TO_SAY = ("", "Prefer not to say")


def _number(item: qn.Item, value: str) -> str:
    unit = item.unit or "a number"
    lo, hi = f"{item.min:g}", f"{item.max:g}"
    try:
        number = Decimal(value.strip().replace(",", ""))
    except InvalidOperation:
        raise forms.ValidationError(f"Enter {unit} as a number, like 12") from None
    if not number.is_finite() or number.as_tuple().exponent < -item.decimals:  # type: ignore[operator]
        places = (
            "a whole number" if item.decimals == 0 else f"at most {item.decimals} decimal place"
        )
        raise forms.ValidationError(f"Enter {unit} as {places}")
    if not (item.min or 0) <= number <= (item.max or 0):
        raise forms.ValidationError(f"Enter {unit} from {lo} to {hi}")
    return f"{number.normalize():f}"


class NumberField(forms.CharField):
    def __init__(self, *, item: qn.Item, **kwargs: Any) -> None:
        mode = "numeric" if item.decimals == 0 else "decimal"
        widget = GovukNumericInput({"class": "govuk-input--width-4", "inputmode": mode})
        super().__init__(widget=widget, **kwargs)
        self.item = item

    def clean(self, value: Any) -> str:
        text = super().clean(value)
        return _number(self.item, text) if text else ""


def item_field(item: qn.Item) -> forms.Field:
    options: dict[str, Any] = {"label": item.text, "required": False, "help_text": item.hint}
    legend = {"govuk_label_size": "s"}
    if item.type == qn.AGREE:
        choices = AGREE_CHOICES + ([DONT_KNOW] if item.dont_know else [])
        return forms.ChoiceField(choices=choices, widget=forms.RadioSelect(legend), **options)
    if item.type == qn.SCALE_0_10:
        choices = [(str(n), str(n)) for n in range(11)]
        widget = forms.RadioSelect({**legend, "class": "govuk-radios--inline"})
        return forms.ChoiceField(choices=choices, widget=widget, **options)
    if item.type == qn.CHOICE:
        choices = [(o.value, o.label) for o in item.options]
        return forms.ChoiceField(choices=choices, widget=forms.RadioSelect(legend), **options)
    if item.type == qn.NUMBER:
        return NumberField(item=item, **options)
    options["help_text"] = " ".join(filter(None, [item.hint, TEXT_WARNING]))
    return forms.CharField(
        max_length=item.max_length,
        widget=forms.Textarea({"rows": "5", **legend}),
        error_messages={"max_length": f"Your answer must be {item.max_length} characters or fewer"},
        **options,
    )


class SectionForm(forms.Form):
    """Every question in one section. All are optional: respondents may skip any."""

    govuk_mark_optional = False

    def __init__(self, *args: Any, section: qn.Section, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for item in section.items:
            self.fields[item.code] = item_field(item)


def _choices(values: list[str]) -> list[tuple[str, str]]:
    return [*((value, value) for value in values), PREFER_NOT_TO_SAY]


class SharedLinkForm(forms.Form):
    """The shared link's start: the organisation code and groups the respondent chooses."""

    access_code = forms.CharField(
        label="Organisation code",
        help_text="It is on the poster or in the email that gave you this link",
        widget=forms.TextInput({"class": "govuk-input--width-10", "autocomplete": "off"}),
        error_messages={"required": "Enter the organisation code"},
    )

    def __init__(self, *args: Any, wave: Wave, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        role_labels = [groups.RoleGroup(value).label for value in wave.staff_groups]
        fields = {
            "service": ("Which service do you work in?", [s.name for s in wave.services.all()]),
            "role_group": ("Which best describes your role?", role_labels),
            "tenure_band": ("How long have you worked here?", groups.TenureBand.labels),
            "employment_type": (
                "How are you employed?",
                [label for _, label in Employment.ContractType.choices],
            ),
        }
        for name, (label, values) in fields.items():
            self.fields[name] = forms.ChoiceField(
                label=label,
                choices=_choices(list(values)),
                required=False,
                widget=forms.RadioSelect({"govuk_label_size": "s"}),
            )


def _date(label: str) -> forms.DateField:
    return forms.DateField(
        label=label,
        help_text="For example, 3 3 2025",
        widget=GovukDateInput(),
        input_formats=["%Y-%m-%d"],
        error_messages={
            "required": f"Enter the {label.lower()}",
            "invalid": f"{label} must be a real date, like 3 3 2025",
        },
    )


def _whole_number(label: str, least: int, help_text: str = "") -> forms.IntegerField:
    """A disclosure setting: a whole number of at least `least`, with GOV.UK error messages."""
    what = label[0].lower() + label[1:]
    return forms.IntegerField(
        label=label,
        min_value=least,
        help_text=help_text,
        widget=GovukNumericInput({"class": "govuk-input--width-3"}),
        error_messages={
            "required": f"Enter the {what}",
            "invalid": f"The {what} must be a whole number, like {least * 2}",
            "min_value": f"The {what} must be {least} or more",
        },
    )


class WaveForm(forms.Form):
    questionnaire = forms.ModelChoiceField(
        queryset=Questionnaire.objects.none(),
        empty_label="Choose one",
        error_messages={"required": "Choose the questionnaire"},
    )
    title = forms.CharField(
        label="Title",
        help_text="For example, Children's Social Work Health Check 2025",
        error_messages={"required": "Enter the title"},
    )
    slug = forms.SlugField(
        label="Short name for the shared link",
        help_text="Lower-case letters, numbers and hyphens, for example childrens-2025",
        widget=forms.TextInput({"class": "govuk-input--width-20"}),
        error_messages={"required": "Enter a short name", "invalid": "Use only a-z, 0-9 and -"},
    )
    services: forms.ModelMultipleChoiceField = forms.ModelMultipleChoiceField(
        queryset=Service.objects.none(),
        label="Services invited",
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": "Choose at least one service"},
    )
    staff_groups = forms.MultipleChoiceField(
        label="Staff groups invited",
        choices=groups.RoleGroup.choices,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": "Choose at least one staff group"},
    )
    opens_on = _date("Opening date")
    closes_on = _date("Closing date")
    min_group_size = _whole_number(
        "Smallest group whose results are shown",
        5,
        help_text="5 or more. It cannot change once the survey opens",
    )
    min_group_size_comments = _whole_number(
        "Smallest group whose comments are shown",
        10,
        help_text="10 or more, and at least the smallest group for results",
    )
    min_invited_for_response_rate = _whole_number(
        "Fewest invited for a response rate to be shown", 5
    )

    def __init__(self, *args: Any, organisation: Organisation, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.organisation = organisation
        self.fields["services"].queryset = organisation.services.all()  # type: ignore[attr-defined]
        self.fields["questionnaire"].queryset = Questionnaire.objects.filter(  # type: ignore[attr-defined]
            Q(organisation=organisation) | Q(organisation__isnull=True)
        )

    def clean_slug(self) -> str:
        slug: str = self.cleaned_data["slug"]
        if selectors.wave_by_slug(organisation=self.organisation, slug=slug) is not None:
            raise forms.ValidationError(
                f"A survey already has this short name: choose another, for example {slug}-2"
            )
        return slug


class DisclosureForm(forms.Form):
    """A wave's disclosure settings, which can change only until it opens."""

    min_group_size = WaveForm.base_fields["min_group_size"]
    min_group_size_comments = WaveForm.base_fields["min_group_size_comments"]
    min_invited_for_response_rate = WaveForm.base_fields["min_invited_for_response_rate"]


class CopyForm(forms.Form):
    title = forms.CharField(
        label="Title of your copy", error_messages={"required": "Enter a title for your copy"}
    )


class RewordForm(forms.Form):
    """The title and the wording of every item of a council's copy."""

    title = forms.CharField(label="Title", error_messages={"required": "Enter the title"})

    def __init__(self, *args: Any, questionnaire: qn.Questionnaire, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for item in questionnaire.items():
            self.fields[f"text__{item.code}"] = forms.CharField(
                label=f"{item.code} ({item.type.replace('_', ' ')})",
                initial=item.text,
                max_length=300,
                error_messages={"required": f"Enter the wording of {item.code}"},
                widget=forms.Textarea({"rows": "2"}),
            )

    def texts(self) -> dict[str, str]:
        return {
            name.removeprefix("text__"): value
            for name, value in self.cleaned_data.items()
            if name.startswith("text__")
        }
