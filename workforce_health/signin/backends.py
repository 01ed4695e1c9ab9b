"""Authentication backends: the lockout check first, then passwords (refused for SSO-only)."""

from typing import Any

from axes.backends import AxesStandaloneBackend
from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.models import AbstractBaseUser
from django.http import HttpRequest

from workforce_health.signin import rules


class LockoutBackend(AxesStandaloneBackend):
    """django-axes' lockout check for web sign-ins.

    Checking a password without a request (a management command, a test) is not a web sign-in
    and has no client to lock out: axes would raise, so it is let through to the next backend.
    """

    def authenticate(
        self,
        request: HttpRequest | None,
        username: str | None = None,
        password: str | None = None,
        **kwargs: Any,
    ) -> None:
        if request is None:
            return None
        return super().authenticate(request, username, password, **kwargs)


class PasswordBackend(ModelBackend):
    """Django's username and password check, refusing users whose organisation is SSO-only.

    It also keeps sessions (get_user), for password and Microsoft sign-ins alike.
    """

    def authenticate(  # type: ignore[override]
        self,
        request: HttpRequest | None,
        username: str | None = None,
        password: str | None = None,
        **kwargs: Any,
    ) -> AbstractBaseUser | None:
        user = super().authenticate(request, username, password, **kwargs)
        if user is not None and rules.password_refused(user):
            return None
        return user
