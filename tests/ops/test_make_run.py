"""`make run` prints the demo sign-ins at the address it serves, whatever HOST and PORT say."""

import shutil
import subprocess
from pathlib import Path

import pytest

REPOSITORY = Path(__file__).resolve().parents[2]


MAKE = shutil.which("make")


@pytest.mark.skipif(MAKE is None, reason="needs make")
def test_make_run_prints_the_sign_ins_at_its_own_port():
    assert MAKE is not None
    commands = subprocess.run(
        [MAKE, "--dry-run", "--always-make", "run", "PORT=8123"],
        cwd=REPOSITORY,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "demo-if-empty --site-url http://127.0.0.1:8123/" in commands
    assert "runserver 127.0.0.1:8123" in commands
