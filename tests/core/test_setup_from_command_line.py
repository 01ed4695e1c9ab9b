"""Setting up a council end to end from the command line, as README's production steps say."""

import re
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from tests.census.test_hr_extract import as_csv, row
from workforce_health.core.models import Employment, Service, Team
from workforce_health.surveys.models import Wave


def test_a_council_is_set_up_from_the_command_line_on_a_fresh_database(
    db, tmp_path: Path, capsys, monkeypatch
):
    """add-organisation, add-service, add-team, add-user, import-hr-extract, survey create-wave."""
    monkeypatch.setenv("WORKFORCE_HEALTH_PASSWORD", "a-long-test-password-42")

    def run(*arguments: str) -> str:
        call_command(*arguments)
        return capsys.readouterr().out

    extract = tmp_path / "hr.csv"
    extract.write_bytes(
        as_csv(
            [
                row(employee_number="E1", service="Children's Services", team="Assessment North"),
                row(
                    employee_number="E2",
                    given_name="Sam",
                    swe_number="SW654321",
                    email="sam.taylor@example.org",
                    service="Adult Social Care",
                    team="Locality West",
                ),
            ]
        )
    )
    org = ("--organisation", "336")
    run("add_organisation", "--la-code", "336", "--name", "Wolverhampton", "--region", "E12000005")
    assert "Added Children's Services (Children's services) to Wolverhampton." in run(
        "add_service", *org, "--name", "Children's Services", "--kind", "children"
    )
    run("add_service", *org, "--name", "Adult Social Care", "--kind", "adults")
    assert "Added Assessment North (Assessment) to Children's Services." in run(
        "add_team",
        *org,
        "--service",
        "Children's Services",
        "--name",
        "Assessment North",
        "--type",
        "assessment",
    )
    run(
        "add_team",
        *org,
        "--service",
        "Adult Social Care",
        "--name",
        "Locality West",
        "--type",
        "locality",
    )
    run("add_user", *org, "--username", "jo", "--role", "workforce_lead")
    run(
        "add_user",
        *org,
        "--username",
        "sam",
        "--role",
        "service_manager",
        "--service",
        "Adult Social Care",
    )
    assert "Imported 2 rows into Wolverhampton" in run("import_hr_extract", *org, str(extract))
    created = run(
        "survey",
        "create-wave",
        *org,
        "--questionnaire",
        "social-work-health-check",
        "--name",
        "Social Work Health Check 2026",
        "--slug",
        "swhc-2026",
    )
    assert "Created Social Work Health Check 2026 (swhc-2026) for Wolverhampton" in created
    wave = Wave.objects.get()
    assert sorted(wave.services.values_list("name", flat=True)) == [
        "Adult Social Care",
        "Children's Services",
    ]
    assert Employment.objects.filter(team__name="Locality West", person__given_name="Sam").exists()


@pytest.fixture
def wolverhampton(db):
    call_command("add_organisation", "--la-code", "336", "--name", "Wolverhampton")


def test_add_service_and_team(wolverhampton, capsys):
    call_command("add_service", "--organisation", "336", "--name", " Adults ", "--kind", "adults")
    call_command(
        "add_team",
        "--organisation",
        "336",
        "--service",
        "Adults",
        "--name",
        "Hospital Team",
        "--type",
        "hospital",
    )
    team = Team.objects.get()
    assert (team.service.name, team.service.kind, team.name, team.team_type) == (
        "Adults",
        "adults",
        "Hospital Team",
        "hospital",
    )


@pytest.mark.parametrize(
    ("command", "arguments", "message"),
    [
        (
            "add_service",
            ["--organisation", "999", "--name", "Adults", "--kind", "adults"],
            "--organisation: no organisation has LA code '999'",
        ),
        (
            "add_service",
            ["--organisation", "336", "--name", "", "--kind", "adults"],
            "Service not added. --name: This field cannot be blank.",
        ),
        (
            "add_team",
            ["--organisation", "336", "--service", "Adults", "--name", "T", "--type", "other"],
            "--service: Wolverhampton has no service 'Adults'; add one with",
        ),
    ],
)
def test_add_service_and_team_refuse_bad_input(wolverhampton, command, arguments, message):
    with pytest.raises(CommandError, match=re.escape(message)):
        call_command(command, *arguments)
    assert not Service.objects.exists()


def test_a_second_service_or_team_with_the_same_name_is_refused(wolverhampton):
    call_command("add_service", "--organisation", "336", "--name", "Adults", "--kind", "adults")
    with pytest.raises(CommandError, match=r"Service not added\. Service with this Organisation"):
        call_command("add_service", "--organisation", "336", "--name", "Adults", "--kind", "other")
    team = ["--organisation", "336", "--service", "Adults", "--name", "Hospital", "--type", "other"]
    call_command("add_team", *team)
    with pytest.raises(CommandError, match="This service already has a team with this name"):
        call_command("add_team", *team)
    assert Team.objects.count() == 1
