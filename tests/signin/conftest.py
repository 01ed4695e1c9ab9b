"""Each sign-in test gets an empty cache: allauth's throttling counts live there."""

from collections.abc import Iterator

import pytest
from django.core.cache import caches


@pytest.fixture(autouse=True)
def empty_cache() -> Iterator[None]:
    caches["default"].clear()
    yield
    caches["default"].clear()
