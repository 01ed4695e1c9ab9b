"""Sessions end after an idle time and after an absolute limit; respondent paths touch none."""

import os
import subprocess
import sys
import time
from typing import Any

import pytest
from django.conf import settings
from django.contrib.sessions.backends.db import SessionStore
from django.http import HttpResponse
from django.test import Client, RequestFactory
from django.urls import reverse
from django.utils.functional import SimpleLazyObject

from tests import factories
from tests.surveys import helpers
from workforce_health.signin.middleware import (
    SEEN_KEY,
    STARTED_KEY,
    MfaRequiredMiddleware,
    SessionLimitsMiddleware,
)


def _signed_in(client: Client, council: factories.Council) -> Client:
    client.force_login(council.users["service_manager"])
    assert client.get("/").status_code == 200
    return client


def _age(client: Client, key: str, seconds: float) -> None:
    session = client.session
    session[key] = session[key] - seconds
    session.save()


def test_the_defaults() -> None:
    assert settings.SESSION_IDLE_MINUTES == 45 and settings.SESSION_ABSOLUTE_HOURS == 10


def test_the_idle_time_is_set_by_an_environment_variable(tmp_path) -> None:
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    env |= {"SESSION_IDLE_MINUTES": "30", "WORKFORCE_HEALTH_VAR_DIR": str(tmp_path)}
    shown = subprocess.run(
        [
            sys.executable,
            "-c",
            "from config.settings import base; print(base.SESSION_IDLE_MINUTES)",
        ],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    assert shown.stdout.strip() == "30"


def test_idle_for_45_minutes_signs_out(client: Client, council: factories.Council) -> None:
    _signed_in(client, council)
    _age(client, SEEN_KEY, 44 * 60)
    assert client.get("/").status_code == 200  # 44 minutes: still in, and seen again now
    _age(client, SEEN_KEY, 46 * 60)
    response = client.get(reverse("person-list"))
    assert response.status_code == 302 and response["Location"].startswith("/sign-in/?next=")
    page = client.get(response["Location"]).content.decode()
    assert "signed out after 45 minutes without activity" in page
    assert client.get("/").status_code == 302


def test_the_absolute_limit_signs_out_even_when_busy(
    client: Client, council: factories.Council
) -> None:
    _signed_in(client, council)
    _age(client, STARTED_KEY, 10 * 3600 + 1)
    assert client.get("/").status_code == 302


def test_respondent_pages_leave_a_signed_in_session_untouched(
    client: Client, council: factories.Council, monkeypatch: pytest.MonkeyPatch
) -> None:
    token = helpers.shared_token(helpers.open_wave(council))
    _signed_in(client, council)
    seen = client.session[SEEN_KEY]
    later = time.time() + 600
    monkeypatch.setattr(time, "time", lambda: later)
    assert client.get(reverse("survey-start", kwargs={"token": token})).status_code in (200, 302)
    assert client.session[SEEN_KEY] == seen  # no time of the visit kept with the sign-in


@pytest.mark.parametrize(
    "path", ["/s/" + "A" * 43 + "/", "/s/x/section/1/", "/survey/991/health-check/"]
)
@pytest.mark.parametrize("middleware", [SessionLimitsMiddleware, MfaRequiredMiddleware])
def test_the_sign_in_middleware_neither_reads_nor_writes_the_session_on_respondent_paths(
    rf: RequestFactory, settings: Any, path: str, middleware: type
) -> None:
    settings.WORKFORCE_HEALTH_REQUIRE_MFA = True
    request = rf.get(path)
    request.session = SessionStore()
    request.user = SimpleLazyObject(lambda: pytest.fail("the sign-in was looked at"))  # type: ignore[assignment]
    response = HttpResponse()
    assert middleware(lambda _: response)(request) is response
    assert not request.session.accessed and not request.session.modified


def test_staff_pages_are_not_respondent_paths(
    rf: RequestFactory, council: factories.Council
) -> None:
    request = rf.get("/surveys/waves/1/")  # "/surveys/", not "/survey/"
    request.session = SessionStore()
    request.user = council.users["service_manager"]
    SessionLimitsMiddleware(lambda _: HttpResponse())(request)
    assert request.session.modified and SEEN_KEY in request.session
