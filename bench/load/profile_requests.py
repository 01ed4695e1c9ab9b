"""CPU per respondent request, in-process: the WSGI application as gunicorn calls it, on PostgreSQL.

    .venv/bin/python bench/load/profile_requests.py                   # CPU ms per request
    .venv/bin/python bench/load/profile_requests.py --profile submit  # and cProfile one kind

The load test (`run_load.py`) measures the server's CPU from /proc while locust drives it; this
measures the same requests one at a time, without gunicorn, locust or a queue in the way, so two
versions of the code can be compared alternately on a shared machine (CPU time, unlike wall-clock
time, hardly depends on what else is running). Each request is built as the TLS-terminating proxy
forwards it (X-Forwarded-Proto, X-Forwarded-For, an Origin on POSTs, the CSRF cookie and field)
and handed to `config.wsgi.application` with `config.settings.production`, so every middleware,
the CSRF check and the rate limit's file cache run as in production.

Setup, as in `run_load.py` and through the product's services: its own PostgreSQL 15 cluster
(fsync on), an organisation, a wave and `--tokens` tokens with complete saved drafts (for the final
submits) and as many fresh ones (for the pages and section saves). Requests are measured in
rounds, one of each kind per round, so the kinds share the machine's conditions; the figures are
the median and the mean of the process's CPU time per request (`time.process_time`), and the
PostgreSQL backend's CPU per request (from /proc/PID/schedstat).
"""

from __future__ import annotations

import argparse
import cProfile
import io
import os
import pstats
import secrets
import statistics
import sys
import tempfile
import time
import urllib.parse
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT))

import run_load  # noqa: E402

KINDS = ("start", "section_get", "section_post", "check_get", "submit")


class Wsgi:
    """Requests to the WSGI application, as gunicorn would hand them over from the proxy."""

    def __init__(self) -> None:
        from config.wsgi import application

        self.application = application
        self.cookie = ""
        self.form_token = ""

    def __call__(
        self, method: str, path: str, data: dict[str, str] | None = None
    ) -> tuple[int, dict[str, str], bytes]:
        body = urllib.parse.urlencode(data or {}).encode() if method == "POST" else b""
        path, _, query = path.partition("?")
        environ: dict[str, Any] = {
            "REQUEST_METHOD": method,
            "SCRIPT_NAME": "",
            "PATH_INFO": path,
            "QUERY_STRING": query,
            "SERVER_NAME": "127.0.0.1",
            "SERVER_PORT": "8001",
            "SERVER_PROTOCOL": "HTTP/1.1",
            "REMOTE_ADDR": "127.0.0.1",
            "HTTP_HOST": "127.0.0.1",
            "HTTP_X_FORWARDED_PROTO": "https",
            "HTTP_X_FORWARDED_FOR": "192.0.2.7",
            "wsgi.input": io.BytesIO(body),
            "wsgi.url_scheme": "http",
            "wsgi.errors": sys.stderr,
            "wsgi.multithread": False,
            "wsgi.multiprocess": True,
            "wsgi.run_once": False,
            "wsgi.version": (1, 0),
        }
        if self.cookie:
            environ["HTTP_COOKIE"] = self.cookie
        if method == "POST":
            environ["CONTENT_TYPE"] = "application/x-www-form-urlencoded"
            environ["CONTENT_LENGTH"] = str(len(body))
            environ["HTTP_ORIGIN"] = "https://127.0.0.1"
        answer: dict[str, Any] = {}

        def start_response(status: str, headers: list[tuple[str, str]], *_: Any) -> Any:
            answer["status"] = int(status.split()[0])
            answer["headers"] = headers
            return None

        chunks = self.application(environ, start_response)
        try:
            content = b"".join(chunks)
        finally:
            getattr(chunks, "close", lambda: None)()
        headers = dict(answer["headers"])
        for name, value in answer["headers"]:
            if name.lower() == "set-cookie" and value.strip().startswith("csrftoken="):
                self.cookie = value.strip().split(";", 1)[0]
        found = run_load.re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', content)
        if found:
            self.form_token = found.group(1).decode()
        return answer["status"], headers, content


def backend_cpu(pid: int) -> float:
    """Seconds the PostgreSQL backend has run on a CPU (schedstat: nanoseconds, not ticks)."""
    return int(Path(f"/proc/{pid}/schedstat").read_text().split()[0]) / 1e9


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--tokens", type=int, default=300, help="final submits measured")
    parser.add_argument("--profile", choices=KINDS, help="cProfile this kind of request")
    parser.add_argument("--top", type=int, default=45, help="lines of the profile to print")
    parser.add_argument("--out", type=Path)
    args = parser.parse_args()
    out = args.out or Path(tempfile.mkdtemp(prefix="workforce-health-profile."))
    out.mkdir(parents=True, exist_ok=True)
    postgres = run_load.Postgres(fsync=True)
    try:
        os.environ.update(
            {
                "DJANGO_SETTINGS_MODULE": "config.settings.production",
                "SECRET_KEY": secrets.token_urlsafe(50),
                "ALLOWED_HOSTS": "127.0.0.1",
                "DATABASE_URL": postgres.start(),
                "WORKFORCE_HEALTH_VAR_DIR": str(out / "var"),
                "LOG_LEVEL": "WARNING",
                "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
            }
        )
        import django
        from django.core.management import call_command

        django.setup()
        call_command("migrate", verbosity=0)
        call_command("collectstatic", verbosity=0, interactive=False)
        setup = argparse.Namespace(
            scenario="submit", invited=20, tokens=args.tokens, double_click=0, out=out
        )
        prepared = run_load.prepare(setup, out)
        rows = [run_load.json.loads(line) for line in (out / "tokens.jsonl").open()]
        answers = run_load.json.loads((out / "answers.json").read_text())
        fresh = fresh_tokens(prepared["wave_id"], len(rows))
        from django.db import connection

        connection.close()
        measure(args, rows, fresh, answers, out)
    finally:
        postgres.stop()


def fresh_tokens(wave_id: int, count: int) -> list[str]:
    from workforce_health.surveys.models import Wave
    from workforce_health.surveys.services import invitations

    wave = Wave.objects.get(pk=wave_id)
    return [
        invitations.shared_link_start(wave=wave, access_code=wave.access_code, group={})
        for _ in range(count)
    ]


def measure(
    args: argparse.Namespace,
    rows: list[dict[str, Any]],
    fresh: list[str],
    answers: dict[str, dict[str, str]],
    out: Path,
) -> None:
    from django.db import connection

    client = Wsgi()
    # Warm up: the first requests of a process import and compile what the rest reuse.
    client("GET", f"/s/{fresh[0]}/")
    client("GET", f"/s/{fresh[0]}/section/1/")
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        backend = int(cursor.fetchone()[0])
    first_section = {
        code: value.replace("{marker}", "profile") for code, value in answers["1"].items()
    }
    cpu: dict[str, list[float]] = {kind: [] for kind in KINDS}
    database: dict[str, list[float]] = {kind: [] for kind in KINDS}
    system: dict[str, list[float]] = {kind: [] for kind in KINDS}
    profiler = cProfile.Profile(time.process_time) if args.profile else None

    def timed(
        kind: str, method: str, path: str, expect: int, data: dict[str, str] | None = None
    ) -> dict[str, str]:
        db_before = backend_cpu(backend)
        if profiler and kind == args.profile:
            profiler.enable()
        before, system_before = time.process_time(), os.times().system
        status, headers, _ = client(method, path, data)
        spent = time.process_time() - before
        system[kind].append(os.times().system - system_before)
        if profiler and kind == args.profile:
            profiler.disable()
        database[kind].append(backend_cpu(backend) - db_before)
        assert status == expect, (kind, status, headers.get("Location"))
        cpu[kind].append(spent)
        return headers

    for row, token in zip(rows[1:], fresh[1:], strict=False):
        timed("start", "GET", f"/s/{token}/", 200)
        timed("section_get", "GET", f"/s/{token}/section/1/", 200)
        form = {"csrfmiddlewaretoken": client.form_token, **first_section}
        timed("section_post", "POST", f"/s/{token}/section/1/", 302, form)
        timed("check_get", "GET", f"/s/{token}/check/", 200)
        location = timed(
            "submit",
            "POST",
            f"/s/{row['token']}/check/",
            302,
            {"csrfmiddlewaretoken": client.form_token},
        )
        assert location.get("Location") == f"/s/{row['token']}/", location
    result = {
        kind: {
            "requests": len(cpu[kind]),
            "cpu_ms_median": round(statistics.median(cpu[kind]) * 1000, 2),
            "cpu_ms_mean": round(statistics.fmean(cpu[kind]) * 1000, 2),
            "of_which_system_ms_mean": round(statistics.fmean(system[kind]) * 1000, 2),
            "postgres_cpu_ms_mean": round(statistics.fmean(database[kind]) * 1000, 2),
        }
        for kind in KINDS
    }
    result["load_average"] = list(os.getloadavg())  # type: ignore[assignment]
    (out / "cpu.json").write_text(run_load.json.dumps(result, indent=2))
    print(run_load.json.dumps(result, indent=2))
    if profiler:
        text = io.StringIO()
        stats = pstats.Stats(profiler, stream=text)
        stats.dump_stats(str(out / f"{args.profile}.pstats"))
        stats.sort_stats("cumulative").print_stats(args.top)
        stats.sort_stats("tottime").print_stats(25)
        print(text.getvalue())
    print(f"results in {out}")


if __name__ == "__main__":
    main()
