"""The workforce-health command: adding and listing organisations, adding users."""

import json
import os
import subprocess
import sys

import pytest
from django.core.management import CommandError, call_command

from workforce_health.core.models import Organisation


def test_add_and_list_organisations(db, capsys):
    call_command(
        "add_organisation",
        "--la-code",
        "336",
        "--name",
        "Wolverhampton",
        "--region",
        "west midlands",
    )
    call_command("organisations", "--format", "json")
    rows = json.loads(capsys.readouterr().out.split("\n", 1)[1])
    assert rows == [
        {
            "la_code": "336",
            "name": "Wolverhampton",
            "region": "West Midlands",
            "region_code": "E12000005",
            "ons_code": "",
        }
    ]


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (
            ["--la-code", "33", "--name", "X"],
            "--la-code: Enter the DfE local authority code as 3 digits",
        ),
        (["--la-code", "336", "--name", "X", "--region", "Mars"], "--region: Unknown region"),
    ],
)
def test_add_organisation_bad_input(db, arguments, message):
    with pytest.raises(CommandError, match=message):
        call_command("add_organisation", *arguments)
    assert not Organisation.objects.exists()


def test_duplicate_la_code_is_refused(db):
    call_command("add_organisation", "--la-code", "336", "--name", "Wolverhampton")
    with pytest.raises(
        CommandError,
        match="--la-code: Organisation with this DfE local authority code already exists",
    ):
        call_command("add_organisation", "--la-code", "336", "--name", "Another")


def test_add_user(council, monkeypatch):
    monkeypatch.setenv("WORKFORCE_HEALTH_PASSWORD", "a-long-test-password-42")
    call_command(
        "add_user", "--organisation", "991", "--username", "newlead", "--role", "workforce_lead"
    )
    with pytest.raises(CommandError, match="--team: Testshire Council has no team 'Nope'"):
        call_command(
            "add_user",
            "--organisation",
            "991",
            "--username",
            "tm",
            "--role",
            "team_manager",
            "--team",
            "Nope",
        )


def test_console_script_runs_commands_with_project_settings(tmp_path):
    env = os.environ | {
        "WORKFORCE_HEALTH_VAR_DIR": str(tmp_path),
        "DATABASE_URL": f"sqlite:///{tmp_path}/cli.sqlite3",
    }
    env.pop("DJANGO_SETTINGS_MODULE", None)
    command = [sys.executable, "-m", "workforce_health.cli"]
    subprocess.run([*command, "migrate", "--no-input", "-v", "0"], check=True, env=env)
    subprocess.run(
        [*command, "add-organisation", "--la-code", "336", "--name", "Wolverhampton"],
        check=True,
        env=env,
    )
    listed = subprocess.run(
        [*command, "organisations", "--format", "json"],
        check=True,
        env=env,
        capture_output=True,
        text=True,
    )
    assert json.loads(listed.stdout)[0]["la_code"] == "336"
