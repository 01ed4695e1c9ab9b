"""The strict CSP lets the Microsoft sign-in forms go on to the identity provider, and only them."""

from django.test import Client
from django.urls import reverse

from tests import factories
from workforce_health.signin import services


def _form_action(response) -> str:
    policy = response["Content-Security-Policy"]
    return next(part.strip() for part in policy.split(";") if "form-action" in part)


def test_the_sign_in_page_allows_only_this_site_without_microsoft(council: factories.Council):
    assert _form_action(Client().get(reverse("sign-in"))) == "form-action 'self'"


def test_with_microsoft_sign_in_its_forms_may_reach_the_identity_provider(
    council: factories.Council, settings
):
    settings.ENTRA_AUTHORITY = "https://login.microsoftonline.com/{tenant_id}/v2.0"
    services.sign_in_settings_update(
        organisation=council.organisation,
        entra_enabled=True,
        tenant_id="00000000-0000-0000-0000-000000000001",
        client_id="72f988bf-86f1-41af-91ab-2d7cd011db47",
        secret_variable="ENTRA_SECRET",
        sso_only=False,
        break_glass_user=None,
    )
    sign_in = Client().get(reverse("sign-in"))
    assert "Sign in with Microsoft" in sign_in.content.decode()
    assert _form_action(sign_in) == "form-action 'self' https://login.microsoftonline.com"
    # Other pages keep forms to this site only.
    assert _form_action(Client().get(reverse("password-reset"))) == "form-action 'self'"
