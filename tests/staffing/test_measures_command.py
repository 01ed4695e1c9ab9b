"""`workforce-health measures`: the engine's figures for an organisation from the command line."""

import datetime
import json
from decimal import Decimal

import pytest
from django.core.management import CommandError, call_command

from tests import factories
from workforce_health.staffing import measures, services


@pytest.fixture
def staffed(council):
    """Two social workers in post at 30 September 2025, one leaver in the year, some vacancies."""
    leaver = factories.person(
        council.organisation,
        "L1",
        "Lee Leaver",
        swe_number="SW900001",
        is_registered_social_worker=True,
    )
    factories.employment(
        leaver,
        council.safeguarding,
        start_date=datetime.date(2019, 1, 1),
        end_date=datetime.date(2025, 3, 31),
        reason_for_leaving="1",
        leaver_destination="1",
    )
    services.vacancy_snapshot_record(
        organisation=council.organisation,
        date=datetime.date(2025, 9, 30),
        vacancy_fte=Decimal("1"),
        agency_cover_fte=Decimal("0"),
    )
    return council


def test_json_output_matches_the_engine(staffed, capsys):
    call_command("measures", "--organisation", "991", "--year", "2025", "--format", "json")
    row = json.loads(capsys.readouterr().out)  # one object keyed by the DfE measure names
    assert set(measures.MEASURES) <= set(row)
    # In post: Alex Morgan (social worker) and Priya Shah (team manager); Owen is in adults.
    assert row["inpost_headcount"] == 2
    assert row["leavers_fte"] == 1.0
    assert row["vacancy_rate_fte"] == pytest.approx(100 * 1 / 3)
    assert row["basis"] == "dfe"


def test_by_team_and_local_reference_date(staffed, capsys):
    call_command(
        "measures",
        "--organisation",
        "991",
        "--reference-date",
        "2025-03-31",
        "--by",
        "team",
        "--format",
        "csv",
    )
    lines = capsys.readouterr().out.strip().splitlines()
    assert lines[0].startswith("team,reference_date,basis")
    assert {line.split(",")[0] for line in lines[1:]} == {"Assessment North", "Safeguarding East"}
    assert all(",local," in line for line in lines[1:])


def test_one_team_or_service(staffed, capsys):
    call_command(
        "measures",
        "--organisation",
        "991",
        "--year",
        "2025",
        "--team",
        "Assessment North",
        "--format",
        "json",
    )
    team = json.loads(capsys.readouterr().out)
    assert team["inpost_headcount"] == 2 and team["leavers_headcount"] == 0
    call_command(
        "measures",
        "--organisation",
        "991",
        "--year",
        "2025",
        "--service",
        "Adult Social Care",
        "--format",
        "json",
    )
    adults = json.loads(capsys.readouterr().out)
    # Nobody in the adults' service is a registered social worker: every measure is undefined.
    assert adults["inpost_headcount"] is None and adults["turnover_rate_fte"] is None


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["--organisation", "999", "--year", "2025"], "--organisation: no organisation"),
        (["--organisation", "991", "--year", "2025", "--team", "Nope"], "--team: Testshire"),
        (["--organisation", "991", "--year", "2025", "--service", "Nope"], "--service: Testshire"),
        (["--organisation", "991", "--reference-date", "2025-02-30"], "--reference-date: day"),
    ],
)
def test_bad_input(council, arguments, message):
    with pytest.raises(CommandError, match=message):
        call_command("measures", *arguments)
