"""An organisation that signs in only with Microsoft: passwords refused but for break glass."""

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse

from tests import factories
from tests.factories import PASSWORD
from tests.support import oidc
from workforce_health.signin import services


def _sso_only(council: factories.Council, break_glass=None):
    return services.sign_in_settings_update(
        organisation=council.organisation,
        entra_enabled=True,
        tenant_id=oidc.TENANT,
        client_id=oidc.CLIENT_ID,
        secret_variable=oidc.SECRET_VARIABLE,
        sso_only=True,
        break_glass_user=break_glass,
    )


def _password(client: Client, username: str):
    return client.post(reverse("sign-in"), {"login": username, "password": PASSWORD})


def test_passwords_are_refused_with_a_clear_message(
    client: Client, council: factories.Council
) -> None:
    _sso_only(council)
    response = _password(client, council.users["workforce_lead"].username)
    assert response.status_code == 200
    assert "use the Sign in with Microsoft button" in response.content.decode()
    assert client.get("/").status_code == 302


def test_a_wrong_password_says_nothing_about_the_organisation(
    client: Client, council: factories.Council
) -> None:
    _sso_only(council)
    response = client.post(
        reverse("sign-in"), {"login": council.users["workforce_lead"].username, "password": "x"}
    )
    page = response.content.decode()
    assert "Enter a correct username and password" in page and "Microsoft button" not in page


def test_the_break_glass_administrator_keeps_their_password(
    client: Client, council: factories.Council
) -> None:
    _sso_only(council, break_glass=council.users["administrator"])
    assert _password(client, council.users["administrator"].username).status_code == 302
    assert client.get("/").status_code == 200


def test_only_an_administrator_can_be_break_glass(council: factories.Council) -> None:
    with pytest.raises(ValidationError, match="Choose an administrator"):
        _sso_only(council, break_glass=council.users["workforce_lead"])


def test_passwords_cannot_be_turned_off_without_microsoft_sign_in(
    council: factories.Council,
) -> None:
    with pytest.raises(ValidationError, match="Turn on sign-in with Microsoft"):
        services.sign_in_settings_update(
            organisation=council.organisation,
            entra_enabled=False,
            tenant_id="",
            client_id="",
            secret_variable="",
            sso_only=True,
            break_glass_user=None,
        )


def test_other_organisations_keep_passwords(
    client: Client, council: factories.Council, other_council: factories.Council
) -> None:
    _sso_only(council)
    assert _password(client, other_council.users["workforce_lead"].username).status_code == 302


def test_the_administrator_sets_it_up_on_the_settings_page(
    client: Client, council: factories.Council
) -> None:
    client.force_login(council.users["administrator"])
    page = client.get(reverse("sign-in-settings")).content.decode()
    assert "/accounts/oidc/entra-991/login/callback/" in page
    response = client.post(
        reverse("sign-in-settings"),
        {
            "entra_enabled": "on",
            "tenant_id": oidc.TENANT.upper(),
            "client_id": oidc.CLIENT_ID,
            "secret_variable": "entra secret",
            "sso_only": "on",
        },
    )
    assert "Enter an environment variable name in capital letters" in response.content.decode()
    response = client.post(
        reverse("sign-in-settings"),
        {
            "entra_enabled": "on",
            "tenant_id": oidc.TENANT.upper(),
            "client_id": oidc.CLIENT_ID,
            "secret_variable": oidc.SECRET_VARIABLE,
            "sso_only": "",
            "break_glass_user": council.users["administrator"].pk,
        },
    )
    assert response.status_code == 302
    settings_page = client.get(reverse("sign-in-settings")).content.decode()
    assert "is not set on the server" in settings_page
    added = client.post(
        reverse("sign-in-group-create"),
        {"claim_value": oidc.MANAGERS_GROUP, "role": "team_manager"},
    )
    assert "A team manager needs the team they manage" in added.content.decode()
    added = client.post(
        reverse("sign-in-group-create"),
        {"claim_value": oidc.MANAGERS_GROUP, "role": "team_manager", "team": council.assessment.pk},
    )
    assert added.status_code == 302
    assert oidc.MANAGERS_GROUP in client.get(reverse("sign-in-settings")).content.decode()


def test_an_administrator_cannot_use_another_organisations_team(
    client: Client, council: factories.Council, other_council: factories.Council
) -> None:
    client.force_login(council.users["administrator"])
    response = client.post(
        reverse("sign-in-group-create"),
        {
            "claim_value": "Workforce.Team",
            "role": "team_manager",
            "team": other_council.assessment.pk,
        },
    )
    assert response.status_code == 200 and "Select a valid choice" in response.content.decode()


def test_another_organisations_group_cannot_be_removed(
    client: Client, council: factories.Council, other_council: factories.Council
) -> None:
    theirs = services.group_mapping_create(
        organisation=other_council.organisation,
        claim_value="<script>x</script>",
        role="practitioner",
    )
    client.force_login(council.users["administrator"])
    url = reverse("sign-in-group-remove", kwargs={"mapping_id": theirs.pk})
    assert client.get(url).status_code == 404 and client.post(url).status_code == 404
    client.force_login(other_council.users["administrator"])
    page = client.get(reverse("sign-in-settings")).content.decode()
    assert "&lt;script&gt;x&lt;/script&gt;" in page and "<script>x</script>" not in page
