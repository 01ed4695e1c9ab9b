"""Fast, isolated settings for the test suite (DATABASE_URL still chooses the database)."""

from .base import *  # noqa: F403
from .base import STORAGES

DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Existing suites sign staff in with force_login or a password only; MFA enforcement is
# proved on by tests/signin/test_mfa.py against the base and production settings.
WORKFORCE_HEALTH_REQUIRE_MFA = False
