"""Pages for workforce leads: create, open and close a wave; copy and reword a questionnaire."""

import re

from django.core import mail
from django.urls import reverse
from django.utils import timezone

from tests.surveys import helpers
from workforce_health.core import services as core_services
from workforce_health.core.models import Membership
from workforce_health.surveys.models import Questionnaire, Wave

Role = Membership.Role


def test_lead_creates_and_opens_a_wave(council, client_for):
    helpers.give_emails(council)
    client = client_for(council.users[Role.WORKFORCE_LEAD])
    today = timezone.localdate()
    form = {
        "questionnaire": helpers.builtin().pk,
        "title": "Children's Social Work Health Check 2025",
        "slug": "childrens-2025",
        "services": [council.children.pk],
        "staff_groups": ["social_worker", "manager"],
        "opens_on-day": today.day,
        "opens_on-month": today.month,
        "opens_on-year": today.year,
        "closes_on-day": today.day,
        "closes_on-month": today.month,
        "closes_on-year": today.year,
        "min_group_size": 10,
        "min_group_size_comments": 20,
        "min_invited_for_response_rate": 10,
    }
    error = client.post(reverse("survey-wave-create"), form).content.decode()
    assert "The closing date must be after the opening date" in error
    form |= {"closes_on-year": today.year + 1}
    created = client.post(reverse("survey-wave-create"), form)
    wave = Wave.objects.get()
    assert created["Location"] == reverse("survey-wave-detail", kwargs={"wave_id": wave.pk})
    opened = client.post(reverse("survey-wave-open", kwargs={"wave_id": wave.pk}), follow=True)
    assert "is open: 2 invited, 2 emailed" in opened.content.decode()
    assert len(mail.outbox) == 2 and re.search(
        r"http://testserver/s/[\w-]{43}/", str(mail.outbox[0].body)
    )
    again = client.post(reverse("survey-wave-open", kwargs={"wave_id": wave.pk}))
    assert again.status_code == 400 and "already open" in again.content.decode()
    client.post(reverse("survey-wave-close", kwargs={"wave_id": wave.pk}))
    assert Wave.objects.get().status == Wave.Status.CLOSED


def test_copy_and_reword_gives_changed_items_new_codes(council, client_for):
    client = client_for(council.users[Role.ADMINISTRATOR])
    original = helpers.builtin()
    client.post(
        reverse("survey-questionnaire-copy", kwargs={"questionnaire_id": original.pk}),
        {"title": "Testshire Health Check"},
    )
    copy = Questionnaire.objects.get(organisation=council.organisation)
    assert (copy.code, copy.version, copy.based_on) == (original.code, 2, original)
    edit = reverse("survey-questionnaire-edit", kwargs={"questionnaire_id": copy.pk})
    texts = {f"text__{item.code}": item.text for item in copy.parsed().items()}
    texts["text__sw_pride"] = "I am proud to work for Testshire"
    client.post(edit, {"title": "Testshire Health Check", **texts})
    parsed = Questionnaire.objects.get(pk=copy.pk).parsed()
    assert parsed.item("sw_pride_v2").text == "I am proud to work for Testshire"
    assert parsed.item("sw_stress").text == original.parsed().item("sw_stress").text
    helpers.open_wave(council, questionnaire=copy)
    texts = {f"text__{item.code}": item.text for item in parsed.items()}
    refused = client.post(edit, {"title": "Changed", **texts}).content.decode()
    assert "used by a wave that has opened" in refused


def test_other_councils_waves_and_copies_are_not_found(council, other_council, client_for):
    wave = helpers.wave(other_council)
    client = client_for(council.users[Role.WORKFORCE_LEAD])
    assert client.get(reverse("survey-wave-detail", kwargs={"wave_id": wave.pk})).status_code == 404
    builtin = helpers.builtin()
    edit = reverse("survey-questionnaire-edit", kwargs={"questionnaire_id": builtin.pk})
    assert client.get(edit).status_code == 404  # packaged questionnaires are never edited


def _wave_form(council, **changes) -> dict:
    today = timezone.localdate()
    return {
        "questionnaire": helpers.builtin().pk,
        "title": "Children's Social Work Health Check 2025",
        "slug": "childrens-2025",
        "services": [council.children.pk],
        "staff_groups": ["social_worker"],
        "opens_on-day": today.day,
        "opens_on-month": today.month,
        "opens_on-year": today.year,
        "closes_on-day": today.day,
        "closes_on-month": today.month,
        "closes_on-year": today.year + 1,
        "min_group_size": 10,
        "min_group_size_comments": 20,
        "min_invited_for_response_rate": 10,
    } | changes


def test_wave_form_errors_are_in_plain_words(council, client_for):
    client = client_for(council.users[Role.WORKFORCE_LEAD])
    form = _wave_form(council, min_group_size=4, min_group_size_comments="", **{"title": ""})
    page = client.post(reverse("survey-wave-create"), form).content.decode()
    assert "The smallest group whose results are shown must be 5 or more" in page
    assert "Enter the smallest group whose comments are shown" in page
    assert "Ensure this value" not in page and "This field is required" not in page
    assert not Wave.objects.exists()


def test_a_short_name_already_used_is_refused_on_the_form(council, client_for):
    client = client_for(council.users[Role.WORKFORCE_LEAD])
    assert client.post(reverse("survey-wave-create"), _wave_form(council)).status_code == 302
    page = client.post(reverse("survey-wave-create"), _wave_form(council)).content.decode()
    assert "A survey already has this short name" in page
    assert "Wave with this Organisation and Slug already exists" not in page
    assert Wave.objects.count() == 1


def _settings_url(wave) -> str:
    return reverse("survey-wave-settings", kwargs={"wave_id": wave.pk})


SETTINGS = {
    "min_group_size": 12,
    "min_group_size_comments": 24,
    "min_invited_for_response_rate": 15,
}


def test_disclosure_settings_change_until_the_wave_opens(council, client_for):
    client = client_for(council.users[Role.WORKFORCE_LEAD])
    draft = helpers.wave(council)
    detail = client.get(reverse("survey-wave-detail", kwargs={"wave_id": draft.pk}))
    assert _settings_url(draft) in detail.content.decode()
    saved = client.post(_settings_url(draft), SETTINGS)
    assert saved["Location"] == reverse("survey-wave-detail", kwargs={"wave_id": draft.pk})
    draft.refresh_from_db()
    assert (draft.min_group_size, draft.min_group_size_comments) == (12, 24)
    assert draft.min_invited_for_response_rate == 15


def test_disclosure_settings_are_checked_and_explained(council, client_for):
    client = client_for(council.users[Role.WORKFORCE_LEAD])
    draft = helpers.wave(council)
    page = client.post(_settings_url(draft), SETTINGS | {"min_group_size_comments": 11})
    assert "at least the minimum group size" in page.content.decode()
    page = client.post(_settings_url(draft), SETTINGS | {"min_group_size": 3})
    assert "The smallest group whose results are shown must be 5 or more" in page.content.decode()
    draft.refresh_from_db()
    assert draft.min_group_size == 10


def test_disclosure_settings_are_fixed_once_the_wave_opens(council, client_for):
    client = client_for(council.users[Role.WORKFORCE_LEAD])
    opened = helpers.open_wave(council)
    detail = client.get(reverse("survey-wave-detail", kwargs={"wave_id": opened.pk}))
    assert _settings_url(opened) not in detail.content.decode()
    page = client.get(_settings_url(opened)).content.decode()
    assert "has opened, so its smallest groups shown are fixed" in page
    assert "min_group_size" not in page  # no form to change them
    refused = client.post(_settings_url(opened), SETTINGS)
    assert refused.status_code == 400
    opened.refresh_from_db()
    assert opened.min_group_size == 10


def _summary(page: str) -> dict[str, str]:
    """The confirmation page's summary list: key -> value, as text."""
    rows = re.findall(
        r'<dt class="govuk-summary-list__key">(.*?)</dt>\s*'
        r'<dd class="govuk-summary-list__value">(.*?)</dd>',
        page,
        re.S,
    )
    return {key.strip(): re.sub(r"\s+", " ", value).strip() for key, value in rows}


def test_opening_says_how_many_are_invited_and_emailed_before_it_sends(council, client_for):
    # Two staff in the wave's groups; only the manager has an email address.
    core_services.person_update(person=council.manager, email="priya.shah@example.org")
    wave = helpers.wave(council)
    client = client_for(council.users[Role.WORKFORCE_LEAD])
    url = reverse("survey-wave-open", kwargs={"wave_id": wave.pk})
    page = client.get(url).content.decode()
    summary = _summary(page)
    assert summary["Staff invited"].startswith("2 ")
    assert summary["Emailed now"].startswith("1 personal link,")
    assert summary["No email address"].startswith("1: give them the shared link")
    assert "Emails cannot be recalled once sent." in page
    assert "Open and email 1 invitation<" in page
    assert not mail.outbox and Wave.objects.get().status == Wave.Status.DRAFT  # nothing yet
    client.post(url)
    assert len(mail.outbox) == 1  # as the page said


def test_opening_a_wave_nobody_is_in_says_so(council, client_for):
    wave = helpers.wave(council, staff_groups=["other_practitioner"])
    client = client_for(council.users[Role.WORKFORCE_LEAD])
    page = client.get(reverse("survey-wave-open", kwargs={"wave_id": wave.pk})).content.decode()
    assert _summary(page)["Staff invited"].startswith("0 ")
    assert "Nobody would be invited" in page
