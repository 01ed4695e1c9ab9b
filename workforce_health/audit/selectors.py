"""Reads of the audit trail: one organisation's entries, filtered."""

import datetime
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q, QuerySet

from workforce_health.audit.models import AuditEntry
from workforce_health.audit.registry import TRACKED
from workforce_health.core.models import Membership


@dataclass(frozen=True)
class AuditFilters:
    who: str = ""  # part of a username or email
    action: int | None = None  # AuditEntry.Action
    record_type: str = ""  # "core.person" (app_label.model)
    record: str = ""  # part of the record's name, or its id
    date_from: datetime.date | None = None
    date_to: datetime.date | None = None


def record_type_choices() -> list[tuple[str, str]]:
    labels = [*TRACKED, "core.Organisation"]
    choices = {}
    for label in labels:
        app_label, model = label.split(".")
        content_type = ContentType.objects.get_by_natural_key(app_label, model.lower())
        model_class = content_type.model_class()
        name = model_class._meta.verbose_name if model_class else model
        choices[f"{app_label}.{model.lower()}"] = str(name).capitalize()
    return sorted(choices.items(), key=lambda item: item[1])


def audit_entry_list(*, viewer: Membership, filters: AuditFilters) -> QuerySet[AuditEntry]:
    """The viewer's organisation's entries, newest first."""
    entries = AuditEntry.objects.filter(organisation=viewer.organisation).select_related(
        "actor", "content_type"
    )
    if filters.who:
        entries = entries.filter(
            Q(actor__username__icontains=filters.who) | Q(actor_email__icontains=filters.who)
        )
    if filters.action is not None:
        entries = entries.filter(action=filters.action)
    if filters.record_type:
        app_label, _, model = filters.record_type.partition(".")
        entries = entries.filter(content_type__app_label=app_label, content_type__model=model)
    if filters.record:
        by_name = Q(object_repr__icontains=filters.record)
        entries = entries.filter(
            by_name | Q(object_pk=filters.record) if filters.record.isdigit() else by_name
        )
    if filters.date_from:
        entries = entries.filter(timestamp__date__gte=filters.date_from)
    if filters.date_to:
        entries = entries.filter(timestamp__date__lte=filters.date_to)
    return entries.order_by("-timestamp", "-pk")
