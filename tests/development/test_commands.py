"""`workforce-health import-development` and `workforce-health development`."""

import io
import json

import pytest
from django.core.management import CommandError, call_command

from tests.development.helpers import records
from tests.development.test_imports import SUPERVISION
from workforce_health.development.models import SupervisionSession

pytestmark = pytest.mark.django_db


def output(*args):
    out = io.StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


def test_import_development(council, tmp_path):
    path = tmp_path / "sessions.csv"
    path.write_text(SUPERVISION)
    text = output("import_development", "--organisation", "991", "--kind", "supervision", str(path))
    assert "2 supervision sessions imported, 0 already recorded" in text
    assert SupervisionSession.objects.count() == 2
    path.write_text(SUPERVISION + "991-1,soon,90,one_to_one,yes,,,\n")
    errors = io.StringIO()
    with pytest.raises(CommandError, match="nothing imported"):
        call_command(
            "import_development",
            "--organisation",
            "991",
            "--kind",
            "supervision",
            str(path),
            stderr=errors,
        )
    assert "Row 4, column date" in errors.getvalue()
    with pytest.raises(CommandError, match="no organisation"):
        call_command("import_development", "--organisation", "000", "--kind", "cpd", str(path))


def test_supervision_measure_as_json_and_csv(council):
    records(council)
    found = json.loads(
        output(
            "development",
            "--organisation",
            "991",
            "--measure",
            "supervision",
            "--from",
            "2024-09-02",
            "--to",
            "2024-09-22",
        )
    )
    assert (found["from"], found["windows_required"], found["windows_met"]) == ("2024-09-02", 3, 1)
    assert found["sessions"] == 1
    rows = json.loads(
        output(
            "development",
            "--organisation",
            "991",
            "--measure",
            "supervision",
            "--by",
            "team",
            "--from",
            "2024-09-02",
            "--to",
            "2024-09-22",
        )
    )
    assert [r["team"] for r in rows] == ["Assessment North"]
    csv_text = output(
        "development",
        "--organisation",
        "991",
        "--measure",
        "supervision",
        "--by",
        "team",
        "--from",
        "2024-09-02",
        "--to",
        "2024-09-22",
        "--format",
        "csv",
    )
    assert csv_text.splitlines()[0].startswith("from,to,team,people,windows_required,windows_met")


def test_cpd_and_asye_measures(council):
    records(council)
    cpd = json.loads(
        output("development", "--organisation", "991", "--measure", "cpd", "--to", "2025-11-30")
    )
    assert (cpd["registration_year"], cpd["people"], cpd["ready"]) == (2025, 2, 0)
    asye = json.loads(
        output(
            "development",
            "--organisation",
            "991",
            "--measure",
            "asye",
            "--by",
            "team",
            "--to",
            "2025-03-10",
        )
    )
    assert asye == [
        asye[0] | {"team": "Assessment North", "nqsws": 1, "in_progress": 1, "on_track": 0}
    ]
    with pytest.raises(CommandError, match="--from must be on or before --to"):
        call_command(
            "development",
            "--organisation",
            "991",
            "--measure",
            "cpd",
            "--from",
            "2025-02-01",
            "--to",
            "2025-01-01",
        )
