"""Shared by the development views: access rules beyond capabilities, and small helpers."""

from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.utils import timezone

from workforce_health.core.models import Membership
from workforce_health.core.permissions import Capability, membership_can
from workforce_health.core.scope import Scope
from workforce_health.core.view_helpers import found, save_or_add_errors, viewer
from workforce_health.development import selectors
from workforce_health.development.models import Enrolment

__all__ = ["found", "save_or_add_errors", "viewer"]
View = TypeVar("View", bound=Callable[..., HttpResponse])
FORMATS = ("csv", "xlsx")


def can(membership: Membership, capability: Capability) -> bool:
    return membership_can(membership, capability)


def requires_nqsw_pages(view: View) -> View:
    """The NQSW pages: anyone who sees development records, and assessors (who see the
    enrolments they assess, whatever their role)."""

    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        membership = getattr(request, "membership", None)
        if membership is None or not (
            can(membership, Capability.VIEW_DEVELOPMENT)
            or selectors.reader_assesses(scope=Scope.of(membership))
        ):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapped  # type: ignore[return-value]


def may_record_on(membership: Membership, enrolment: Enrolment) -> bool:
    """Reviews and evidence: those who record development records, and the assessor."""
    return can(membership, Capability.RECORD_DEVELOPMENT) or (
        membership.person_id is not None and enrolment.assessor_id == membership.person_id
    )


def file_format(fmt: str) -> str:
    if fmt not in FORMATS:
        raise Http404
    return fmt


def today() -> Any:
    return timezone.localdate()
