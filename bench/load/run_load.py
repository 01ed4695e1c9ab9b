"""Load test: survey submission against the real server (gunicorn + PostgreSQL) on loopback.

Run with `make bench-load`, or by hand, e.g.

    .venv/bin/python bench/load/run_load.py --scenario submit --pacing 1
    .venv/bin/python bench/load/run_load.py --scenario submit
    .venv/bin/python bench/load/run_load.py --scenario journey --run-time 300
    .venv/bin/python bench/load/run_load.py --scenario submit --pacing 1 --crash-at 30

The first is the target run: 200 respondents, each sending one final submit a second
(`--pacing 1`) on its own schedule from a random start, so 200 submissions a second are
offered. Without `--pacing` (the second) the users send the next as soon as one is answered: a
closed loop, which measures capacity, and where Little's law makes the mean latency users /
throughput. Figures: docs/performance.md, "Survey submission under load".

What one run does:

1. Starts its own PostgreSQL 15 cluster on loopback in a temporary directory (fsync and
   synchronous commit on, as in production: `scripts/throwaway-postgres` turns fsync off, which
   would flatter every commit), migrates it and collects the static files.
2. In this process, through the product's services only: an organisation, a children's service
   with teams and `--invited` staff who have sign-ins with email addresses, and an open wave.
   `invitations_send` emails each invitee a link; Django's locmem email backend keeps the emails
   in memory, and the tokens are read from them (the only place the product puts a token). The
   rest of the tokens come from `shared_link_start`, the service behind the shared link, which
   returns the token it issues. Nothing is added to the product to reveal tokens.
   For the `submit` scenario each token gets a complete saved draft (`draft_save`), as if the
   respondent had answered every section; its free-text answer carries a marker `load <n>`
   (the client's own words, not the token) so that every stored response can be matched to the
   submission it came from, and a duplicate would show as a marker stored twice.
3. Serves `config.wsgi` with gunicorn and `config.settings.production` (DEBUG off, the
   file-based cache, `CONN_MAX_AGE` 60 and prepared statements as production has them) on
   127.0.0.1: `--workers` sync workers (2 x cores + 1), `--preload`, as the README's "Running in
   production" says; then `--warm-up` page loads per worker before the measured run. The client
   sends `X-Forwarded-Proto: https` and `X-Forwarded-For`, as the TLS-terminating proxy in front of
   production would, so the production settings (SSL redirect, secure cookies, CSRF origin
   checks) stay as they are.
4. Runs locust headless (`bench/load/locustfile.py`): `--users` respondents, a fixed run time,
   CSV statistics. Every final submit is logged by the client: the token's number, whether the
   server acknowledged it (302 to the respondent's start page, which then says "Response sent")
   and how long it took. A request that fails with a connection error is retried with the same
   token until it is acknowledged.
5. With `--crash-at S`: S seconds into the run, SIGKILL the gunicorn master and every worker
   (the whole process group), wait `--down-for` seconds, start gunicorn again; the clients
   retry.
6. Verifies, against the database and over HTTP: every acknowledged submission's marker is
   stored exactly once, Response rows == SpentToken rows == distinct markers, every acknowledged
   token has its "used" marker, and submitting acknowledged tokens again is refused (redirected
   to "Response sent") without storing anything. Also double-clicks: reserved tokens whose final
   submit is sent 3 times at once must each store one response, and new tokens whose first
   section is sent twice at once must both be saved (this once answered with a server error).

Rates: "steady" counts acknowledgments in the middle 80% of the time between the first and the
last; "since start" divides all of them by the time from locust's start to the last. A journey
of 22 requests by 200 users at once finishes in waves, so for it read "since start".

Writes `summary.json`, the locust CSV files and the client log to `--out` (default: a new
directory under /tmp) and prints the summary. Stops gunicorn and PostgreSQL when it ends.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import platform
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.parse
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
BIN = Path(sys.executable).parent
PG_BIN = Path(os.environ.get("PG_BIN", "/usr/lib/postgresql/15/bin"))
LA_CODE = "992"
SLUG = "load-test"
TEXT_ITEM = "sw_comments"
TARGET_PER_SECOND = 200
TARGET_P99_MS = 500


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def run(command: list[str], **kwargs: Any) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, check=True, text=True, capture_output=True, **kwargs)  # noqa: S603


# --- PostgreSQL ---------------------------------------------------------------------------


class Postgres:
    """A throwaway cluster on loopback, with production's durability (fsync on)."""

    def __init__(self, fsync: bool) -> None:
        self.dir = Path(tempfile.mkdtemp(prefix="workforce-health-load-pg."))
        self.port = free_port()
        self.fsync = fsync
        self.root = os.getuid() == 0

    def _as_owner(self, command: list[str]) -> list[str]:
        return ["runuser", "-u", "postgres", "--", *command] if self.root else command

    def start(self) -> str:
        self.dir.chmod(0o755)
        if self.root:
            shutil.chown(self.dir, "postgres")
        data = f"{self.dir}/data"
        initdb = [str(PG_BIN / "initdb"), "-D", data, "-U", "postgres", "--auth=trust"]
        run(self._as_owner([*initdb, "--encoding=UTF8", "--locale=C.UTF-8"]))
        options = f"-h 127.0.0.1 -p {self.port} -k {self.dir} -c max_connections=200"
        if not self.fsync:
            options += " -c fsync=off -c full_page_writes=off"
        pg_ctl = [str(PG_BIN / "pg_ctl"), "-D", data, "-l", f"{self.dir}/server.log", "-w"]
        run(self._as_owner([*pg_ctl, "-o", options, "start"]))
        createdb = [str(PG_BIN / "createdb"), "-h", "127.0.0.1", "-p", str(self.port)]
        run([*createdb, "-U", "postgres", "workforce_health"])
        return f"postgres://postgres@127.0.0.1:{self.port}/workforce_health"

    def stop(self) -> None:
        subprocess.run(  # noqa: S603
            self._as_owner(
                [str(PG_BIN / "pg_ctl"), "-D", f"{self.dir}/data", "-m", "fast", "stop"]
            ),
            check=False,
            capture_output=True,
        )
        shutil.rmtree(self.dir, ignore_errors=True)

    def postmaster_pid(self) -> int:
        return int((self.dir / "data" / "postmaster.pid").read_text().split()[0])

    def version(self) -> str:
        return run([str(PG_BIN / "postgres"), "--version"]).stdout.strip()


# --- gunicorn -----------------------------------------------------------------------------


class Gunicorn:
    """gunicorn in its own process group, so that SIGKILL reaches the master and every worker."""

    def __init__(self, env: dict[str, str], args: argparse.Namespace, log: Path) -> None:
        self.env, self.args, self.log = env, args, log
        self.port = free_port()
        self.process: subprocess.Popen[bytes] | None = None
        self.kills: list[float] = []

    def command(self) -> list[str]:
        return [
            str(BIN / "gunicorn"),
            "config.wsgi:application",
            "--bind",
            f"127.0.0.1:{self.port}",
            "--workers",
            str(self.args.workers),
            "--worker-class",
            self.args.worker_class,
            "--threads",
            str(self.args.threads),
            "--backlog",
            "2048",
            "--timeout",
            "60",
            "--error-logfile",
            str(self.log),
            *(["--preload"] if self.args.preload else []),
        ]

    def start(self) -> None:
        with self.log.open("ab") as log:
            self.process = subprocess.Popen(  # noqa: S603
                self.command(),
                cwd=ROOT,
                env=self.env,
                start_new_session=True,
                stdout=log,
                stderr=log,
            )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                status, _, _ = http_request(self.port, "GET", "/accessibility/", timeout=5)
                if status:
                    return
            except OSError:
                time.sleep(0.1)
        raise RuntimeError(f"gunicorn did not answer; see {self.log}")

    def pid(self) -> int:
        assert self.process is not None
        return self.process.pid

    def kill(self) -> None:
        """SIGKILL the master and its workers: no graceful shutdown, requests cut mid-way."""
        assert self.process is not None
        os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait()
        self.kills.append(time.time())

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()


def http_request(
    port: int,
    method: str,
    path: str,
    *,
    body: dict[str, str] | None = None,
    cookie: str = "",
    timeout: float = 30,
) -> tuple[int, dict[str, str], str]:
    """One request as the proxy would forward it (HTTPS at the proxy, the client's address)."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    headers = {"X-Forwarded-Proto": "https", "X-Forwarded-For": "192.0.2.1"}
    if cookie:
        headers["Cookie"] = cookie
    data = None
    if body is not None:
        data = urllib.parse.urlencode(body)
        headers["Content-Type"] = "application/x-www-form-urlencoded"
        headers["Origin"] = f"https://127.0.0.1:{port}"
    try:
        connection.request(method, path, body=data, headers=headers)
        response = connection.getresponse()
        return response.status, dict(response.getheaders()), response.read().decode()
    finally:
        connection.close()


# --- data, through the product's services ------------------------------------------------


def complete_answers(questionnaire: Any, marker: str) -> dict[str, dict[str, str]]:
    """Valid answers to every item, by section number; the free-text answer is the marker."""
    sections: dict[str, dict[str, str]] = {}
    for number, section in enumerate(questionnaire.sections, start=1):
        answers: dict[str, str] = {}
        for index, item in enumerate(section.items):
            if item.type == "agree":
                answers[item.code] = str(1 + (number + index) % 5)
            elif item.type == "scale_0_10":
                answers[item.code] = str((number * 3 + index) % 11)
            elif item.type == "choice":
                answers[item.code] = item.options[index % len(item.options)].value
            elif item.type == "number":
                answers[item.code] = str(int(((item.min or 0) + (item.max or 0)) / 4))
            else:
                answers[item.code] = marker
        sections[str(number)] = answers
    return sections


def prepare(args: argparse.Namespace, out: Path) -> dict[str, Any]:
    """Organisation, staff, an open wave; tokens from the invitation emails and the shared link."""
    import datetime as dt
    import re as regex
    from decimal import Decimal

    from django.conf import settings
    from django.core import mail
    from django.db import connection
    from django.utils import timezone

    from workforce_health.core import services as core
    from workforce_health.core.models import Employment, Membership
    from workforce_health.surveys.groups import SOCIAL_WORK_GROUPS
    from workforce_health.surveys.models import Questionnaire
    from workforce_health.surveys.services import invitations, responding, waves

    # The load test's sign-ins are never used to sign in: a fast hasher keeps setup short. So
    # does not waiting for each setup commit to reach the disk (this session only: the server's
    # connections keep synchronous commit).
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    with connection.cursor() as cursor:
        cursor.execute("SET synchronous_commit TO off")
    started = time.monotonic()
    organisation = core.organisation_create(
        name="Loadshire Council", la_code=LA_CODE, region="West Midlands"
    )
    children = core.service_create(
        organisation=organisation, name="Children's Services", kind="children"
    )
    teams = [
        core.team_create(
            organisation=organisation, service=children, name=f"{name} Team", team_type=kind
        )
        for name, kind in [("Assessment", "assessment"), ("Safeguarding", "safeguarding")]
    ]
    for number in range(args.invited):
        person = core.person_create(
            organisation=organisation,
            given_name="Load",
            family_name=f"Respondent {number}",
            employee_number=f"L{number:06d}",
        )
        core.employment_create(
            person=person,
            team=teams[number % len(teams)],
            job_role="social_worker" if number % 4 else "senior_practitioner",
            fte=Decimal("1"),
            contract_type=Employment.ContractType.PERMANENT,
            start_date=dt.date(2015 + number % 8, 1, 5),
        )
        core.user_with_membership_create(
            username=f"load-{number}",
            password=secrets.token_urlsafe(16),
            organisation=organisation,
            role=Membership.Role.PRACTITIONER,
            email=f"load-{number}@example.org",
            person=person,
        )
    questionnaire = Questionnaire.objects.filter(
        code="social-work-health-check", organisation__isnull=True
    ).latest("version")
    today = timezone.localdate()
    wave = waves.wave_create(
        organisation=organisation,
        questionnaire=questionnaire,
        title="Load test Health Check",
        slug=SLUG,
        services=[children],
        staff_groups=list(SOCIAL_WORK_GROUPS),
        opens_on=today,
        closes_on=today + dt.timedelta(days=28),
    )
    invited = waves.wave_open(wave=wave)
    wave.refresh_from_db()
    sent, _ = invitations.invitations_send(wave=wave, base_url="https://127.0.0.1")
    found = [regex.search(r"/s/([A-Za-z0-9_-]+)/", str(m.body)) for m in mail.outbox]
    issued = [("invited", match.group(1)) for match in found if match]
    assert len(issued) == sent == invited == args.invited, (len(issued), sent, invited)
    shared = args.tokens - len(issued)
    for number in range(shared):
        group = {"service": children.name, "role_group": "", "tenure_band": ""}
        token = invitations.shared_link_start(wave=wave, access_code=wave.access_code, group=group)
        issued.append(("shared_link", token))
        if number % 2000 == 0:
            print(f"  {len(issued):,} tokens", flush=True)
    parsed = questionnaire.parsed()
    prefill = args.scenario == "submit"
    rows = []
    reserved = args.double_click
    for index, (kind, token) in enumerate(issued):
        marker = f"load {index}"
        answers = complete_answers(parsed, marker)
        if prefill or index < reserved:
            merged = {code: value for part in answers.values() for code, value in part.items()}
            responding.draft_save(wave=wave, token=token, answers=merged, sections_seen=9)
        rows.append({"i": index, "token": token, "kind": kind, "marker": marker})
        if prefill and index % 2000 == 0:
            print(f"  {index:,} drafts saved", flush=True)
    # The first `reserved` tokens are kept back for the double-click check after the run.
    with (out / "tokens.jsonl").open("w") as handle:
        for row in rows[reserved:]:
            handle.write(json.dumps(row) + "\n")
    (out / "answers.json").write_text(json.dumps(complete_answers(parsed, "{marker}")))
    return {
        "wave_id": wave.pk,
        "tokens": len(rows),
        "invited_by_email": len([r for r in rows if r["kind"] == "invited"]),
        "shared_link": len([r for r in rows if r["kind"] == "shared_link"]),
        "reserved_for_double_click": rows[:reserved],
        "prefilled_drafts": prefill,
        "setup_seconds": round(time.monotonic() - started, 1),
    }


# --- locust -------------------------------------------------------------------------------


def tree_cpu_seconds(pid: int) -> float:
    """CPU time of a process and its direct children, live or exited (gunicorn's workers,
    PostgreSQL's backends)."""
    tick = os.sysconf("SC_CLK_TCK")

    def own(stat: list[str]) -> int:  # utime, stime, cutime, cstime
        return sum(int(value) for value in stat[11:15])

    total = 0
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            text = (entry / "stat").read_text()
        except OSError:
            continue
        stat = text[text.rindex(")") + 2 :].split()  # fields after the command name
        if int(entry.name) == pid or int(stat[1]) == pid:
            total += own(stat)
    return total / tick


def children_cpu_seconds() -> float:
    import resource

    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run_locust(
    args: argparse.Namespace,
    server: Gunicorn,
    postgres: Postgres,
    out: Path,
    env: dict[str, str],
) -> dict[str, Any]:
    locust_env = {
        **env,
        "LOAD_TOKENS": str(out / "tokens.jsonl"),
        "LOAD_ANSWERS": str(out / "answers.json"),
        "LOAD_OUTCOMES": str(out / "outcomes.jsonl"),
        "LOAD_SCENARIO": args.scenario,
        "LOAD_PACING": str(args.pacing),
        "LOAD_RETRY_SECONDS": str(args.retry_for),
    }
    command = [
        str(BIN / "locust"),
        "-f",
        str(HERE / "locustfile.py"),
        "--headless",
        "--host",
        f"http://127.0.0.1:{server.port}",
        "--users",
        str(args.users),
        "--spawn-rate",
        str(args.spawn_rate),
        "--run-time",
        f"{args.run_time}s",
        "--stop-timeout",
        f"{int(args.retry_for) + 10}s",
        "--csv",
        str(out / "locust"),
        "--csv-full-history",
        "--only-summary",
        "--loglevel",
        "WARNING",
    ]
    if args.locust_processes > 1:
        command += ["--processes", str(args.locust_processes)]
    started = time.time()
    cpu_before = {
        "gunicorn": tree_cpu_seconds(server.pid()),
        "postgres": tree_cpu_seconds(postgres.postmaster_pid()),
        "locust": children_cpu_seconds(),
    }
    with (out / "locust.log").open("w") as log:
        locust = subprocess.Popen(command, cwd=ROOT, env=locust_env, stdout=log, stderr=log)  # noqa: S603
        load_samples: list[float] = []
        crash: dict[str, Any] = {}
        while locust.poll() is None:
            time.sleep(1)
            load_samples.append(os.getloadavg()[0])
            if args.crash_at and not crash and time.time() - started >= args.crash_at:
                server.kill()
                crash["killed_at"] = time.time() - started
                time.sleep(args.down_for)
                crash["restarted_at"] = time.time() - started
                server.start()  # returns once a probe is answered, behind the queued retries
                crash["probe_answered_at"] = time.time() - started
    cpu = {
        "gunicorn": tree_cpu_seconds(server.pid()) - cpu_before["gunicorn"],
        "postgres": tree_cpu_seconds(postgres.postmaster_pid()) - cpu_before["postgres"],
        "locust": children_cpu_seconds() - cpu_before["locust"],
    }
    return {
        "cpu_seconds": {k: round(v, 1) for k, v in cpu.items()} if not crash else None,
        "started": started,
        "wall_seconds": round(time.time() - started, 1),
        "locust_exit": locust.returncode,
        "load_average_max": max(load_samples, default=0.0),
        "load_average_mean": round(sum(load_samples) / max(len(load_samples), 1), 2),
        "crash": crash,
    }


# --- results ------------------------------------------------------------------------------


def warm_up(port: int, prepared: dict[str, Any], args: argparse.Namespace) -> dict[str, Any]:
    """Before the measured run, `--warm-up` page loads per worker, as many at once as there are
    workers, so that each worker has its database connection and compiled templates, as a
    server that has been running has. (A cold start is what the crash test measures.) The
    pages are GETs of tokens kept back for the double-click check: nothing is stored."""
    reserved = prepared["reserved_for_double_click"]
    count = args.warm_up * args.workers
    if not reserved or not count:
        return {"requests": 0}
    paths = [
        f"/s/{reserved[n % len(reserved)]['token']}/{page}"
        for n in range(count)
        for page in ("check/", "section/1/")
    ]
    started = time.monotonic()
    with ThreadPoolExecutor(args.workers) as pool:
        statuses = Counter(pool.map(lambda path: http_request(port, "GET", path)[0], paths))
    assert set(statuses) == {200}, statuses
    return {"requests": len(paths), "seconds": round(time.monotonic() - started, 2)}


def percentile(values: list[float], fraction: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(fraction * len(ordered) + 0.5) - 1))]


def locust_stats(out: Path) -> list[dict[str, Any]]:
    import csv

    with (out / "locust_stats.csv").open() as handle:
        rows = list(csv.DictReader(handle))
    keep = ["Type", "Name", "Request Count", "Failure Count", "Requests/s", "50%", "95%", "99%"]
    keep += ["Average Response Time", "Max Response Time"]
    return [{key: row[key] for key in keep} for row in rows]


def client_outcomes(out: Path, ramped_at: float) -> dict[str, Any]:
    """What the client saw: acknowledged submissions, their latency and the submission rate.

    Latency is given for the whole run and, separately, for the submissions first attempted
    once every user had started and `--settle` seconds more had passed (`after_ramp`): the
    start, when 200 users fetch their first page within a second or two, is a burst of its own.
    """
    events = [json.loads(line) for line in (out / "outcomes.jsonl").open()]
    first_try = {e["i"]: e["t"] for e in events if e["e"] == "attempt"}
    after_ramp = [
        e["ms"] for e in events if e["e"] == "ack" and first_try.get(e["i"], 0) >= ramped_at
    ]
    acked = {e["i"]: e for e in events if e["e"] == "ack"}
    attempted = {e["i"] for e in events if e["e"] == "attempt"}
    gave_up = {e["i"] for e in events if e["e"] == "gave_up"} - set(acked)
    latencies = [e["ms"] for e in events if e["e"] == "ack"]
    to_ack = [e["ms_total"] for e in events if e["e"] == "ack"]
    times = sorted(e["t"] for e in acked.values())
    # The steady rate: acknowledgments between the first and last tenth of the run.
    span = times[-1] - times[0] if len(times) > 1 else 0.0
    middle = [t for t in times if times[0] + span * 0.1 <= t <= times[-1] - span * 0.1]
    steady = len(middle) / (span * 0.8) if span else 0.0
    return {
        "attempted": len(attempted),
        "acknowledged": len(acked),
        "acknowledged_after_retry": len([e for e in acked.values() if e.get("tries", 1) > 1]),
        "unacknowledged": len(attempted - set(acked)),
        "tokens_ran_out": any(e["e"] == "out_of_tokens" for e in events),
        "gave_up": len(gave_up),
        "attempts_failed": len([e for e in events if e["e"] == "error"]),
        "submissions_per_second_overall": round(len(acked) / span, 1) if span else 0.0,
        "submissions_per_second_steady": round(steady, 1),
        "final_submit_ms": {
            "p50": percentile(latencies, 0.5),
            "p95": percentile(latencies, 0.95),
            "p99": percentile(latencies, 0.99),
            "max": max(latencies, default=float("nan")),
        },
        "final_submit_ms_after_ramp": {
            "acknowledged": len(after_ramp),
            "p50": percentile(after_ramp, 0.5),
            "p95": percentile(after_ramp, 0.95),
            "p99": percentile(after_ramp, 0.99),
            "max": max(after_ramp, default=float("nan")),
        },
        "time_to_acknowledgment_ms_p99_max": [percentile(to_ack, 0.99), max(to_ack, default=0)],
        "acked_indexes": sorted(acked),
        "attempted_indexes": sorted(attempted),
    }


def csrf(port: int) -> tuple[str, str]:
    """A CSRF cookie and form token, from the shared link's start page (a page with a form)."""
    status, headers, page = http_request(port, "GET", f"/survey/{LA_CODE}/{SLUG}/")
    assert status == 200, status
    cookie = re.search(r"csrftoken=([^;]+)", headers.get("Set-Cookie", ""))
    field = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
    assert cookie and field
    return f"csrftoken={cookie.group(1)}", field.group(1)


def submit(port: int, token: str, cookie: str, form_token: str) -> tuple[int, str]:
    status, headers, _ = http_request(
        port,
        "POST",
        f"/s/{token}/check/",
        body={"csrfmiddlewaretoken": form_token},
        cookie=cookie,
    )
    return status, headers.get("Location", "")


def verify(
    port: int, prepared: dict[str, Any], outcomes: dict[str, Any], out: Path, resubmit: int
) -> dict[str, Any]:
    from workforce_health.surveys import tokens as wh_tokens
    from workforce_health.surveys.models import Draft, Response, SpentToken

    wave_id = prepared["wave_id"]
    rows = {row["i"]: row for row in map(json.loads, (out / "tokens.jsonl").open())}
    markers = Counter(
        answers.get(TEXT_ITEM)
        for answers in Response.objects.filter(wave_id=wave_id).values_list("answers", flat=True)
    )
    responses = sum(markers.values())
    spent = SpentToken.objects.filter(wave_id=wave_id).count()
    acked = [rows[i] for i in outcomes["acked_indexes"]]
    missing = [row["i"] for row in acked if markers[row["marker"]] == 0]
    duplicated = {marker: n for marker, n in markers.items() if n > 1}
    acked_keys = [wh_tokens.token_hash(r["token"], wh_tokens.Purpose.SPENT) for r in acked]
    acked_spent = sum(
        SpentToken.objects.filter(key__in=acked_keys[start : start + 5000]).count()
        for start in range(0, len(acked_keys), 5000)
    )
    stored_not_acked = [
        i
        for i in outcomes["attempted_indexes"]
        if i not in set(outcomes["acked_indexes"]) and markers[rows[i]["marker"]]
    ]
    # Submitting acknowledged tokens again, over HTTP: refused as used, nothing stored.
    cookie, form_token = csrf(port)
    again = acked[:: max(1, len(acked) // resubmit)] if acked and resubmit else []
    with ThreadPoolExecutor(16) as pool:
        answers = list(pool.map(lambda r: submit(port, r["token"], cookie, form_token), again))
    refused = [
        r
        for r, (status, location) in zip(again, answers, strict=True)
        if status == 302 and location == f"/s/{r['token']}/"
    ]
    sample_page = http_request(port, "GET", f"/s/{again[0]['token']}/")[2] if again else ""
    # Double clicks: each reserved token's final submit sent three times at once.
    reserved = prepared["reserved_for_double_click"]
    with ThreadPoolExecutor(48) as pool:
        clicks = list(
            pool.map(
                lambda r: submit(port, r["token"], cookie, form_token),
                [r for r in reserved for _ in range(3)],
            )
        )
    reserved_markers = Counter(
        answers.get(TEXT_ITEM)
        for answers in Response.objects.filter(wave_id=wave_id).values_list("answers", flat=True)
    )
    after = Response.objects.filter(wave_id=wave_id).count()
    first_saves = first_section_double_clicks(port, wave_id, cookie, form_token)
    return {
        "responses": responses,
        "spent_tokens": spent,
        "distinct_markers_stored": len(markers),
        "acknowledged": len(acked),
        "acknowledged_missing": len(missing),
        "markers_stored_more_than_once": len(duplicated),
        "acknowledged_with_spent_marker": acked_spent,
        "stored_but_not_acknowledged": len(stored_not_acked),
        "drafts_left": Draft.objects.filter(wave_id=wave_id).count(),
        "resubmitted_acknowledged": len(again),
        "resubmissions_refused_as_used": len(refused),
        "resubmitted_page_says_sent": "Response sent" in sample_page,
        "double_click_tokens": len(reserved),
        "double_click_posts": len(clicks),
        "double_click_posts_acknowledged": len([c for c in clicks if c[0] == 302]),
        "double_click_tokens_stored_once": len(
            [r for r in reserved if reserved_markers[r["marker"]] == 1]
        ),
        "responses_after_resubmission_and_double_clicks": after,
        "responses_added_by_resubmission": after - responses - len(reserved),
        **first_saves,
    }


def first_section_double_clicks(
    port: int, wave_id: int, cookie: str, form_token: str, pairs: int = 40
) -> dict[str, Any]:
    """New tokens' first section sent twice at once: both must be saved, none may fail."""
    from workforce_health.surveys.models import Draft, Wave
    from workforce_health.surveys.services import invitations

    wave = Wave.objects.get(pk=wave_id)
    fresh = [
        invitations.shared_link_start(wave=wave, access_code=wave.access_code, group={})
        for _ in range(pairs)
    ]
    before = Draft.objects.filter(wave_id=wave_id).count()

    def post(token: str) -> int:
        status, _, _ = http_request(
            port,
            "POST",
            f"/s/{token}/section/1/",
            body={"csrfmiddlewaretoken": form_token, "sw_clear_vision": "4"},
            cookie=cookie,
        )
        return status

    with ThreadPoolExecutor(2) as pool:
        statuses = Counter(status for token in fresh for status in pool.map(post, [token, token]))
    return {
        "first_section_double_clicks": pairs,
        "first_section_double_click_statuses": dict(statuses),
        "first_section_drafts_added": Draft.objects.filter(wave_id=wave_id).count() - before,
    }


def machine() -> dict[str, Any]:
    cpu = ""
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            cpu = line.split(":", 1)[1].strip()
            break
    memory_kb = int(Path("/proc/meminfo").read_text().split()[1])
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "memory_gib": round(memory_kb / 1024 / 1024, 1),
        "os": platform.platform(),
        "python": platform.python_version(),
    }


def versions() -> dict[str, str]:
    import importlib.metadata as metadata

    return {name: metadata.version(name) for name in ("django", "gunicorn", "locust", "psycopg")}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--scenario", choices=("submit", "journey"), default="submit")
    parser.add_argument("--users", type=int, default=200)
    parser.add_argument("--spawn-rate", type=float, default=100)
    parser.add_argument("--run-time", type=int, default=60, help="seconds")
    parser.add_argument(
        "--settle", type=float, default=5.0, help="seconds after the ramp before 'after_ramp'"
    )
    parser.add_argument(
        "--pacing",
        type=float,
        default=0.0,
        help="seconds between one respondent's submissions (0: none, as fast as answered)",
    )
    parser.add_argument("--tokens", type=int, help="tokens to issue (default: from the scenario)")
    parser.add_argument("--invited", type=int, default=200, help="of them by invitation email")
    parser.add_argument("--double-click", type=int, default=100, help="tokens kept back")
    parser.add_argument("--resubmit", type=int, default=1000, help="acknowledged tokens resent")
    parser.add_argument("--workers", type=int, default=2 * (os.cpu_count() or 1) + 1)
    parser.add_argument("--worker-class", default="sync", choices=("sync", "gthread"))
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument(
        "--preload",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="gunicorn --preload: load the application once, in the master, before forking",
    )
    parser.add_argument(
        "--warm-up", type=int, default=10, help="page loads per worker before the run (0: none)"
    )
    parser.add_argument("--locust-processes", type=int, default=1)
    parser.add_argument("--crash-at", type=float, default=0.0, help="SIGKILL the server then")
    parser.add_argument("--down-for", type=float, default=2.0, help="seconds before restarting")
    parser.add_argument("--retry-for", type=float, default=60.0, help="a client's retry budget")
    parser.add_argument("--pg-fsync", choices=("on", "off"), default="on")
    parser.add_argument("--out", type=Path)
    parser.add_argument("--keep", action="store_true", help="leave the servers running")
    args = parser.parse_args()
    if args.tokens is None:
        # Issuing a token and saving its draft through the services takes 4-10 ms here: a
        # minute at the offered rate, or at about the capacity (the summary says if they ran out).
        rate = args.users / args.pacing if args.pacing else 350  # closed loop: about capacity
        args.tokens = int(rate * args.run_time * 1.05) if args.scenario == "submit" else 2_000
    args.tokens += args.double_click
    out = args.out or Path(tempfile.mkdtemp(prefix="workforce-health-load."))
    out.mkdir(parents=True, exist_ok=True)
    print(f"results in {out}", flush=True)

    signal.signal(signal.SIGTERM, lambda *_: sys.exit(1))  # still stop the servers
    postgres = Postgres(fsync=args.pg_fsync == "on")
    server: Gunicorn | None = None
    try:
        database_url = postgres.start()
        var_dir = out / "var"
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "config.settings.production",
            "SECRET_KEY": secrets.token_urlsafe(50),
            "ALLOWED_HOSTS": "127.0.0.1",
            "DATABASE_URL": database_url,
            "WORKFORCE_HEALTH_VAR_DIR": str(var_dir),
            "LOG_LEVEL": "WARNING",
        }
        os.environ.update(env)
        os.environ["EMAIL_BACKEND"] = "django.core.mail.backends.locmem.EmailBackend"
        sys.path.insert(0, str(ROOT))
        import django
        from django.core.management import call_command

        django.setup()
        call_command("migrate", verbosity=0)
        call_command("collectstatic", verbosity=0, interactive=False)
        print("setting up data through the services...", flush=True)
        prepared = prepare(args, out)
        from django.db import connection

        connection.close()
        print(f"  {prepared['tokens']:,} tokens in {prepared['setup_seconds']} s", flush=True)

        server = Gunicorn(env, args, out / "gunicorn.log")
        server.start()
        warmed = warm_up(server.port, prepared, args)
        uptime_before = Path("/proc/loadavg").read_text().split()[:3]
        print(f"load: {args.scenario}, {args.users} users, {args.run_time} s", flush=True)
        ran = run_locust(args, server, postgres, out, env)
        uptime_after = Path("/proc/loadavg").read_text().split()[:3]
        outcomes = client_outcomes(out, ran["started"] + args.users / args.spawn_rate + args.settle)
        last_ack = max(
            (e["t"] for e in map(json.loads, (out / "outcomes.jsonl").open()) if e["e"] == "ack"),
            default=ran["started"],
        )
        outcomes["submissions_per_second_since_start"] = round(
            outcomes["acknowledged"] / max(last_ack - ran["started"], 1e-9), 2
        )
        if ran["crash"]:
            killed = ran["started"] + ran["crash"]["killed_at"]
            acks = sorted(
                e["t"]
                for e in map(json.loads, (out / "outcomes.jsonl").open())
                if e["e"] == "ack" and e["t"] > killed
            )
            ran["crash"]["first_ack_after_kill_at"] = acks[0] - ran["started"] if acks else None
        checks = verify(server.port, prepared, outcomes, out, args.resubmit)
        summary = {
            "when": datetime.now(UTC).isoformat(timespec="seconds"),
            "machine": machine(),
            "versions": {**versions(), "postgresql": postgres.version()},
            "load_average_before": uptime_before,
            "load_average_after": uptime_after,
            "load_average_1min_max_during": ran["load_average_max"],
            "load_average_1min_mean_during": ran["load_average_mean"],
            "settings": {key: value for key, value in vars(args).items() if key not in ("out",)}
            | {"gunicorn": " ".join(server.command()[1:]), "pg_fsync": args.pg_fsync},
            "setup": {k: v for k, v in prepared.items() if k != "reserved_for_double_click"},
            "warm_up": warmed,
            "run": {k: v for k, v in ran.items() if k != "started"},
            "client": {
                k: v for k, v in outcomes.items() if k not in ("acked_indexes", "attempted_indexes")
            },
            "locust": locust_stats(out),
            "checks": checks,
        }
        if ran["cpu_seconds"] and outcomes["acknowledged"]:
            # CPU per submission does not depend on how busy the shared machine is, so it gives
            # the ceiling on dedicated cores (before the client's own CPU): a bound, not a run.
            server_cpu = ran["cpu_seconds"]["gunicorn"] + ran["cpu_seconds"]["postgres"]
            per = server_cpu / outcomes["acknowledged"]
            summary["cpu"] = {
                "server_cpu_ms_per_submission": round(per * 1000, 2),
                "requests_per_submission": round(
                    sum(
                        int(r["Request Count"])
                        for r in summary["locust"]
                        if r["Name"] != "Aggregated"
                    )
                    / outcomes["acknowledged"],
                    2,
                ),
                "ceiling_submissions_per_second_on_all_cores": round(
                    (os.cpu_count() or 1) / per, 1
                ),
            }
        summary["targets"] = {
            "submissions_per_second": outcomes["submissions_per_second_steady"],
            "p99_final_submit_ms": outcomes["final_submit_ms"]["p99"],
            "throughput_met": outcomes["submissions_per_second_steady"] >= TARGET_PER_SECOND,
            "p99_met": outcomes["final_submit_ms"]["p99"] < TARGET_P99_MS,
            "p99_final_submit_ms_after_ramp": outcomes["final_submit_ms_after_ramp"]["p99"],
            "p99_met_after_ramp": outcomes["final_submit_ms_after_ramp"]["p99"] < TARGET_P99_MS,
            "nothing_lost": checks["acknowledged_missing"] == 0
            and checks["acknowledged_with_spent_marker"] == checks["acknowledged"],
            "nothing_duplicated": checks["markers_stored_more_than_once"] == 0
            and checks["responses"] == checks["spent_tokens"] == checks["distinct_markers_stored"]
            and checks["responses_added_by_resubmission"] == 0
            and checks["double_click_tokens_stored_once"] == checks["double_click_tokens"],
        }
        (out / "summary.json").write_text(json.dumps(summary, indent=2))
        print(json.dumps(summary, indent=2))
        if args.keep:
            print("--keep: leaving the servers running until interrupted", flush=True)
            while True:
                time.sleep(1)
    finally:
        if server is not None:
            server.stop()
        postgres.stop()


if __name__ == "__main__":
    main()
