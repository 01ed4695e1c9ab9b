"""The respondent's journey by token: sections, errors, save and resume, check, send once."""

import re

import pytest
from django.urls import reverse

from tests.surveys import helpers
from workforce_health.surveys import tokens
from workforce_health.surveys.models import Draft, Response, Wave
from workforce_health.surveys.services import responding, waves


@pytest.fixture
def token(council):
    helpers.give_emails(council)
    opened = helpers.open_wave(council)
    found = helpers.invitation_tokens(opened)
    assert len(found) == 2  # the practitioner's and the team manager's sign-ins are linked
    return found[0]


def url(name, token, **kwargs):
    return reverse(name, kwargs={"token": token, **kwargs})


def test_tokens_are_random_and_at_least_128_bits(token):
    assert tokens.TOKEN_BYTES * 8 >= 128
    assert len(token) >= 43  # 256 bits in URL-safe base64
    assert len({tokens.new_token() for _ in range(100)}) == 100


def test_sections_show_progress_and_every_item_type(client, token):
    page = client.get(url("survey-section", token, number=3)).content.decode()
    assert "Section 3 of 9" in page and "Your workload" in page
    assert 'value="dont_know"' in page  # agree items offer don't know
    assert 'inputmode="decimal"' in page and 'inputmode="numeric"' in page
    last = client.get(url("survey-section", token, number=9)).content.decode()
    assert "govuk-radios--inline" in last and "<textarea" in last
    assert "Do not include names" in last
    assert client.get(url("survey-section", token, number=10)).status_code == 404


def test_invalid_answers_get_a_govuk_error_summary(client, token):
    response = client.post(
        url("survey-section", token, number=3),
        {"contracted_hours": "37.55", "actual_hours": "500", "current_caseload": "ten"},
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert re.search(r"<title>Error: ", page)
    assert "govuk-error-summary" in page
    assert 'href="#id_actual_hours"' in page
    assert "Enter hours from 0 to 120" in page
    assert "Enter hours as at most 1 decimal place" in page
    assert "Enter cases as a number, like 12" in page
    assert not Draft.objects.exists()


def test_save_and_come_back_later(client, token):
    response = client.post(
        url("survey-section", token, number=1), {"sw_clear_vision": "4", "save": "1"}
    )
    assert response["Location"] == url("survey-start", token) + "?saved=1"
    page = client.get(response["Location"]).content.decode()
    assert "Your answers have been saved" in page and "Continue where you left off" in page
    again = client.get(url("survey-section", token, number=1)).content.decode()
    assert re.search(r'value="4"[^>]*checked', again)


def test_complete_check_and_send_once(client, token):
    client.post(url("survey-section", token, number=1), {"sw_pride": "", "sw_clear_vision": "5"})
    client.post(url("survey-section", token, number=3), {"contracted_hours": "37.5"})
    check = client.get(url("survey-check", token)).content.decode()
    assert "Strongly agree" in check and "37.5 hours" in check and "Not answered" in check
    first = client.post(url("survey-check", token))
    second = client.post(url("survey-check", token))  # a double click or a retry
    assert first.status_code == second.status_code == 302
    assert Response.objects.count() == 1
    stored = Response.objects.get()
    assert stored.answers == {"sw_clear_vision": "5", "contracted_hours": "37.5"}
    assert not Draft.objects.exists()
    done = client.get(url("survey-start", token)).content.decode()
    assert "Response sent" in done
    assert client.get(url("survey-section", token, number=1)).status_code == 302
    assert not responding.response_submit(
        wave=stored.wave, invitation=stored.wave.invitations.all()[0], token=token
    )
    assert Response.objects.count() == 1


def test_sending_nothing_is_refused(client, token):
    response = client.post(url("survey-check", token))
    assert response.status_code == 400
    assert "Answer at least one question" in response.content.decode()


def test_unknown_tokens_are_not_found(client, token):
    assert client.get(url("survey-start", tokens.new_token())).status_code == 404
    assert client.get("/s/short/").status_code == 404


def test_closed_wave_takes_no_answers(client, token, council):
    wave = Wave.objects.get()
    waves.wave_close(wave=wave)
    assert "has closed" in client.get(url("survey-start", token)).content.decode()
    answer = client.post(url("survey-section", token, number=1), {"sw_clear_vision": "4"})
    assert answer.status_code == 302
    assert not Draft.objects.exists()


def test_a_first_section_sent_blank_moves_on_and_stores_nothing_but_progress(client, token):
    # A browser always sends the CSRF token, so the form is bound even with nothing answered.
    response = client.post(url("survey-section", token, number=1), {"csrfmiddlewaretoken": "x"})
    assert response.status_code == 302
    assert response["Location"] == url("survey-section", token, number=2)
    again = client.post(url("survey-section", token, number=2), {"csrfmiddlewaretoken": "x"})
    assert again.status_code == 302
    assert not Response.objects.exists()
    assert all(not draft.answers for draft in Draft.objects.all())
    # Sending that progress is refused, and the progress is kept.
    sent = client.post(url("survey-check", token))
    assert sent.status_code == 400
    assert "Answer at least one question" in sent.content.decode()
    assert Draft.objects.get().sections_seen == 2
    assert not Response.objects.exists()
