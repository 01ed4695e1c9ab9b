"""Writes for anonymous conversations and the lead's flag lists.

The sender's writes take no person, sign-in, session or address: the views pass only the
organisation, the recipient, the text and (if the sender chose) their name. Every write ends by
rewriting the organisation's conversations in key order (`storage`), under one lock.
"""

import datetime
import hashlib
import uuid
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from workforce_health.core.models import Membership, Organisation, Service
from workforce_health.listening import codes, flags, storage
from workforce_health.listening.models import Conversation, FlagCategory, FullTextView, Message
from workforce_health.listening.selectors.conversations import flag_categories
from workforce_health.listening.services._save import save
from workforce_health.surveys.comments import DictionaryError


def code_keys() -> list[bytes]:
    """The key codes are hashed with now, then those of the secret keys being retired."""
    secrets = [settings.SECRET_KEY, *getattr(settings, "SECRET_KEY_FALLBACKS", [])]
    return [codes.derive_key(secret) for secret in secrets]


@dataclass(frozen=True)
class Started:
    conversation: Conversation
    code: str  # shown to the sender once; never stored


def _flags_of(organisation: Organisation, text: str) -> list[str]:
    return list(flags.flags_in(text, flag_categories(organisation=organisation)))


@transaction.atomic
def conversation_start(
    *,
    organisation: Organisation,
    service: Service | None,
    body: str,
    revealed_name: str = "",
    today: datetime.date | None = None,
) -> Started:
    """A new conversation with its first message; returns it with the sender's private code.
    (`today`: the day to record; the demo's history gives earlier ones.)"""
    storage.lock_conversations(organisation.pk)
    today = today or timezone.localdate()
    code = codes.new_code()
    conversation = save(
        Conversation(
            organisation=organisation,
            service=service,
            code_hash=codes.code_hash(code, key=code_keys()[0]),
            started_on=today,
            last_message_on=today,
            revealed_name=revealed_name.strip(),
            flags=_flags_of(organisation, body),
        )
    )
    save(
        Message(
            conversation=conversation,
            position=1,
            author=Message.Author.SENDER,
            body=body.strip(),
            sent_on=today,
        )
    )
    storage.rewrite_in_key_order(organisation_id=organisation.pk)
    return Started(conversation, code)


def _locked(conversation: Conversation) -> Conversation:
    storage.lock_conversations(conversation.organisation_id)
    return Conversation.objects.select_related("service").get(pk=conversation.pk)


def _next_position(conversation: Conversation) -> int:
    last = conversation.messages.aggregate(last=Max("position"))["last"]
    return (last or 0) + 1


def _message_key(conversation: Conversation, once: uuid.UUID) -> uuid.UUID:
    """The id of the message a form sends: the same form sent twice makes the same id."""
    digest = hashlib.sha256(f"{conversation.code_hash}:{once}".encode()).digest()
    return uuid.UUID(bytes=digest[:16], version=4)


@transaction.atomic
def conversation_follow_up(
    *,
    conversation: Conversation,
    body: str,
    once: uuid.UUID | None = None,
    today: datetime.date | None = None,
) -> Message:
    """The sender writes again in their conversation (they hold its code). `once`, the form's
    one-time key: a second submission of the same form sends nothing more."""
    locked = _locked(conversation)
    key = _message_key(locked, once) if once else uuid.uuid4()
    repeated = Message.objects.filter(pk=key, conversation=locked).first()
    if repeated is not None:
        return repeated
    if locked.status == Conversation.Status.CLOSED:
        raise ValidationError(
            "The leadership has closed this conversation. To raise something new, start a "
            "new conversation."
        )
    today = today or timezone.localdate()
    message = save(
        Message(
            id=key,
            conversation=locked,
            position=_next_position(locked),
            author=Message.Author.SENDER,
            body=body.strip(),
            sent_on=today,
        )
    )
    found = _flags_of(locked.organisation, body)
    locked.flags = [*locked.flags, *(f for f in found if f not in locked.flags)]
    locked.status, locked.last_message_on = Conversation.Status.AWAITING, today
    save(locked)
    storage.rewrite_in_key_order(organisation_id=locked.organisation_id)
    return message


@transaction.atomic
def conversation_reply(
    *,
    conversation: Conversation,
    leader: Membership,
    body: str = "",
    acknowledgement: str = "",
    today: datetime.date | None = None,
) -> Message:
    """A leader's reply, or one of the set acknowledgements; signed with the leader's role."""
    locked = _locked(conversation)
    if locked.status == Conversation.Status.CLOSED:
        raise ValidationError("This conversation is closed")
    today = today or timezone.localdate()
    message = save(
        Message(
            conversation=locked,
            position=_next_position(locked),
            author=Message.Author.LEADER,
            body=body.strip(),
            acknowledgement=acknowledgement,
            sent_on=today,
            leader=leader.user,
            leader_role=leader.get_role_display(),
        )
    )
    replied = body.strip() or locked.status == Conversation.Status.REPLIED
    locked.status = Conversation.Status.REPLIED if replied else Conversation.Status.ACKNOWLEDGED
    locked.last_message_on = today
    save(locked)
    storage.rewrite_in_key_order(organisation_id=locked.organisation_id)
    return message


@transaction.atomic
def conversation_close(*, conversation: Conversation) -> Conversation:
    locked = _locked(conversation)
    locked.status = Conversation.Status.CLOSED
    save(locked)
    storage.rewrite_in_key_order(organisation_id=locked.organisation_id)
    return locked


@transaction.atomic
def full_text_view_record(*, conversation: Conversation, viewer: Membership) -> FullTextView:
    """The lead opens a flagged conversation's unredacted text: recorded (who, which day)."""
    locked = _locked(conversation)
    if not locked.flags:
        raise ValidationError("Only a flagged conversation's full text can be opened")
    view = save(
        FullTextView(
            conversation=locked,
            viewer=viewer.user,
            viewer_name=viewer.user.get_full_name() or viewer.user.get_username(),
            viewed_on=timezone.localdate(),
        )
    )
    storage.rewrite_in_key_order(organisation_id=locked.organisation_id)
    return view


@transaction.atomic
def flag_category_update(
    *, organisation: Organisation, key: str, name: str, keywords: str, guidance: str
) -> FlagCategory:
    """Change one flag category's keywords and guidance (creating the organisation's own copy
    of the packaged lists on its first change)."""
    packaged = {c.key: c for c in flags.packaged_categories()}
    current = {c.key: c for c in flag_categories(organisation=organisation)}
    if key not in current:
        raise ValidationError(f"There is no flag category {key!r}")
    words = flags.keyword_lines(keywords)
    try:
        flags.check_keywords(words)
    except DictionaryError as error:
        raise ValidationError({"keywords": str(error)}) from error
    if not FlagCategory.objects.filter(organisation=organisation).exists():
        for position, category in enumerate(current.values()):
            save(
                FlagCategory(
                    organisation=organisation,
                    key=category.key,
                    name=category.name,
                    keywords="\n".join(category.keywords),
                    guidance=category.guidance,
                    position=position,
                )
            )
    stored = FlagCategory.objects.select_for_update().get(organisation=organisation, key=key)
    stored.name = name.strip() or (packaged[key].name if key in packaged else stored.name)
    stored.keywords = "\n".join(words)
    stored.guidance = guidance.strip()
    return save(stored)
