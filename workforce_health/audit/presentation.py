"""An audit entry as a row of plain text, for the page and the CSV alike."""

from dataclasses import dataclass

from django.utils import timezone

from workforce_health.audit.models import AuditEntry

ACTION_WORDS = {
    AuditEntry.Action.CREATE: "Added",
    AuditEntry.Action.UPDATE: "Changed",
    AuditEntry.Action.DELETE: "Deleted",
    AuditEntry.Action.ACCESS: "Viewed",
}
HEADERS = ("When", "Who", "What happened", "Type of record", "Record", "Details", "Address")
MAX_VALUE = 200


@dataclass(frozen=True)
class AuditRow:
    when: str
    who: str
    action: str
    record_type: str
    record: str
    details: str
    address: str

    def cells(self) -> tuple[str, ...]:
        return (
            self.when,
            self.who,
            self.action,
            self.record_type,
            self.record,
            self.details,
            self.address,
        )


def _short(value: object) -> str:
    text = "" if value is None else str(value)
    return text if len(text) <= MAX_VALUE else text[: MAX_VALUE - 1] + "…"


def _details(entry: AuditEntry) -> str:
    if entry.action == AuditEntry.Action.ACCESS:
        data = entry.additional_data or {}
        parts = [str(data.get("viewed", ""))]
        if data.get("query"):
            parts.append(f"search {data['query']}")
        if data.get("download"):
            parts.append("downloaded")
        return "; ".join(p for p in parts if p)
    changes = entry.changes_dict or {}
    return "; ".join(
        f"{field}: {_short(values[0])} → {_short(values[1])}"
        if isinstance(values, list) and len(values) == 2
        else f"{field} changed"
        for field, values in sorted(changes.items())
    )


def audit_row(entry: AuditEntry) -> AuditRow:
    model = entry.content_type.model_class() if entry.content_type_id else None
    record_type = str(model._meta.verbose_name).capitalize() if model else ""
    if entry.actor is not None:
        who = entry.actor.get_username()
    else:
        who = "command line or system"
    return AuditRow(
        when=timezone.localtime(entry.timestamp).strftime("%Y-%m-%d %H:%M:%S"),
        who=who,
        action=ACTION_WORDS.get(entry.action, str(entry.action)),
        record_type=record_type,
        record=entry.object_repr,
        details=_details(entry),
        address=entry.remote_addr or "",
    )
