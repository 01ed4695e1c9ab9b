"""The shared link: organisation code, self-declared groups, one response per browser."""

from django.urls import reverse

from tests.surveys import helpers
from workforce_health.surveys.models import Invitation, Response


def _url(wave):
    return reverse("survey-shared", kwargs={"la_code": "991", "slug": wave.slug})


def test_wrong_code_is_refused(council, client):
    wave = helpers.open_wave(council)
    response = client.post(_url(wave), {"access_code": "WRONG"})
    page = response.content.decode()
    assert "That organisation code is not right" in page and "govuk-error-summary" in page
    assert "Enter the organisation code" not in page  # it was entered: it is wrong
    assert not Invitation.objects.filter(source=Invitation.Source.SHARED_LINK).exists()


def test_start_answer_and_come_back_in_the_same_browser(council, client):
    wave = helpers.open_wave(council)
    code = wave.access_code[:4].lower() + "-" + wave.access_code[4:]  # as typed from a poster
    start = client.post(
        _url(wave), {"access_code": code, "service": "Children's Services", "role_group": ""}
    )
    assert start.status_code == 302
    token = start["Location"].split("/")[2]
    assert client.get(_url(wave))["Location"] == start["Location"]  # one response per browser
    client.post(
        reverse("survey-section", kwargs={"token": token, "number": 1}), {"sw_clear_vision": "3"}
    )
    client.post(reverse("survey-check", kwargs={"token": token}))
    response = Response.objects.get()
    assert response.source == Invitation.Source.SHARED_LINK
    assert response.service == "Children's Services" and response.role_group == "Not known"


def test_draft_waves_have_no_shared_link(council, client):
    wave = helpers.wave(council)
    assert client.get(_url(wave)).status_code == 404
