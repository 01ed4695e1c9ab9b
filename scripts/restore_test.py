"""Back up the demo with pg_dump, restore it into a fresh database, and compare the two.

Run by `make restore-test` on the throwaway PostgreSQL cluster (scripts/throwaway-postgres),
whose DATABASE_URL names a server where this script may create databases. It is the restore
test of docs/backups.md: row counts of every table, then figures computed from each database
(the DfE measures and a survey's results), must be identical.
"""

import glob
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit

import psycopg
from psycopg import sql

ROOT = Path(__file__).resolve().parent.parent
CLI = str(Path(sys.executable).parent / "workforce-health")


def _pg_tool(name: str) -> str:
    found = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))
    return found[-1] if found else name


def _url(base: str, database: str) -> str:
    parts = urlsplit(base)
    return parts._replace(path=f"/{database}").geturl()


def _server(base: str) -> list[str]:
    parts = urlsplit(base)
    return [
        "-h",
        parts.hostname or "127.0.0.1",
        "-p",
        str(parts.port or 5432),
        "-U",
        parts.username or "postgres",
    ]


def _run(*command: str, database_url: str | None = None) -> str:
    env = dict(os.environ)
    if database_url:
        env["DATABASE_URL"] = database_url
    done = subprocess.run(command, env=env, capture_output=True, text=True, cwd=ROOT)
    if done.returncode != 0:
        sys.exit(f"{' '.join(command)} failed:\n{done.stderr[-3000:]}")
    return done.stdout


def _create(base: str, database: str) -> str:
    with psycopg.connect(_url(base, "postgres"), autocommit=True) as connection:
        name = sql.Identifier(database)
        connection.execute(sql.SQL("DROP DATABASE IF EXISTS {}").format(name))
        connection.execute(sql.SQL("CREATE DATABASE {}").format(name))
    return _url(base, database)


def _drop(base: str, *databases: str) -> None:
    with psycopg.connect(_url(base, "postgres"), autocommit=True) as connection:
        for database in databases:
            connection.execute(sql.SQL("DROP DATABASE {}").format(sql.Identifier(database)))


def _row_counts(url: str) -> dict[str, int]:
    with psycopg.connect(url) as connection:
        tables = [
            row[0]
            for row in connection.execute(
                "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename"
            )
        ]
        count = sql.SQL("SELECT count(*) FROM {}")
        return {
            table: connection.execute(count.format(sql.Identifier(table))).fetchone()[0]  # type: ignore[index]
            for table in tables
        }


def _figures(url: str) -> dict[str, str]:
    with psycopg.connect(url) as connection:
        wave = connection.execute(
            "SELECT slug FROM surveys_wave WHERE status = 'closed' AND purpose = 'health_check' "
            "ORDER BY slug LIMIT 1"
        ).fetchone()
    assert wave, "the demo has no closed survey"
    return {
        "DfE measures 2025": _run(
            CLI,
            "measures",
            "--organisation",
            "990",
            "--year",
            "2025",
            "--format",
            "csv",
            database_url=url,
        ),
        f"survey results {wave[0]}": _run(
            CLI, "survey", "results", "--wave", wave[0], "--format", "json", database_url=url
        ),
    }


def main() -> None:
    base = os.environ.get("DATABASE_URL", "")
    if not base.startswith("postgres") or not os.environ.get("PGTHROWAWAY_DIR"):
        sys.exit("Run on the throwaway PostgreSQL (make restore-test): it creates databases.")
    started = time.monotonic()
    source = _create(base, "restore_source")
    _run(CLI, "migrate", "--no-input", database_url=source)
    _run(CLI, "demo", database_url=source)
    loaded = time.monotonic()
    with tempfile.TemporaryDirectory() as folder:
        dump = Path(folder) / "workforce-health.dump"
        _run(
            _pg_tool("pg_dump"),
            *_server(base),
            "--format=custom",
            "--file",
            str(dump),
            "restore_source",
        )
        restored = _create(base, "restore_target")
        _run(
            _pg_tool("pg_restore"),
            *_server(base),
            "--no-owner",
            "--exit-on-error",
            "--dbname",
            "restore_target",
            str(dump),
        )
        size = dump.stat().st_size
    counts, again = _row_counts(source), _row_counts(restored)
    if counts != again:
        differ = sorted(t for t in set(counts) | set(again) if counts.get(t) != again.get(t))
        sys.exit(f"Row counts differ after the restore: {', '.join(differ)}")
    figures, refigured = _figures(source), _figures(restored)
    for name, text in figures.items():
        if refigured[name] != text:
            sys.exit(f"{name} differ after the restore")
    _drop(base, "restore_source", "restore_target")
    print(
        f"Restore test passed: {len(counts)} tables, {sum(counts.values())} rows and "
        f"{len(figures)} sets of figures identical after pg_dump ({size / 1e6:.1f} MB) and "
        f"pg_restore; demo loaded in {loaded - started:.0f} s, dump, restore and checks in "
        f"{time.monotonic() - loaded:.0f} s."
    )


if __name__ == "__main__":
    main()
