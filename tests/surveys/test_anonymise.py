"""After a wave closes, the raw database files do not say in what order responses were sent
(issue 11, finding 2; docs/surveys-anonymity.md, "What holds when").

Twelve responses are sent in a known order, each with a marker comment (MARK-000 ... MARK-011),
and two drafts are left unsent. After closing, the database files are read as bytes, as someone
with a copy of them would: SQLite's file and its write-ahead log; PostgreSQL's heap files.
The markers must appear in neither the order of sending nor its reverse (rows are written from
a page's end), and no more often than in a clean copy of the live data: no deleted row, old row
version or unsent draft is left in the files.
"""

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import connection

from tests import factories
from tests.surveys import helpers
from workforce_health.surveys import tokens
from workforce_health.surveys.models import Draft, Response, Wave
from workforce_health.surveys.services import responding, waves

ROOT = Path(__file__).resolve().parents[2]
SENT = 12
MARKER = re.compile(rb"(MARK|DRAFT)-(\d{3})")


def send_in_order(wave: Wave) -> list[str]:
    """Send SENT responses one after another, and leave two drafts unsent. Returns the markers
    in the order sent."""
    order = []
    for n in range(SENT + 2):
        token = helpers.shared_token(wave, service="Children's Services")
        marker = f"MARK-{n:03d}" if n < SENT else f"DRAFT-{n:03d}"
        answers = {"sw_clear_vision": "4", "sw_comments": marker}
        responding.draft_save(wave=wave, token=token, answers=answers, sections_seen=1)
        if n < SENT:
            invitation = wave.invitations.get(
                token_hash=tokens.token_hash(token, tokens.Purpose.INVITATION)
            )
            assert responding.response_submit(wave=wave, invitation=invitation, token=token)
            order.append(marker)
    return order


def markers(data: bytes) -> list[str]:
    return [f"{kind.decode()}-{number.decode()}" for kind, number in MARKER.findall(data)]


def assert_order_not_kept(found: list[str], sent: list[str]) -> None:
    first_seen = list(dict.fromkeys(m for m in found if m.startswith("MARK")))
    assert sorted(first_seen) == sorted(sent), found
    assert first_seen not in (sent, sent[::-1]), "the files keep the order of sending"


SQLITE_SCRIPT = """
import json, django
django.setup()
from django.core.management import call_command
from django.db import connection
call_command("migrate", verbosity=0)
from tests import factories
from tests.surveys import helpers
from tests.surveys.test_anonymise import send_in_order
from workforce_health.surveys.services import waves
wave = helpers.open_wave(factories.council())
sent = send_in_order(wave)
waves.wave_close(wave=wave)
with connection.cursor() as cursor:
    cursor.execute("SELECT answers FROM surveys_response ORDER BY rowid")
    by_rowid = [json.loads(row[0])["sw_comments"] for row in cursor.fetchall()]
    cursor.execute("VACUUM INTO %s", [str(__import__("sys").argv[1]) + ".clean"])
connection.close()
print(json.dumps({"sent": sent, "by_rowid": by_rowid}))
"""


def test_sqlite_files_keep_no_order_after_closing(tmp_path):
    database = tmp_path / "db.sqlite3"
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    env |= {
        "DJANGO_SETTINGS_MODULE": "config.settings.test",
        "DATABASE_URL": f"sqlite:///{database}",
        "WORKFORCE_HEALTH_VAR_DIR": str(tmp_path),
    }
    run = subprocess.run(
        [sys.executable, "-c", SQLITE_SCRIPT, str(database)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert run.returncode == 0, run.stderr[-3000:]
    seen = json.loads(run.stdout.strip().splitlines()[-1])
    sent, by_rowid = seen["sent"], seen["by_rowid"]
    assert sorted(by_rowid) == sorted(sent) and by_rowid not in (sent, sent[::-1])
    wal = database.with_name(database.name + "-wal")
    raw = database.read_bytes() + (wal.read_bytes() if wal.exists() else b"")
    found, clean = markers(raw), markers(Path(str(database) + ".clean").read_bytes())
    assert_order_not_kept(found, sent)
    # No stale copy: every marker is there no more often than in a clean copy of the live data,
    # and the unsent drafts are gone.
    for marker in set(found):
        assert found.count(marker) <= clean.count(marker), (marker, found, clean)
    assert not [m for m in found if m.startswith("DRAFT")]


def _heap(table: str) -> bytes:
    with connection.cursor() as cursor:
        cursor.execute("CHECKPOINT")  # the heap as the server's buffers hold it, on disk
        cursor.execute(
            "SELECT current_setting('data_directory'), pg_relation_filepath(%s)", [table]
        )
        directory, relative = cursor.fetchone()
    path = Path(directory) / relative
    if not os.access(path, os.R_OK):
        pytest.skip(f"{path} is not readable by the tests (run them as the cluster's owner)")
    return path.read_bytes()


@pytest.mark.django_db(transaction=True)
def test_postgresql_heap_files_keep_no_order_after_closing():
    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL only (the SQLite files are read by the test above)")
    if os.environ.get("PYTEST_XDIST_WORKER"):
        # VACUUM FULL keeps row versions a transaction open elsewhere in the cluster may see,
        # and another worker's tests are such transactions: .ci/run runs this file on its own.
        pytest.skip("needs the PostgreSQL cluster to itself: run this file in one process")
    wave = helpers.open_wave(factories.council())
    sent = send_in_order(wave)
    waves.wave_close(wave=wave)  # and, on commit, VACUUM FULL
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT answers->>'sw_comments', xmin::text FROM surveys_response ORDER BY ctid"
        )
        rows = cursor.fetchall()
    by_ctid = [marker for marker, _ in rows]
    assert sorted(by_ctid) == sorted(sent) and by_ctid not in (sent, sent[::-1])
    assert len({xmin for _, xmin in rows}) == 1  # written by one transaction
    found = markers(_heap(Response._meta.db_table))
    assert_order_not_kept(found, sent)
    assert sorted(found) == sorted(sent)  # each once: no dead row version left in the file
    assert markers(_heap(Draft._meta.db_table)) == []
