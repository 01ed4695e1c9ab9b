"""Writes for responding: a respondent's draft answers, and the anonymous response they send.
How responses are kept unlinkable to people: docs/surveys-anonymity.md."""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction
from django.utils import timezone

from workforce_health.surveys import tokens
from workforce_health.surveys.models import (
    Draft,
    Invitation,
    Response,
    SpentToken,
    Wave,
    group_values,
)
from workforce_health.surveys.services.common import clean_in_transaction


def _clean_answers(wave: Wave, answers: dict[str, str]) -> dict[str, str]:
    codes = {item.code for item in wave.questionnaire.parsed_cached().items()}
    unknown = set(answers) - codes
    if unknown:
        raise ValidationError(f"Unknown question code(s): {', '.join(sorted(unknown))}")
    return {code: str(value) for code, value in answers.items() if str(value).strip()}


def _locked_draft(key: str) -> Draft | None:
    return Draft.objects.select_for_update().filter(key=key).first()


def _draft_merge(draft: Draft, wave: Wave, answers: dict[str, str], sections_seen: int) -> Draft:
    merged = {**draft.answers, **answers}
    draft.answers = _clean_answers(wave, {k: v for k, v in merged.items() if v != ""})
    draft.sections_seen = max(draft.sections_seen, sections_seen)
    return draft


@transaction.atomic
def draft_save(*, wave: Wave, token: str, answers: dict[str, str], sections_seen: int) -> Draft:
    """Save answers in progress under the token's draft hash (merging with earlier sections).

    Two first saves at once (a double click on the first section) both find no draft to lock.
    The insert that comes second fails on the draft's unique key once the first commits; it then
    locks the first's draft and merges into it, rather than answering with a server error.
    """
    if not wave.is_accepting:
        raise ValidationError(f"{wave} is not open")
    key = tokens.token_hash(token, tokens.Purpose.DRAFT)
    draft = _locked_draft(key)
    if draft is None:
        new = _draft_merge(Draft(wave=wave, key=key), wave, answers, sections_seen)
        try:
            with transaction.atomic():
                clean_in_transaction(new)  # the insert checks the unique key
                new.save(force_insert=True)
                return new
        except IntegrityError:
            draft = Draft.objects.select_for_update().get(key=key)
    draft = clean_in_transaction(_draft_merge(draft, wave, answers, sections_seen))
    draft.save(update_fields=["answers", "sections_seen"])
    return draft


def _draft_take(key: str) -> dict[str, str] | None:
    """Delete the token's draft and return its answers (None if there is none), in one statement.

    `DELETE ... RETURNING` locks the row as `SELECT ... FOR UPDATE` would: a second submit of the
    same token waits for the first's transaction, then finds nothing to take. Written as SQL
    because the ORM has no delete that returns rows; it saves a round trip, the deletion
    collector and compiling two queries (PostgreSQL, and SQLite from 3.35).
    """
    quote = connection.ops.quote_name
    field = Draft._meta.get_field("answers")
    with connection.cursor() as cursor:
        cursor.execute(
            f"DELETE FROM {quote(Draft._meta.db_table)} WHERE {quote('key')} = %s"  # noqa: S608
            f" RETURNING {quote(str(field.column))}",
            [key],
        )
        row = cursor.fetchone()
    if row is None:
        return None
    answers = field.from_db_value(row[0], None, connection)  # type: ignore[arg-type]
    return dict(answers or {})


def _still_open(wave: Wave) -> bool:
    """Whether the wave is still open, read inside the submitting transaction after its first
    write, so that a wave's stored answers (written as it closes) hold every response it let in.
    On PostgreSQL the row is read FOR KEY SHARE: a close, which locks it FOR UPDATE, waits for
    this response to commit, or this read waits for the close and then sees it. SQLite runs one
    writing transaction at a time, and this one holds the lock from its first write."""
    quote = connection.ops.quote_name
    lock = " FOR KEY SHARE" if connection.vendor == "postgresql" else ""
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT {quote('status')} FROM {quote(Wave._meta.db_table)}"  # noqa: S608
            f" WHERE {quote('id')} = %s{lock}",
            [wave.pk],
        )
        row = cursor.fetchone()
    return row is not None and row[0] == Wave.Status.OPEN


@transaction.atomic
def _response_store(*, wave: Wave, invitation: Invitation, token: str, spent_key: str) -> bool:
    answers = _draft_take(tokens.token_hash(token, tokens.Purpose.DRAFT))
    if not answers:
        # No draft to send: either this token was used (its draft went with the response) or
        # nothing was answered (the transaction is rolled back, so an empty draft is kept). A
        # draft with answers is sent unless the marker's insert fails.
        if SpentToken.objects.filter(key=spent_key).exists():
            return False
        if not _still_open(wave):  # closing deleted the drafts it did not receive
            raise ValidationError(f"{wave} is closed, so responses can no longer be sent")
        raise ValidationError("Answer at least one question before you send your response")
    if not _still_open(wave):  # closed since the page read it: nothing is stored
        raise ValidationError(f"{wave} is closed, so responses can no longer be sent")
    clean_in_transaction(SpentToken(wave=wave, key=spent_key)).save(force_insert=True)
    response = Response(
        wave=wave,
        source=invitation.source,
        submitted_on=timezone.localdate(),
        answers=_clean_answers(wave, answers),
        **group_values(invitation),
    )
    clean_in_transaction(response).save(force_insert=True)
    return True


def response_submit(*, wave: Wave, invitation: Invitation, token: str) -> bool:
    """Store the draft as an anonymous response. False if this token was already used.

    One transaction: take the draft (deleting it returns its answers and locks it), insert the
    spent marker (unique) and the response. A retried or double-clicked submission waits for the
    draft's lock, then finds no draft and the marker, and stores nothing. Should the marker's
    insert still fail on its unique key (a draft saved again after the token was used), the
    whole transaction is rolled back.
    """
    if not wave.is_accepting:
        raise ValidationError(f"{wave} is closed, so responses can no longer be sent")
    spent_key = tokens.token_hash(token, tokens.Purpose.SPENT)
    try:
        return _response_store(wave=wave, invitation=invitation, token=token, spent_key=spent_key)
    except IntegrityError:
        if SpentToken.objects.filter(key=spent_key).exists():
            return False
        raise
