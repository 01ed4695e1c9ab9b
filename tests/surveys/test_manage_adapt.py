"""Pages to adapt a council's copy (add, remove, change options) and to change a draft wave."""

import datetime
from html import escape

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from tests.surveys import helpers
from workforce_health.core.models import Membership
from workforce_health.surveys.models import Questionnaire, Wave
from workforce_health.surveys.services import questionnaires, waves

pytestmark = pytest.mark.django_db
Role = Membership.Role


@pytest.fixture
def copy(council) -> Questionnaire:
    return questionnaires.questionnaire_copy(
        organisation=council.organisation, questionnaire=helpers.builtin(), title="Our check"
    )


@pytest.fixture
def lead(council, client_for):
    return client_for(council.users[Role.WORKFORCE_LEAD])


def _url(name: str, copy: Questionnaire, **kwargs) -> str:
    return reverse(name, kwargs={"questionnaire_id": copy.pk, **kwargs})


def _codes(copy: Questionnaire) -> list[str]:
    return [item.code for item in Questionnaire.objects.get(pk=copy.pk).parsed().items()]


AGREE = {
    "code": "our_hybrid",
    "text": "I can work from home when I need to",
    "section": "workload",
    "group": "theme:workplace",
    "reverse": "on",
    "dont_know": "on",
}


def test_add_an_agree_question_in_two_steps(copy, lead):
    detail = lead.get(_url("survey-questionnaire-detail", copy)).content.decode()
    assert _url("survey-questionnaire-item-type", copy) in detail
    chosen = lead.post(_url("survey-questionnaire-item-type", copy), {"type": "agree"})
    assert chosen["Location"] == _url("survey-questionnaire-item-add", copy, item_type="agree")
    added = lead.post(chosen["Location"], AGREE, follow=True)
    assert "Question our_hybrid added" in added.content.decode()
    item = Questionnaire.objects.get(pk=copy.pk).parsed().item("our_hybrid")
    assert (item.theme, item.standard, item.reverse, item.dont_know) == (
        "workplace",
        None,
        True,
        True,
    )


def test_the_kind_of_question_is_asked_for(copy, lead):
    page = lead.post(_url("survey-questionnaire-item-type", copy), {}).content.decode()
    assert "Choose the kind of question" in page and "<title>Error: " in page
    url = _url("survey-questionnaire-item-add", copy, item_type="scale_0_10")
    assert lead.get(url).status_code == 404  # not a kind that can be added


def test_add_form_errors_are_in_plain_words_and_store_nothing(copy, lead):
    url = _url("survey-questionnaire-item-add", copy, item_type="agree")
    page = lead.post(url, {"dont_know": "on"}).content.decode()
    for message in (
        "Enter a code for the question",
        "Enter the question",
        "Choose the section to add the question to",
        "Choose the standard or theme",
    ):
        assert message in page
    assert "This field is required" not in page
    page = lead.post(url, AGREE | {"code": "team"}).content.decode()
    assert "Code team is kept for a group or the wave" in page
    assert 'class="govuk-error-summary"' in page and "<title>Error: " in page
    page = lead.post(url, AGREE | {"code": "sw_pride"}).content.decode()
    assert "already has a question with the code sw_pride" in page
    page = lead.post(url, AGREE | {"code": "Our Hybrid"}).content.decode()
    assert "The code must start with a lower-case letter" in page
    assert "our_hybrid" not in _codes(copy) and "team" not in _codes(copy)


def test_a_new_section_needs_a_title(copy, lead):
    url = _url("survey-questionnaire-item-add", copy, item_type="text")
    form = {"code": "our_travel", "text": "What would make travel easier?", "section": "__new__"}
    page = lead.post(url, form).content.decode()
    assert "Enter the title of the new section" in page
    lead.post(url, form | {"new_section_title": "Travel"})
    parsed = Questionnaire.objects.get(pk=copy.pk).parsed()
    assert parsed.sections[-1].title == "Travel"
    assert parsed.sections[-1].items[0].code == "our_travel"


def test_add_choice_and_number_questions(copy, lead):
    choice = {
        "code": "our_mode",
        "text": "How do you usually travel to visits?",
        "section": "workplace",
        "options": "My own car\n\nPool car\n",
    }
    url = _url("survey-questionnaire-item-add", copy, item_type="choice")
    page = lead.post(url, choice | {"options": "Car\ncar"}).content.decode()
    assert "Each option must be different: car repeats" in page
    lead.post(url, choice)
    number = {
        "code": "our_miles",
        "text": "How many miles a week do you drive for work?",
        "section": "workplace",
        "min": "10",
        "max": "5",
        "decimals": "0",
    }
    url = _url("survey-questionnaire-item-add", copy, item_type="number")
    page = lead.post(url, number).content.decode()
    assert "The largest answer accepted must be more than the smallest" in page
    page = lead.post(url, number | {"max": "lots"}).content.decode()
    assert "The largest answer accepted must be a number, like 40" in page
    lead.post(url, number | {"min": "0", "max": "900", "unit": "miles"})
    parsed = Questionnaire.objects.get(pk=copy.pk).parsed()
    assert [(o.value, o.label) for o in parsed.item("our_mode").options] == [
        ("my_own_car", "My own car"),
        ("pool_car", "Pool car"),
    ]
    miles = parsed.item("our_miles")
    assert (miles.min, miles.max, miles.unit, miles.decimals) == (0, 900, "miles", 0)


def test_remove_a_question_after_confirming(copy, lead):
    url = _url("survey-questionnaire-item-remove", copy, item_code="sw_pride")
    confirm = lead.get(url).content.decode()
    assert "Remove this question?" in confirm and "I am proud of the work I do" in confirm
    assert "sw_pride" in _codes(copy)  # a GET changes nothing
    done = lead.post(url, follow=True)
    assert "Question sw_pride removed" in done.content.decode()
    assert "sw_pride" not in _codes(copy)
    assert lead.get(url).status_code == 404


def test_change_the_options_of_a_choice_question(copy, lead):
    url = _url("survey-questionnaire-options", copy, item_code="supervision_frequency")
    page = lead.get(url).content.decode()
    assert "Every 2 weeks" in page
    page = lead.post(url, {"options": "Weekly"}).content.decode()
    assert "Enter at least 2 options, one on each line" in page
    done = lead.post(url, {"options": "Weekly\nMonthly\nLess often"}, follow=True)
    assert "New code supervision_frequency_v2" in done.content.decode()
    item = Questionnaire.objects.get(pk=copy.pk).parsed().item("supervision_frequency_v2")
    assert [o.label for o in item.options] == ["Weekly", "Monthly", "Less often"]
    not_choice = _url("survey-questionnaire-options", copy, item_code="sw_pride")
    assert lead.get(not_choice).status_code == 404


def test_changes_are_refused_once_a_wave_using_the_copy_opens(council, copy, lead):
    helpers.open_wave(council, questionnaire=copy)
    before = Questionnaire.objects.get(pk=copy.pk).definition
    detail = lead.get(_url("survey-questionnaire-detail", copy)).content.decode()
    assert "can no longer change" in detail
    assert _url("survey-questionnaire-item-type", copy) not in detail
    posts = [
        (_url("survey-questionnaire-item-type", copy), {"type": "agree"}),
        (_url("survey-questionnaire-item-add", copy, item_type="agree"), AGREE),
        (_url("survey-questionnaire-item-remove", copy, item_code="sw_pride"), {}),
        (
            _url("survey-questionnaire-options", copy, item_code="supervision_frequency"),
            {"options": "A\nB"},
        ),
    ]
    for url, data in posts:
        assert "make a new copy" in lead.get(url).content.decode()
        refused = lead.post(url, data)
        assert refused.status_code == 400, url
        assert "nothing was changed" in refused.content.decode()
    assert Questionnaire.objects.get(pk=copy.pk).definition == before


def test_packaged_and_other_councils_questionnaires_are_not_found(council, other_council, lead):
    builtin = helpers.builtin()
    theirs = questionnaires.questionnaire_copy(
        organisation=other_council.organisation, questionnaire=builtin, title="Theirs"
    )
    for questionnaire in (builtin, theirs):
        for url in (
            _url("survey-questionnaire-item-type", questionnaire),
            _url("survey-questionnaire-item-add", questionnaire, item_type="agree"),
            _url("survey-questionnaire-item-remove", questionnaire, item_code="sw_pride"),
        ):
            assert lead.get(url).status_code == 404
            assert lead.post(url, AGREE).status_code == 404
    assert helpers.builtin().definition == builtin.definition


def _edit_url(wave: Wave) -> str:
    return reverse("survey-wave-edit", kwargs={"wave_id": wave.pk})


def _details(council, copy, **changes) -> dict:
    opens = timezone.localdate() + datetime.timedelta(days=7)
    closes = opens + datetime.timedelta(days=21)
    return {
        "questionnaire": copy.pk,
        "title": "Testshire Social Work Health Check 2026",
        "services": [council.children.pk, council.adults.pk],
        "staff_groups": ["social_worker", "manager"],
        "opens_on-day": opens.day,
        "opens_on-month": opens.month,
        "opens_on-year": opens.year,
        "closes_on-day": closes.day,
        "closes_on-month": closes.month,
        "closes_on-year": closes.year,
    } | changes


def test_change_a_draft_waves_details(council, copy, lead):
    draft = helpers.wave(council)
    detail = lead.get(reverse("survey-wave-detail", kwargs={"wave_id": draft.pk})).content
    assert _edit_url(draft) in detail.decode()
    page = lead.get(_edit_url(draft)).content.decode()
    assert f'value="{escape(draft.title)}"' in page
    saved = lead.post(_edit_url(draft), _details(council, copy))
    assert saved["Location"] == reverse("survey-wave-detail", kwargs={"wave_id": draft.pk})
    draft.refresh_from_db()
    assert draft.title == "Testshire Social Work Health Check 2026"
    assert draft.questionnaire == copy
    assert set(draft.services.all()) == {council.children, council.adults}
    assert draft.staff_groups == ["social_worker", "manager"]
    assert draft.closes_on - draft.opens_on == datetime.timedelta(days=21)
    assert draft.status == Wave.Status.DRAFT and draft.slug == "childrens-2025"


def test_a_draft_waves_details_are_checked_as_when_created(council, copy, lead):
    draft = helpers.wave(council)
    before = (draft.title, draft.opens_on, draft.closes_on, list(draft.services.all()))
    form = _details(council, copy, services=[], staff_groups=[], title="")
    form |= {"closes_on-day": form["opens_on-day"], "closes_on-month": form["opens_on-month"]}
    form |= {"closes_on-year": form["opens_on-year"]}
    page = lead.post(_edit_url(draft), form).content.decode()
    for message in (
        "Enter the title",
        "Choose at least one service",
        "Choose at least one staff group",
        "The closing date must be after the opening date",
    ):
        assert message in page
    assert "<title>Error: " in page
    draft.refresh_from_db()
    assert (draft.title, draft.opens_on, draft.closes_on, list(draft.services.all())) == before


def test_wave_update_refuses_another_councils_services(council, other_council):
    draft = helpers.wave(council)
    foreign = other_council.children
    with pytest.raises(ValidationError, match="Choose services of Testshire Council"):
        waves.wave_update(
            wave=draft,
            questionnaire=draft.questionnaire,
            title=draft.title,
            services=[foreign],
            staff_groups=draft.staff_groups,
            opens_on=draft.opens_on,
            closes_on=draft.closes_on,
        )
    assert list(draft.services.all()) == [council.children]


def test_wave_update_refuses_another_councils_copy(council, other_council):
    draft = helpers.wave(council)
    theirs = questionnaires.questionnaire_copy(
        organisation=other_council.organisation, questionnaire=helpers.builtin(), title="Theirs"
    )
    with pytest.raises(ValidationError, match="Choose a questionnaire of this organisation"):
        waves.wave_update(
            wave=draft,
            questionnaire=theirs,
            title=draft.title,
            services=[council.children],
            staff_groups=draft.staff_groups,
            opens_on=draft.opens_on,
            closes_on=draft.closes_on,
        )
    draft.refresh_from_db()
    assert draft.questionnaire == helpers.builtin()


def test_a_waves_details_are_fixed_once_it_opens(council, copy, lead):
    opened = helpers.open_wave(council)
    detail = lead.get(reverse("survey-wave-detail", kwargs={"wave_id": opened.pk})).content
    assert _edit_url(opened) not in detail.decode()
    page = lead.get(_edit_url(opened)).content.decode()
    assert (
        "has opened, so its questionnaire, title, services, staff groups and dates are fixed"
        in (page)
    )
    assert 'name="title"' not in page  # no form
    refused = lead.post(_edit_url(opened), _details(council, copy))
    assert refused.status_code == 400
    assert "has opened, so nothing was changed" in refused.content.decode()
    with pytest.raises(ValidationError, match="has opened, so its questionnaire, title, services"):
        waves.wave_update(
            wave=opened,
            questionnaire=copy,
            title="Changed",
            services=[council.children],
            staff_groups=["social_worker"],
            opens_on=opened.opens_on,
            closes_on=opened.closes_on,
        )
    opened.refresh_from_db()
    assert opened.title == "Children's Social Work Health Check 2025"
    assert opened.questionnaire == helpers.builtin()


def test_another_councils_wave_is_not_found(council, other_council, copy, lead):
    theirs = helpers.wave(other_council)
    assert lead.get(_edit_url(theirs)).status_code == 404
    assert lead.post(_edit_url(theirs), _details(council, copy)).status_code == 404
