"""`survey questionnaires --check`, `survey open`, `send_invitations` and `survey close`."""

import pytest
from django.core import mail
from django.core.management import CommandError, call_command

from tests.surveys import helpers
from workforce_health.surveys.models import Wave


def test_questionnaires_check_validates_the_packaged_files(db, capsys):
    call_command("survey", "questionnaires", "--check")
    out = capsys.readouterr().out
    assert "social-work-health-check.toml: valid, 9 sections" in out
    assert "wider-workforce-health-check.toml: valid" in out


def test_open_send_and_close(council, capsys):
    wave = helpers.wave(council)
    call_command(
        "survey",
        "open",
        "--organisation",
        "991",
        "--wave",
        wave.slug,
        "--base-url",
        "https://wh.example",
    )
    assert "2 invited, 0 emailed, 2 without an email address" in capsys.readouterr().out
    helpers.give_emails(council)
    call_command("send_invitations", organisation="991", wave=wave.slug)
    call_command("send_invitations", organisation="991", wave=wave.slug)
    assert len(mail.outbox) == 2  # never sent twice
    call_command("survey", "close", "--organisation", "991", "--wave", wave.slug)
    assert Wave.objects.get().status == Wave.Status.CLOSED


def test_errors_name_the_argument(council):
    with pytest.raises(CommandError, match="--wave: Testshire Council has no survey wave 'nope'"):
        call_command("survey", "open", "--organisation", "991", "--wave", "nope")
    with pytest.raises(CommandError, match="--organisation: no organisation has LA code '000'"):
        call_command("survey", "close", "--organisation", "000", "--wave", "x")
    with pytest.raises(CommandError, match="--wave: Testshire Council has no survey wave 'nope'"):
        call_command("send_invitations", organisation="991", wave="nope")


@pytest.mark.parametrize("name", ["open_wave", "close_wave", "questionnaires", "import_responses"])
def test_the_duplicate_commands_are_gone(name):
    with pytest.raises(CommandError, match="Unknown command"):
        call_command(name)
