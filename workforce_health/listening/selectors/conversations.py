"""Reads for anonymous conversations: by the sender's code, the leaders' inbox, the flags.

Leaders read every message redacted (staff names, email addresses and phone numbers replaced,
as survey comments are: `surveys.comments.redact`); themes are found in the redacted text with
the comment themes' dictionary (`surveys.comments.themes`). A service manager reads the
conversations addressed to their service; the workforce lead reads them all.
"""

import datetime
from dataclasses import dataclass

from django.db.models import Q, QuerySet

from workforce_health.core.models import Membership, Organisation, Service
from workforce_health.core.permissions import Capability, membership_can
from workforce_health.core.scope import Level, Scope
from workforce_health.listening import codes, flags, summary
from workforce_health.listening.models import Conversation, FlagCategory, Message
from workforce_health.surveys.comments import redact, themes
from workforce_health.surveys.comments.selectors import redaction_names, theme_dictionary

NO_THEME = "No theme found"


def flag_categories(*, organisation: Organisation) -> tuple[flags.Category, ...]:
    """The organisation's flag lists, or the packaged ones until its lead changes them."""
    stored = FlagCategory.objects.filter(organisation=organisation)
    if not stored.exists():
        return flags.packaged_categories()
    return tuple(
        flags.Category(
            key=c.key,
            name=c.name,
            keywords=flags.keyword_lines(c.keywords),
            guidance=c.guidance,
        )
        for c in stored
    )


def recipient_services(*, organisation: Organisation) -> QuerySet[Service]:
    """Services a message may be addressed to: every service of the organisation (their names
    are no secret to its staff)."""
    return Service.objects.filter(organisation=organisation).order_by("name")


def conversation_by_code(*, code: str, keys: list[bytes]) -> Conversation | None:
    """The conversation whose private code this is (under the current or a retired key)."""
    if codes.normalised(code) is None:
        return None
    hashes = [codes.code_hash(code, key=key) for key in keys]
    return (
        Conversation.objects.filter(code_hash__in=hashes)
        .select_related("organisation", "service")
        .first()
    )


def conversation_messages(*, conversation: Conversation) -> QuerySet[Message]:
    return conversation.messages.order_by("position")


def _inbox(viewer: Membership) -> QuerySet[Conversation]:
    """The conversations this viewer answers: all for the workforce lead; a service manager's
    service's; none for anyone else (the administrator counts them, never reads them)."""
    if not membership_can(viewer, Capability.REPLY_TO_CONVERSATIONS):
        return Conversation.objects.none()
    scope = Scope.of(viewer)
    return Conversation.objects.filter(scope.filter(service="service")).select_related("service")


@dataclass(frozen=True)
class InboxRow:
    conversation: Conversation
    opening: str  # the first message, redacted and shortened
    messages: int
    themes: tuple[str, ...]
    flags: tuple[flags.Category, ...]


class Redactor:
    """Redacts texts with one read of the organisation's staff names."""

    def __init__(self, organisation: Organisation) -> None:
        self.names = redaction_names(organisation=organisation)
        self.dictionary = theme_dictionary()

    def __call__(self, text: str) -> str:
        return redact(text, names=self.names.names, given_names=self.names.given_names)

    def themes(self, redacted: str) -> tuple[str, ...]:
        return tuple(themes(redacted, self.dictionary)) or (NO_THEME,)


def _shortened(text: str, most: int = 160) -> str:
    return text if len(text) <= most else text[: most - 1].rstrip() + "…"


def inbox_rows(
    *,
    viewer: Membership,
    status: str | None = None,
    theme: str | None = None,
    flagged: bool = False,
) -> list[InboxRow]:
    """The viewer's conversations, flagged first, then the latest activity (a day) first."""
    found = _inbox(viewer)
    if status == "awaiting":
        found = found.filter(status=Conversation.Status.AWAITING)
    elif status == "answered":
        found = found.filter(
            Q(status=Conversation.Status.REPLIED) | Q(status=Conversation.Status.ACKNOWLEDGED)
        )
    elif status == "closed":
        found = found.filter(status=Conversation.Status.CLOSED)
    conversations = list(found.prefetch_related("messages"))
    if not conversations:
        return []
    redactor = Redactor(viewer.organisation)
    categories = {c.key: c for c in flag_categories(organisation=viewer.organisation)}
    rows = []
    for conversation in conversations:
        messages = sorted(conversation.messages.all(), key=lambda m: m.position)
        sender_text = redactor(
            "\n".join(m.body for m in messages if m.author == Message.Author.SENDER)
        )
        found_themes = redactor.themes(sender_text)
        if theme and theme not in found_themes:
            continue
        row = InboxRow(
            conversation=conversation,
            opening=_shortened(redactor(messages[0].body)) if messages else "",
            messages=len(messages),
            themes=found_themes,
            flags=tuple(categories[f] for f in conversation.flags if f in categories),
        )
        if flagged and not row.flags:
            continue
        rows.append(row)
    rows.sort(key=lambda r: (not r.flags, -r.conversation.last_message_on.toordinal()))
    return rows


def inbox_conversation_get(*, viewer: Membership, conversation_id: str) -> Conversation | None:
    return _inbox(viewer).filter(pk=conversation_id).first()


def theme_names() -> list[str]:
    return [*theme_dictionary().names, NO_THEME]


def _summarised(scope: Scope) -> QuerySet[Conversation]:
    """Conversations counted in a summary: the organisation's (the workforce lead and the
    administrator see counts only), or a service's; never a team's (conversations are addressed
    to a service or the organisation, and a team is too small a group to count them for)."""
    if scope.level in (Level.TEAM, Level.NONE):
        return Conversation.objects.none()
    return Conversation.objects.filter(scope.filter(service="service"))


def conversation_summary(
    *, scope: Scope, until: datetime.date, months: int = 12
) -> summary.Summary:
    """Counts of the scope's conversations by month, for the `months` months to `until`."""
    wanted = summary.last_months(until.year, until.month, months)
    found = list(
        _summarised(scope)
        .filter(started_on__gte=datetime.date.fromisoformat(f"{wanted[0]}-01"))
        .filter(started_on__lte=until)
        .select_related("service")
        .prefetch_related("messages")
    )
    categories = flag_categories(organisation=scope.organisation)
    names = {c.key: c.name for c in categories}
    redactor = Redactor(scope.organisation) if found else None
    counted = []
    for conversation in found:
        assert redactor is not None
        text = "\n".join(
            m.body for m in conversation.messages.all() if m.author == Message.Author.SENDER
        )
        counted.append(
            summary.Conversation(
                month=f"{conversation.started_on:%Y-%m}",
                status=conversation.status,
                recipient=conversation.recipient,
                themes=redactor.themes(redactor(text)),
                flags=tuple(names[f] for f in conversation.flags if f in names),
            )
        )
    return summary.summarise(
        counted, months=wanted, themes=theme_names(), flags=[c.name for c in categories]
    )
