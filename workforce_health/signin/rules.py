"""Who may sign in how: passwords refused for SSO-only organisations, MFA for the powerful."""

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.http import HttpRequest

from workforce_health.core.models import Membership
from workforce_health.signin.models import OrganisationSignIn

# Roles that must use a second factor when they sign in with a password.
MFA_ROLES = frozenset({Membership.Role.ADMINISTRATOR, Membership.Role.WORKFORCE_LEAD})


def password_refused(user: AbstractBaseUser | AnonymousUser) -> bool:
    """True when one of the user's organisations allows only Microsoft sign-in for them.

    The organisation's named local administrator (break glass) keeps their password.
    """
    if user.pk is None:
        return False
    return (
        OrganisationSignIn.objects.filter(
            organisation__memberships__user_id=user.pk, sso_only=True, entra_enabled=True
        )
        .exclude(break_glass_user_id=user.pk)
        .exists()
    )


def signed_in_with_sso(request: HttpRequest) -> bool:
    from allauth.account.authentication import get_authentication_records

    records = get_authentication_records(request, request.user)
    return any(record.get("method") == "socialaccount" for record in records)


def mfa_required(user: AbstractBaseUser | AnonymousUser) -> bool:
    """True for administrators and workforce leads (in any organisation)."""
    if user.pk is None:
        return False
    return Membership.objects.filter(user_id=user.pk, role__in=MFA_ROLES).exists()


def has_mfa(user: AbstractBaseUser | AnonymousUser) -> bool:
    from allauth.mfa.utils import is_mfa_enabled

    return user.pk is not None and bool(is_mfa_enabled(user))
