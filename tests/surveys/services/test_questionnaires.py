"""A council adapts its copy of a questionnaire: adds, removes and re-optioned questions, within
the rules (packaged questionnaires never change, a copy used by an opened wave never changes,
codes are new, lower-case and not reserved, changed wording or options start a new lineage)."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from tests.surveys import helpers
from workforce_health.core.models import Membership
from workforce_health.results import imports
from workforce_health.surveys import questionnaire as qn
from workforce_health.surveys.models import Questionnaire, Response
from workforce_health.surveys.services import past_waves, questionnaires, responding, waves

pytestmark = pytest.mark.django_db


@pytest.fixture
def copy(council) -> Questionnaire:
    return questionnaires.questionnaire_copy(
        organisation=council.organisation, questionnaire=helpers.builtin(), title="Our check"
    )


def _agree(code: str = "our_hybrid", **fields) -> qn.Item:
    values = {"code": code, "type": qn.AGREE, "text": "I can work from home when I need to"}
    return qn.Item(**(values | fields))


def _reread(copy: Questionnaire) -> qn.Questionnaire:
    return Questionnaire.objects.get(pk=copy.pk).parsed()


def test_an_agree_item_goes_under_the_chosen_theme_with_its_reverse_flag(copy):
    item = _agree(theme="workplace", reverse=True, headline=True)
    questionnaires.questionnaire_item_add(questionnaire=copy, item=item, section="workload")
    parsed = _reread(copy)
    added = parsed.item("our_hybrid")
    # In the workload section (standard S3) but scored under the theme only, as chosen.
    assert (added.standard, added.theme, added.reverse, added.headline) == (
        None,
        "workplace",
        True,
        True,
    )
    workload = next(s for s in parsed.sections if s.code == "workload")
    assert workload.items[-1].code == "our_hybrid"
    row = next(r for r in parsed.analysis_items() if r["item_code"] == "our_hybrid")
    assert (row["standard"], row["theme"], row["reverse"]) == (None, "workplace", True)


def test_an_agree_item_under_a_standard(copy):
    item = _agree(standard="S4", dont_know=False)
    questionnaires.questionnaire_item_add(questionnaire=copy, item=item, section="workload")
    added = _reread(copy).item("our_hybrid")
    assert (added.standard, added.theme, added.dont_know) == ("S4", None, False)


def test_a_text_item_in_a_new_last_section(copy):
    item = qn.Item(code="our_travel", type=qn.TEXT, text="What would make travel easier?")
    questionnaires.questionnaire_item_add(
        questionnaire=copy, item=item, section=None, new_section_title="Travel and visits"
    )
    last = _reread(copy).sections[-1]
    assert (last.code, last.title) == ("travel_and_visits", "Travel and visits")
    assert [i.code for i in last.items] == ["our_travel"]
    assert last.items[0].standard is None


def test_choice_and_number_items(copy):
    options = (qn.Option("car", "Car"), qn.Option("bus", "Bus"))
    choice = qn.Item(code="our_mode", type=qn.CHOICE, text="How do you travel?", options=options)
    number = qn.Item(
        code="our_miles", type=qn.NUMBER, text="Miles a week?", min=0, max=900, unit="miles"
    )
    questionnaires.questionnaire_item_add(questionnaire=copy, item=choice, section="workplace")
    questionnaires.questionnaire_item_add(questionnaire=copy, item=number, section="workplace")
    parsed = _reread(copy)
    assert parsed.item("our_mode").options == options
    assert (parsed.item("our_miles").min, parsed.item("our_miles").max) == (0, 900)


@pytest.mark.parametrize(
    ("code", "message"),
    [
        ("team", "Code team is kept for a group or the wave"),
        ("response_id", "Code response_id is kept"),
        ("wave", "Code wave is kept"),
        ("sw_pride", "already has a question with the code sw_pride"),
        ("our_hybrid_v2", "Codes ending in _v and a number are kept for reworded questions"),
        ("Our Hybrid", "Code must start with a lower-case letter"),
        ("2nd_question", "Code must start with a lower-case letter"),
        ("our_é", "Code must start with a lower-case letter"),
    ],
)
def test_a_new_code_is_refused_with_a_reason(copy, code, message):
    before = Questionnaire.objects.get(pk=copy.pk).definition
    with pytest.raises(ValidationError) as error:
        questionnaires.questionnaire_item_add(
            questionnaire=copy, item=_agree(code, theme="workplace"), section="workload"
        )
    assert message in error.value.message_dict["code"][0]
    assert Questionnaire.objects.get(pk=copy.pk).definition == before


def test_a_code_of_another_version_is_refused(copy):
    # sw_pride is in the packaged version: removed here, it cannot come back meaning something
    # else, or this year's answers would be compared with the packaged question's.
    questionnaires.questionnaire_item_remove(questionnaire=copy, code="sw_pride")
    with pytest.raises(ValidationError, match="used by another version of this questionnaire"):
        questionnaires.questionnaire_item_add(
            questionnaire=copy, item=_agree("sw_pride", theme="engagement"), section="workplace"
        )


def test_an_unknown_section_or_a_missing_new_section_title(copy):
    with pytest.raises(ValidationError) as error:
        questionnaires.questionnaire_item_add(
            questionnaire=copy, item=_agree(theme="workplace"), section="nope"
        )
    assert "section" in error.value.message_dict
    with pytest.raises(ValidationError) as error:
        questionnaires.questionnaire_item_add(
            questionnaire=copy, item=_agree(theme="workplace"), section=None
        )
    assert error.value.message_dict["new_section_title"] == ["Enter the title of the new section"]


def test_a_definition_parse_refuses_is_not_stored(copy):
    """The service's last check is questionnaire.parse: an agree item with no standard or
    theme, or a theme the questionnaire does not have, is refused and nothing changes."""
    before = Questionnaire.objects.get(pk=copy.pk).definition
    for item in (_agree(), _agree(theme="no_such_theme")):
        with pytest.raises(ValidationError, match="would leave the questionnaire unusable"):
            questionnaires.questionnaire_item_add(questionnaire=copy, item=item, section="workload")
    assert Questionnaire.objects.get(pk=copy.pk).definition == before


def test_remove_a_question_and_an_emptied_section(copy):
    registration = next(s for s in copy.parsed().sections if s.code == "registration")
    for item in registration.items:
        questionnaires.questionnaire_item_remove(questionnaire=copy, code=item.code)
    parsed = _reread(copy)
    assert "registration" not in [s.code for s in parsed.sections]
    assert not {i.code for i in registration.items} & {i.code for i in parsed.items()}
    with pytest.raises(ValidationError, match="has no question with the code nope"):
        questionnaires.questionnaire_item_remove(questionnaire=copy, code="nope")


def test_the_last_question_cannot_be_removed(copy):
    codes = [item.code for item in copy.parsed().items()]
    for code in codes[:-1]:
        questionnaires.questionnaire_item_remove(questionnaire=copy, code=code)
    with pytest.raises(ValidationError, match="needs at least one question"):
        questionnaires.questionnaire_item_remove(questionnaire=copy, code=codes[-1])
    assert [i.code for i in _reread(copy).items()] == codes[-1:]


def test_changed_options_give_a_packaged_question_a_new_code(copy):
    old = copy.parsed().item("supervision_frequency")
    labels = [old.options[0].label, "Every three weeks", *(o.label for o in old.options[2:])]
    questionnaires.questionnaire_options_change(
        questionnaire=copy, code="supervision_frequency", labels=labels
    )
    parsed = _reread(copy)
    assert "supervision_frequency" not in {i.code for i in parsed.items()}
    changed = parsed.item("supervision_frequency_v2")
    assert [o.label for o in changed.options] == labels
    # Unchanged labels keep their stored values; the new one gets a value from its label.
    assert changed.options[0].value == old.options[0].value
    assert changed.options[1].value == "every_three_weeks"
    assert [o.value for o in changed.options[2:]] == [o.value for o in old.options[2:]]


def test_unchanged_options_keep_the_code(copy):
    labels = [o.label for o in copy.parsed().item("supervision_length").options]
    questionnaires.questionnaire_options_change(
        questionnaire=copy, code="supervision_length", labels=labels
    )
    assert _reread(copy).item("supervision_length").options == (
        helpers.builtin().parsed().item("supervision_length").options
    )


def test_a_question_new_in_this_copy_keeps_its_code_when_changed(copy):
    """It has no answers anywhere yet, so there is nothing to keep apart from."""
    options = (qn.Option("car", "Car"), qn.Option("bus", "Bus"))
    choice = qn.Item(code="our_mode", type=qn.CHOICE, text="How do you travel?", options=options)
    questionnaires.questionnaire_item_add(questionnaire=copy, item=choice, section="workplace")
    questionnaires.questionnaire_options_change(
        questionnaire=copy, code="our_mode", labels=["Car", "Bus", "Train"]
    )
    questionnaires.questionnaire_reword(
        questionnaire=copy, title="Our check", texts={"our_mode": "How do you usually travel?"}
    )
    parsed = _reread(copy)
    assert parsed.item("our_mode").text == "How do you usually travel?"
    assert [o.value for o in parsed.item("our_mode").options] == ["car", "bus", "train"]


def test_a_copy_of_a_copy_treats_the_first_copys_questions_as_asked(council, copy):
    questionnaires.questionnaire_item_add(
        questionnaire=copy, item=_agree(theme="workplace"), section="workplace"
    )
    again = questionnaires.questionnaire_copy(
        organisation=council.organisation, questionnaire=copy, title="Our check 2"
    )
    questionnaires.questionnaire_reword(
        questionnaire=again, title="Our check 2", texts={"our_hybrid": "I can work at home"}
    )
    assert _reread(again).item(f"our_hybrid_v{again.version}").text == "I can work at home"


@pytest.mark.parametrize(
    "labels",
    [["Only one"], ["Car", "car"], ["", "  ", "Car"]],
)
def test_options_are_checked(copy, labels):
    with pytest.raises(ValidationError) as error:
        questionnaires.questionnaire_options_change(
            questionnaire=copy, code="supervision_frequency", labels=labels
        )
    assert "options" in error.value.message_dict


def test_only_choice_questions_have_options(copy):
    with pytest.raises(ValidationError, match="no choice question with the code sw_pride"):
        questionnaires.questionnaire_options_change(
            questionnaire=copy, code="sw_pride", labels=["A", "B"]
        )


def _every_change(questionnaire: Questionnaire) -> list:
    return [
        lambda: questionnaires.questionnaire_item_add(
            questionnaire=questionnaire, item=_agree(theme="workplace"), section="workload"
        ),
        lambda: questionnaires.questionnaire_item_remove(
            questionnaire=questionnaire, code="sw_pride"
        ),
        lambda: questionnaires.questionnaire_options_change(
            questionnaire=questionnaire, code="supervision_frequency", labels=["A", "B"]
        ),
        lambda: questionnaires.questionnaire_reword(
            questionnaire=questionnaire, title="Changed", texts={}
        ),
    ]


def test_packaged_questionnaires_never_change():
    builtin = helpers.builtin()
    before = builtin.definition
    for change in _every_change(builtin):
        with pytest.raises(ValidationError, match="Packaged questionnaires cannot be changed"):
            change()
    assert Questionnaire.objects.get(pk=builtin.pk).definition == before


def test_a_copy_used_by_an_opened_wave_never_changes(council, copy):
    draft = helpers.wave(council, questionnaire=copy)
    questionnaires.questionnaire_item_remove(questionnaire=copy, code="sw_stress")  # draft: allowed
    waves.wave_open(wave=draft)
    before = Questionnaire.objects.get(pk=copy.pk).definition
    for change in _every_change(copy):
        with pytest.raises(ValidationError, match="used by a wave that has opened"):
            change()
    assert Questionnaire.objects.get(pk=copy.pk).definition == before


def test_a_respondent_answers_the_added_questions(council, copy):
    questionnaires.questionnaire_item_add(
        questionnaire=copy, item=_agree(theme="workplace", reverse=True), section="workload"
    )
    text = qn.Item(code="our_travel", type=qn.TEXT, text="What would make travel easier?")
    questionnaires.questionnaire_item_add(
        questionnaire=copy, item=text, section=None, new_section_title="Travel"
    )
    opened = helpers.open_wave(council, questionnaire=copy)
    token = helpers.shared_token(opened)
    answers = {"our_hybrid": "2", "our_travel": "More pool cars"}
    responding.draft_save(wave=opened, token=token, answers=answers, sections_seen=10)
    invitation = opened.invitations.get(source="shared_link")
    assert responding.response_submit(wave=opened, invitation=invitation, token=token)
    assert Response.objects.get(wave=opened).answers == answers


def test_results_of_an_adapted_copy(council, copy, client_for):
    """An imported year of the adapted copy: its added question is scored and shown."""
    questionnaires.questionnaire_item_add(
        questionnaire=copy, item=_agree(theme="workplace", reverse=True), section="workload"
    )
    questionnaires.questionnaire_item_remove(questionnaire=copy, code="sw_stress")
    wave = past_waves.past_wave_create(
        organisation=council.organisation,
        questionnaire=Questionnaire.objects.get(pk=copy.pk),
        title="Our check 2024",
        slug="our-2024",
        services=[council.children],
        opens_on=datetime.date(2024, 2, 1),
        closes_on=datetime.date(2024, 3, 1),
    )
    rows = "our_hybrid,sw_pride\n" + "Strongly agree,Agree\n" * 6 + "Disagree,Agree\n" * 6
    result = imports.responses_import(wave=wave, source=rows.encode(), filename="our.csv")
    assert result.errors == [] and result.created == 12
    client = client_for(council.users[Membership.Role.WORKFORCE_LEAD])
    page = client.get(reverse("survey-results-items", args=[wave.pk])).content.decode()
    assert "I can work from home when I need to" in page
    stress = helpers.builtin().parsed().item("sw_stress").text
    assert stress not in page


def test_another_apps_packaged_files_and_a_whole_definition(council):
    """The listening app's pulses: its packaged files are stored once, and a council's own
    questionnaire built from another is stored as it names it."""
    source = helpers.builtin()
    definition = {**source.definition, "questionnaire": {**source.definition["questionnaire"]}}
    definition["questionnaire"].update(code="our-pulse", version=1, title="Our pulse")
    named = [("our-pulse.toml", definition)]
    assert questionnaires.questionnaire_definitions_sync(definitions=named) == 1
    assert questionnaires.questionnaire_definitions_sync(definitions=named) == 0
    made = questionnaires.questionnaire_create(
        organisation=council.organisation,
        code="our-own-pulse",
        version=1,
        title=" Our own pulse ",
        definition=definition
        | {"questionnaire": {**definition["questionnaire"], "code": "our-own-pulse"}},
        based_on=source,
    )
    stored = Questionnaire.objects.get(pk=made.pk)
    assert (stored.code, stored.title, stored.based_on_id) == (
        "our-own-pulse",
        "Our own pulse",
        source.pk,
    )
    assert Questionnaire.objects.get(code="our-pulse").organisation is None
