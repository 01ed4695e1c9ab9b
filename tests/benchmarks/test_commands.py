"""The import-benchmarks and comparators commands: output and exit codes."""

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from tests.benchmarks.conftest import indicators
from tests.benchmarks.synthetic import ees_row, indicators_csv
from workforce_health.benchmarks import selectors
from workforce_health.benchmarks.models import PublishedRelease
from workforce_health.cli import main

pytestmark = pytest.mark.django_db


def test_import_prints_layout_release_years_and_rows(tmp_path, capsys):
    path = tmp_path / "indicators.csv"
    path.write_bytes(indicators())
    call_command("import_benchmarks", str(path))
    out = capsys.readouterr().out
    assert "indicators.csv: imported. Layout indicators_2017_2025, 2025 release" in out
    assert "years 2023 to 2025, 18 rows" in out
    call_command("import_benchmarks", str(path))
    assert "already imported, unchanged" in capsys.readouterr().out


def test_bad_file_fails_naming_row_and_column(tmp_path, capsys):
    good, bad = tmp_path / "good.csv", tmp_path / "bad.csv"
    good.write_bytes(indicators())
    bad.write_bytes(indicators_csv(ees_row(2025, "Nationwide")))
    with pytest.raises(CommandError, match="2 file"):
        call_command("import_benchmarks", str(bad), str(good), str(tmp_path / "missing.csv"))
    err = capsys.readouterr().err
    assert "row 2, column 'geographic_level': 'Nationwide'" in err
    assert "missing.csv: no such file" in err
    assert PublishedRelease.objects.get().source_file == "good.csv"


def test_console_script_exits_non_zero_on_a_bad_file(tmp_path, capsys):
    bad = tmp_path / "bad.csv"
    bad.write_bytes(b"not,a,dfe,file\n1,2,3,4\n")
    with pytest.raises(SystemExit) as exit_:
        main(["import-benchmarks", str(bad)])
    assert exit_.value.code == 1
    assert "bad.csv" in capsys.readouterr().err


def test_comparators_show_and_set(council, capsys):
    from workforce_health.benchmarks import services

    services.published_release_import(source=indicators(), filename="i.csv")
    call_command("comparators", "--organisation", "991")
    assert "has no comparator councils" in capsys.readouterr().out
    call_command("comparators", "--organisation", "991", "--set", "330,941")
    out = capsys.readouterr().out
    assert "330     Birmingham" in out and "North Northamptonshire" in out
    assert selectors.comparator_codes(organisation=council.organisation) == ["330", "941"]


def test_comparators_errors(council):
    with pytest.raises(CommandError, match="No organisation with LA code '123'"):
        call_command("comparators", "--organisation", "123")
    with pytest.raises(CommandError, match="No council with code 330"):
        call_command("comparators", "--organisation", "991", "--set", "330")
