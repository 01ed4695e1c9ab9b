"""Passwords: Django's validators for add-user, the change page, and reset by email."""

import re

import pytest
from django.contrib.auth.models import User
from django.core import mail
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import Client
from django.urls import reverse

from tests import factories
from tests.factories import PASSWORD
from workforce_health.signin import services


@pytest.mark.parametrize("weak", ["short", "password", "12345678901", "jo-smith-1"])
def test_add_user_refuses_a_weak_password(
    weak: str, council: factories.Council, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("WORKFORCE_HEALTH_PASSWORD", weak)
    with pytest.raises(CommandError, match="User not added"):
        call_command(
            "add_user", "--organisation", "991", "--username", "jo-smith", "--role", "practitioner"
        )
    assert not User.objects.filter(username="jo-smith").exists()


def test_add_user_accepts_a_strong_password(
    council: factories.Council, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("WORKFORCE_HEALTH_PASSWORD", "correct-horse-battery-staple")
    call_command("add_user", "--organisation", "991", "--username", "jo", "--role", "practitioner")
    assert User.objects.get(username="jo").check_password("correct-horse-battery-staple")


def test_a_user_changes_their_password(client: Client, council: factories.Council) -> None:
    user = council.users["team_manager"]
    client.force_login(user)
    url = reverse("password-change")
    wrong = client.post(
        url,
        {
            "old_password": "nope",
            "new_password1": "a-new-long-pass-77",
            "new_password2": "a-new-long-pass-77",
        },
    )
    assert "Your current password is not right" in wrong.content.decode()
    weak = client.post(
        url, {"old_password": PASSWORD, "new_password1": "password", "new_password2": "password"}
    )
    assert "This password is too common" in weak.content.decode()
    done = client.post(
        url,
        {
            "old_password": PASSWORD,
            "new_password1": "a-new-long-pass-77",
            "new_password2": "a-new-long-pass-77",
        },
    )
    assert done.status_code == 302 and client.get("/").status_code == 200  # still signed in
    user.refresh_from_db()
    assert user.check_password("a-new-long-pass-77")


def _reset_link(client: Client, email: str) -> str | None:
    mail.outbox.clear()
    response = client.post(reverse("password-reset"), {"email": email})
    assert response.status_code == 302 and response["Location"] == reverse("password-reset-sent")
    if not mail.outbox:
        return None
    match = re.search(r"http://testserver(/password-reset/[^\s]+/)", str(mail.outbox[0].body))
    assert match, mail.outbox[0].body
    return match.group(1)


def test_a_forgotten_password_is_reset_by_email(client: Client, council: factories.Council) -> None:
    user = council.users["practitioner"]
    core_services_user_email(user, "pat@council.example")
    link = _reset_link(client, "pat@council.example")
    assert link is not None
    form = client.get(link, follow=True)
    assert "Choose a new password" in form.content.decode()
    done = client.post(
        form.redirect_chain[-1][0] if form.redirect_chain else link,
        {"new_password1": "fresh-long-pass-99", "new_password2": "fresh-long-pass-99"},
    )
    assert done.status_code == 302 and done["Location"] == reverse("password-reset-complete")
    user.refresh_from_db()
    assert user.check_password("fresh-long-pass-99")
    assert "This link does not work" in client.get(link, follow=True).content.decode()


def test_no_email_reveals_whether_an_address_has_a_sign_in(client: Client, db: None) -> None:
    assert _reset_link(client, "nobody@council.example") is None


def test_staff_of_an_sso_only_organisation_get_no_reset_email(
    client: Client, council: factories.Council
) -> None:
    user = council.users["practitioner"]
    core_services_user_email(user, "pat@council.example")
    services.sign_in_settings_update(
        organisation=council.organisation,
        entra_enabled=True,
        tenant_id="3f1c0c1e-5a8b-4c3e-9f0a-2b7d6e4a1c11",
        client_id="d4c3b2a1-0f9e-4d8c-b7a6-5e4d3c2b1a00",
        secret_variable="ENTRA_SECRET_TESTSHIRE",
        sso_only=True,
        break_glass_user=None,
    )
    assert _reset_link(client, "pat@council.example") is None


def core_services_user_email(user: User, email: str) -> None:
    """The factories make sign-ins without email addresses; give one (as add-user --email)."""
    User.objects.filter(pk=user.pk).update(email=email)
    user.refresh_from_db()
