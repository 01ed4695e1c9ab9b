"""Attach the signed-in user and their address to audited changes, and record views.

On the respondent paths (core/anonymous_paths.py) django-auditlog is switched off for the
whole request: nothing there may write an audit entry carrying a person or an address.
"""

from collections.abc import Callable

from auditlog.context import disable_auditlog, set_actor
from django.http import HttpRequest, HttpResponse

from workforce_health.audit import services
from workforce_health.audit.models import current_organisation_id
from workforce_health.audit.views_audited import AUDITED_VIEWS
from workforce_health.core import selectors
from workforce_health.core.anonymous_paths import is_anonymous_path
from workforce_health.core.client import client_address


class AuditMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if is_anonymous_path(request.path):
            with disable_auditlog():
                return self.get_response(request)
        if not request.user.is_authenticated:
            return self.get_response(request)
        membership = getattr(request, "membership", None)
        token = current_organisation_id.set(membership.organisation_id if membership else None)
        try:
            with set_actor(request.user, remote_addr=client_address(request) or None):
                response = self.get_response(request)
        finally:
            current_organisation_id.reset(token)
        if membership is not None and response.status_code == 200:
            _record_view(request, response)
        return response


def _record_view(request: HttpRequest, response: HttpResponse) -> None:
    match = request.resolver_match
    audited = AUDITED_VIEWS.get(match.url_name or "") if match else None
    if audited is None or match is None:
        return
    is_file = "attachment" in response.get("Content-Disposition", "")
    if request.method != "GET" and not is_file:
        return
    membership = request.membership  # type: ignore[attr-defined]
    person = None
    if audited.person_argument:
        person = selectors.person_get(
            viewer=membership, person_id=int(match.kwargs[audited.person_argument])
        )
        if person is None:
            return
    details: dict[str, object] = {"page": request.path}
    if request.GET:
        details["query"] = request.GET.urlencode()[:500]
    if is_file:
        details["download"] = response["Content-Disposition"][:200]
    services.access_record(
        user=membership.user,
        organisation=membership.organisation,
        what=audited.what,
        address=client_address(request),
        person=person,
        details=details,
    )
