"""Every response carries a strict Content-Security-Policy and a Permissions-Policy, the
respondent pages included; with the production settings also HSTS and secure cookies."""

import json
import os
import subprocess
import sys

import pytest
from django.test import Client, override_settings
from django.urls import reverse

from tests.surveys import helpers
from workforce_health.core.models import Membership

pytestmark = pytest.mark.django_db

STRICT = {
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self'",
    "form-action 'self'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "object-src 'none'",
}


def _assert_headers(response) -> None:
    policy = response.headers.get("Content-Security-Policy", "")
    directives = {d.strip() for d in policy.split(";")}
    assert STRICT <= directives, (response.request["PATH_INFO"], policy)
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy
    permissions = response.headers.get("Permissions-Policy", "")
    for feature in ("camera=()", "microphone=()", "geolocation=()", "payment=()"):
        assert feature in permissions


def test_respondent_pages_carry_the_policies(council, client):
    helpers.give_emails(council)
    wave = helpers.open_wave(council)
    token = helpers.invitation_tokens(wave)[0]
    shared = reverse(
        "survey-shared", kwargs={"la_code": wave.organisation.la_code, "slug": wave.slug}
    )
    responses = [
        client.get(reverse("survey-start", kwargs={"token": token})),
        client.get(reverse("survey-section", kwargs={"token": token, "number": 1})),
        client.post(
            reverse("survey-section", kwargs={"token": token, "number": 1}),
            {"sw_clear_vision": "2"},
        ),
        client.get(reverse("survey-check", kwargs={"token": token})),
        client.post(reverse("survey-check", kwargs={"token": token})),
        client.get(reverse("survey-start", kwargs={"token": "not-a-token"})),
        client.get(shared),
        client.post(shared, {"access_code": "WRONG"}),
    ]
    assert {r.status_code for r in responses} >= {200, 302, 404}
    for response in responses:
        _assert_headers(response)


def test_staff_sign_in_error_and_refused_pages_carry_the_policies(council, client_for):
    anonymous = Client()
    csrf_checked = Client(enforce_csrf_checks=True)
    lead = client_for(council.users[Membership.Role.WORKFORCE_LEAD])
    responses = [
        anonymous.get(reverse("sign-in")),
        anonymous.get(reverse("home")),
        anonymous.get("/no-such-page/"),
        csrf_checked.post(reverse("sign-in"), {"username": "x", "password": "y"}),
        lead.get(reverse("home")),
        lead.get(reverse("survey-wave-list")),
        lead.get(reverse("accessibility")),
    ]
    assert {r.status_code for r in responses} >= {200, 302, 403, 404}
    for response in responses:
        _assert_headers(response)


@override_settings(SURVEY_GUESS_LIMIT=1)
def test_the_too_many_attempts_page_carries_the_policies(council, client):
    helpers.open_wave(council)
    for _ in range(3):
        response = client.get(reverse("survey-start", kwargs={"token": "guess"}))
    assert response.status_code == 429
    _assert_headers(response)


PRODUCTION = {
    "DJANGO_SETTINGS_MODULE": "config.settings.production",
    "SECRET_KEY": "test-only-9f8e7d6c5b4a3210-QWERTYUIOPasdfghjklZXCVBNM-1234567890",
    "ALLOWED_HOSTS": "workforce.example.gov.uk",
    "DATABASE_URL": "sqlite://:memory:",
}
PRODUCTION_RESPONSE = """
import django, json
django.setup()
from django.core.management import call_command
from django.test import Client
call_command("migrate", verbosity=0)
call_command("collectstatic", verbosity=0, interactive=False)
response = Client().get("/sign-in/", secure=True, HTTP_HOST="workforce.example.gov.uk")
cookie = response.cookies["csrftoken"]
print(json.dumps({
    "status": response.status_code,
    "headers": dict(response.headers),
    "cookie": {"secure": bool(cookie["secure"]), "httponly": bool(cookie["httponly"]),
               "samesite": cookie["samesite"]},
}))
"""


def test_a_production_response_carries_every_security_header(tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    env |= PRODUCTION | {"WORKFORCE_HEALTH_VAR_DIR": str(tmp_path)}
    run = subprocess.run(
        [sys.executable, "-c", PRODUCTION_RESPONSE], env=env, capture_output=True, text=True
    )
    assert run.returncode == 0, run.stderr
    seen = json.loads(run.stdout.strip().splitlines()[-1])
    headers = {k.lower(): v for k, v in seen["headers"].items()}
    assert seen["status"] == 200
    assert headers["strict-transport-security"].startswith("max-age=31536000")
    assert STRICT <= {d.strip() for d in headers["content-security-policy"].split(";")}
    assert "camera=()" in headers["permissions-policy"]
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["referrer-policy"] == "same-origin"
    assert headers["x-frame-options"] == "DENY"
    assert seen["cookie"] == {"secure": True, "httponly": True, "samesite": "Lax"}
