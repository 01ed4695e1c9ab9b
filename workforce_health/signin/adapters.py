"""django-allauth adapters: GOV.UK wording, the sign-in log, and Microsoft Entra ID sign-in.

Entra ID accounts are keyed on the tenant and object ids (`tid`, `oid`, see entra.py), never
on an email address. Each organisation's settings (signin.models) become an allauth app here,
built on each request from the database: nothing is kept in allauth's own SocialApp table.
"""

import logging
import time
from typing import Any

from allauth.account.adapter import DefaultAccountAdapter
from allauth.core import context
from allauth.core.exceptions import ImmediateHttpResponse
from allauth.mfa.adapter import DefaultMFAAdapter
from allauth.mfa.models import Authenticator
from allauth.socialaccount.adapter import DefaultSocialAccountAdapter
from allauth.socialaccount.models import SocialApp, SocialLogin
from django.conf import settings as django_settings
from django.contrib.auth.models import AbstractBaseUser, User
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from workforce_health.core.client import client_address
from workforce_health.signin import rules, selectors, services

logger = logging.getLogger("workforce_health.signin")


class AccountAdapter(DefaultAccountAdapter):
    error_messages = {
        **DefaultAccountAdapter.error_messages,
        "username_password_mismatch": "Enter a correct username and password. "
        "Both are case-sensitive.",
        "too_many_login_attempts": "There have been too many wrong passwords. "
        "Wait a few minutes, then try again.",
        "incorrect_password": "Enter your current password correctly",
        "enter_current_password": "Enter your current password",
        "rate_limited": "There have been too many attempts. Wait a minute, then try again.",
    }

    def is_open_for_signup(self, request: HttpRequest) -> bool:
        return False  # sign-ins are added by administrators (add-user) or by Entra ID

    def get_client_ip(self, request: HttpRequest) -> str:
        return client_address(request) or "unknown"

    def authentication_failed(self, request: HttpRequest, **credentials: Any) -> None:
        if getattr(request, "axes_locked_out", False):
            return  # lockout.locked_out says so
        # The username and address, never the password.
        logger.warning(
            "Sign-in failed: wrong username or password (username %r, address %s)",
            str(credentials.get("username", ""))[:150],
            client_address(request),
        )

    def is_reauthentication_required(self, *, app: str, **kwargs: Any) -> bool:
        """As allauth, except just after signing in: the password was typed moments ago.

        So an administrator sent to set up MFA on first sign-in is not asked for it again.
        """
        from allauth.account.app_settings import REAUTHENTICATION_TIMEOUT
        from allauth.account.authentication import get_authentication_records

        if not super().is_reauthentication_required(app=app, **kwargs):
            return False
        request = context.request
        if request is None or not request.user.is_authenticated:
            return True
        records = get_authentication_records(request, request.user)
        typed = [r["at"] for r in records if r.get("method") == "password"]
        return not typed or time.time() - typed[-1] >= REAUTHENTICATION_TIMEOUT

    def respond_user_inactive(self, request: HttpRequest, user: AbstractBaseUser) -> HttpResponse:
        return render(request, "signin/refused.html", {"reason": "inactive"}, status=403)


def refuse(request: HttpRequest, reason: str, **context: Any) -> ImmediateHttpResponse:
    logger.warning("Microsoft sign-in refused: %s (address %s)", reason, client_address(request))
    response = render(request, "signin/refused.html", {"reason": reason, **context}, status=403)
    return ImmediateHttpResponse(response)


class SocialAccountAdapter(DefaultSocialAccountAdapter):
    def list_apps(
        self, request: HttpRequest | None, provider: str | None = None, client_id: str | None = None
    ) -> list[SocialApp]:
        apps = []
        for settings in selectors.entra_settings_list():
            app = SocialApp(
                provider="openid_connect",
                provider_id=settings.provider_id,
                name=f"Microsoft ({settings.organisation.name})",
                client_id=settings.client_id,
                secret=settings.secret(),
                settings={
                    "server_url": settings.authority,
                    "fetch_userinfo": False,  # Entra's userinfo has no tid, oid or groups
                    "oauth_pkce_enabled": True,
                    "token_auth_method": "client_secret_post",
                    "scope": ["openid", "profile", "email"],
                },
            )
            if provider not in (None, app.provider, app.provider_id):
                continue
            if client_id not in (None, app.client_id):
                continue
            apps.append(app)
        return apps

    def on_authentication_error(
        self,
        request: HttpRequest,
        provider: Any,
        error: Any = None,
        exception: Any = None,
        extra_context: Any = None,
    ) -> None:
        """Cancelled at Microsoft, refused there (a disabled account) or a broken response."""
        logger.warning(
            "Microsoft sign-in failed: %s (%s, address %s)",
            error,
            type(exception).__name__ if exception else "no exception",
            client_address(request),
        )
        raise ImmediateHttpResponse(render(request, "signin/refused.html", {"reason": "failed"}))

    def pre_social_login(self, request: HttpRequest, sociallogin: SocialLogin) -> None:
        settings = selectors.entra_settings_for_provider(provider_id=sociallogin.account.provider)
        if settings is None:
            raise refuse(request, "not-set-up")
        claims = sociallogin.account.extra_data.get("id_token", {})
        if str(claims.get("tid", "")).lower() != settings.tenant_id.lower():
            raise refuse(request, "wrong-tenant", organisation=settings.organisation)
        if "groups" in (claims.get("_claim_names") or {}):
            raise refuse(request, "group-overage", organisation=settings.organisation)
        mapping = selectors.group_mapping_for_claims(
            organisation=settings.organisation,
            values=[*claims.get("groups", []), *claims.get("roles", [])],
        )
        if mapping is None:
            raise refuse(request, "unmapped", organisation=settings.organisation)
        if sociallogin.is_existing:
            user = sociallogin.user
            if not user.is_active:
                raise refuse(request, "inactive")
            services.membership_from_mapping(user=user, mapping=mapping)
        else:
            request._entra_mapping = mapping  # type: ignore[attr-defined]

    def is_open_for_signup(self, request: HttpRequest, sociallogin: SocialLogin) -> bool:
        return hasattr(request, "_entra_mapping")

    def populate_user(self, request: HttpRequest, sociallogin: SocialLogin, data: Any) -> Any:
        user = super().populate_user(request, sociallogin, data)
        # The username is only a label: the account is found by tid and oid.
        user.username = services.entra_username(
            wanted=str(data.get("username") or data.get("email") or "")
        )
        return user

    def save_user(self, request: HttpRequest, sociallogin: SocialLogin, form: Any = None) -> User:
        user: User = super().save_user(request, sociallogin, form)
        services.membership_from_mapping(
            user=user,
            mapping=request._entra_mapping,  # type: ignore[attr-defined]
        )
        return user


class MfaAdapter(DefaultMFAAdapter):
    error_messages = {
        **DefaultMFAAdapter.error_messages,
        "incorrect_code": "The code is not right: enter the 6-digit code your authenticator "
        "app shows now, or one of your recovery codes",
        "cannot_delete_authenticator": "Administrators and workforce leads must keep an "
        "authenticator app",
    }

    def can_delete_authenticator(self, authenticator: Authenticator) -> bool:
        """Administrators and workforce leads keep their authenticator app (MFA is required)."""
        if getattr(django_settings, "WORKFORCE_HEALTH_REQUIRE_MFA", True) and rules.mfa_required(
            authenticator.user
        ):
            return False
        return bool(super().can_delete_authenticator(authenticator))
