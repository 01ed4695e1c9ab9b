"""What every app's views share: 404 for what the viewer may not see, the request's membership,
and a service write whose validation errors go onto the form."""

from collections.abc import Callable, Mapping
from typing import Any, TypeVar

from django.core.exceptions import ValidationError
from django.forms import BaseForm, model_to_dict
from django.http import Http404

from workforce_health.core.models import Membership
from workforce_health.core.versioning import EditConflict
from workforce_health.web import conflicts

T = TypeVar("T")


def found(instance: T | None) -> T:
    """The selector's result, or a 404 when it is outside the viewer's scope or missing."""
    if instance is None:
        raise Http404
    return instance


def viewer(request: Any) -> Membership:
    membership: Membership = request.membership
    return membership


def save_or_add_errors(form: BaseForm, write: Callable[[], T]) -> T | None:
    """Run a service write; on a validation error, attach the messages to the form instead."""
    try:
        return write()
    except ValidationError as error:
        form.add_error(None, error)
        return None


def save_or_conflict(
    form: BaseForm,
    write: Callable[[], T],
    *,
    what: str,
    saved: Callable[[Any], Mapping[str, Any]] | None = None,
) -> T | None:
    """``save_or_add_errors`` for a form editing a shared record (core.versioning): when someone
    else saved the record after the form was opened, the form shows what is saved now
    (``saved(record)`` gives the form's values for it; by default its model fields) and takes the
    new version, so that saving again keeps this person's values. ``what``: "team", "report"..."""
    try:
        return save_or_add_errors(form, write)
    except EditConflict as conflict:
        current = conflict.current
        values = saved(current) if saved else model_to_dict(current, fields=list(form.fields))
        conflicts.show_conflict(form, what=what, saved=values, version=current.lock_version)
        return None
