"""`workforce-health survey import-responses --wave SLUG [FILE] --invited INVITED_FILE`: invited
counts for an earlier year's survey."""

import io

import pytest
from django.core.management import CommandError, call_command

from workforce_health.surveys.models import InvitedGroup, Response

pytestmark = pytest.mark.django_db
PAST = [
    "create-wave",
    "--organisation",
    "991",
    "--questionnaire",
    "social-work-health-check",
    "--name",
    "Health Check 2022",
    "--slug",
    "hc-2022",
    "--service",
    "Children's Services",
    "--opens",
    "2022-02-01",
    "--closes",
    "2022-03-01",
    "--past",
]
RESPONSES = "team,sw_workload_manageable\n" + "Team A,Agree\n" * 6 + "Team B,Disagree\n" * 5


def run(*args: str) -> str:
    out = io.StringIO()
    call_command("survey", *args, stdout=out)
    return out.getvalue()


@pytest.fixture
def files(council, tmp_path):
    run(*PAST)
    (tmp_path / "hc.csv").write_text(RESPONSES)
    (tmp_path / "invited.csv").write_text("team,invited\nTeam A,9\nTeam B,8\n")
    return tmp_path


def _invited() -> dict[str, int]:
    return dict(InvitedGroup.objects.filter(wave__slug="hc-2022").values_list("team", "invited"))


def test_responses_and_invited_counts_together(files):
    out = run(
        "import-responses",
        "--wave",
        "hc-2022",
        str(files / "hc.csv"),
        "--invited",
        str(files / "invited.csv"),
    )
    assert out.strip() == (
        "Imported 11 responses into Health Check 2022; recorded 17 invited in 2 groups"
    )
    assert _invited() == {"Team A": 9, "Team B": 8}
    assert Response.objects.filter(wave__slug="hc-2022").count() == 11


def test_a_bad_invited_file_imports_nothing(files):
    (files / "invited.csv").write_text("team,invited\nTeam A,9\nTeam B,eight\n")
    with pytest.raises(CommandError) as error:
        run(
            "import-responses",
            "--wave",
            "hc-2022",
            str(files / "hc.csv"),
            "--invited",
            str(files / "invited.csv"),
        )
    assert str(error.value) == (
        "Nothing was imported:\nIn invited.csv: Row 3, column invited: 'eight' is not a whole "
        "number of people (0 or more)"
    )
    assert not Response.objects.exists() and not InvitedGroup.objects.exists()


def test_invited_counts_for_a_wave_already_imported(files):
    run("import-responses", "--wave", "hc-2022", str(files / "hc.csv"))
    out = run("import-responses", "--wave", "hc-2022", "--invited", str(files / "invited.csv"))
    assert out.strip() == "Recorded 17 invited in 2 groups for Health Check 2022"
    (files / "few.csv").write_text("invited\n5\n")
    with pytest.raises(
        CommandError,
        match="No invited counts were recorded:\nColumn invited: "
        "the counts add up to 5 invited, fewer than the 11 responses",
    ):
        run("import-responses", "--wave", "hc-2022", "--invited", str(files / "few.csv"))
    assert _invited() == {"Team A": 9, "Team B": 8}  # unchanged


def test_neither_file_or_a_missing_file_is_named(files):
    with pytest.raises(CommandError, match="give the responses FILE, the --invited"):
        run("import-responses", "--wave", "hc-2022")
    with pytest.raises(CommandError, match=r"--invited: .*nope\.csv: No such file"):
        run(
            "import-responses",
            "--wave",
            "hc-2022",
            str(files / "hc.csv"),
            "--invited",
            str(files / "nope.csv"),
        )
    assert not Response.objects.exists()


def test_a_wave_that_collects_its_own_responses_takes_no_counts(files):
    run(*PAST[:8], "hc-2030")  # a wave to collect responses, not yet open
    with pytest.raises(
        CommandError, match="Health Check 2022 has not opened: how many are invited is counted from"
    ):
        run("import-responses", "--wave", "hc-2030", "--invited", str(files / "invited.csv"))
    assert not InvitedGroup.objects.filter(wave__slug="hc-2030").exists()
