import pytest
from django.core.cache import caches

from tests import factories


@pytest.fixture(autouse=True)
def _empty_caches():
    """Every test starts with empty caches: rate limits, lockouts and cached pages counted by
    one test must not change what the next one sees."""
    for cache in caches.all(initialized_only=True):
        cache.clear()


@pytest.fixture
def council(db) -> factories.Council:
    return factories.council()


@pytest.fixture
def other_council(db) -> factories.Council:
    return factories.council(la_code="992", name="Otherton Council")


@pytest.fixture
def client_for(client):
    """A test client signed in as the given user."""

    def sign_in(user):
        client.force_login(user)
        return client

    return sign_in


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    skipped = getattr(config, "_browser_tests_skipped", 0)
    if skipped:
        from tests.browser.conftest import SKIP_REASON

        terminalreporter.write_sep("!", f"{skipped} {SKIP_REASON}", yellow=True, bold=True)
