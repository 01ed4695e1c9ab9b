"""GOV.UK Design System rendering for Django forms.

`GovukFormRenderer` (settings.FORM_RENDERER) renders every form with the
templates in templates/govuk/forms/ and gives every field a `GovukBoundField`,
which works out the GOV.UK markup: label or fieldset and legend, hint from
`help_text`, error message, ids for `aria-describedby` and the error summary.

Per-field options go in the widget's attrs and are not output as attributes:

- `class`: extra classes, merged: on the input for text inputs, textareas and
  selects (e.g. "govuk-input--width-10"), on the container for radios and
  checkboxes (e.g. "govuk-radios--inline", "govuk-checkboxes--small").
- `govuk_label_size`: "s", "m", "l" or "xl" (label or legend size).
- `govuk_page_heading`: True wraps the label or legend in the page's <h1>.

Set `govuk_mark_optional = False` on a form class to stop "(optional)" being
added to the labels of fields that are not required.
"""

from __future__ import annotations

import datetime
import re
from typing import Any

from django import forms
from django.forms.boundfield import BoundField
from django.forms.renderers import DjangoTemplates
from django.forms.utils import flatatt
from django.utils.functional import cached_property
from django.utils.safestring import SafeString

OPTION_ATTRS = ("govuk_label_size", "govuk_page_heading")
DATE_PARTS = (("day", "Day", 2), ("month", "Month", 2), ("year", "Year", 4))


class GovukDateInput(forms.Widget):
    """GOV.UK date input: three text inputs named <name>-day, -month and -year.

    Use with `forms.DateField(widget=GovukDateInput(), input_formats=["%Y-%m-%d"])`.
    The value is "YYYY-MM-DD" when all three parts are numbers, "" when all are
    blank, and otherwise "<year>-<month>-<day>" as typed, which DateField
    rejects but which keeps what the user typed when the form is shown again.
    """

    template_name = "govuk/forms/widgets/date_input.html"
    use_fieldset = True

    def value_from_datadict(self, data: Any, files: Any, name: str) -> str:
        day, month, year = (
            str(data.get(f"{name}-{part}") or "").strip() for part, _, _ in DATE_PARTS
        )
        if not (day or month or year):
            return ""
        if re.fullmatch(r"[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}", f"{year}-{month}-{day}"):
            return f"{year}-{month.zfill(2)}-{day.zfill(2)}"
        return f"{year}-{month}-{day}"

    def value_omitted_from_data(self, data: Any, files: Any, name: str) -> bool:
        return not any(f"{name}-{part}" in data for part, _, _ in DATE_PARTS)

    def format_value(self, value: Any) -> dict[str, str]:
        if isinstance(value, datetime.date):
            return {"day": str(value.day), "month": str(value.month), "year": str(value.year)}
        if not value:
            return {"day": "", "month": "", "year": ""}
        year, _, rest = str(value).partition("-")
        month, _, day = rest.partition("-")
        if year.isdigit() and month.isdigit() and day.isdigit():  # an ISO date: drop padding
            month, day = str(int(month)), str(int(day))
        return {"day": day, "month": month, "year": year}

    def get_context(self, name: str, value: Any, attrs: dict[str, Any] | None) -> dict[str, Any]:
        context = super().get_context(name, value, attrs)
        widget = context["widget"]
        attrs = dict(widget["attrs"])
        base_id = attrs.pop("id", "")
        error = "govuk-input--error" in str(attrs.pop("class", "") or "").split()
        attrs.pop("required", None)  # GOV.UK date parts are not marked required
        attrs.pop("aria-describedby", None)  # belongs on the fieldset
        widget["container_id"] = base_id
        widget["container_class"] = self.attrs.get("class", "")
        widget["parts"] = [
            {
                "name": f"{name}-{part}",
                "id": f"{base_id}-{part}" if base_id else "",
                "label": label,
                "value": widget["value"][part],
                "classes": f"govuk-input--width-{width}" + (" govuk-input--error" if error else ""),
                "attrs": flatatt(attrs),
            }
            for part, label, width in DATE_PARTS
        ]
        return context

    def id_for_label(self, id_: str) -> str:
        return f"{id_}-day" if id_ else ""


class GovukNumericInput(forms.TextInput):
    """Whole numbers the GOV.UK way: type="text" with inputmode="numeric"."""

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        super().__init__({"inputmode": "numeric", "spellcheck": "false", **(attrs or {})})


class GovukBoundField(BoundField):
    """A BoundField that knows the GOV.UK markup for its widget."""

    @cached_property
    def govuk_kind(self) -> str:
        widget = self.field.widget
        kinds: tuple[tuple[type[forms.Widget], str], ...] = (
            (GovukDateInput, "date"),
            (forms.CheckboxSelectMultiple, "checkboxes"),
            (forms.RadioSelect, "radios"),
            (forms.CheckboxInput, "checkbox"),
            (forms.Select, "select"),
            (forms.Textarea, "textarea"),
            (forms.FileInput, "file"),
            (forms.widgets.Input, "input"),
        )
        if widget.is_hidden:
            return "hidden"
        return next((kind for cls, kind in kinds if isinstance(widget, cls)), "other")

    @property
    def govuk_base_id(self) -> str:
        return str(self.field.widget.attrs.get("id") or self.auto_id or "")

    @property
    def govuk_hint_id(self) -> str:
        return f"{self.govuk_base_id}-hint" if self.govuk_base_id and self.help_text else ""

    @property
    def govuk_error_id(self) -> str:
        return f"{self.govuk_base_id}-error" if self.govuk_base_id and self.errors else ""

    @property
    def aria_describedby(self) -> str | None:
        if self.is_hidden or self.field.widget.attrs.get("aria-describedby"):
            return None
        return " ".join(i for i in (self.govuk_hint_id, self.govuk_error_id) if i)

    @property
    def govuk_error_target_id(self) -> str:
        """The id the error summary links to: the input, or the first option."""
        if self.govuk_kind in ("radios", "checkboxes"):
            subwidgets = self.subwidgets
            return str(subwidgets[0].data["attrs"].get("id", "")) if subwidgets else ""
        return self.id_for_label or self.govuk_base_id

    @property
    def govuk_label(self) -> str:
        label = str(self.label or "")
        mark_optional = getattr(self.form, "govuk_mark_optional", True)
        if (
            label
            and mark_optional
            and not self.field.required
            and self.govuk_kind not in ("checkbox", "checkboxes", "hidden")
        ):
            label += " (optional)"
        return label

    @property
    def govuk_label_size(self) -> str:
        return str(self.field.widget.attrs.get("govuk_label_size") or "")

    @property
    def govuk_page_heading(self) -> bool:
        return bool(self.field.widget.attrs.get("govuk_page_heading"))

    @property
    def govuk_container_class(self) -> str:
        """Widget classes for kinds where they belong on the container."""
        if self.govuk_kind in ("radios", "checkboxes", "checkbox", "date"):
            return str(self.field.widget.attrs.get("class", ""))
        return ""

    def govuk_widget(self) -> SafeString:
        """The widget's HTML with GOV.UK classes merged in."""
        kind, error = self.govuk_kind, bool(self.errors)
        own = str(self.field.widget.attrs.get("class", ""))
        classes = {
            "input": ["govuk-input", own, "govuk-input--error" if error else ""],
            "textarea": ["govuk-textarea", own, "govuk-textarea--error" if error else ""],
            "select": ["govuk-select", own, "govuk-select--error" if error else ""],
            "file": ["govuk-file-upload", own, "govuk-file-upload--error" if error else ""],
            "checkbox": ["govuk-checkboxes__input"],
            "date": ["govuk-input--error" if error else ""],
        }.get(kind, [own])
        attrs: dict[str, Any] = dict.fromkeys(OPTION_ATTRS, False)  # False: not output
        attrs["class"] = " ".join(c for c in classes if c) or False
        if kind == "textarea" and self.field.widget.attrs.get("rows") == "10":
            attrs["rows"] = "5"  # GOV.UK's default height, not Django's
        return self.as_widget(attrs=attrs)

    @property
    def govuk_items(self) -> list[dict[str, Any]]:
        """Radios or checkboxes: one dict per option (id, value, label, attrs)."""
        skip = {"class", "type", "name", "value", *OPTION_ATTRS}
        items = []
        for subwidget in self.subwidgets:
            data = subwidget.data
            attrs = {k: v for k, v in data["attrs"].items() if k not in skip}
            value = data["value"]
            items.append(
                {
                    "id": attrs.get("id", ""),
                    "value": "" if value is None else str(value),
                    "label": data["label"],
                    "attrs": flatatt(attrs),
                }
            )
        return items


class GovukFormRenderer(DjangoTemplates):
    """Render forms and fields with GOV.UK Design System markup."""

    form_template_name = "govuk/forms/form.html"
    field_template_name = "govuk/forms/field.html"
    bound_field_class = GovukBoundField
