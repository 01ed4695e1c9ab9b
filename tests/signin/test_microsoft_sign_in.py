"""Microsoft Entra ID sign-in against a real OpenID Connect provider on loopback."""

from collections.abc import Iterator

import pytest
from allauth.socialaccount.models import SocialAccount
from django.contrib.auth.models import User
from django.test import Client, override_settings
from django.urls import reverse

from tests import factories
from tests.support import oidc
from workforce_health.core.models import Membership
from workforce_health.signin import selectors, services

ACCOUNTS = {
    "lead": oidc.account(groups=[oidc.LEADS_GROUP, oidc.UNMAPPED_GROUP]),
    "manager": oidc.account(groups=[oidc.MANAGERS_GROUP], preferred_username="sam@council.example"),
    "stranger": oidc.account(tenant=oidc.OTHER_TENANT, groups=[oidc.LEADS_GROUP]),
    "unmapped": oidc.account(
        groups=[oidc.UNMAPPED_GROUP], preferred_username="ali@council.example"
    ),
    "disabled-at-microsoft": oidc.account(groups=[oidc.LEADS_GROUP], disabled=True),
    "app-role": oidc.account(roles=["Workforce.Admin"], preferred_username="kim@council.example"),
}
CALLBACK = "http://testserver/accounts/oidc/entra-991/login/callback/"


@pytest.fixture(scope="module")
def provider(tmp_path_factory: pytest.TempPathFactory) -> Iterator[oidc.Provider]:
    with oidc.running_provider(tmp_path_factory.mktemp("op"), ACCOUNTS, [CALLBACK]) as running:
        yield running


@pytest.fixture
def entra(
    council: factories.Council, provider: oidc.Provider, monkeypatch
) -> Iterator[factories.Council]:
    monkeypatch.setenv(oidc.SECRET_VARIABLE, oidc.CLIENT_SECRET)
    services.sign_in_settings_update(
        organisation=council.organisation,
        entra_enabled=True,
        tenant_id=oidc.TENANT,
        client_id=oidc.CLIENT_ID,
        secret_variable=oidc.SECRET_VARIABLE,
        sso_only=False,
        break_glass_user=None,
    )
    services.group_mapping_create(
        organisation=council.organisation, claim_value=oidc.LEADS_GROUP, role="workforce_lead"
    )
    services.group_mapping_create(
        organisation=council.organisation,
        claim_value=oidc.MANAGERS_GROUP,
        role="service_manager",
        service=council.children,
    )
    services.group_mapping_create(
        organisation=council.organisation, claim_value="Workforce.Admin", role="administrator"
    )
    with override_settings(ENTRA_AUTHORITY=provider.issuer):
        yield council


def _sign_in(client: Client, provider: oidc.Provider, who: str):
    provider.sign_in_as(who)
    start = client.post(reverse("openid_connect_login", kwargs={"provider_id": "entra-991"}))
    assert start.status_code == 302 and start["Location"].startswith(provider.issuer)
    back = provider.authorize(start["Location"])
    assert back.startswith(CALLBACK)
    return client.get(oidc.callback_path(back))


def test_the_sign_in_page_offers_microsoft_for_an_organisation_that_has_it(
    client: Client, entra: factories.Council
) -> None:
    page = client.get(reverse("sign-in")).content.decode()
    assert "Sign in with Microsoft" in page and "Testshire Council" in page
    assert 'for="id_login">' in page and "Username" in page and ">Sign in</button>" in page


def test_a_new_user_signs_in_and_lands_in_their_groups_role(
    client: Client, entra: factories.Council, provider: oidc.Provider
) -> None:
    response = _sign_in(client, provider, "lead")
    assert response.status_code == 302 and response["Location"] == "/"
    claims = ACCOUNTS["lead"]["claims"]
    account = SocialAccount.objects.get()
    assert account.uid == f"{oidc.TENANT}:{claims['oid']}"  # keyed on tid and oid, not email
    membership = Membership.objects.get(user=account.user)
    assert (membership.organisation, membership.role) == (entra.organisation, "workforce_lead")
    assert not account.user.has_usable_password()
    home = client.get("/")
    assert home.status_code == 200 and "Surveys and listening" in home.content.decode()


def test_the_role_follows_the_mapping_at_each_sign_in(
    client: Client, entra: factories.Council, provider: oidc.Provider
) -> None:
    _sign_in(client, provider, "manager")
    membership = Membership.objects.get(user__username="sam@council.example")
    assert (membership.role, membership.service) == ("service_manager", entra.children)
    client.post(reverse("sign-out"))
    mapping = selectors.group_mapping_list(organisation=entra.organisation).get(
        claim_value=oidc.MANAGERS_GROUP
    )
    services.group_mapping_delete(mapping=mapping)
    services.group_mapping_create(
        organisation=entra.organisation, claim_value=oidc.MANAGERS_GROUP, role="scrutiny_member"
    )
    assert _sign_in(client, provider, "manager").status_code == 302
    membership.refresh_from_db()
    assert (membership.role, membership.service) == ("scrutiny_member", None)
    assert User.objects.filter(username__startswith="sam@").count() == 1


def test_an_app_role_maps_like_a_group(
    client: Client, entra: factories.Council, provider: oidc.Provider
) -> None:
    assert _sign_in(client, provider, "app-role").status_code == 302
    assert Membership.objects.get(user__username="kim@council.example").role == "administrator"


def test_an_account_from_another_tenant_is_refused(
    client: Client, entra: factories.Council, provider: oidc.Provider
) -> None:
    response = _sign_in(client, provider, "stranger")
    assert response.status_code == 403
    assert "belongs to a different organisation" in response.content.decode()
    assert not SocialAccount.objects.exists() and client.get("/").status_code == 302


def test_an_unmapped_group_is_refused_with_a_clear_page(
    client: Client, entra: factories.Council, provider: oidc.Provider
) -> None:
    response = _sign_in(client, provider, "unmapped")
    assert response.status_code == 403
    page = response.content.decode()
    assert "not in any group that gives access to Workforce Health at Testshire Council" in page
    assert not User.objects.filter(username="ali@council.example").exists()


def test_a_user_disabled_at_microsoft_is_refused(
    client: Client, entra: factories.Council, provider: oidc.Provider
) -> None:
    response = _sign_in(client, provider, "disabled-at-microsoft")
    assert "Sign in with Microsoft did not work" in response.content.decode()
    assert not SocialAccount.objects.exists() and client.get("/").status_code == 302


def test_a_user_switched_off_in_workforce_health_is_refused(
    client: Client, entra: factories.Council, provider: oidc.Provider
) -> None:
    _sign_in(client, provider, "lead")
    client.post(reverse("sign-out"))
    # An administrator switches the sign-in off (Django's is_active; no page for it yet).
    User.objects.filter(socialaccount__isnull=False).update(is_active=False)
    response = _sign_in(Client(), provider, "lead")
    assert response.status_code == 403
    assert "Your sign-in has been switched off" in response.content.decode()
