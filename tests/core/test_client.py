"""The client's address: X-Forwarded-For only through TRUSTED_PROXY_COUNT trusted proxies."""

import pytest
from django.test import RequestFactory, override_settings

from workforce_health.core.client import client_address


def _request(remote: str, forwarded: str | None = None):
    request = RequestFactory().get("/", REMOTE_ADDR=remote)
    if forwarded is not None:
        request.META["HTTP_X_FORWARDED_FOR"] = forwarded
    return request


def test_without_trusted_proxies_a_forwarded_header_is_ignored() -> None:
    request = _request("198.51.100.7", forwarded="203.0.113.1")
    assert client_address(request) == "198.51.100.7"


@pytest.mark.parametrize(
    ("proxies", "forwarded", "expected"),
    [
        (1, "203.0.113.1", "203.0.113.1"),
        (1, "10.9.9.9, 203.0.113.1", "203.0.113.1"),  # the left entry was sent by the client
        (2, "10.9.9.9, 203.0.113.1, 192.0.2.50", "203.0.113.1"),
        (2, "203.0.113.1", "203.0.113.1"),  # fewer entries than proxies: the first
        (1, "", "198.51.100.7"),  # no header: the connection's address
    ],
)
def test_trusted_proxies_name_the_client(proxies: int, forwarded: str, expected: str) -> None:
    with override_settings(TRUSTED_PROXY_COUNT=proxies):
        assert client_address(_request("198.51.100.7", forwarded=forwarded)) == expected
