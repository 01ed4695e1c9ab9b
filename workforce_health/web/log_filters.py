"""Logging filters for the service's own log lines (config/settings/base.py LOGGING)."""

import logging

from django.core.exceptions import PermissionDenied


class RefusalsWithoutTraceback(logging.Filter):
    """A 403 is the service working as meant: log Django's one line ("Forbidden (Permission
    denied): /path"), not a traceback that buries the rest of the terminal."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.exc_info and isinstance(record.exc_info[1], PermissionDenied):
            record.exc_info = None
            record.exc_text = None
        return True
