"""The respondent's pages stay cheap: bounded queries per request, and the same answers.

Bounds, not timings (CONTRIBUTING.md). On SQLite the counts include BEGIN and COMMIT; on
PostgreSQL they are not logged, so the same bounds hold with room to spare.
"""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from tests.surveys import helpers
from workforce_health.surveys import selectors, tokens
from workforce_health.surveys.models import Draft, Invitation, Questionnaire, Response, SpentToken
from workforce_health.surveys.services import questionnaires, responding


@pytest.fixture
def opened(council):
    helpers.give_emails(council)
    return helpers.open_wave(council)


@pytest.fixture(params=["invitation", "shared_link"])
def token(request, opened):
    if request.param == "invitation":
        return helpers.invitation_tokens(opened)[0]
    return helpers.shared_token(opened)


def url(name, token, **kwargs):
    return reverse(name, kwargs={"token": token, **kwargs})


def test_pages_read_the_token_in_one_query(client, token, django_assert_max_num_queries):
    for name, kwargs in (
        ("survey-start", {}),
        ("survey-section", {"number": 1}),
        ("survey-check", {}),
    ):
        with django_assert_max_num_queries(1):
            assert client.get(url(name, token, **kwargs)).status_code == 200
    client.post(url("survey-section", token, number=1), {"sw_clear_vision": "4"})
    with django_assert_max_num_queries(1):
        page = client.get(url("survey-section", token, number=1)).content.decode()
    assert 'value="4"' in page


def test_section_saves_and_the_final_submit_are_bounded(
    client, token, django_assert_max_num_queries
):
    # the token's read, the draft's lock, a savepoint around the first insert
    with django_assert_max_num_queries(7):
        first = client.post(url("survey-section", token, number=1), {"sw_clear_vision": "4"})
    assert first.status_code == 302
    # the token's read, the draft's lock, the update
    with django_assert_max_num_queries(5):
        again = client.post(url("survey-section", token, number=2), {"_": "x"})
    assert again.status_code == 302
    # the token's read, taking the draft (deleted and locked in one statement), the wave's
    # status (locked against a close), the marker, the response
    with django_assert_max_num_queries(7):
        sent = client.post(url("survey-check", token))
    assert sent["Location"] == url("survey-start", token)
    assert Response.objects.count() == SpentToken.objects.count() == 1
    assert not Draft.objects.exists()
    with django_assert_max_num_queries(1):
        assert client.post(url("survey-check", token))["Location"] == url("survey-start", token)
    assert Response.objects.count() == 1


def test_a_draft_saved_again_after_sending_is_never_sent(opened, token):
    """A section save that raced the final submit can leave a new draft behind; sending it is
    refused by the spent marker's unique key, and nothing is stored."""
    invitation = opened.invitations.first()
    responding.draft_save(wave=opened, token=token, answers={"sw_pride": "4"}, sections_seen=1)
    assert responding.response_submit(wave=opened, invitation=invitation, token=token)
    responding.draft_save(wave=opened, token=token, answers={"sw_pride": "2"}, sections_seen=1)
    assert not responding.response_submit(wave=opened, invitation=invitation, token=token)
    assert Response.objects.count() == SpentToken.objects.count() == 1
    assert Response.objects.get().answers == {"sw_pride": "4"}


def test_drafts_still_refuse_unknown_questions(opened, token):
    draft = responding.draft_save(
        wave=opened, token=token, answers={"sw_pride": "4"}, sections_seen=1
    )
    assert draft.key == tokens.token_hash(token, tokens.Purpose.DRAFT)
    with pytest.raises(ValidationError, match="Unknown question code"):
        responding.draft_save(wave=opened, token=token, answers={"nope": "1"}, sections_seen=2)
    assert Draft.objects.get().answers == {"sw_pride": "4"}
    # Clearing the only answer leaves an empty draft that keeps the progress (sending it is
    # refused by response_submit).
    responding.draft_save(wave=opened, token=token, answers={"sw_pride": ""}, sections_seen=2)
    assert Draft.objects.get().answers == {}
    assert Draft.objects.get().sections_seen == 2


def test_the_parsed_questionnaire_is_reused_only_while_unchanged(council):
    builtin = helpers.builtin()
    assert builtin.parsed_cached() is builtin.parsed_cached()
    assert builtin.parsed_cached() == builtin.parsed()
    copy = questionnaires.questionnaire_copy(
        organisation=council.organisation, questionnaire=builtin, title="Our copy"
    )
    before = copy.parsed_cached()
    item = next(before.items())
    questionnaires.questionnaire_reword(
        questionnaire=copy, title="Our copy", texts={item.code: "Reworded text"}
    )
    reread = Questionnaire.objects.get(pk=copy.pk)
    assert [i.text for i in reread.parsed_cached().items()] == [
        i.text for i in reread.parsed().items()
    ]
    assert any(i.text == "Reworded text" for i in reread.parsed_cached().items())


def _fields(instance):
    return {f.attname: getattr(instance, f.attname) for f in instance._meta.concrete_fields}


def test_the_compiled_respondent_query_loads_what_the_orm_does(
    opened, token, django_assert_num_queries
):
    """respondent_get reuses its SQL; the objects it builds equal the ORM's, related included."""
    assert selectors.respondent_get(token=token) is not None  # compiles the query
    responding.draft_save(wave=opened, token=token, answers={"sw_pride": "4"}, sections_seen=3)
    with django_assert_num_queries(1):
        respondent = selectors.respondent_get(token=token)
        assert respondent is not None
        wave = respondent.wave
        organisation, questionnaire = wave.organisation.name, wave.questionnaire.code
    expected = Invitation.objects.select_related(
        "wave", "wave__questionnaire", "wave__organisation"
    ).get(token_hash=tokens.token_hash(token, tokens.Purpose.INVITATION))
    assert _fields(respondent.invitation) == _fields(expected)
    assert respondent.invitation.wave is wave
    assert _fields(wave) == _fields(expected.wave)
    assert _fields(wave.questionnaire) == _fields(expected.wave.questionnaire)
    assert _fields(wave.organisation) == _fields(expected.wave.organisation)
    assert (organisation, questionnaire) == (
        expected.wave.organisation.name,
        "social-work-health-check",
    )
    assert respondent.questionnaire is wave.questionnaire.parsed_cached()
    assert (respondent.answers, respondent.sections_seen) == ({"sw_pride": "4"}, 3)
    assert not respondent.has_responded
    assert responding.response_submit(wave=wave, invitation=respondent.invitation, token=token)
    sent = selectors.respondent_get(token=token)
    assert sent is not None
    assert (sent.answers, sent.sections_seen, sent.has_responded) == ({}, 0, True)
    assert selectors.respondent_get(token=tokens.new_token()) is None
