"""Start the test OpenID Connect provider (tests/support/oidc_provider) on loopback.

It is panva's oidc-provider run by Node.js: a real provider, not a mock of allauth. Its
packages are installed with `npm ci` from the committed lock file the first time.
"""

import fcntl
import json
import os
import shutil
import subprocess
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
import requests

FOLDER = Path(__file__).parent / "oidc_provider"
TENANT = "3f1c0c1e-5a8b-4c3e-9f0a-2b7d6e4a1c11"
OTHER_TENANT = "9b2e7d4f-1c3a-4e5b-8d6f-0a1b2c3d4e5f"
CLIENT_ID = "d4c3b2a1-0f9e-4d8c-b7a6-5e4d3c2b1a00"
CLIENT_SECRET = "test-only-client-secret"
SECRET_VARIABLE = "ENTRA_SECRET_TESTSHIRE"
LEADS_GROUP = "0b8a3c4e-1b7e-4b34-9a57-3d6c3a1f2e11"
MANAGERS_GROUP = "5e6f7a8b-9c0d-4e1f-a2b3-c4d5e6f7a8b9"
UNMAPPED_GROUP = "7d7d7d7d-1111-4222-8333-944444444444"


def account(
    *, tenant: str = TENANT, groups: list[str] | None = None, disabled: bool = False, **claims: Any
) -> dict[str, Any]:
    return {
        "disabled": disabled,
        "claims": {
            "tid": tenant,
            "oid": str(uuid.uuid4()),
            "groups": groups or [],
            "email": "jo.bloggs@council.example",
            "preferred_username": "jo.bloggs@council.example",
            "given_name": "Jo",
            "family_name": "Bloggs",
            "name": "Jo Bloggs",
            **claims,
        },
    }


@dataclass
class Provider:
    issuer: str
    accounts: dict[str, dict[str, Any]] = field(default_factory=dict)

    def sign_in_as(self, account_id: str) -> None:
        requests.post(f"{self.issuer}/test/sign-in-as", data=account_id, timeout=10)

    def authorize(self, url: str) -> str:
        """Follow the provider's redirects from `url`; return where it sends the browser back."""
        with requests.Session() as browser:
            while url.startswith((self.issuer, "/")):
                if url.startswith("/"):
                    url = self.issuer + url
                response = browser.get(url, allow_redirects=False, timeout=10)
                assert response.status_code in (302, 303), response.text[:500]
                url = response.headers["Location"]
        return url


def _install() -> None:
    """`npm ci` once, whichever test process (pytest-xdist worker) gets here first."""
    with (FOLDER / ".install.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if (FOLDER / "node_modules" / "oidc-provider").exists():
            return
        npm = shutil.which("npm")
        assert npm, "npm is needed to install the test OpenID Connect provider"
        subprocess.run(
            [npm, "ci", "--no-audit", "--no-fund", "--loglevel=error"], cwd=FOLDER, check=True
        )


@contextmanager
def running_provider(
    tmp_path: Path, accounts: dict[str, dict[str, Any]], redirect_uris: list[str]
) -> Iterator[Provider]:
    node = shutil.which("node")
    if node is None:
        if os.environ.get("CI") or os.environ.get("REQUIRE_BROWSER_TESTS"):
            pytest.fail("Node.js is needed for the sign-in tests (apt-get install nodejs npm)")
        pytest.skip("Node.js is not installed: the Microsoft sign-in tests need it")
    _install()
    config = tmp_path / "oidc-provider.json"
    client = {
        "client_id": CLIENT_ID,
        "client_secret": CLIENT_SECRET,
        "redirect_uris": redirect_uris,
        "token_endpoint_auth_method": "client_secret_post",
    }
    config.write_text(json.dumps({"clients": [client], "accounts": accounts}))
    process = subprocess.Popen(
        [node, str(FOLDER / "server.js"), str(config)],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        assert process.stdout is not None
        line = process.stdout.readline().strip()
        assert line.startswith("listening "), f"the OpenID provider did not start: {line!r}"
        yield Provider(issuer=line.removeprefix("listening "), accounts=accounts)
    finally:
        process.terminate()
        process.wait(timeout=10)


def callback_path(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.path}?{parts.query}"
