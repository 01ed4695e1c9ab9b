"""A closed wave's answers are stored in columnar form by one writer (as the wave closes, or its
responses are imported) and results read them from there; reading never writes."""

import io

import polars as pl
import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from polars.testing import assert_frame_equal

from tests.results.helpers import past_wave
from tests.surveys import helpers
from workforce_health.results import selectors as frames
from workforce_health.surveys import analysis, answers
from workforce_health.surveys.models import Invitation, Response, StoredAnswers, Wave
from workforce_health.surveys.services import responding, stored_answers, waves
from workforce_health.surveys.tokens import Purpose, token_hash

pytestmark = pytest.mark.django_db


def _stored_frame(wave) -> pl.DataFrame:
    return pl.read_parquet(io.BytesIO(bytes(StoredAnswers.objects.get(wave=wave).data)))


def _from_responses(wave) -> analysis.Answers:
    items = answers.items_frame(wave.questionnaire.parsed())
    return answers.answers_from_responses(wave=wave, items=items)


def test_closing_a_wave_stores_its_answers_and_results_read_them(council, client):
    helpers.give_emails(council)
    wave = helpers.open_wave(council)
    tokens = [*helpers.invitation_tokens(wave)[:1], *(helpers.shared_token(wave) for _ in "12")]
    for token, level in zip(tokens, "245", strict=True):
        client.post(
            reverse("survey-section", kwargs={"token": token, "number": 1}),
            {"sw_clear_vision": level},
        )
        client.post(reverse("survey-check", kwargs={"token": token}))
    assert not StoredAnswers.objects.filter(wave=wave).exists()  # open: read from responses
    waves.wave_close(wave=wave)
    stored = StoredAnswers.objects.get(wave=wave)
    assert stored.responses == 3 and stored.layout == answers.STORED_LAYOUT
    read = frames.results_answers(wave=wave)
    assert_frame_equal(read.frame, _from_responses(wave).frame)
    assert sorted(read.frame["sw_clear_vision"].to_list()) == [2, 4, 5]


def test_an_import_stores_the_answers_it_adds(council):
    wave = past_wave(council, slug="import-2024", year=2024, teams={"Assessment North": [4, 2]})
    stored = StoredAnswers.objects.get(wave=wave)
    assert stored.responses == 2
    assert_frame_equal(_stored_frame(wave), _from_responses(wave).frame)


def test_the_stored_form_holds_no_id_date_or_source(council):
    wave = past_wave(council, slug="columns-2024", year=2024, teams={"Assessment North": [4]})
    codes = [item.code for item in wave.questionnaire.parsed().items()]
    assert _stored_frame(wave).columns == [*analysis.GROUP_COLUMNS, *codes]


def test_stored_answers_in_an_old_layout_are_read_from_the_responses_not_written(council):
    wave = past_wave(council, slug="stale-2024", year=2024, teams={"Assessment North": [4, 4]})
    stored = StoredAnswers.objects.get(wave=wave)
    stored.layout = answers.STORED_LAYOUT + 1  # an older or newer encoding
    stored.data = b"not parquet"  # never decoded: its layout is not this version's
    stored.save()
    read = frames.results_answers(wave=wave)
    assert_frame_equal(read.frame, _from_responses(wave).frame)
    many = frames.results_answers_many(waves=[wave])
    assert_frame_equal(many.frame.drop(analysis.WAVE), read.frame)
    assert StoredAnswers.objects.get(wave=wave).layout == answers.STORED_LAYOUT + 1
    stored_answers.stored_answers_write(wave=wave)  # what a data migration would do
    assert StoredAnswers.objects.get(wave=wave).layout == answers.STORED_LAYOUT


def test_a_response_sent_as_the_wave_closes_is_refused_so_none_is_left_out(council, client):
    # The respondent's page read the wave while it was open; it closed before the submit.
    wave = helpers.open_wave(council)
    token = helpers.shared_token(wave)
    client.post(
        reverse("survey-section", kwargs={"token": token, "number": 1}), {"sw_clear_vision": "4"}
    )
    read_while_open = Wave.objects.get(pk=wave.pk)
    invitation = Invitation.objects.get(token_hash=token_hash(token, Purpose.INVITATION))
    waves.wave_close(wave=Wave.objects.get(pk=wave.pk))
    with pytest.raises(ValidationError, match="closed"):
        responding.response_submit(wave=read_while_open, invitation=invitation, token=token)
    assert not Response.objects.filter(wave=wave).exists()
    assert StoredAnswers.objects.get(wave=wave).responses == 0
    assert frames.results_answers(wave=wave).height == 0


def test_a_missing_stored_form_is_read_from_the_responses_and_not_written(council, client):
    wave = past_wave(council, slug="missing-2024", year=2024, teams={"Assessment North": [3]})
    StoredAnswers.objects.filter(wave=wave).delete()
    assert frames.results_answers(wave=wave).height == 1
    client.force_login(council.users["workforce_lead"])
    page = client.get(reverse("survey-results", kwargs={"results_wave_id": wave.pk}))
    assert page.status_code == 200
    assert not StoredAnswers.objects.filter(wave=wave).exists()


def test_only_a_closed_wave_has_a_stored_form(council):
    wave = helpers.open_wave(council)
    with pytest.raises(Exception, match="not closed"):
        stored_answers.stored_answers_write(wave=wave)


def test_many_waves_read_together_are_each_under_their_label(council):
    first = past_wave(council, slug="many-2023", year=2023, teams={"Assessment North": [4, 5]})
    second = past_wave(council, slug="many-2024", year=2024, teams={"Assessment North": [2]})
    together = frames.results_answers_many(waves=[first, second], labels=["a", "b"])
    assert together.frame.columns[0] == analysis.WAVE
    assert together.frame[analysis.WAVE].to_list() == ["a", "a", "b"]
    for wave, label in ((first, "a"), (second, "b")):
        mine = together.frame.filter(pl.col(analysis.WAVE) == label).drop(analysis.WAVE)
        assert_frame_equal(mine, frames.results_answers(wave=wave).frame)
    by_id = frames.results_answers_many(waves=[first, second])
    assert set(by_id.frame[analysis.WAVE].to_list()) == {first.pk, second.pk}


def test_many_waves_must_share_a_questionnaire(council):
    first = past_wave(council, slug="share-2024", year=2024, teams={})
    other = helpers.wave(
        council, slug="wider", questionnaire=helpers.builtin("wider-workforce-health-check")
    )
    with pytest.raises(ValueError, match="share one questionnaire"):
        frames.results_answers_many(waves=[first, other])
    with pytest.raises(ValueError, match="at least one wave"):
        frames.results_answers_many(waves=[])
