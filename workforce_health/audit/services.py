"""Writes to the audit trail: views of personal records, and pruning by age."""

import datetime
from typing import Any

from auditlog.models import LogEntry
from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.utils import timezone

from workforce_health.audit.models import AuditEntry
from workforce_health.core.models import Organisation, Person


def access_record(
    *,
    user: AbstractBaseUser,
    organisation: Organisation,
    what: str,
    address: str,
    person: Person | None = None,
    details: dict[str, Any] | None = None,
) -> AuditEntry:
    """Record that `user` saw `what`: one person's record, or a list or export of many."""
    target: Any = person or organisation
    return AuditEntry.objects.create(
        organisation=organisation,
        actor=user,
        actor_email=getattr(user, "email", "") or None,
        action=LogEntry.Action.ACCESS,
        content_type_id=_content_type_id(target),
        object_pk=str(target.pk),
        object_id=target.pk,
        object_repr=str(target),
        remote_addr=address or None,
        additional_data={"viewed": what, **(details or {})},
    )


def _content_type_id(instance: Any) -> int:
    from django.contrib.contenttypes.models import ContentType

    return int(ContentType.objects.get_for_model(instance).pk)


@transaction.atomic
def audit_prune(*, now: datetime.datetime | None = None) -> int:
    """Delete entries older than AUDIT_RETENTION_DAYS; return how many."""
    cutoff = (now or timezone.now()) - datetime.timedelta(days=settings.AUDIT_RETENTION_DAYS)
    deleted, _ = AuditEntry.objects.filter(timestamp__lt=cutoff).delete()
    return deleted
