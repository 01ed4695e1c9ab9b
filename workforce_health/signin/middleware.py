"""Session limits and required MFA for signed-in staff; respondent paths are left untouched."""

import time
from collections.abc import Callable

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse

from workforce_health.core.anonymous_paths import is_anonymous_path
from workforce_health.signin import rules

STARTED_KEY = "signin_started_at"
SEEN_KEY = "signin_seen_at"
MFA_CHECKED_KEY = "signin_mfa_checked"
SEEN_RESOLUTION_SECONDS = 60  # the last-seen time is written at most once a minute


class SessionLimitsMiddleware:
    """Sign out after SESSION_IDLE_MINUTES without a request, or SESSION_ABSOLUTE_HOURS in all."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if is_anonymous_path(request.path) or not request.user.is_authenticated:
            return self.get_response(request)
        now = time.time()
        session = request.session
        started = float(session.setdefault(STARTED_KEY, now))
        seen = float(session.get(SEEN_KEY, now))
        idle = now - seen > settings.SESSION_IDLE_MINUTES * 60
        expired = now - started > settings.SESSION_ABSOLUTE_HOURS * 3600
        if idle or expired:
            logout(request)
            messages.info(
                request,
                f"You were signed out after {settings.SESSION_IDLE_MINUTES} minutes without "
                "activity. Sign in again to carry on."
                if idle
                else f"You were signed out {settings.SESSION_ABSOLUTE_HOURS} hours after "
                "signing in. Sign in again to carry on.",
            )
            return redirect_to_login(request.get_full_path())
        if now - seen >= SEEN_RESOLUTION_SECONDS or SEEN_KEY not in session:
            session[SEEN_KEY] = now
        return self.get_response(request)


# Pages an administrator or lead without MFA may still reach: setting it up, and leaving.
MFA_SETUP_ROUTES = (
    "mfa_activate_totp",
    "mfa_view_recovery_codes",
    "mfa_download_recovery_codes",
    "mfa_generate_recovery_codes",
    "mfa_index",
    "account_reauthenticate",
    "mfa_reauthenticate",
    "sign-out",
)


class MfaRequiredMiddleware:
    """Administrators and workforce leads who signed in with a password must set up MFA.

    Turned off only by WORKFORCE_HEALTH_REQUIRE_MFA = False (the test settings, for the
    suites that sign in without it). Microsoft sign-ins are left to Entra ID's own MFA.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if (
            not getattr(settings, "WORKFORCE_HEALTH_REQUIRE_MFA", True)
            or is_anonymous_path(request.path)
            or request.path.startswith(settings.STATIC_URL)
            or not request.user.is_authenticated
            or request.session.get(MFA_CHECKED_KEY) == request.user.pk
        ):
            return self.get_response(request)
        if (
            rules.mfa_required(request.user)
            and not rules.has_mfa(request.user)
            and not rules.signed_in_with_sso(request)
        ):
            if request.path in {reverse(name) for name in MFA_SETUP_ROUTES}:
                return self.get_response(request)
            messages.info(
                request,
                "Administrators and workforce leads must set up an authenticator app "
                "before carrying on.",
            )
            return redirect("mfa_activate_totp")
        request.session[MFA_CHECKED_KEY] = request.user.pk
        return self.get_response(request)
