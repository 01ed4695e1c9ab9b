"""Sign-in brute force: throttled by account and address with back-off, then locked out."""

import logging

import pytest
from axes.models import AccessAttempt
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import Client, override_settings
from django.urls import reverse

from tests import factories
from tests.factories import PASSWORD

NO_THROTTLE = {"login_failed": None}
LIMIT = settings.AXES_FAILURE_LIMIT


def _try(client: Client, username: str, password: str, address: str = "198.51.100.4"):
    return client.post(
        reverse("sign-in"), {"login": username, "password": password}, REMOTE_ADDR=address
    )


def test_thirty_wrong_passwords_then_the_right_one_does_not_get_in(
    client: Client, council: factories.Council
) -> None:
    """The issue's reproduction: 30 wrong passwords for lead were all 200, the right one worked."""
    username = council.users["workforce_lead"].username
    answers = [_try(client, username, f"wrong-{n}") for n in range(30)]
    pages = [a.content.decode() for a in answers]
    assert sum("too many wrong passwords" in p for p in pages) >= 25  # throttled from the 6th
    right = _try(client, username, PASSWORD)
    assert right.status_code != 302 and client.get("/").status_code == 302


def test_the_throttle_backs_off_over_longer_windows(
    client: Client, council: factories.Council, monkeypatch: pytest.MonkeyPatch
) -> None:
    """5 failures in 5 minutes, then 10 in an hour: waiting 5 minutes is not enough."""
    import time

    now = [1_800_000_000.0]
    monkeypatch.setattr(time, "time", lambda: now[0])
    username = council.users["workforce_lead"].username
    for n in range(5):
        _try(client, username, f"wrong-{n}")
    assert "too many wrong passwords" in _try(client, username, "wrong").content.decode()
    now[0] += 301
    for n in range(5):
        page = _try(client, username, f"wrong-again-{n}").content.decode()
        assert "Enter a correct username and password" in page
    now[0] += 301
    assert "too many wrong passwords" in _try(client, username, PASSWORD).content.decode()
    now[0] += 3600
    assert _try(client, username, PASSWORD).status_code == 302


@override_settings(ACCOUNT_RATE_LIMITS=NO_THROTTLE)
def test_an_account_is_locked_until_an_administrator_unlocks_it(
    client: Client, council: factories.Council
) -> None:
    username = council.users["workforce_lead"].username
    for n in range(LIMIT):  # from many addresses: the account itself is locked
        _try(client, username, f"wrong-{n}", address=f"203.0.113.{n}")
    locked = _try(client, username, PASSWORD, address="203.0.113.99")
    assert locked.status_code == 403 and "Sign-in locked" in locked.content.decode()

    admin = Client()
    admin.force_login(council.users["administrator"])
    page = admin.get(reverse("sign-in-locks")).content.decode()
    assert username in page and "Unlock" in page
    admin.post(reverse("sign-in-locks"), {"kind": "account", "value": username})
    assert "No sign-ins are locked" in admin.get(reverse("sign-in-locks")).content.decode()
    assert _try(client, username, PASSWORD, address="203.0.113.99").status_code == 302


@override_settings(ACCOUNT_RATE_LIMITS=NO_THROTTLE)
def test_an_address_trying_many_accounts_is_locked(
    client: Client, council: factories.Council
) -> None:
    for n in range(LIMIT):
        _try(client, f"someone-{n}", "wrong", address="192.0.2.77")
    _try(client, council.users["practitioner"].username, "wrong", address="192.0.2.77")
    right = _try(client, council.users["scrutiny_member"].username, PASSWORD, address="192.0.2.77")
    assert right.status_code == 403
    elsewhere = _try(
        client, council.users["scrutiny_member"].username, PASSWORD, address="192.0.2.8"
    )
    assert elsewhere.status_code == 302


@override_settings(ACCOUNT_RATE_LIMITS=NO_THROTTLE)
def test_the_command_unlocks_an_account(client: Client, council: factories.Council) -> None:
    username = council.users["team_manager"].username
    for n in range(LIMIT):
        _try(client, username, "wrong", address=f"203.0.113.{n}")
    assert _try(client, username, PASSWORD, address="203.0.113.50").status_code == 403
    call_command("unlock_sign_in", "--username", username)
    assert not AccessAttempt.objects.filter(username=username).exists()
    assert _try(client, username, PASSWORD, address="203.0.113.50").status_code == 302
    with pytest.raises(CommandError, match="No failed sign-ins"):
        call_command("unlock_sign_in", "--username", username)


def test_another_organisations_locks_are_not_shown_or_unlocked(
    client: Client, council: factories.Council, other_council: factories.Council
) -> None:
    with override_settings(ACCOUNT_RATE_LIMITS=NO_THROTTLE):
        username = other_council.users["workforce_lead"].username
        for n in range(LIMIT):
            _try(client, username, "wrong", address=f"203.0.113.{n}")
    admin = Client()
    admin.force_login(council.users["administrator"])
    assert username not in admin.get(reverse("sign-in-locks")).content.decode()
    admin.post(reverse("sign-in-locks"), {"kind": "account", "value": username})
    assert AccessAttempt.objects.filter(username=username).exists()


def test_failures_are_logged_without_the_password(
    client: Client, council: factories.Council, caplog: pytest.LogCaptureFixture
) -> None:
    username = council.users["workforce_lead"].username
    with caplog.at_level(logging.INFO):
        _try(client, username, "Secret-Guess-123")
    failures = [r.getMessage() for r in caplog.records if "Sign-in failed" in r.getMessage()]
    assert failures and username in failures[0] and "198.51.100.4" in failures[0]
    assert not any("Secret-Guess-123" in r.getMessage() for r in caplog.records)
    assert all("Secret-Guess-123" not in a.post_data for a in AccessAttempt.objects.all())
