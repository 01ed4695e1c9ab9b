"""Production settings pass Django's deployment checks and refuse to start without secrets."""

import os
import subprocess
import sys

PRODUCTION = {
    "DJANGO_SETTINGS_MODULE": "config.settings.production",
    "SECRET_KEY": "test-only-9f8e7d6c5b4a3210-QWERTYUIOPasdfghjklZXCVBNM-1234567890",
    "ALLOWED_HOSTS": "workforce.example.gov.uk",
}


def _check(env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        env={k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"} | env,
        capture_output=True,
        text=True,
    )


def test_check_deploy_is_clean(tmp_path):
    result = _check(PRODUCTION | {"WORKFORCE_HEALTH_VAR_DIR": str(tmp_path)})
    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


def test_production_refuses_a_missing_secret_key(tmp_path):
    result = _check(PRODUCTION | {"SECRET_KEY": "", "WORKFORCE_HEALTH_VAR_DIR": str(tmp_path)})
    assert result.returncode != 0
    assert "Set SECRET_KEY" in result.stderr
