"""Edit conflicts on forms (optimistic locking; the models and services side is
``core.versioning``).

A form that edits a shared record carries, in a hidden field, the record's version when the page
was opened (``add_version``; the view passes ``submitted_version(form)`` to the service). When
the service finds that someone else has saved the record since, the view calls
``show_conflict``: the form keeps what this person entered, says what is saved now where the two
differ (``govuk/conflict.html``, shown at the top of the form), and takes the new version, so
that saving again deliberately replaces the other person's change.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from django import forms
from django.db.models import Model

VERSION_FIELD = "lock_version"
CONFLICT_STATUS = 409
MESSAGE = (
    "Someone else saved changes to this {what} after you opened this page. Check what is saved "
    "now, below. To keep your changes instead, save again; to keep theirs, go back."
)


@dataclass(frozen=True)
class ConflictRow:
    label: str
    saved: str  # as saved now, by someone else
    entered: str  # as this person entered it


def add_version(form: forms.BaseForm, version: int | None) -> None:
    """Give the form its hidden version field (the record's version as the page is opened)."""
    form.fields[VERSION_FIELD] = forms.IntegerField(
        widget=forms.HiddenInput, required=False, min_value=0, initial=version
    )


def submitted_version(form: forms.BaseForm) -> int | None:
    """The version the page was opened at, taken out of the cleaned data (None if absent)."""
    version: int | None = form.cleaned_data.pop(VERSION_FIELD, None)
    return version


def _choice_labels(field: forms.Field) -> dict[str, str]:
    labels: dict[str, str] = {}
    for value, label in getattr(field, "choices", []):
        if isinstance(label, list | tuple):  # an option group
            labels.update({str(v): str(text) for v, text in label})
        else:
            labels[str(value)] = str(label)
    return labels


def _shown(field: forms.Field, value: Any) -> str:
    """A value as a person reads it: labels for choices, names for records, dates in words."""
    if value in (None, "", [], ()):
        return "Not given"
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, datetime.date):
        return f"{value:%-d %B %Y}"
    if isinstance(field, forms.ModelMultipleChoiceField | forms.ModelChoiceField):
        values = value if isinstance(value, Iterable) and not isinstance(value, str) else [value]
        keys = [v.pk if isinstance(v, Model) else v for v in values]
        queryset: Any = field.queryset
        return ", ".join(str(record) for record in queryset.filter(pk__in=keys)) or "Not given"
    labels = _choice_labels(field)
    if labels:
        values = value if isinstance(value, list | tuple) else [value]
        return ", ".join(labels.get(str(v), str(v)) for v in values)
    return str(value)


def conflict_rows(form: forms.BaseForm, saved: Mapping[str, Any]) -> list[ConflictRow]:
    """Each field where what is saved now differs from what this person entered."""
    rows = []
    for name, field in form.fields.items():
        if name == VERSION_FIELD or name not in saved:
            continue
        bound = form[name]
        if not field.has_changed(saved[name], bound.data):
            continue
        entered = form.cleaned_data.get(name, bound.data) if form.is_bound else bound.data
        label = str(bound.label or name)
        rows.append(ConflictRow(label, _shown(field, saved[name]), _shown(field, entered)))
    return rows


def show_conflict(
    form: forms.BaseForm, *, what: str, saved: Mapping[str, Any], version: int
) -> None:
    """Turn a form whose save met someone else's change into the conflict page: the differences
    (``form.conflict``), a message in the error summary and the current version to save over."""
    form.conflict = conflict_rows(form, saved)  # type: ignore[attr-defined]
    data = form.data.copy()  # type: ignore[attr-defined]
    data[form.add_prefix(VERSION_FIELD)] = str(version)
    form.data = data
    form.add_error(None, MESSAGE.format(what=what))


def status(form: forms.BaseForm) -> int:
    """The page's status: 409 for a conflict, else 200."""
    return CONFLICT_STATUS if getattr(form, "conflict", None) is not None else 200
