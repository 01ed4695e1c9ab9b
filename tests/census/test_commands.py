"""The census commands: import-census, export-census, import-hr-extract."""

from dataclasses import replace
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from tests.census.returns import census_file, workers
from tests.census.test_hr_extract import as_csv, row
from workforce_health.census.models import CensusImport
from workforce_health.core.models import Person

pytestmark = pytest.mark.django_db


def test_import_census_prints_every_error_and_fails(council, tmp_path: Path, capsys):
    people = workers(2024)
    people[0] = replace(people[0], sex="X")
    path = tmp_path / "bad.xml"
    path.write_bytes(census_file(2024, people=people))
    with pytest.raises(CommandError, match="Nothing imported"):
        call_command("import_census", str(path))
    err = capsys.readouterr().err
    assert "worker 1 (SW****01), Sex line " in err
    assert not CensusImport.objects.exists()


def test_import_census_then_export_census(council, tmp_path: Path, capsys):
    source = tmp_path / "good.xml"
    source.write_bytes(census_file(2023))
    call_command("import_census", str(source), "--year", "2023")
    out = capsys.readouterr().out
    assert "good.xml: imported the 2023 return for Testshire Council (991)" in out
    Person.objects.filter(employee_number__in=["991-1", "991-2"]).update(
        is_registered_social_worker=False
    )
    output = tmp_path / "out.xml"
    call_command(
        "export_census", "--organisation", "991", "--year", "2023", "--output", str(output)
    )
    assert b"<Year>2023</Year>" in output.read_bytes()


def test_export_census_lists_findings_and_writes_nothing(council, tmp_path: Path, capsys):
    output = tmp_path / "out.xml"
    with pytest.raises(CommandError, match="would fail DfE validation"):
        call_command(
            "export_census", "--organisation", "991", "--year", "2025", "--output", str(output)
        )
    assert "[Priya Shah, employee 991-2]" in capsys.readouterr().err
    assert not output.exists()


def test_import_hr_extract(council, tmp_path: Path, capsys):
    path = tmp_path / "hr.csv"
    path.write_bytes(as_csv([row(team="New Team", team_type="assessment")]))
    with pytest.raises(CommandError):
        call_command("import_hr_extract", "--organisation", "991", str(path))
    assert "Row 2, column team:" in capsys.readouterr().err
    call_command("import_hr_extract", "--organisation", "991", str(path), "--create-teams")
    assert "teams created 1" in capsys.readouterr().out
