"""Attach the signed-in user's active organisation membership to each request."""

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

from workforce_health.core import selectors
from workforce_health.core.models import Membership

ACTIVE_ORGANISATION_SESSION_KEY = "active_organisation_id"


def _active_membership(request: HttpRequest) -> Membership | None:
    if not request.user.is_authenticated:
        return None
    return selectors.membership_active(
        user=request.user,
        organisation_id=request.session.get(ACTIVE_ORGANISATION_SESSION_KEY),
    )


class ActiveMembershipMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        request.membership = _active_membership(request)  # type: ignore[attr-defined]
        return self.get_response(request)
