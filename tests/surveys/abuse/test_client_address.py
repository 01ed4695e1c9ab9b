"""The survey limiter's client (core/client.py, tests/core/test_client.py): production trusts no
X-Forwarded-For unless told, a spoofed header escapes no limit, counts are keyed and unlinkable."""

import hashlib
import os
import subprocess
import sys

from django.core.cache import caches
from django.test import Client, override_settings
from django.urls import reverse

from tests.core.test_production_settings import PRODUCTION
from workforce_health.surveys import tokens
from workforce_health.surveys.models import Invitation, Wave


def test_production_trusts_no_forwarded_header_unless_told(tmp_path) -> None:
    """Before: production read the client from X-Forwarded-For, which any client can send."""
    script = (
        "import django; django.setup();"
        "from django.test import RequestFactory;"
        "from workforce_health.surveys.ratelimit import client_address;"
        "print(client_address(RequestFactory().get('/', REMOTE_ADDR='198.51.100.7',"
        " HTTP_X_FORWARDED_FOR='203.0.113.1')))"
    )
    env = {k: v for k, v in os.environ.items() if k not in ("DJANGO_ALLOW_ASYNC_UNSAFE",)}
    env = {k: v for k, v in env.items() if k != "TRUSTED_PROXY_COUNT"}
    env |= PRODUCTION | {"WORKFORCE_HEALTH_VAR_DIR": str(tmp_path)}
    shown = subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, check=True
    )
    assert shown.stdout.strip() == "198.51.100.7"


def test_a_spoofed_header_does_not_escape_the_limit(client: Client, db: None) -> None:
    """Without a trusted proxy, changing X-Forwarded-For on every guess changes nothing."""
    with override_settings(SURVEY_GUESS_LIMIT=2):
        for number in range(2):
            client.get(
                reverse("survey-start", kwargs={"token": tokens.new_token()}),
                HTTP_X_FORWARDED_FOR=f"203.0.113.{number}",
            )
        response = client.get(
            reverse("survey-start", kwargs={"token": tokens.new_token()}),
            HTTP_X_FORWARDED_FOR="203.0.113.200",
        )
    assert response.status_code == 429


def test_the_cache_key_is_a_keyed_hash_not_a_plain_one(client: Client, db: None) -> None:
    """A plain SHA-256 of an address can be reversed by hashing every IPv4 address."""
    client.get(reverse("survey-start", kwargs={"token": tokens.new_token()}))
    plain = hashlib.sha256(b"survey-guess:127.0.0.1").hexdigest()[:32]
    keys = list(caches["default"]._cache)  # type: ignore[attr-defined]
    assert keys and not any(plain in key for key in keys)


@override_settings(SURVEY_SHARED_STARTS_PER_HOUR=3)
def test_shared_link_starts_are_capped_per_client_per_hour(client: Client, opened: Wave) -> None:
    url = reverse(
        "survey-shared", kwargs={"la_code": opened.organisation.la_code, "slug": opened.slug}
    )
    for _ in range(3):
        fresh = Client(REMOTE_ADDR="198.51.100.9")
        assert fresh.post(url, {"access_code": opened.access_code}).status_code == 302
    refused = Client(REMOTE_ADDR="198.51.100.9").post(url, {"access_code": opened.access_code})
    assert refused.status_code == 429
    assert "Too many surveys have been started" in refused.content.decode()
    assert Invitation.objects.filter(source=Invitation.Source.SHARED_LINK).count() == 3
    other = Client(REMOTE_ADDR="198.51.100.10").post(url, {"access_code": opened.access_code})
    assert other.status_code == 302
