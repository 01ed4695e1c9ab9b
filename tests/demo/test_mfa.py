"""The demo's administrator and lead use the published demo key, as MFA requires of them."""

import time

from allauth.mfa.models import Authenticator
from django.core.management import call_command
from django.test import Client, override_settings
from django.urls import reverse

from tests import factories
from tests.factories import PASSWORD
from workforce_health.demo.mfa import DEMO_TOTP_SECRET, demo_code, demo_mfa_load


def test_the_demo_key_is_set_up_for_administrators_and_leads_only(
    council: factories.Council,
) -> None:
    assert demo_mfa_load(organisation=council.organisation) == [
        "administrator-991",
        "workforce_lead-991",
    ]
    assert Authenticator.objects.filter(type="totp").count() == 2
    demo_mfa_load(organisation=council.organisation)  # again: nothing more
    assert Authenticator.objects.filter(type="totp").count() == 2


@override_settings(WORKFORCE_HEALTH_REQUIRE_MFA=True)
def test_demo_code_signs_the_lead_in(client: Client, council: factories.Council, capsys) -> None:
    demo_mfa_load(organisation=council.organisation)
    client.post(reverse("sign-in"), {"login": "workforce_lead-991", "password": PASSWORD})
    for _ in range(2):  # twice at most: the 30 seconds may turn just after printing
        call_command("demo_code")
        printed = capsys.readouterr().out
        code = printed.split()[0]
        if code == demo_code(time.time()):
            break
    assert DEMO_TOTP_SECRET in printed
    assert client.post(reverse("mfa_authenticate"), {"code": code}).status_code == 302
    assert client.get(reverse("person-list")).status_code == 200
