"""Rate limit for guessing respondent tokens and shared-link organisation codes.

Each wrong guess (a token that was not issued, a wrong organisation code) counts against the
client's IP address in Django's cache, in fixed windows. Once a client has `limit` wrong guesses
in a window, every token lookup and code check from it answers 429 until the window ends, so a
right guess cannot get through either. Nothing identifying is kept: the cache key holds a hash
of the address, never the address or the token, and expires with the window.

Settings (defaults below):
- SURVEY_GUESS_LIMIT: wrong guesses allowed per window (20);
- SURVEY_GUESS_WINDOW_SECONDS: the window's length (600, ten minutes);
- SURVEY_GUESS_CLIENT_IP_HEADER: the request.META key holding the client's address
  ("REMOTE_ADDR"). Behind a reverse proxy that appends the client to X-Forwarded-For, set it to
  "HTTP_X_FORWARDED_FOR"; the last (proxy-added) address in the list is used.
- SURVEY_GUESS_CACHE: the cache alias ("default"). With several server processes, use a shared
  cache (database or Redis); the default local-memory cache counts per process.
"""

import hashlib
import math
import time
from typing import Final

from django.conf import settings
from django.core.cache import caches
from django.core.cache.backends.base import BaseCache
from django.http import HttpRequest, HttpResponse
from django.template import engines

DEFAULT_LIMIT: Final = 20
DEFAULT_WINDOW_SECONDS: Final = 600
DEFAULT_CLIENT_IP_HEADER: Final = "REMOTE_ADDR"
DEFAULT_CACHE: Final = "default"
KEY_PREFIX: Final = "survey-guess"

_PAGE: Final = """{% extends "base.html" %}
{% block page_title %}Too many attempts{% endblock %}
{% block content %}
<div class="govuk-grid-row">
  <div class="govuk-grid-column-two-thirds">
    <h1 class="govuk-heading-l">Too many attempts</h1>
    <p class="govuk-body">There have been too many attempts with a survey link or organisation
      code that is not right.</p>
    <p class="govuk-body">Wait {{ minutes }} minute{{ minutes|pluralize }}, then check the link
      in your invitation email, or the code on the poster, and try again.</p>
    <p class="govuk-body">Any answers you have already saved are kept.</p>
  </div>
</div>
{% endblock %}
"""


def limit() -> int:
    return int(getattr(settings, "SURVEY_GUESS_LIMIT", DEFAULT_LIMIT))


def window_seconds() -> int:
    return max(1, int(getattr(settings, "SURVEY_GUESS_WINDOW_SECONDS", DEFAULT_WINDOW_SECONDS)))


def client_address(request: HttpRequest) -> str:
    header = str(getattr(settings, "SURVEY_GUESS_CLIENT_IP_HEADER", DEFAULT_CLIENT_IP_HEADER))
    value = str(request.META.get(header) or request.META.get("REMOTE_ADDR") or "")
    return value.split(",")[-1].strip()


def _window() -> tuple[int, int]:
    """(this window's number, seconds until it ends)."""
    length = window_seconds()
    now = time.time()
    number = int(now // length)
    return number, max(1, math.ceil((number + 1) * length - now))


def _key(request: HttpRequest, number: int) -> str:
    digest = hashlib.sha256(f"{KEY_PREFIX}:{client_address(request)}".encode()).hexdigest()
    return f"{KEY_PREFIX}:{digest[:32]}:{number}"


def _store() -> BaseCache:
    return caches[str(getattr(settings, "SURVEY_GUESS_CACHE", DEFAULT_CACHE))]


def is_blocked(request: HttpRequest) -> bool:
    """True once this client has used up its wrong guesses for the current window."""
    number, _ = _window()
    return int(_store().get(_key(request, number), 0)) >= limit()


def record_miss(request: HttpRequest) -> None:
    """Count one wrong guess (unknown token or wrong code) for this client."""
    number, remaining = _window()
    key = _key(request, number)
    store = _store()
    store.add(key, 0, timeout=remaining + 1)
    try:
        store.incr(key)
    except ValueError:  # expired between add and incr
        store.set(key, 1, timeout=remaining + 1)


def too_many(request: HttpRequest) -> HttpResponse:
    """The 429 page: wait, then check the link or code."""
    _, remaining = _window()
    minutes = max(1, math.ceil(remaining / 60))
    page = engines["django"].from_string(_PAGE).render({"minutes": minutes}, request)
    response = HttpResponse(page, status=429)
    response["Retry-After"] = str(remaining)
    return response
