"""`workforce-health import-responses`: a new past wave and its rows, together or not at all."""

import pytest
from django.core.management import CommandError, call_command

from workforce_health.surveys.models import Response, Wave

pytestmark = pytest.mark.django_db
ARGS = [
    "--organisation",
    "991",
    "--wave",
    "hc-2022",
    "--year",
    "2022",
    "--title",
    "HC 2022",
    "--service",
    "Children's Services",
]


def test_creates_the_wave_and_imports(council, tmp_path, capsys):
    path = tmp_path / "hc.csv"
    path.write_text("sw_workload_manageable\nAgree\nDisagree\n")
    call_command("import_responses", *ARGS, str(path))
    assert "Imported 2 responses into HC 2022" in capsys.readouterr().out
    assert Response.objects.filter(wave__slug="hc-2022").count() == 2


def test_a_bad_file_leaves_no_wave(council, tmp_path):
    path = tmp_path / "hc.csv"
    path.write_text("sw_workload_manageable\nSometimes\n")
    with pytest.raises(CommandError, match="Row 2, column sw_workload_manageable"):
        call_command("import_responses", *ARGS, str(path))
    assert not Wave.objects.filter(slug="hc-2022").exists()


def test_unknown_wave_without_details(council, tmp_path):
    path = tmp_path / "hc.csv"
    path.write_text("sw_workload_manageable\nAgree\n")
    with pytest.raises(CommandError, match="--wave: Testshire Council has no wave 'nope'"):
        call_command("import_responses", "--organisation", "991", "--wave", "nope", str(path))


def test_an_unknown_service_is_named_in_the_error(council, tmp_path):
    path = tmp_path / "hc.csv"
    path.write_text("sw_workload_manageable\nAgree\n")
    args = [*ARGS[:-1], "Housing"]
    with pytest.raises(CommandError, match="--service: Testshire Council has no service 'Housing'"):
        call_command("import_responses", *args, str(path))
    assert not Wave.objects.filter(slug="hc-2022").exists()


def test_a_missing_file_is_named(council, tmp_path):
    with pytest.raises(CommandError, match=r"missing\.csv: No such file"):
        call_command("import_responses", *ARGS, str(tmp_path / "missing.csv"))
