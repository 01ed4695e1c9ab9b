"""Settings shared by every environment. Read from environment variables, never from code."""

import os
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF

from workforce_health.surveys import log_redaction

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = Path(os.environ.get("WORKFORCE_HEALTH_VAR_DIR", BASE_DIR / "var"))

SECRET_KEY = os.environ.get("SECRET_KEY", "development-only-key-not-for-production")
DEBUG = os.environ.get("DEBUG", "1") == "1"
ALLOWED_HOSTS = [h for h in os.environ.get("ALLOWED_HOSTS", "127.0.0.1,localhost").split(",") if h]

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "workforce_health.web",
    "workforce_health.core",
    "workforce_health.demo",
    "workforce_health.staffing",
    "workforce_health.benchmarks",
    "workforce_health.census",
    "workforce_health.surveys",
    "workforce_health.results",
    "workforce_health.reports",
    # Sign-in (before allauth, so its GOV.UK templates replace allauth's) and the audit trail.
    "workforce_health.signin",
    "workforce_health.audit",
    "allauth",
    "allauth.account",
    "allauth.socialaccount",
    "allauth.socialaccount.providers.openid_connect",
    "allauth.mfa",
    "axes",
    "auditlog",
    "workforce_health.careers",
    "workforce_health.listening",
    "workforce_health.development",
    "workforce_health.assessments",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",  # above WhiteNoise: static files carry the headers too
    "workforce_health.web.middleware.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "workforce_health.signin.middleware.SessionLimitsMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "workforce_health.core.middleware.ActiveMembershipMiddleware",
    "workforce_health.signin.middleware.MfaRequiredMiddleware",
    "workforce_health.audit.middleware.AuditMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "workforce_health.core.context_processors.layout",
            ],
        },
    },
]
FORM_RENDERER = "workforce_health.web.forms.GovukFormRenderer"

(VAR_DIR / "static").mkdir(parents=True, exist_ok=True)
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{VAR_DIR / 'db.sqlite3'}"),
        conn_max_age=60,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL and IMMEDIATE transactions: concurrent readers and no "database is locked" on write.
    # secure_delete: deleted rows are overwritten, not left in free pages (surveys/anonymise.py).
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 15,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; "
        "PRAGMA secure_delete=ON;",
    }
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql" and (
    os.environ.get("DATABASE_PREPARED_STATEMENTS", "1") == "1"
):
    # Server-side binding with prepared statements: each connection plans a query it runs again
    # and again (every respondent request runs the same few) once, not on every request; this
    # halves PostgreSQL's CPU per respondent request (docs/performance.md). Django leaves them
    # off for connection poolers: set DATABASE_PREPARED_STATEMENTS=0 behind one that cannot
    # keep them (PgBouncer in transaction mode before 1.21).
    DATABASES["default"]["OPTIONS"] = {"server_side_binding": True, "prepare_threshold": 5}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]
LOGIN_URL = "sign-in"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "sign-in"
PASSWORD_RESET_TIMEOUT = 60 * 60  # a reset link works for an hour

# Sign-in (docs/sign-in-and-audit.md). The lockout backend comes first: it refuses every
# attempt for a locked account or address before a password is checked.
AUTHENTICATION_BACKENDS = [
    "workforce_health.signin.backends.LockoutBackend",
    "workforce_health.signin.backends.PasswordBackend",
]
# Reverse proxies in front of the service that append to X-Forwarded-For (core/client.py).
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))

# Sessions: signed out after SESSION_IDLE_MINUTES without a request, and SESSION_ABSOLUTE_HOURS
# after signing in whatever happens.
SESSION_IDLE_MINUTES = int(os.environ.get("SESSION_IDLE_MINUTES", "45"))
SESSION_ABSOLUTE_HOURS = int(os.environ.get("SESSION_ABSOLUTE_HOURS", "10"))
SESSION_COOKIE_AGE = SESSION_ABSOLUTE_HOURS * 60 * 60

# MFA: administrators and workforce leads who sign in with a password must use an
# authenticator app (TOTP) and get recovery codes. Only the test settings turn this off.
WORKFORCE_HEALTH_REQUIRE_MFA = True

# django-allauth: sign-in by username only, no self sign-up, TOTP and recovery codes, and
# Microsoft Entra ID through OpenID Connect with per-organisation settings in the database.
ACCOUNT_LOGIN_METHODS = {"username"}
ACCOUNT_SIGNUP_FIELDS = ["username*", "password1*"]
ACCOUNT_EMAIL_VERIFICATION = "none"
ACCOUNT_UNIQUE_EMAIL = False
ACCOUNT_SESSION_REMEMBER = False
ACCOUNT_ADAPTER = "workforce_health.signin.adapters.AccountAdapter"
ACCOUNT_FORMS = {
    "login": "workforce_health.signin.forms.SignInForm",
    "reauthenticate": "workforce_health.signin.forms.ReauthenticateForm",
}
# Throttling with back-off: by address and by account, each over several windows, so a
# guesser slows from a few tries a minute to a few an hour (then axes locks the account).
ACCOUNT_RATE_LIMITS = {
    "login": "120/m/ip",  # a council office shares one address at 9 in the morning
    "login_failed": "20/m/ip,60/h/ip,5/5m/key,10/h/key",
    "reset_password": "5/m/ip,5/h/key",
    "reauthenticate": "10/m/user",
}
SOCIALACCOUNT_ADAPTER = "workforce_health.signin.adapters.SocialAccountAdapter"
SOCIALACCOUNT_AUTO_SIGNUP = True
SOCIALACCOUNT_EMAIL_AUTHENTICATION = False
SOCIALACCOUNT_STORE_TOKENS = False
SOCIALACCOUNT_PROVIDERS = {
    "openid_connect": {"provider_class": "workforce_health.signin.entra.EntraProvider"},
}
# Each organisation's Entra ID authority; {tenant_id} is replaced by the organisation's tenant.
ENTRA_AUTHORITY = os.environ.get(
    "ENTRA_AUTHORITY", "https://login.microsoftonline.com/{tenant_id}/v2.0"
)
MFA_ADAPTER = "workforce_health.signin.adapters.MfaAdapter"
MFA_FORMS = {
    "authenticate": "workforce_health.signin.forms.MfaAuthenticateForm",
    "reauthenticate": "workforce_health.signin.forms.MfaReauthenticateForm",
    "activate_totp": "workforce_health.signin.forms.ActivateTotpForm",
}
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "Workforce Health"
MFA_RECOVERY_CODE_COUNT = 10

# django-axes: lock an account, or an address, after AXES_FAILURE_LIMIT failed sign-ins, until
# an administrator unlocks it (the "Locked sign-ins" page or `workforce-health unlock-sign-in`).
AXES_FAILURE_LIMIT = int(os.environ.get("SIGN_IN_LOCKOUT_FAILURES", "20"))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_COOLOFF_TIME = None
AXES_USERNAME_CALLABLE = "workforce_health.signin.lockout.username"
AXES_CLIENT_IP_CALLABLE = "workforce_health.signin.lockout.client_ip"
AXES_LOCKOUT_CALLABLE = "workforce_health.signin.lockout.locked_out"
AXES_RESET_ON_SUCCESS = True
AXES_ENABLE_ADMIN = False
AXES_VERBOSE = False

# The audit trail (workforce_health/audit): kept AUDIT_RETENTION_DAYS, then removed by
# `workforce-health audit-prune`.
AUDIT_RETENTION_DAYS = int(os.environ.get("AUDIT_RETENTION_DAYS", str(6 * 366)))
AUDITLOG_LOGENTRY_MODEL = "audit.AuditEntry"
# django-auditlog's own migrations create its default entry table even when the entry model is
# swapped (above); that unused table would block PostgreSQL's TRUNCATE of content types.
MIGRATION_MODULES = {"auditlog": None}
AUDITLOG_DISABLE_REMOTE_ADDR = False

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = False
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
# Where django.core.mail.backends.filebased.EmailBackend writes the emails it sends.
EMAIL_FILE_PATH = Path(os.environ.get("EMAIL_FILE_PATH", VAR_DIR / "mail"))
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "workforce-health@localhost")

SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"

# Content-Security-Policy on every response (django-csp, docs/adr/0009-django-csp.md): only this
# site's own static scripts, styles and images; no inline script or style, no plug-ins, no
# framing, forms post only here. A script injected into a page could not run, and could not
# send a respondent's address (which holds their token) anywhere.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [NONE],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF],
        "font-src": [SELF],
        "connect-src": [SELF],
        "manifest-src": [SELF],
        "form-action": [SELF],
        "base-uri": [NONE],
        "frame-ancestors": [NONE],
        "object-src": [NONE],
    }
}
# Powerful browser features, all off (workforce_health/web/middleware.py).
PERMISSIONS_POLICY: dict[str, list[str]] = {
    feature: []
    for feature in (
        "accelerometer",
        "autoplay",
        "camera",
        "display-capture",
        "encrypted-media",
        "fullscreen",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "picture-in-picture",
        "publickey-credentials-get",
        "screen-wake-lock",
        "serial",
        "usb",
        "xr-spatial-tracking",
    )
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {
        "refusals_without_traceback": {
            "()": "workforce_health.web.log_filters.RefusalsWithoutTraceback"
        }
    },
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        "weasyprint.progress": {"level": "WARNING"},  # a line per PDF step otherwise
        "axes": {"level": "ERROR"},  # workforce_health.signin logs each failure once
        "django.request": {"filters": ["refusals_without_traceback"]},  # a 403 in one line
    },
}
# No log line carries a respondent's token or path: every handler redacts /s/<token>/ (the
# request, security and runserver loggers write paths). Handlers added above get it too.
LOGGING = log_redaction.redacting(LOGGING)
