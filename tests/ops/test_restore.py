"""The backup runbook's restore test (docs/backups.md), in the PostgreSQL run of the suite.

It takes about 90 s (the demo is loaded once more), so CI runs it here rather than as a
separate step; `make restore-test` runs it on its own throwaway cluster.
"""

import os
import subprocess
import sys
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "restore_test.py"


@pytest.mark.skipif(
    not os.environ.get("PGTHROWAWAY_DIR"),
    reason="the restore test creates databases, so it runs only on the throwaway PostgreSQL "
    "(make test-postgres, CI, or make restore-test)",
)
def test_a_dump_of_the_demo_restores_identically() -> None:
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"}
    env["DJANGO_SETTINGS_MODULE"] = "config.settings.base"
    done = subprocess.run(
        [sys.executable, str(SCRIPT)], env=env, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr[-3000:]
    assert "Restore test passed" in done.stdout
