"""What every app's views share: 404 for what the viewer may not see, the request's membership,
and a service write whose validation errors go onto the form."""

from collections.abc import Callable
from typing import Any, TypeVar

from django.core.exceptions import ValidationError
from django.forms import BaseForm
from django.http import Http404

from workforce_health.core.models import Membership

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
