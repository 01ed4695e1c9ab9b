"""Two-factor authentication for the demo's administrator and workforce lead.

Administrators and workforce leads must use an authenticator app (docs/sign-in-and-audit.md),
the demo's too. Their app is set up with this published key, so anyone trying the demo can add
it to an authenticator app, or print the current code with `workforce-health demo-code`. The
key is public: never give it to a real account.
"""

from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value
from django.contrib.auth import get_user_model

from workforce_health.core.models import Organisation
from workforce_health.signin import rules, services

DEMO_TOTP_SECRET = "NORTHMOORDEMOKEYISPUBLIC23456ABC"  # noqa: S105 (base32, public, in README)


def demo_mfa_load(*, organisation: Organisation) -> list[str]:
    """Set up the demo key for the demo's sign-ins that must use MFA; return their usernames."""
    users = get_user_model().objects.filter(
        memberships__organisation=organisation, memberships__role__in=rules.MFA_ROLES
    )
    for user in users:
        services.authenticator_app_add(user=user, secret=DEMO_TOTP_SECRET)
    return sorted(user.get_username() for user in users)


def demo_code(at: float) -> str:
    """The demo key's 6-digit code at Unix time `at` (30-second steps, as authenticator apps)."""
    return str(format_hotp_value(hotp_value(DEMO_TOTP_SECRET, int(at) // 30)))
