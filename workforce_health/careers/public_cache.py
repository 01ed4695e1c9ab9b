"""Public careers pages served from the cache to anonymous visitors.

A page's key holds what it depends on: the path, the host and scheme (its links are
absolute), today's date (a vacancy's closing date ends it at midnight) and the site's version
(``selectors.public_version``: its last change, so publishing, unpublishing or changing a
vacancy starts new keys and no visitor sees a page from before). Signed-in visitors always get
a fresh page: theirs shows their own sign-out form. Old keys expire after ``TIMEOUT``.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from functools import wraps
from typing import Any

from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.utils import timezone

from workforce_health.careers import selectors

TIMEOUT = 60 * 60  # seconds
BROWSER_MAX_AGE = 300  # seconds a browser or proxy may keep a public page


def page_key(request: HttpRequest, version: str) -> str:
    parts = "|".join(
        (
            request.get_full_path(),
            request.get_host(),
            request.scheme or "",
            version,
            timezone.localdate().isoformat(),
        )
    )
    return "careers-page:" + hashlib.sha256(parts.encode()).hexdigest()


def cached_public_page(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Serve ``view``'s 200 responses to anonymous visitors from the cache."""

    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if request.user.is_authenticated or request.method != "GET":
            return view(request, *args, **kwargs)
        key = page_key(request, selectors.public_version(la_code=kwargs.get("org_code")))
        hit = cache.get(key)
        if hit is not None:
            body, content_type = hit
            response = HttpResponse(body, content_type=content_type)
        else:
            response = view(request, *args, **kwargs)
            if response.status_code != 200:
                return response
            cache.set(key, (response.content, response["Content-Type"]), TIMEOUT)
        response["Cache-Control"] = f"public, max-age={BROWSER_MAX_AGE}"
        return response

    return wrapped
