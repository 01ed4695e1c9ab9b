"""No log line holds a respondent's token or path (issue 11, finding 3).

The respondent journey runs against the real development server in a subprocess, with the base
(development, DEBUG on) and production settings, and everything it writes is read: Django's
request and security loggers and runserver's access log, through a CSRF failure and 429."""

import http.client
import logging
import os
import re
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from workforce_health.surveys.log_redaction import (
    ANONYMOUS_PATH_PREFIXES,
    RedactRespondentPaths,
    redact,
)

ROOT = Path(__file__).resolve().parents[2]
UNREDACTED = re.compile(r"/s/(?!\[redacted\])")
SETUP = """
import django
django.setup()
from tests import factories
from tests.surveys import helpers
wave = helpers.open_wave(factories.council())
print(wave.organisation.la_code, wave.slug)
for _ in range(2):
    print(helpers.shared_token(wave, service="Children's Services"))
"""


def test_every_configured_handler_redacts():
    handlers = set(logging.root.handlers)
    for logger in logging.root.manager.loggerDict.values():
        handlers.update(getattr(logger, "handlers", []))
    ours = [h for h in handlers if type(h).__module__.startswith(("logging", "django"))]
    assert ours
    for handler in ours:
        if isinstance(handler, logging.NullHandler):
            continue
        assert any(isinstance(f, RedactRespondentPaths) for f in handler.filters), handler


def test_redact_keeps_the_rest_of_the_line():
    line = '"POST /s/Ab-_9xY/section/2/?x=1 HTTP/1.1" 302 0, then http://h/s/Zz/check/'
    assert redact(line) == (
        '"POST /s/[redacted]/section/2/?x=1 HTTP/1.1" 302 0, then http://h/s/[redacted]/check/'
    )


@pytest.mark.parametrize("prefix", ANONYMOUS_PATH_PREFIXES)
def test_every_anonymous_path_prefix_is_redacted(prefix):
    assert redact(f"Not Found: {prefix}secret-Token_1/next/") == (
        f"Not Found: {prefix}[redacted]/next/"
    )


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Browser:
    """Just enough of a browser: cookies (whatever their Secure flag) and the CSRF token."""

    def __init__(self, port: int) -> None:
        self.port = port
        self.cookies: dict[str, str] = {}

    def request(self, method: str, path: str, form: dict[str, str] | None = None) -> str:
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())}
        body = None
        if form is not None:
            body = "&".join(f"{k}={v}" for k, v in form.items())
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        connection.request(method, path, body=body, headers=headers)
        response = connection.getresponse()
        for name, value in response.getheaders():
            if name.lower() == "set-cookie":
                key, _, rest = value.partition("=")
                self.cookies[key] = rest.split(";")[0]
        text = response.read().decode()
        connection.close()
        return f"{response.status} {text}"

    def csrf(self, page: str) -> str:
        found = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
        assert found, page[:300]
        return found.group(1)


def _journey(port: int, la_code: str, slug: str, tokens: list[str]) -> None:
    first, second = tokens
    browser = Browser(port)
    assert browser.request("GET", f"/s/{first}/").startswith("200")
    page = browser.request("GET", f"/s/{first}/section/1/")
    form = {"csrfmiddlewaretoken": browser.csrf(page), "sw_clear_vision": "2"}
    assert browser.request("POST", f"/s/{first}/section/1/", form).startswith("302")
    check = browser.request("GET", f"/s/{first}/check/")
    sent = browser.request(
        "POST", f"/s/{first}/check/", {"csrfmiddlewaretoken": browser.csrf(check)}
    )
    assert sent.startswith("302")
    assert browser.request("GET", f"/survey/{la_code}/{slug}/").startswith("200")
    # Another respondent's browser with no CSRF cookie: 403, logged by the security logger.
    assert Browser(port).request("POST", f"/s/{second}/check/", {}).startswith("403")
    guesser = Browser(port)
    statuses = [guesser.request("GET", f"/s/guess{n}xyz/")[:3] for n in range(22)]
    assert statuses[0] == "404" and statuses[-1] == "429"


def _environment(var_dir: Path, database: Path, settings_module: str) -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"} | {
        "DJANGO_SETTINGS_MODULE": settings_module,
        "DATABASE_URL": f"sqlite:///{database}",
        "WORKFORCE_HEALTH_VAR_DIR": str(var_dir),
        "CACHE_DIR": str(database.parent / "cache"),
        "SECRET_KEY": "test-only-9f8e7d6c5b4a3210-QWERTYUIOPasdfghjklZXCVBNM-1234567890",
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "0",
        "DEBUG": "1",
        "LOG_LEVEL": "DEBUG",
        "PYTHONUNBUFFERED": "1",
    }


@pytest.fixture(scope="module")
def prepared(tmp_path_factory) -> tuple[Path, list[str]]:
    """A migrated database with an open wave and two shared-link tokens, and static files."""
    var_dir = tmp_path_factory.mktemp("var")
    env = _environment(var_dir, var_dir / "db.sqlite3", "config.settings.production")

    def run(*args: str) -> str:
        done = subprocess.run(
            [sys.executable, *args], cwd=ROOT, env=env, capture_output=True, text=True, check=True
        )
        return done.stdout

    run("manage.py", "migrate", "--no-input")
    run("manage.py", "collectstatic", "--no-input")
    return var_dir, run("-c", SETUP).split()


@pytest.mark.parametrize("settings_module", ["config.settings.base", "config.settings.production"])
def test_the_respondent_journey_logs_no_token_or_path(tmp_path, prepared, settings_module):
    var_dir, (la_code, slug, *tokens) = prepared
    shutil.copy(var_dir / "db.sqlite3", tmp_path / "db.sqlite3")
    env = _environment(var_dir, tmp_path / "db.sqlite3", settings_module)
    manage = [sys.executable, "manage.py"]
    port = _free_port()
    log = tmp_path / "server.log"
    with log.open("w") as out:
        server = subprocess.Popen(
            [*manage, "runserver", "--noreload", f"127.0.0.1:{port}"],
            cwd=ROOT,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
        try:
            for _ in range(100):
                try:
                    socket.create_connection(("127.0.0.1", port), timeout=1).close()
                    break
                except OSError:
                    time.sleep(0.1)
            _journey(port, la_code, slug, tokens)
        finally:
            server.terminate()
            server.wait(timeout=10)
    written = log.read_text()
    # The journey was logged: access lines, the CSRF failure and the 429 ...
    for expected in ('"GET /s/[redacted]/section/1/', "Forbidden (CSRF", "Too Many Requests"):
        assert expected in written, written[-2000:]
    # ... and no line holds a token or an unredacted respondent path.
    for token in tokens:
        assert token not in written
    assert not UNREDACTED.search(written), UNREDACTED.search(written)
