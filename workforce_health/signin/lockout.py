"""django-axes hooks: the client's address and the page shown to a locked account or address."""

import logging
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from workforce_health.core.client import client_address

logger = logging.getLogger("workforce_health.signin")


def client_ip(request: HttpRequest) -> str:
    return client_address(request)


def username(request: HttpRequest, credentials: Any = None) -> str | None:
    """The username tried: from authenticate()'s credentials, else the sign-in form's field."""
    name = (credentials or {}).get("username") or request.POST.get("login")
    return str(name)[:150] if name else None


def locked_out(
    request: HttpRequest, original_response: HttpResponse | None = None, credentials: Any = None
) -> HttpResponse:
    logger.warning(
        "Sign-in refused: locked out (username %r, address %s)",
        str((credentials or {}).get("username") or request.POST.get("login", ""))[:150],
        client_address(request),
    )
    return render(request, "signin/locked.html", status=403)
