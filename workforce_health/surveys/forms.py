"""Forms: one questionnaire section, the shared link's start, waves and questionnaire copies."""

from decimal import Decimal, InvalidOperation
from typing import Any

from django import forms

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


def wave_choices(form: forms.Form, organisation: Organisation) -> None:
    """Offer a wave form the organisation's services and the questionnaires it may use."""
    fields: dict[str, Any] = form.fields
    fields["services"].queryset = organisation.services.all()
    fields["questionnaire"].queryset = selectors.questionnaire_list(organisation=organisation)


def unused_slug(organisation: Organisation, slug: str, suffix: str) -> str:
    """`slug`, or a form error naming a free one (`slug-suffix`) if a wave already has it."""
    if selectors.wave_by_slug(organisation=organisation, slug=slug) is not None:
        raise forms.ValidationError(
            f"A survey already has this short name: choose another, for example {slug}-{suffix}"
        )
    return slug


class WaveForm(forms.Form):
    questionnaire = forms.ModelChoiceField(
        queryset=Questionnaire.objects.none(),
        empty_label="Choose one",
        error_messages={"required": "Choose the questionnaire"},
    )
    title = forms.CharField(
        label="Title",
        help_text="For example, Children's Social Work Health Check 2025",
        max_length=200,
        error_messages={
            "required": "Enter the title",
            "max_length": "The title must be 200 characters or fewer",
        },
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
        wave_choices(self, organisation)

    def clean_slug(self) -> str:
        return unused_slug(self.organisation, self.cleaned_data["slug"], "2")

    def clean(self) -> dict[str, Any]:
        return _dates_in_order(self, super().clean() or {})


def _dates_in_order(form: forms.Form, data: dict[str, Any]) -> dict[str, Any]:
    """The closing date after the opening one (Wave.clean says the same), shown with the
    form's other errors rather than only once they are fixed."""
    opens_on, closes_on = data.get("opens_on"), data.get("closes_on")
    if opens_on and closes_on and closes_on <= opens_on:
        form.add_error("closes_on", "The closing date must be after the opening date")
    return data


class WaveDetailsForm(forms.Form):
    """What a draft wave fixes when it opens, other than its disclosure settings."""

    questionnaire = WaveForm.base_fields["questionnaire"]
    title = WaveForm.base_fields["title"]
    services = WaveForm.base_fields["services"]
    staff_groups = WaveForm.base_fields["staff_groups"]
    opens_on = WaveForm.base_fields["opens_on"]
    closes_on = WaveForm.base_fields["closes_on"]

    def __init__(self, *args: Any, organisation: Organisation, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        wave_choices(self, organisation)

    def clean(self) -> dict[str, Any]:
        return _dates_in_order(self, super().clean() or {})


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


# Questions a council can add to its copy: (type, what the lead is shown).
ADDABLE_TYPES = {
    qn.AGREE: "A statement to agree or disagree with",
    qn.CHOICE: "A question with options to choose one from",
    qn.NUMBER: "A question answered with a number",
    qn.TEXT: "A question answered in their own words",
}
NEW_SECTION = "__new__"


class ItemTypeForm(forms.Form):
    type = forms.ChoiceField(
        label="What kind of question do you want to add?",
        choices=list(ADDABLE_TYPES.items()),
        widget=forms.RadioSelect({"govuk_label_size": "l", "govuk_page_heading": True}),
        error_messages={"required": "Choose the kind of question"},
    )


def _option_labels(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def _options_field(**kwargs: Any) -> forms.CharField:
    return forms.CharField(
        label="Options",
        help_text="One on each line, in the order they are shown. At least 2",
        widget=forms.Textarea({"rows": "6"}),
        error_messages={"required": "Enter the options, one on each line"},
        **kwargs,
    )


def clean_option_labels(text: str) -> list[str]:
    labels = _option_labels(text)
    if len(labels) < 2:
        raise forms.ValidationError("Enter at least 2 options, one on each line")
    if len(labels) > 20:
        raise forms.ValidationError("Enter 20 options or fewer")
    long = next((label for label in labels if len(label) > 100), None)
    if long:
        raise forms.ValidationError(f"Each option must be 100 characters or fewer: {long[:40]}...")
    seen: set[str] = set()
    for label in labels:
        if label.lower() in seen:
            raise forms.ValidationError(f"Each option must be different: {label} repeats")
        seen.add(label.lower())
    return labels


def _bound(label: str) -> forms.FloatField:
    what = label[0].lower() + label[1:]
    return forms.FloatField(
        label=label,
        widget=GovukNumericInput({"class": "govuk-input--width-5", "inputmode": "decimal"}),
        error_messages={
            "required": f"Enter the {what}",
            "invalid": f"The {what} must be a number, like 40",
        },
    )


class ItemAddForm(forms.Form):
    """A new question of one type for a council's copy; `item()` is what the service adds."""

    code = forms.CharField(
        label="Code",
        help_text=(
            "Lower-case letters, numbers and _, starting with a letter, for example "
            "our_hybrid_working. It names the question in downloads and imports and links its "
            "results from year to year, so it must not be used by any other question"
        ),
        max_length=qn.CODE_MAX_LENGTH,
        widget=forms.TextInput({"class": "govuk-input--width-20", "spellcheck": "false"}),
        error_messages={
            "required": "Enter a code for the question",
            "max_length": f"The code must be {qn.CODE_MAX_LENGTH} characters or fewer",
        },
    )
    text = forms.CharField(
        label="Question",
        max_length=300,
        widget=forms.Textarea({"rows": "2"}),
        error_messages={
            "required": "Enter the question",
            "max_length": "The question must be 300 characters or fewer",
        },
    )
    hint = forms.CharField(
        label="Hint",
        help_text="Shown under the question, for example to explain a term",
        max_length=300,
        required=False,
        widget=forms.Textarea({"rows": "2"}),
        error_messages={"max_length": "The hint must be 300 characters or fewer"},
    )
    section = forms.ChoiceField(
        label="Section",
        widget=forms.RadioSelect,
        error_messages={"required": "Choose the section to add the question to"},
    )
    new_section_title = forms.CharField(
        label="Title of the new section",
        help_text="Only if you chose a new section",
        max_length=100,
        required=False,
        error_messages={"max_length": "The section title must be 100 characters or fewer"},
    )

    def __init__(
        self, *args: Any, questionnaire: qn.Questionnaire, item_type: str, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.item_type = item_type
        section: Any = self.fields["section"]
        section.choices = [
            *((s.code, s.title) for s in questionnaire.sections),
            (NEW_SECTION, "A new section at the end"),
        ]
        groups_of = [
            *(
                (f"standard:{code}", f"{code}: {title}")
                for code, title in questionnaire.standards.items()
            ),
            *((f"theme:{code}", f"Theme: {title}") for code, title in questionnaire.themes.items()),
        ]
        if item_type == qn.AGREE:
            self.fields["group"] = forms.ChoiceField(
                label="Standard or theme it is scored under",
                choices=groups_of,
                widget=forms.RadioSelect,
                error_messages={"required": "Choose the standard or theme"},
            )
            self.fields["reverse"] = forms.BooleanField(
                label="It is negatively worded: agreeing is a bad sign (reverse-scored)",
                help_text="For example, I often feel stressed because of my work",
                required=False,
            )
            self.fields["headline"] = forms.BooleanField(
                label="Show it among the headline results", required=False
            )
            self.fields["dont_know"] = forms.BooleanField(
                label="Offer \u201cDon\u2019t know or not applicable\u201d",
                required=False,
                initial=True,
            )
        elif item_type != qn.NUMBER:
            self.fields["group"] = forms.ChoiceField(
                label="Standard or theme it belongs to",
                choices=[("", "None"), *groups_of],
                required=False,
                widget=forms.RadioSelect,
            )
        if item_type == qn.CHOICE:
            self.fields["options"] = _options_field()
        if item_type == qn.NUMBER:
            self.fields["min"] = _bound("Smallest answer accepted")
            self.fields["max"] = _bound("Largest answer accepted")
            self.fields["decimals"] = forms.TypedChoiceField(
                label="Decimal places accepted",
                choices=[("0", "Whole numbers only"), ("1", "Up to 1"), ("2", "Up to 2")],
                coerce=int,
                initial="0",
                widget=forms.RadioSelect,
                error_messages={"required": "Choose how many decimal places are accepted"},
            )
            self.fields["unit"] = forms.CharField(
                label="What the number counts",
                help_text="For example, hours or visits. Used in messages like "
                "\u201cEnter hours as a number\u201d",
                max_length=40,
                required=False,
                widget=forms.TextInput({"class": "govuk-input--width-10"}),
                error_messages={
                    "max_length": "What the number counts must be 40 characters or fewer"
                },
            )

    def clean_code(self) -> str:
        code: str = self.cleaned_data["code"].strip()
        if not qn.CODE_PATTERN.fullmatch(code):
            raise forms.ValidationError(
                "The code must start with a lower-case letter and use only a-z, 0-9 and _, "
                "like our_hybrid_working"
            )
        return code

    def clean_options(self) -> list[str]:
        return clean_option_labels(self.cleaned_data["options"])

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("section") == NEW_SECTION and not data.get("new_section_title", "").strip():
            self.add_error("new_section_title", "Enter the title of the new section")
        low, high = data.get("min"), data.get("max")
        if low is not None and high is not None and low >= high:
            self.add_error("max", "The largest answer accepted must be more than the smallest")
        return data

    def section_code(self) -> str | None:
        section: str = self.cleaned_data["section"]
        return None if section == NEW_SECTION else section

    def item(self) -> qn.Item:
        data = self.cleaned_data
        kind, _, key = str(data.get("group") or "").partition(":")
        fields: dict[str, Any] = {
            "code": data["code"],
            "type": self.item_type,
            "text": data["text"].strip(),
            "hint": data["hint"].strip(),
            "standard": key if kind == "standard" else None,
            "theme": key if kind == "theme" else None,
        }
        if self.item_type == qn.AGREE:
            fields |= {
                "reverse": data["reverse"],
                "headline": data["headline"],
                "dont_know": data["dont_know"],
            }
        if self.item_type == qn.CHOICE:
            taken: set[str] = set()
            options = []
            for label in data["options"]:
                options.append(qn.Option(value=qn.option_value(label, taken), label=label))
                taken.add(options[-1].value)
            fields["options"] = tuple(options)
        if self.item_type == qn.NUMBER:
            fields |= {
                "min": data["min"],
                "max": data["max"],
                "decimals": data["decimals"],
                "unit": data["unit"].strip(),
            }
        return qn.Item(**fields)


class OptionsForm(forms.Form):
    """The options of a choice question, one on each line."""

    options = _options_field()

    def clean_options(self) -> list[str]:
        return clean_option_labels(self.cleaned_data["options"])
