"""`workforce-health actions` and `sessions`: JSON and CSV, counts never names."""

import csv
import datetime
import io
import json

import pytest
from django.core.management import call_command
from django.utils import timezone

from tests.listening import helpers
from workforce_health.listening import services
from workforce_health.listening.models import Action


@pytest.mark.django_db
def test_actions_as_json_and_csv_with_formulas_made_inert(council, capsys):
    action = helpers.action(council, title='=HYPERLINK("http://evil.example","Caseloads")')
    services.action_progress(
        action=action,
        status=Action.Status.COMPLETE,
        note="Done",
        author=None,
        completed_on=timezone.localdate(),
        evidence="+44 audit",
    )
    helpers.action(council, title="Still going")
    code = council.organisation.la_code
    call_command("actions", "--organisation", code, "--format", "json")
    records = json.loads(capsys.readouterr().out)
    assert [r["status"] for r in records] == ["complete", "not_started"]
    assert records[0]["prompted_by"] == ["Raised in anonymous conversations with leaders: Caseload"]
    call_command("actions", "--organisation", code, "--format", "csv", "--status", "open")
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert [r["title"] for r in rows] == ["Still going"]
    call_command("actions", "--organisation", code, "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert rows[0]["title"].startswith("'=HYPERLINK")
    assert rows[0]["evidence"] == "'+44 audit"


@pytest.mark.django_db
def test_sessions_as_json_and_csv_give_counts_never_names(council, capsys):
    helpers.more_staff(council, 4)
    held = helpers.session(council, starts_at=timezone.now() - datetime.timedelta(days=3))
    services.session_attendance_record(session=held, total=3, questions_raised="-Parking")
    helpers.session(council, title="Next one")
    code = council.organisation.la_code
    call_command("sessions", "--organisation", code, "--format", "json")
    records = json.loads(capsys.readouterr().out)
    assert [r["title"] for r in records] == [held.title, "Next one"]
    assert records[0]["attended"] == 3 and records[0]["invited"] == 7
    assert records[0]["reach_pct"] == pytest.approx(42.9)
    assert "register" not in json.dumps(records).replace("keeps_register", "")
    call_command(
        "sessions", "--organisation", code, "--format", "csv", "--to", str(timezone.localdate())
    )
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert len(rows) == 1 and rows[0]["questions_raised"] == "'-Parking"
