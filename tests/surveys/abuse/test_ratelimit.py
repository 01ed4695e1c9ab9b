"""Token guessing and organisation-code guessing are rate-limited per client address."""

import re

import pytest
from django.core.cache import caches
from django.test import Client, override_settings
from django.urls import reverse

from tests.factories import Council
from workforce_health.surveys import ratelimit, tokens
from workforce_health.surveys.models import Invitation, Wave


def _start(token: str) -> str:
    return reverse("survey-start", kwargs={"token": token})


def _shared(wave: Wave) -> str:
    return reverse(
        "survey-shared", kwargs={"la_code": wave.organisation.la_code, "slug": wave.slug}
    )


def test_defaults() -> None:
    assert ratelimit.DEFAULT_LIMIT == 20 and ratelimit.DEFAULT_WINDOW_SECONDS == 600


@pytest.mark.parametrize(
    "path",
    [
        "/s/short/",
        "/s/" + "A" * 43 + "/",
        "/s/" + "A" * 500 + "/",
        "/s/%E2%98%83%E2%98%83%E2%98%83/",
        "/s/..%2F..%2Fetc/",
        "/s/" + "A" * 43 + "/section/1/",
        "/s/" + "A" * 43 + "/section/99999999999999999999/",
        "/s/" + "A" * 43 + "/check/",
    ],
)
def test_unknown_tokens_are_404_not_500(client: Client, db: None, path: str) -> None:
    assert client.get(path).status_code == 404
    assert client.post(path, {"sw_clear_vision": "4"}).status_code == 404


def test_too_many_unknown_tokens_get_429_and_a_page_saying_to_wait(
    client: Client, token: str
) -> None:
    for _ in range(20):
        assert client.get(_start(tokens.new_token())).status_code == 404
    blocked = client.get(_start(tokens.new_token()))
    page = blocked.content.decode()
    assert blocked.status_code == 429
    assert "Too many attempts" in page and re.search(r"Wait ([1-9]|10) minutes?, then check", page)
    assert 'class="govuk-heading-l"' in page  # a GOV.UK page, not a bare error
    assert 0 < int(blocked["Retry-After"]) <= 600
    # while blocked, a right guess gets nowhere either
    assert client.get(_start(token)).status_code == 429
    section = reverse("survey-section", kwargs={"token": token, "number": 1})
    assert client.post(section, {"sw_clear_vision": "4"}).status_code == 429
    # other addresses are not affected
    other = Client(REMOTE_ADDR="192.0.2.7")
    assert other.get(_start(token)).status_code == 200


def test_known_tokens_do_not_count(client: Client, token: str) -> None:
    for _ in range(30):
        assert client.get(_start(token)).status_code == 200


@override_settings(SURVEY_GUESS_LIMIT=3)
def test_the_limit_is_a_setting(client: Client, db: None) -> None:
    codes = [client.get(_start(tokens.new_token())).status_code for _ in range(5)]
    assert codes == [404, 404, 404, 429, 429]


@override_settings(SURVEY_GUESS_LIMIT=2, SURVEY_GUESS_WINDOW_SECONDS=600)
def test_the_block_ends_with_the_window(
    client: Client, db: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    now = [6_000_000.0]
    monkeypatch.setattr(ratelimit.time, "time", lambda: now[0])
    for _ in range(2):
        client.get(_start(tokens.new_token()))
    assert client.get(_start(tokens.new_token())).status_code == 429
    now[0] += 600
    assert client.get(_start(tokens.new_token())).status_code == 404


def test_the_cache_keeps_neither_address_nor_token(client: Client, db: None) -> None:
    guess = tokens.new_token()
    client.get(_start(guess), REMOTE_ADDR="198.51.100.23")
    keys = list(caches["default"]._cache)  # type: ignore[attr-defined]
    assert keys and not any("198.51.100.23" in k or guess in k for k in keys)


@override_settings(TRUSTED_PROXY_COUNT=1, SURVEY_GUESS_LIMIT=1)
def test_behind_a_proxy_the_forwarded_address_counts(client: Client, token: str) -> None:
    client.get(_start(tokens.new_token()), HTTP_X_FORWARDED_FOR="203.0.113.9, 192.0.2.1")
    assert client.get(_start(token), HTTP_X_FORWARDED_FOR="192.0.2.1").status_code == 429
    assert client.get(_start(token), HTTP_X_FORWARDED_FOR="192.0.2.2").status_code == 200


def test_wrong_organisation_codes_are_rate_limited(
    client: Client, council: Council, opened: Wave
) -> None:
    for _ in range(20):
        wrong = client.post(_shared(opened), {"access_code": "WRONG"})
        assert wrong.status_code == 200
        assert "That organisation code is not right" in wrong.content.decode()
    blocked = client.post(_shared(opened), {"access_code": opened.access_code})
    assert blocked.status_code == 429 and "Too many attempts" in blocked.content.decode()
    assert not Invitation.objects.filter(source=Invitation.Source.SHARED_LINK).exists()
    assert client.get(_shared(opened)).status_code == 200  # the page itself still shows


@override_settings(SURVEY_GUESS_LIMIT=2)
def test_a_forged_cookie_token_counts_as_a_guess(client: Client, opened: Wave) -> None:
    client.cookies[f"survey-{opened.pk}"] = tokens.new_token()
    assert client.get(_shared(opened)).status_code == 200
    assert client.get(_shared(opened)).status_code == 200
    assert client.get(_shared(opened)).status_code == 429
