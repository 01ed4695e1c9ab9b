"""Rewrite an organisation's conversations so that storage keeps no trace of sending order.

A database writes a new row after the ones before it: SQLite numbers it (its rowid) and
PostgreSQL puts it at the end of the table and stamps it with the inserting transaction's id
(`xmin`), which rises with every transaction, sign-ins included. Either would let someone with
the database line a message up with a sign-in made just before it. So every write to an
organisation's conversations ends by deleting them and inserting them again in the order of
their random keys, in the same transaction: afterwards every row has the same transaction id
and the rows lie in random order. Keys are kept, so nothing that points at a row changes.

What remains is documented in docs/listening.md ("Limits"): PostgreSQL keeps the deleted row
versions until autovacuum clears them, its write-ahead log and backups hold the history, and
the shared transaction id says when the latest write happened (not which row it was).
"""

import threading
from collections.abc import Iterator
from contextlib import contextmanager

from django.db import transaction

from workforce_health.core.models import Organisation
from workforce_health.listening.models import Conversation, FullTextView, Message

_deferred = threading.local()


@contextmanager
def one_rewrite_at_the_end(organisation_id: int) -> Iterator[None]:
    """Within one transaction, rewrite once when the block ends instead of after every write
    (for writing many conversations at once: the demo's history). Nothing is committed in
    between, so nothing ever lies in sending order outside the transaction."""
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("one_rewrite_at_the_end must run inside a transaction")
    _deferred.organisation_id = organisation_id
    try:
        yield
    finally:
        _deferred.organisation_id = None
    rewrite_in_key_order(organisation_id=organisation_id)


def lock_conversations(organisation_id: int) -> None:
    """Serialise writes to an organisation's conversations (the rewrite replaces every row, so
    a concurrent update would find its row gone). Call inside the writing transaction."""
    Organisation.objects.select_for_update().filter(pk=organisation_id).values_list("pk").get()


def rewrite_in_key_order(*, organisation_id: int) -> None:
    """Delete and insert again every conversation of the organisation, with its messages and
    the leads' full-text views, in the order of their random keys."""
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("rewrite_in_key_order must run in the writing transaction")
    if getattr(_deferred, "organisation_id", None) == organisation_id:
        return  # done once at the end of `one_rewrite_at_the_end`
    mine = {"conversation__organisation_id": organisation_id}
    conversations = list(
        Conversation.objects.filter(organisation_id=organisation_id).order_by("id")
    )
    messages = list(Message.objects.filter(**mine).order_by("id"))
    views = list(FullTextView.objects.filter(**mine).order_by("conversation_id", "id"))
    FullTextView.objects.filter(**mine).delete()
    Message.objects.filter(**mine).delete()
    Conversation.objects.filter(organisation_id=organisation_id).delete()
    Conversation.objects.bulk_create(conversations)
    Message.objects.bulk_create(messages)
    FullTextView.objects.bulk_create(views)
