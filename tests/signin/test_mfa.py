"""Two-factor authentication (TOTP and recovery codes), required for administrators and leads."""

import os
import subprocess
import sys

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value
from django.core.cache import caches
from django.test import Client, override_settings
from django.urls import reverse

from tests import factories
from tests.core.test_production_settings import PRODUCTION
from tests.factories import PASSWORD

REQUIRED = override_settings(WORKFORCE_HEALTH_REQUIRE_MFA=True)


def _code(secret: str, offset: int = 0) -> str:
    import time

    return format_hotp_value(hotp_value(secret, int(time.time()) // 30 + offset))


def _password(client: Client, username: str):
    return client.post(reverse("sign-in"), {"login": username, "password": PASSWORD})


def _set_up(client: Client) -> str:
    page = client.get(reverse("mfa_activate_totp"))
    assert page.status_code == 200 and "Set up your authenticator app" in page.content.decode()
    secret = page.context["form"].secret
    done = client.post(reverse("mfa_activate_totp"), {"code": _code(secret)})
    assert done.status_code == 302 and done["Location"] == reverse("mfa_view_recovery_codes")
    caches["default"].clear()  # allauth refuses a code used twice in its 30 seconds
    return secret


@pytest.mark.parametrize("module", ["config.settings.base", "config.settings.production"])
def test_mfa_is_required_outside_the_test_settings(module: str, tmp_path) -> None:
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    env |= PRODUCTION | {
        "DJANGO_SETTINGS_MODULE": module,
        "WORKFORCE_HEALTH_VAR_DIR": str(tmp_path),
    }
    shown = subprocess.run(
        [
            sys.executable,
            "-c",
            "from django.conf import settings; import django; django.setup();"
            " print(settings.WORKFORCE_HEALTH_REQUIRE_MFA,"
            " 'signin.middleware.MfaRequiredMiddleware' in ' '.join(settings.MIDDLEWARE))",
        ],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    assert shown.stdout.split() == ["True", "True"]


@REQUIRED
@pytest.mark.parametrize("role", ["administrator", "workforce_lead"])
def test_administrators_and_leads_are_sent_to_set_it_up(
    role: str, client: Client, council: factories.Council
) -> None:
    assert _password(client, council.users[role].username).status_code == 302
    refused = client.get(reverse("person-list"))
    assert refused.status_code == 302 and refused["Location"] == reverse("mfa_activate_totp")
    assert client.get(reverse("mfa_activate_totp")).status_code == 200


@REQUIRED
@pytest.mark.parametrize(
    "role", ["service_manager", "team_manager", "practitioner", "scrutiny_member"]
)
def test_other_roles_may_use_it_but_need_not(
    role: str, client: Client, council: factories.Council
) -> None:
    _password(client, council.users[role].username)
    assert client.get("/").status_code == 200


@REQUIRED
def test_a_lead_sets_it_up_then_signs_in_with_a_code(
    client: Client, council: factories.Council
) -> None:
    username = council.users["workforce_lead"].username
    _password(client, username)
    secret = _set_up(client)
    codes_page = client.get(reverse("mfa_view_recovery_codes")).content.decode()
    recovery = Authenticator.objects.get(type="recovery_codes").wrap().get_unused_codes()
    assert len(recovery) == 10 and recovery[0] in codes_page
    assert client.get("/").status_code == 200
    client.post(reverse("sign-out"))

    step = _password(client, username)
    assert step.status_code == 302 and step["Location"] == reverse("mfa_authenticate")
    assert client.get("/").status_code == 302  # not signed in until the code is given
    wrong = client.post(reverse("mfa_authenticate"), {"code": "000000"})
    assert "The code is not right" in wrong.content.decode()
    right = client.post(reverse("mfa_authenticate"), {"code": _code(secret)})
    assert right.status_code == 302 and client.get("/").status_code == 200


@REQUIRED
def test_a_recovery_code_works_once(client: Client, council: factories.Council) -> None:
    username = council.users["administrator"].username
    _password(client, username)
    _set_up(client)
    code = Authenticator.objects.get(type="recovery_codes").wrap().get_unused_codes()[0]
    client.post(reverse("sign-out"))
    _password(client, username)
    assert client.post(reverse("mfa_authenticate"), {"code": code}).status_code == 302
    client.post(reverse("sign-out"))
    _password(client, username)
    again = client.post(reverse("mfa_authenticate"), {"code": code})
    assert again.status_code == 200 and client.get("/").status_code == 302


@REQUIRED
def test_a_lead_cannot_remove_the_authenticator_app(
    client: Client, council: factories.Council
) -> None:
    _password(client, council.users["workforce_lead"].username)
    _set_up(client)
    refused = client.post(reverse("mfa_deactivate_totp"))
    assert "must keep an authenticator app" in refused.content.decode()
    assert Authenticator.objects.filter(type="totp").exists()
