"""Locust respondents for bench/load/run_load.py (which sets the LOAD_* variables and runs this).

Each simulated respondent takes the next unused token and either

- `submit`: its answers were saved beforehand (a complete draft), so it sends the final submit
  only: the POST of "Check your answers" (the isolated submission step); or
- `journey`: answers the whole questionnaire as a browser would: the start page, each of the 9
  sections (GET the form, POST the answers, follow the redirect), the check page, the final
  submit, and the "Response sent" page it redirects to (22 requests).

The final submit is acknowledged when the server answers 302 to the respondent's start page.
Every final submit is logged to LOAD_OUTCOMES: "attempt", then "ack" (with the latency of the
acknowledged request and the time since the first attempt), "error" for each failed attempt, or
"gave_up". A request that fails with a connection error or a 5xx is sent again, with the same
token, until LOAD_RETRY_SECONDS have passed: the product must store at most one response.

Requests carry what the TLS-terminating proxy in front of production adds (X-Forwarded-Proto,
X-Forwarded-For) and an Origin header as browsers send on a form POST. The CSRF cookie is Secure,
so it is kept and sent by hand (the client speaks plain HTTP to gunicorn on loopback).
"""

from __future__ import annotations

import json
import os
import random
import re
import time
from collections import deque
from typing import Any

from locust import FastHttpUser, task
from locust.exception import StopUser

SCENARIO = os.environ.get("LOAD_SCENARIO", "submit")
PACING = float(os.environ.get("LOAD_PACING", "0"))
RETRY_SECONDS = float(os.environ.get("LOAD_RETRY_SECONDS", "60"))
TOKENS: deque[dict[str, Any]] = deque(json.loads(line) for line in open(os.environ["LOAD_TOKENS"]))
ANSWERS: dict[str, dict[str, str]] = json.load(open(os.environ["LOAD_ANSWERS"]))
OUTCOMES = open(os.environ["LOAD_OUTCOMES"], "a", buffering=1)
CSRF_COOKIE = re.compile(r"csrftoken=([^;]+)")
CSRF_FIELD = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
FINAL = "final submit: POST /s/[token]/check/"


def log(event: str, row: dict[str, Any], **extra: Any) -> None:
    OUTCOMES.write(json.dumps({"t": time.time(), "e": event, "i": row["i"], **extra}) + "\n")


class Retry(Exception):
    """The request failed in a way worth sending again (connection refused or cut, 5xx)."""


class Respondent(FastHttpUser):
    connection_timeout = 30.0
    network_timeout = 60.0

    def on_start(self) -> None:
        self.cookie = ""
        self.form_token = ""
        self.address = f"10.{random.randrange(256)}.{random.randrange(256)}.{random.randrange(256)}"
        self.due = time.time()
        if PACING > 0:
            # Each respondent starts at a random moment within the first period, then keeps its
            # own schedule, so that the server sees independent arrivals at users / PACING a
            # second. (locust's constant_pacing counts each wait from the end of the task:
            # after the first tasks queue behind each other, all users end up in step and send
            # their requests within 0.1 s of each other every period: a burst test instead.)
            self.due += random.uniform(0, PACING)
            time.sleep(self.due - time.time())

    def wait_time(self) -> float:
        """Until this respondent's next slot (LOAD_PACING apart); none in a closed loop. A task
        that overran its slot is followed at once, and the schedule starts again from there."""
        if PACING <= 0:
            return 0.0
        now = time.time()
        self.due = max(self.due + PACING, now)
        return self.due - now

    def _headers(self, post: bool) -> dict[str, str]:
        headers = {"X-Forwarded-Proto": "https", "X-Forwarded-For": self.address}
        if self.cookie:
            headers["Cookie"] = self.cookie
        if post:
            headers["Origin"] = (self.host or "").replace("http://", "https://")
        return headers

    def _call(
        self, method: str, path: str, name: str, expect: int, data: dict[str, str] | None = None
    ) -> Any:
        """One request; Retry on a connection error or 5xx, AssertionError on anything else."""
        with self.client.request(
            method,
            path,
            name=name,
            data=data,
            headers=self._headers(method == "POST"),
            allow_redirects=False,
            catch_response=True,
        ) as response:
            if response.status_code == expect:
                response.success()
            else:
                response.failure(f"{response.status_code}: {response.error or ''}")
                if response.status_code == 0 or response.status_code >= 500:
                    raise Retry(str(response.status_code))
                raise AssertionError(f"{method} {name}: {response.status_code}")
        cookie = CSRF_COOKIE.search(response.headers.get("set-cookie") or "")
        if cookie:
            self.cookie = f"csrftoken={cookie.group(1)}"
        if method == "GET" and response.text:
            field = CSRF_FIELD.search(response.text)
            if field:
                self.form_token = field.group(1)
        return response

    def _retrying(
        self, method: str, path: str, name: str, expect: int, data: dict[str, str] | None = None
    ) -> Any:
        deadline = time.time() + RETRY_SECONDS
        while True:
            try:
                return self._call(method, path, name, expect, data)
            except Retry:
                if time.time() > deadline:
                    raise
                time.sleep(0.25)

    def _final_submit(self, row: dict[str, Any]) -> None:
        token = row["token"]
        first = time.time()
        tries = 0
        log("attempt", row)
        while True:
            tries += 1
            started = time.perf_counter()
            try:
                response = self._call(
                    "POST",
                    f"/s/{token}/check/",
                    FINAL,
                    302,
                    {"csrfmiddlewaretoken": self.form_token},
                )
            except Retry as problem:
                log("error", row, status=str(problem))
                if time.time() - first > RETRY_SECONDS:
                    log("gave_up", row)
                    return
                time.sleep(0.25)
                continue
            except AssertionError as problem:
                log("gave_up", row, status=str(problem))
                return
            milliseconds = (time.perf_counter() - started) * 1000
            if response.headers.get("location") != f"/s/{token}/":
                log("gave_up", row, status=f"302 to {response.headers.get('location')}")
                return
            log(
                "ack",
                row,
                ms=round(milliseconds, 2),
                ms_total=round((time.time() - first) * 1000, 1),
                tries=tries,
            )
            return

    def _next_row(self) -> dict[str, Any]:
        try:
            return TOKENS.popleft()
        except IndexError:
            OUTCOMES.write(json.dumps({"t": time.time(), "e": "out_of_tokens", "i": -1}) + "\n")
            raise StopUser from None

    @task
    def respond(self) -> None:
        row = self._next_row()
        token = row["token"]
        if SCENARIO == "submit":
            if not self.form_token:  # a CSRF cookie and form token, once per respondent
                self._retrying("GET", f"/s/{token}/check/", "GET /s/[token]/check/", 200)
            self._final_submit(row)
            return
        self._retrying("GET", f"/s/{token}/", "GET /s/[token]/ (start)", 200)
        for number, answers in ANSWERS.items():
            path = f"/s/{token}/section/{number}/"
            self._retrying("GET", path, "GET /s/[token]/section/[n]/", 200)
            filled = {
                code: value.replace("{marker}", row["marker"]) for code, value in answers.items()
            }
            self._retrying(
                "POST",
                path,
                "POST /s/[token]/section/[n]/",
                302,
                {"csrfmiddlewaretoken": self.form_token, **filled},
            )
        self._retrying("GET", f"/s/{token}/check/", "GET /s/[token]/check/", 200)
        self._final_submit(row)
        page = self._retrying("GET", f"/s/{token}/", "GET /s/[token]/ (response sent)", 200)
        if "Response sent" not in (page.text or ""):
            raise AssertionError("the start page does not say the response was sent")
