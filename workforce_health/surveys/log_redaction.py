"""Keep respondents' tokens and paths out of every log line.

A respondent's address is `/s/<token>/...`, and SHA-256("invitation:" + token) finds the
invitation's person, so a log line with the path and its time would tie a person to the moment
they answered. Django's request and security loggers ("Not Found: /s/...", "Too Many Requests",
"Forbidden (CSRF cookie not set.)") and runserver's access log write the path. `redacting()`
adds `RedactRespondentPaths` to every handler of a LOGGING dict (and to the handlers Django
would otherwise install for its own loggers), so whatever a handler writes has
`/s/[redacted]` in place of the token. Every anonymous page's address starts with one of
`core.anonymous_paths.ANONYMOUS_PATH_PREFIXES` (the one list, shared with the session limits and
the audit trail), and each is redacted the same way. Pure: no Django imports, as settings import it.
"""

import copy
import logging
import re
from typing import Any, Final

from workforce_health.core.anonymous_paths import ANONYMOUS_PATH_PREFIXES

FILTER_NAME: Final = "redact_respondent_paths"
# The paths of anonymous pages: the part after the prefix, up to the next slash, space, quote
# or query, is a token (or would tie a log line to a respondent), and is never written.
REDACTED: Final = "[redacted]"
RESPONDENT_PATH: Final = re.compile(
    "(" + "|".join(re.escape(prefix) for prefix in ANONYMOUS_PATH_PREFIXES) + r")[^/\s\"'?#]+"
)


def redact(text: str) -> str:
    """`text` with the token of every anonymous path replaced by [redacted]."""
    return RESPONDENT_PATH.sub(lambda found: found.group(1) + REDACTED, text)


class RedactRespondentPaths(logging.Filter):
    """Rewrites a record's message (and its formatted traceback) with respondent paths redacted,
    and drops a respondent request attached to it (AdminEmailHandler would print its URL)."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if RESPONDENT_PATH.search(message):
            record.msg, record.args = redact(message), ()
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = redact(record.exc_text)
        request = getattr(record, "request", None)
        if RESPONDENT_PATH.search(str(getattr(request, "path", ""))):
            record.request = None
        return True


# Django's own handlers for its loggers (django.utils.log.DEFAULT_LOGGING), declared again here
# so that they carry the filter: handlers Django configured before these settings would not.
_DJANGO_HANDLERS: Final[dict[str, dict[str, Any]]] = {
    "django.server": {
        "level": "INFO",
        "class": "logging.StreamHandler",
        "formatter": "django.server",
    },
    "mail_admins": {
        "level": "ERROR",
        "filters": ["require_debug_false"],
        "class": "django.utils.log.AdminEmailHandler",
    },
}


def redacting(config: dict[str, Any]) -> dict[str, Any]:
    """`config` (a LOGGING dict) with the redaction filter on every handler, including runserver's
    access log ("django.server") and the administrators' error emails."""
    config = copy.deepcopy(config)
    config.setdefault("filters", {})
    config["filters"][FILTER_NAME] = {"()": f"{__name__}.RedactRespondentPaths"}
    config["filters"].setdefault(
        "require_debug_false", {"()": "django.utils.log.RequireDebugFalse"}
    )
    config.setdefault("formatters", {}).setdefault(
        "django.server",
        {
            "()": "django.utils.log.ServerFormatter",
            "format": "[{server_time}] {message}",
            "style": "{",
        },
    )
    handlers = config.setdefault("handlers", {})
    for name, handler in _DJANGO_HANDLERS.items():
        handlers.setdefault(name, copy.deepcopy(handler))
    for handler in handlers.values():
        handler["filters"] = [*handler.get("filters", []), FILTER_NAME]
    loggers = config.setdefault("loggers", {})
    # "django" propagates to the root's handlers; its own console handler (DEBUG only) would
    # write each line twice and unfiltered, so it keeps only the error emails.
    loggers.setdefault("django", {"handlers": ["mail_admins"], "level": "INFO"})
    loggers.setdefault(
        "django.server", {"handlers": ["django.server"], "level": "INFO", "propagate": False}
    )
    return config
