"""The audit trail: django-auditlog's entry, with the organisation it belongs to.

An entry records a change to a tracked record (registry.py) or a view of personal data
(middleware.py): who, what, which record, when and from which address. Each entry belongs to
an organisation, so an administrator sees their own organisation's trail only.
"""

import contextvars
from typing import Any

from auditlog.models import AbstractLogEntry, LogEntryManager
from django.db import models

from workforce_health.core.models import Organisation

# The signed-in user's active organisation, for changes to records that have none (users).
current_organisation_id: contextvars.ContextVar[int | None] = contextvars.ContextVar(
    "audit_organisation_id", default=None
)


def organisation_of(instance: Any) -> int | None:
    """The organisation a tracked record belongs to, directly or through its report or wave."""
    if isinstance(instance, Organisation):
        return int(instance.pk)
    for path in ("organisation_id", "report.organisation_id", "wave.organisation_id"):
        value: Any = instance
        try:
            for part in path.split("."):
                value = getattr(value, part)
        except (AttributeError, models.ObjectDoesNotExist):
            continue
        if value is not None:
            return int(value)
    return current_organisation_id.get()


class AuditEntryManager(LogEntryManager):
    def log_create(self, instance: Any, force_log: bool = False, **kwargs: Any) -> Any:
        kwargs.setdefault("organisation_id", organisation_of(instance))
        return super().log_create(instance, force_log=force_log, **kwargs)


class AuditEntry(AbstractLogEntry):
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )

    objects = AuditEntryManager()

    class Meta(AbstractLogEntry.Meta):
        indexes = [models.Index(fields=["organisation", "-timestamp"])]
