"""The survey commands: questionnaires, open-wave, send-invitations, close-wave."""

import pytest
from django.core import mail
from django.core.management import CommandError, call_command

from tests.surveys import helpers
from workforce_health.surveys.models import Wave


def test_questionnaires_lists_the_versions(db, capsys):
    call_command("questionnaires")
    out = capsys.readouterr().out
    assert "social-work-health-check.toml: valid, 9 sections" in out
    assert "wider-workforce-health-check" in out and "packaged" in out


def test_open_send_and_close(council, capsys):
    wave = helpers.wave(council)
    call_command("open_wave", organisation="991", wave=wave.slug, base_url="https://wh.example")
    assert "2 invited, 0 emailed, 2 without an email address" in capsys.readouterr().out
    helpers.give_emails(council)
    call_command("send_invitations", organisation="991", wave=wave.slug)
    call_command("send_invitations", organisation="991", wave=wave.slug)
    assert len(mail.outbox) == 2  # never sent twice
    call_command("close_wave", organisation="991", wave=wave.slug)
    assert Wave.objects.get().status == Wave.Status.CLOSED


def test_errors_name_the_argument(council):
    with pytest.raises(CommandError, match="--wave: Testshire Council has no survey wave 'nope'"):
        call_command("open_wave", organisation="991", wave="nope")
    with pytest.raises(CommandError, match="--organisation: no organisation has LA code '000'"):
        call_command("close_wave", organisation="000", wave="x")
