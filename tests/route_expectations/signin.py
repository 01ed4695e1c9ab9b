"""Routes of the sign-in app (ours and the django-allauth views it routes)."""

from tests.route_expectations import (
    ALL_ROLES,
    PUBLIC,
    RECENT_SIGN_IN,
    SIGN_IN_STEP,
    Role,
)

ADMINISTRATOR = frozenset({Role.ADMINISTRATOR})
NOBODY: frozenset[str] = frozenset()


def _provider_id(council) -> str:
    from workforce_health.signin import services

    services.sign_in_settings_update(
        organisation=council.organisation,
        entra_enabled=True,
        tenant_id="11111111-2222-3333-4444-555555555555",
        client_id="66666666-7777-8888-9999-000000000000",
        secret_variable="ENTRA_SECRET_TEST",
        sso_only=False,
        break_glass_user=None,
    )
    return f"entra-{council.organisation.la_code}"


def _mapping_id(council) -> int:
    from workforce_health.signin import selectors, services

    mapping = selectors.group_mapping_list(organisation=council.organisation).first()
    mapping = mapping or services.group_mapping_create(
        organisation=council.organisation, claim_value="Workforce.Lead", role="workforce_lead"
    )
    return int(mapping.pk)


EXPECTED = {
    "sign-in": PUBLIC,
    "account_login": PUBLIC,
    "account_reauthenticate": ALL_ROLES,
    "mfa_authenticate": SIGN_IN_STEP,
    "mfa_reauthenticate": RECENT_SIGN_IN,
    "mfa_index": ALL_ROLES,
    "mfa_activate_totp": RECENT_SIGN_IN,
    "mfa_generate_recovery_codes": RECENT_SIGN_IN,
    "mfa_deactivate_totp": NOBODY,  # 404 until an authenticator app is set up
    "mfa_view_recovery_codes": NOBODY,
    "mfa_download_recovery_codes": NOBODY,
    "password-change": ALL_ROLES,
    "password-reset": PUBLIC,
    "password-reset-sent": PUBLIC,
    "password-reset-confirm": PUBLIC,
    "password-reset-complete": PUBLIC,
    "openid_connect_login": PUBLIC,
    "openid_connect_callback": PUBLIC,
    "socialaccount_login_cancelled": PUBLIC,
    "socialaccount_login_error": PUBLIC,
    "socialaccount_signup": PUBLIC,
    "sign-in-settings": ADMINISTRATOR,
    "sign-in-group-create": ADMINISTRATOR,
    "sign-in-group-remove": ADMINISTRATOR,
    "sign-in-locks": ADMINISTRATOR,
}
NOT_FOUND = {
    name: set(ALL_ROLES)
    for name in ("mfa_deactivate_totp", "mfa_view_recovery_codes", "mfa_download_recovery_codes")
}
ARGUMENTS = {
    "uidb64": lambda council: "MQ",  # with `token` (surveys.py's: never a valid reset token)
    "provider_id": _provider_id,
    "mapping_id": _mapping_id,
}
