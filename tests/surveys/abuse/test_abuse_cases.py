"""Used or expired tokens, closed waves, forged fields, answers outside the scale, over-long
comments: each gets a clear message and stores nothing."""

import re

import pytest
from django.test import Client
from django.urls import reverse

from tests.results.helpers import past_wave
from workforce_health.surveys.models import Draft, Invitation, Response, Wave
from workforce_health.surveys.services import waves
from workforce_health.surveys.views import respond


def _url(name: str, token: str, **kwargs: int) -> str:
    return reverse(name, kwargs={"token": token, **kwargs})


def _shared(wave: Wave) -> str:
    return reverse(
        "survey-shared", kwargs={"la_code": wave.organisation.la_code, "slug": wave.slug}
    )


def _stored() -> tuple[int, int, int]:
    return Draft.objects.count(), Response.objects.count(), Invitation.objects.count()


def _errors(page: str) -> list[str]:
    summary = re.search(r'class="govuk-error-summary".*?</div>\s*</div>', page, re.S)
    assert summary, "no GOV.UK error summary"
    return re.findall(r'<a href="#[^"]+">([^<]+)</a>', summary.group(0))


def test_a_used_token_says_so_and_stores_nothing(client: Client, token: str) -> None:
    client.post(_url("survey-section", token, number=1), {"sw_clear_vision": "5"})
    assert client.post(_url("survey-check", token)).status_code == 302
    before = _stored()
    again = client.post(_url("survey-section", token, number=1), {"sw_clear_vision": "1"})
    assert again["Location"] == _url("survey-start", token)
    assert client.post(_url("survey-check", token))["Location"] == _url("survey-start", token)
    page = client.get(_url("survey-start", token)).content.decode()
    assert "Response sent" in page and "This link cannot be used again" in page
    assert _stored() == before
    assert Response.objects.get().answers == {"sw_clear_vision": "5"}


def test_a_token_of_a_closed_wave_says_so_and_stores_nothing(
    client: Client, opened: Wave, token: str
) -> None:
    client.post(_url("survey-section", token, number=1), {"sw_clear_vision": "5"})
    waves.wave_close(wave=opened)
    before = _stored()
    answer = client.post(_url("survey-section", token, number=2), {"sw_enough_staff": "2"})
    assert answer["Location"] == _url("survey-start", token)
    assert client.post(_url("survey-check", token))["Location"] == _url("survey-start", token)
    page = client.get(_url("survey-start", token)).content.decode()
    assert "has closed" in page and "Answers that were saved but not sent are not used" in page
    # Closed before its closing date: the page does not claim it closed on that later date.
    assert "The survey was closed early." in page
    assert f"closed on {opened.closes_on:%-d %B %Y}" not in page
    assert _stored() == before and not Response.objects.exists()
    assert not Draft.objects.exists()  # answers saved but not sent are deleted at closing


def test_the_shared_link_of_a_closed_wave_says_so_and_stores_nothing(
    client: Client, opened: Wave
) -> None:
    waves.wave_close(wave=opened)
    before = _stored()
    response = client.post(_shared(opened), {"access_code": opened.access_code})
    assert (
        response.status_code == 200 and "This survey was closed early." in response.content.decode()
    )
    assert _stored() == before


def test_the_shared_link_of_a_wave_past_its_closing_date_gives_the_date(
    client: Client, council
) -> None:
    past = past_wave(council, slug="hc-2024", year=2024, teams={})
    page = client.get(_shared(past)).content.decode()
    assert f"This survey closed on {past.closes_on:%-d %B %Y}." in page


def test_forged_field_names_are_ignored(client: Client, token: str) -> None:
    forged = {
        "sw_clear_vision": "4",
        "contracted_hours": "37",  # a question from another section
        "response_id": "1",
        "service": "Adults",
        "sections_seen": "9",
        "csrfmiddlewaretoken": "x",
    }
    assert client.post(_url("survey-section", token, number=1), forged).status_code == 302
    draft = Draft.objects.get()
    assert draft.answers == {"sw_clear_vision": "4"} and draft.sections_seen == 1


@pytest.mark.parametrize(
    ("number", "answers", "field", "message"),
    [
        (1, {"sw_clear_vision": "7"}, "sw_clear_vision", respond.NOT_A_CHOICE),
        (1, {"sw_clear_vision": "0"}, "sw_clear_vision", respond.NOT_A_CHOICE),
        (1, {"sw_clear_vision": "4.0"}, "sw_clear_vision", respond.NOT_A_CHOICE),
        (1, {"sw_clear_vision": "<script>"}, "sw_clear_vision", respond.NOT_A_CHOICE),
        (5, {"supervision_frequency": "daily"}, "supervision_frequency", respond.NOT_A_CHOICE),
        (9, {"sw_recommend_0_10": "11"}, "sw_recommend_0_10", respond.NOT_A_CHOICE),
        (9, {"sw_recommend_0_10": "-1"}, "sw_recommend_0_10", respond.NOT_A_CHOICE),
        (3, {"contracted_hours": "81"}, "contracted_hours", "Enter hours from 0 to 80"),
        (3, {"contracted_hours": "-1"}, "contracted_hours", "Enter hours from 0 to 80"),
        (3, {"current_caseload": "1e9"}, "current_caseload", "Enter cases from 0 to 200"),
        (3, {"current_caseload": "NaN"}, "current_caseload", "Enter cases as a whole number"),
        (3, {"actual_hours": "Infinity"}, "actual_hours", "Enter hours as at most 1 decimal"),
    ],
)
def test_answers_outside_the_scale_are_refused_and_nothing_is_stored(
    client: Client, token: str, number: int, answers: dict[str, str], field: str, message: str
) -> None:
    valid = {1: {"sw_practice_model": "4"}, 3: {}, 5: {}, 9: {"sw_pride": "5"}}[number]
    response = client.post(_url("survey-section", token, number=number), {**answers, **valid})
    page = response.content.decode()
    assert response.status_code == 200 and re.search(r"<title>Error: ", page)
    assert any(e.startswith(message) for e in _errors(page)), _errors(page)
    assert f'href="#id_{field}' in page
    assert not Draft.objects.exists()  # not even the valid answers of the same page


def test_an_over_long_comment_is_refused_with_a_clear_message(client: Client, token: str) -> None:
    section = _url("survey-section", token, number=9)
    response = client.post(section, {"sw_comments": "x" * 2001, "sw_pride": "5"})
    assert "Your answer must be 2000 characters or fewer" in _errors(response.content.decode())
    assert not Draft.objects.exists()
    assert client.post(section, {"sw_comments": "x" * 2000}).status_code == 302


def test_comments_are_capped_whatever_the_questionnaire_allows(
    client: Client, token: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert respond.COMMENT_MAX_LENGTH == 5000
    monkeypatch.setattr(respond, "COMMENT_MAX_LENGTH", 100)  # below the item's own 2,000
    section = _url("survey-section", token, number=9)
    page = client.get(section).content.decode()
    assert 'maxlength="100"' in page
    response = client.post(section, {"sw_comments": "y" * 101})
    assert "Your answer must be 100 characters or fewer" in _errors(response.content.decode())
    assert not Draft.objects.exists()


def test_a_huge_request_is_refused_without_a_server_error(client: Client, token: str) -> None:
    response = client.post(
        _url("survey-section", token, number=9), {"sw_comments": "z" * 3_000_000}
    )
    assert response.status_code in (200, 400, 413)
    assert not Draft.objects.exists()


def test_forged_groups_on_the_shared_link_are_refused(client: Client, opened: Wave) -> None:
    before = _stored()
    response = client.post(
        _shared(opened), {"access_code": opened.access_code, "service": "Someone else's"}
    )
    assert response.status_code == 200
    assert respond.NOT_A_CHOICE in _errors(response.content.decode())
    assert _stored() == before


def test_forged_field_names_on_the_shared_link_are_ignored(client: Client, opened: Wave) -> None:
    response = client.post(
        _shared(opened),
        {"access_code": opened.access_code, "team": "A made-up team", "person": "1"},
    )
    assert response.status_code == 302
    invitation = Invitation.objects.get(source=Invitation.Source.SHARED_LINK)
    assert invitation.team == "Not known" and invitation.person_id is None
