"""When a wave closes, nothing stored says in what order its responses were sent.

While a wave is open, the database's own bookkeeping follows the order of arrival: SQLite's
`rowid`, PostgreSQL's physical order (`ctid`) and transaction ids (`xmin`), and the bytes of
the database files. Combined with the group labels, that order could narrow a response down to
a person seen sending theirs. So, inside the closing transaction
(``surveys.services.waves.wave_close``):

- the wave's responses are read, shuffled (``secrets.SystemRandom``) and written again with new
  random ids in that order, all carrying the day the wave closed, in one transaction (one `xmin`);
  nothing else is kept: no old id, no day of sending;
- its "token used" markers are rewritten the same way, and drafts left unsent are deleted (with
  those of any other closed wave a late save slipped in for);

and, once that has committed, the old rows are removed from the files themselves:

- SQLite: every connection runs with ``PRAGMA secure_delete=ON`` (config/settings/base.py), so
  deleted rows are overwritten with zeros, and the write-ahead log, which still holds the pages as
  they were, is checkpointed and truncated (``wal_checkpoint(TRUNCATE)``);
- PostgreSQL: ``VACUUM FULL`` rewrites the three tables into new files holding live rows only
  (a plain VACUUM leaves dead rows' bytes in free space); it locks those tables for the moment it
  takes, so respondents of other open waves wait that long.

What this does not reach (write-ahead log segments PostgreSQL has not yet recycled, its archive
and backups taken while the wave was open): docs/surveys-anonymity.md, "What holds when".
"""

import logging
import secrets
import uuid

from django.db import connection, transaction
from django.utils import timezone

from workforce_health.surveys.models import GROUP_FIELDS, Draft, Response, SpentToken, Wave

logger = logging.getLogger(__name__)
KEPT_FIELDS = ("wave_id", "source", *GROUP_FIELDS, "answers")  # not id, not submitted_on


def wave_responses_unorder(*, wave: Wave) -> int:
    """Rewrite a closing wave's responses and markers in random order, delete drafts; then, on
    commit, purge the old rows from the database files. Returns the number of responses.
    Call inside the transaction that closes the wave (it holds the wave's lock)."""
    shuffle = secrets.SystemRandom().shuffle
    closed_on = timezone.localdate()
    _secure_delete()
    kept = list(Response.objects.filter(wave=wave).values(*KEPT_FIELDS))
    shuffle(kept)
    Response.objects.filter(wave=wave).delete()
    Response.objects.bulk_create(
        [Response(id=uuid.uuid4(), submitted_on=closed_on, **row) for row in kept], batch_size=500
    )
    keys = list(SpentToken.objects.filter(wave=wave).values_list("key", flat=True))
    shuffle(keys)
    SpentToken.objects.filter(wave=wave).delete()
    SpentToken.objects.bulk_create(
        [SpentToken(id=uuid.uuid4(), wave=wave, key=key) for key in keys], batch_size=500
    )
    Draft.objects.filter(wave__status=Wave.Status.CLOSED).delete()  # this wave's, and strays
    transaction.on_commit(purge_deleted_rows)
    return len(kept)


def _secure_delete() -> None:
    """Also set for every SQLite connection by the settings; set here for any that is not."""
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA secure_delete = ON")


def purge_deleted_rows() -> None:
    """Remove deleted rows of the response tables from the database files (outside a
    transaction). A failure is logged, not raised: the wave is closed either way, and running
    this again (or `VACUUM FULL` by hand on PostgreSQL) finishes the job."""
    tables = [model._meta.db_table for model in (Response, SpentToken, Draft)]
    quote = connection.ops.quote_name
    try:
        with connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                cursor.execute("VACUUM (FULL) " + ", ".join(quote(t) for t in tables))
            elif connection.vendor == "sqlite":
                cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)")
                busy = cursor.fetchone()
                if busy and busy[0]:
                    logger.warning("SQLite's write-ahead log could not be truncated: readers busy")
    except Exception:
        logger.exception("Deleted survey rows could not be purged from the database files")
