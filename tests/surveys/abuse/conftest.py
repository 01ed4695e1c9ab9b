"""A private local-memory cache per test, so the rate limiter's counts never leak between tests."""

from collections.abc import Iterator

import pytest
from django.core.cache import caches
from django.test import override_settings

from tests.factories import Council
from tests.surveys import helpers
from workforce_health.surveys.models import Wave

CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "surveys-abuse",
    }
}


@pytest.fixture(autouse=True)
def private_cache() -> Iterator[None]:
    with override_settings(CACHES=CACHES, SURVEY_GUESS_LIMIT=20, SURVEY_GUESS_WINDOW_SECONDS=600):
        caches["default"].clear()
        yield
        caches["default"].clear()


@pytest.fixture
def opened(council: Council) -> Wave:
    return helpers.open_wave(council)


@pytest.fixture
def token(opened: Wave) -> str:
    return helpers.shared_token(opened)
