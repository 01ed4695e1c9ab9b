"""A response under the production settings carries HSTS and secure, HTTP-only cookies."""

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.core.test_production_settings import PRODUCTION

SCRIPT = """
import json
import django
from django.core.management import call_command
django.setup()
from django.conf import settings
# Static file names without collectstatic's manifest; nothing else differs from production.
settings.STORAGES = {
    **settings.STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
call_command("migrate", verbosity=0)
from django.contrib.auth.models import User
from django.test import Client
User.objects.create_user("someone", password="a-long-test-password-42")
client = Client(HTTP_HOST="workforce.example.gov.uk")
page = client.get("/sign-in/", secure=True)
signed_in = client.post(
    "/sign-in/", {"login": "someone", "password": "a-long-test-password-42"}, secure=True
)
plain = Client(HTTP_HOST="workforce.example.gov.uk").get("/sign-in/")
cookies = {
    name: {key: str(morsel[key]) for key in ("secure", "httponly", "samesite")}
    for name, morsel in client.cookies.items()
}
print(json.dumps({
    "status": page.status_code,
    "hsts": page.get("Strict-Transport-Security"),
    "signed_in": signed_in.status_code,
    "cookies": cookies,
    "plain_http": [plain.status_code, plain.get("Location")],
}))
"""


def test_production_headers_and_cookie_flags(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"} | PRODUCTION
    env |= {
        "WORKFORCE_HEALTH_VAR_DIR": str(tmp_path),
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
    }
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT], env=env, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr[-2000:]
    shown = json.loads(result.stdout.strip().splitlines()[-1])
    assert shown["status"] == 200
    assert shown["hsts"] == "max-age=31536000; includeSubDomains; preload"
    assert shown["signed_in"] == 302
    assert set(shown["cookies"]) >= {"sessionid", "csrftoken"}
    for name, flags in shown["cookies"].items():
        assert flags["secure"] == "True" and flags["httponly"] == "True", name
        assert flags["samesite"] == "Lax", name
    assert shown["plain_http"] == [301, "https://workforce.example.gov.uk/sign-in/"]
