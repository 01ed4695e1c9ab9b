"""Rate limit for guessing respondent tokens and shared-link organisation codes.

Each wrong guess (a token that was not issued, a wrong organisation code) counts against the
client's IP address in Django's cache, in fixed windows; so does each response started through a
shared link, against its own hourly cap. Once a client has `limit` wrong guesses
in a window, every token lookup and code check from it answers 429 until the window ends, so a
right guess cannot get through either. Nothing identifying is kept: the cache key holds a keyed
hash of the address (HMAC with a key derived from SECRET_KEY, so a hash cannot be matched to an
address by hashing all 2^32 IPv4 addresses), never the address or the token, and expires with
the window. Nothing is written to the database or the log.

Settings (defaults below):
- SURVEY_GUESS_LIMIT: wrong guesses allowed per window (20);
- SURVEY_GUESS_WINDOW_SECONDS: the window's length (600, ten minutes);
- SURVEY_SHARED_STARTS_PER_HOUR: responses one client may start through shared links in an
  hour (30); past it the shared link answers 429 until the hour ends.
- TRUSTED_PROXY_COUNT: how many reverse proxies to trust in X-Forwarded-For (0: the client is
  REMOTE_ADDR; see `workforce_health.core.client`).
- SURVEY_GUESS_CACHE: the cache alias ("default"). With several server processes, use a shared
  cache (database or Redis); the default local-memory cache counts per process.
"""

import hashlib
import hmac
import math
import time
from typing import Final

from django.conf import settings
from django.core.cache import caches
from django.core.cache.backends.base import BaseCache
from django.http import HttpRequest, HttpResponse
from django.template import engines

from workforce_health.core.client import client_address

DEFAULT_LIMIT: Final = 20
DEFAULT_WINDOW_SECONDS: Final = 600
DEFAULT_SHARED_STARTS_PER_HOUR: Final = 30
DEFAULT_CACHE: Final = "default"
KEY_PREFIX: Final = "survey-guess"
STARTS_PREFIX: Final = "survey-starts"

_PAGE: Final = """{% extends "base.html" %}
{% block page_title %}Too many attempts{% endblock %}
{% block content %}
<div class="govuk-grid-row">
  <div class="govuk-grid-column-two-thirds">
    <h1 class="govuk-heading-l">Too many attempts</h1>
    {% if starts %}
    <p class="govuk-body">Too many surveys have been started from this network through a shared
      link in the last hour.</p>
    <p class="govuk-body">Wait {{ minutes }} minute{{ minutes|pluralize }}, then try again.</p>
    {% else %}
    <p class="govuk-body">There have been too many attempts with a survey link or organisation
      code that is not right.</p>
    <p class="govuk-body">Wait {{ minutes }} minute{{ minutes|pluralize }}, then check the link
      in your invitation email, or the code on the poster, and try again.</p>
    {% endif %}
    <p class="govuk-body">Any answers you have already saved are kept.</p>
  </div>
</div>
{% endblock %}
"""


def limit() -> int:
    return int(getattr(settings, "SURVEY_GUESS_LIMIT", DEFAULT_LIMIT))


def window_seconds() -> int:
    return max(1, int(getattr(settings, "SURVEY_GUESS_WINDOW_SECONDS", DEFAULT_WINDOW_SECONDS)))


def shared_starts_per_hour() -> int:
    return int(getattr(settings, "SURVEY_SHARED_STARTS_PER_HOUR", DEFAULT_SHARED_STARTS_PER_HOUR))


def _window(length: int | None = None) -> tuple[int, int]:
    """(this window's number, seconds until it ends)."""
    length = length or window_seconds()
    now = time.time()
    number = int(now // length)
    return number, max(1, math.ceil((number + 1) * length - now))


def _client_digest(request: HttpRequest, prefix: str) -> str:
    salt = hashlib.sha256(f"{prefix}:{settings.SECRET_KEY}".encode()).digest()
    address = client_address(request).encode()
    return hmac.new(salt, address, hashlib.sha256).hexdigest()[:32]


def _key(request: HttpRequest, number: int, prefix: str = KEY_PREFIX) -> str:
    return f"{prefix}:{_client_digest(request, prefix)}:{number}"


def _store() -> BaseCache:
    return caches[str(getattr(settings, "SURVEY_GUESS_CACHE", DEFAULT_CACHE))]


def is_blocked(request: HttpRequest) -> bool:
    """True once this client has used up its wrong guesses for the current window."""
    number, _ = _window()
    return int(_store().get(_key(request, number), 0)) >= limit()


def record_miss(request: HttpRequest) -> None:
    """Count one wrong guess (unknown token or wrong code) for this client."""
    number, remaining = _window()
    _count(_key(request, number), remaining)


def starts_used_up(request: HttpRequest) -> bool:
    """True once this client has started its hourly allowance of shared-link responses."""
    number, _ = _window(3600)
    return int(_store().get(_key(request, number, STARTS_PREFIX), 0)) >= shared_starts_per_hour()


def record_start(request: HttpRequest) -> None:
    """Count one response started through a shared link by this client."""
    number, remaining = _window(3600)
    _count(_key(request, number, STARTS_PREFIX), remaining)


def _count(key: str, remaining: int) -> None:
    store = _store()
    store.add(key, 0, timeout=remaining + 1)
    try:
        store.incr(key)
    except ValueError:  # expired between add and incr
        store.set(key, 1, timeout=remaining + 1)


def too_many(request: HttpRequest, *, starts: bool = False) -> HttpResponse:
    """The 429 page: wait, then check the link or code (or, for `starts`, just wait)."""
    _, remaining = _window(3600 if starts else None)
    minutes = max(1, math.ceil(remaining / 60))
    context = {"minutes": minutes, "starts": starts}
    page = engines["django"].from_string(_PAGE).render(context, request)
    response = HttpResponse(page, status=429)
    response["Retry-After"] = str(remaining)
    return response
