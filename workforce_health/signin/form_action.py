"""Let the Microsoft sign-in forms reach the identity provider under the strict CSP.

The site's Content-Security-Policy allows forms to submit only to this site (`form-action
'self'`, docs/adr/0009-django-csp.md). Browsers apply that to the redirect after a form is sent
too, so the "Sign in with Microsoft" button (a POST here, answered with a redirect to Entra ID)
needs the identity provider's origin allowed, on the pages holding such a form and nowhere else.
"""

from collections.abc import Callable
from functools import wraps
from typing import Any
from urllib.parse import urlsplit

from django.conf import settings
from django.http import HttpRequest, HttpResponseBase


def identity_provider_origin() -> str | None:
    """The scheme and host of ENTRA_AUTHORITY (https://login.microsoftonline.com by default)."""
    parts = urlsplit(str(settings.ENTRA_AUTHORITY))
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme and parts.netloc else None


def allow_identity_provider(response: HttpResponseBase) -> HttpResponseBase:
    origin = identity_provider_origin()
    if origin:
        response._csp_update = {"form-action": [origin]}  # type: ignore[attr-defined]
    return response


def with_identity_provider(
    view: Callable[..., HttpResponseBase],
) -> Callable[..., HttpResponseBase]:
    """A view whose page may hold a form sent on to the identity provider."""

    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        return allow_identity_provider(view(request, *args, **kwargs))

    return wrapped
