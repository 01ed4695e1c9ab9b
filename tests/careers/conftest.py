import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with no cached public page."""
    cache.clear()
    yield
    cache.clear()
