"""`workforce-health survey create-wave | import-responses | questionnaires | open | close`."""

import datetime
import io
import json

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from tests.results.helpers import past_wave
from workforce_health.surveys.models import Response, Wave

pytestmark = pytest.mark.django_db
CREATE = [
    "create-wave",
    "--organisation",
    "991",
    "--questionnaire",
    "social-work-health-check",
    "--name",
    "Health Check 2030",
    "--slug",
    "hc-2030",
]


def run(*args: str) -> str:
    out = io.StringIO()
    call_command("survey", *args, stdout=out)
    return out.getvalue()


def test_create_wave(council):
    out = run(
        *CREATE,
        "--service",
        "Children's Services",
        "--opens",
        "2030-02-01",
        "--closes",
        "2030-03-01",
        "--min-group",
        "7",
    )
    assert "Created Health Check 2030 (hc-2030)" in out
    wave = Wave.objects.get(slug="hc-2030")
    assert wave.status == Wave.Status.DRAFT
    assert wave.min_group_size == 7
    assert wave.opens_on == datetime.date(2030, 2, 1)
    assert [s.name for s in wave.services.all()] == ["Children's Services"]


def test_create_wave_defaults_to_every_service(council):
    run(*CREATE)
    assert Wave.objects.get(slug="hc-2030").services.count() == 2


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["--min-group", "4"], "--min-group: the smallest group reported must be 5 or more"),
        (["--opens", "2030-13-01"], "'2030-13-01' is not a date"),
        (["--opens", "2030-03-01", "--closes", "2030-02-01"], "closes on: The closing date"),
        (["--service", "Housing"], "has no service 'Housing'"),
    ],
)
def test_create_wave_bad_input(council, extra, message):
    with pytest.raises(CommandError, match=message):
        run(*CREATE, *extra)
    assert not Wave.objects.filter(slug="hc-2030").exists()


def test_create_wave_unknown_questionnaire_and_organisation(council):
    args = list(CREATE)
    args[args.index("social-work-health-check")] = "staff-survey"
    with pytest.raises(CommandError, match="no questionnaire 'staff-survey'; choose from"):
        run(*args)
    args[args.index("991")] = "000"
    with pytest.raises(CommandError, match="no organisation has LA code '000'"):
        run(*args)


def test_create_wave_twice_is_refused(council):
    run(*CREATE)
    with pytest.raises(CommandError, match="already exists"):
        run(*CREATE)


def test_import_responses(council, tmp_path):
    past_wave(council, slug="hc-2022", year=2022, teams={})
    path = tmp_path / "hc.csv"
    path.write_text("sw_workload_manageable\nAgree\nDisagree\n")
    assert "Imported 2 responses" in run("import-responses", "--wave", "hc-2022", str(path))
    assert Response.objects.filter(wave__slug="hc-2022").count() == 2


def test_a_past_wave_from_the_command_line_takes_an_import(council, tmp_path):
    out = run(*CREATE, "--past", "--opens", "2022-02-01", "--closes", "2022-03-01")
    assert "a past survey that ran 1 February 2022 to 1 March 2022" in out
    wave = Wave.objects.get(slug="hc-2030")
    assert wave.status == Wave.Status.CLOSED and not wave.invitations.exists()
    path = tmp_path / "hc.csv"
    path.write_text("team,sw_workload_manageable\nTeam A,Agree\nTeam A,2\n")
    assert "Imported 2 responses" in run("import-responses", "--wave", "hc-2030", str(path))
    assert Response.objects.filter(wave=wave).count() == 2


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        ([], "--past: give the dates the survey ran with --opens and --closes"),
        (["--opens", "2022-02-01"], "--past: give the dates"),
        (["--opens", "2022-02-01", "--closes", "2999-03-01"], "the survey must have closed"),
    ],
)
def test_a_past_wave_needs_dates_that_have_passed(council, extra, message):
    with pytest.raises(CommandError, match=message):
        run(*CREATE, "--past", *extra)
    assert not Wave.objects.filter(slug="hc-2030").exists()


def test_importing_into_a_wave_that_collects_responses_says_what_to_do(council, tmp_path):
    run(*CREATE)  # a wave to collect responses, not yet open
    path = tmp_path / "hc.csv"
    path.write_text("sw_workload_manageable\nAgree\n")
    with pytest.raises(CommandError, match=r"create one with `survey create-wave \.\.\. --past"):
        run("import-responses", "--wave", "hc-2030", str(path))
    assert not Response.objects.exists()


def test_import_bad_file(council, tmp_path):
    past_wave(council, slug="hc-2022", year=2022, teams={})
    path = tmp_path / "hc.csv"
    path.write_text("sw_workload_manageable\nSometimes\n")
    with pytest.raises(CommandError, match="Row 2, column sw_workload_manageable"):
        run("import-responses", "--wave", "hc-2022", str(path))
    with pytest.raises(CommandError, match=r"missing\.csv"):
        run("import-responses", "--wave", "hc-2022", str(tmp_path / "missing.csv"))
    with pytest.raises(CommandError, match="no organisation has a survey wave 'nope'"):
        run("import-responses", "--wave", "nope", str(path))
    assert not Response.objects.exists()


def test_questionnaires_json(db):
    listed = json.loads(run("questionnaires", "--format", "json"))
    by_key = {q["key"]: q for q in listed}
    assert set(by_key) == {"social-work-health-check", "wider-workforce-health-check"}
    swhc = by_key["social-work-health-check"]
    assert set(swhc) == {"key", "name", "items"}
    assert swhc["name"] == "Social Work Health Check"
    stress = next(i for i in swhc["items"] if i["code"] == "sw_stress")
    assert stress == {
        "code": "sw_stress",
        "type": "agree",
        "standard": "S4",
        "theme": None,
        "reverse": True,
    }
    pride = next(i for i in swhc["items"] if i["code"] == "sw_pride")
    assert (pride["standard"], pride["theme"]) == (None, "engagement")
    wider = by_key["wider-workforce-health-check"]["items"]
    assert all(i["theme"] for i in wider if i["type"] == "agree")  # grouped by theme only


def test_questionnaires_text(db):
    assert "wider-workforce-health-check" in run("questionnaires")


def test_open_and_close(council):
    run(*CREATE, "--opens", timezone.localdate().isoformat())
    assert "is open" in run("open", "--wave", "hc-2030")
    assert "is closed" in run("close", "--wave", "hc-2030")
    with pytest.raises(CommandError, match="is not open"):
        run("close", "--wave", "hc-2030")


def test_unknown_subcommand(db):
    with pytest.raises(CommandError, match="invalid choice"):
        run("launch")
