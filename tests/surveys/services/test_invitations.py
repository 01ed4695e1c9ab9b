"""Where invitations go: the staff record's email address, else the person's sign-in email."""

import re

from django.contrib.auth.models import User
from django.core import mail
from django.core.management import call_command

from tests.surveys import helpers
from workforce_health.core import services as core_services
from workforce_health.surveys import tokens
from workforce_health.surveys.models import Invitation
from workforce_health.surveys.services import invitations


def _sent_to(wave) -> tuple[tuple[int, int], dict[str, str]]:
    counts = invitations.invitations_send(wave=wave, base_url="http://testserver")
    return counts, {m.to[0]: str(m.body) for m in mail.outbox}


def test_staff_without_sign_ins_are_emailed_at_their_records_address(council):
    core_services.person_update(person=council.manager, email="priya.shah@example.org")
    counts, bodies = _sent_to(helpers.open_wave(council))
    assert counts == (1, 1)  # the social worker has no address anywhere
    assert list(bodies) == ["priya.shah@example.org"]
    assert re.search(r"http://testserver/s/[\w-]{43}/", bodies["priya.shah@example.org"])


def test_the_records_address_is_preferred_to_the_sign_ins(council):
    helpers.give_emails(council)  # sign-ins of the social worker and the manager
    core_services.person_update(person=council.social_worker, email="alex.morgan@example.org")
    counts, bodies = _sent_to(helpers.open_wave(council))
    assert counts == (2, 0)
    assert set(bodies) == {"alex.morgan@example.org", "team_manager-991@example.org"}


def test_the_invitation_keeps_a_hash_of_the_token_and_not_the_address(council):
    core_services.person_update(person=council.social_worker, email="alex.morgan@example.org")
    wave = helpers.open_wave(council)
    token = helpers.invitation_tokens(wave)[0]
    invitation = Invitation.objects.get(wave=wave, person=council.social_worker)
    assert invitation.token_hash == tokens.token_hash(token, tokens.Purpose.INVITATION) != token
    stored = str(list(Invitation.objects.values_list()))
    assert token not in stored and "alex.morgan@example.org" not in stored


def test_addresses_added_after_opening_are_sent_by_send_invitations(council, capsys):
    wave = helpers.open_wave(council)
    assert invitations.invitations_send(wave=wave, base_url="http://testserver") == (0, 2)
    core_services.person_update(person=council.social_worker, email="alex.morgan@example.org")
    User.objects.filter(pk=council.users["team_manager"].pk).update(email="priya@example.org")
    call_command("send_invitations", organisation="991", wave=wave.slug)
    assert "2 emailed, 0 still without an email address" in capsys.readouterr().out
    assert sorted(m.to[0] for m in mail.outbox) == ["alex.morgan@example.org", "priya@example.org"]


def test_the_email_says_the_link_is_kept_until_the_answers_are_sent(council):
    # The link opens the survey again and again until the answers are sent (saved answers
    # included), so the email must not also say it "works once".
    core_services.person_update(person=council.social_worker, email="alex.morgan@example.org")
    wave = helpers.open_wave(council)
    _, bodies = _sent_to(wave)
    body = " ".join(bodies["alex.morgan@example.org"].split())
    closes = f"{wave.closes_on:%-d %B %Y}"
    assert f"come back to them with the same link until {closes}" in body
    assert "Once you send your answers, the link stops working." in body
    assert "once" not in body.replace("Once you send", "")
