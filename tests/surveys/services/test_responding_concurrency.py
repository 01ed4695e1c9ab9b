"""Saves of one token's answers at the same time (a double click) must not fail or lose answers.

Found by the load test (bench/load/): two POSTs of a token's first section at once both found no
draft, and the second insert failed on the draft's unique key with a server error (27 of 40
double clicks against gunicorn and PostgreSQL).
"""

import threading

import pytest
from django.db import connection, connections

from tests.surveys import helpers
from workforce_health.surveys import tokens
from workforce_health.surveys.models import Draft, Response, SpentToken, Wave
from workforce_health.surveys.services import responding


@pytest.fixture
def token(council):
    helpers.give_emails(council)
    return helpers.invitation_tokens(helpers.open_wave(council))[0]


def test_a_first_save_racing_another_merges_into_its_draft(token, monkeypatch):
    wave = Wave.objects.get()
    responding.draft_save(wave=wave, token=token, answers={"sw_clear_vision": "4"}, sections_seen=1)
    # The second request looked for the draft before the first had committed it.
    monkeypatch.setattr(responding, "_locked_draft", lambda key: None)
    responding.draft_save(wave=wave, token=token, answers={"sw_pride": "5"}, sections_seen=2)
    draft = Draft.objects.get()
    assert draft.answers == {"sw_clear_vision": "4", "sw_pride": "5"}
    assert draft.sections_seen == 2


@pytest.mark.django_db(transaction=True)
def test_double_clicks_on_postgresql(council):
    """The real race, with threads: needs row locks and a unique index, so PostgreSQL only."""
    if connection.vendor != "postgresql":
        pytest.skip("the race needs concurrent transactions (PostgreSQL; SQLite serialises them)")
    helpers.give_emails(council)
    wave = helpers.open_wave(council)
    issued = [helpers.shared_token(wave) for _ in range(20)]
    errors: list[BaseException] = []

    def save(token: str, barrier: threading.Barrier, answers: dict[str, str]) -> None:
        try:
            barrier.wait()
            responding.draft_save(wave=wave, token=token, answers=answers, sections_seen=1)
        except BaseException as error:  # reported by the assertion below
            errors.append(error)
        finally:
            connections.close_all()

    for token in issued:
        barrier = threading.Barrier(2)
        threads = [
            threading.Thread(target=save, args=(token, barrier, answers))
            for answers in ({"sw_clear_vision": "4"}, {"sw_pride": "5"})
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    assert errors == []
    assert Draft.objects.count() == len(issued)
    assert all(
        draft.answers == {"sw_clear_vision": "4", "sw_pride": "5"} for draft in Draft.objects.all()
    )
    for token in issued:  # and each token's final submit, sent twice, stores one response
        invitation = Wave.objects.get().invitations.get(
            token_hash=tokens.token_hash(token, tokens.Purpose.INVITATION)
        )
        sent = [
            responding.response_submit(wave=wave, invitation=invitation, token=token)
            for _ in range(2)
        ]
        assert sent == [True, False]
    assert Response.objects.count() == len(issued)


@pytest.mark.django_db(transaction=True)
def test_final_submits_at_the_same_time_store_one_response_on_postgresql(council):
    """A triple click on "Send": one submit takes the draft, the others wait for its lock, then
    find the token used. One response, one used marker, nothing left behind."""
    if connection.vendor != "postgresql":
        pytest.skip("the race needs concurrent transactions (PostgreSQL; SQLite serialises them)")
    helpers.give_emails(council)
    wave = helpers.open_wave(council)
    issued = [helpers.shared_token(wave) for _ in range(10)]
    for token in issued:
        responding.draft_save(wave=wave, token=token, answers={"sw_pride": "5"}, sections_seen=9)
    outcomes: list[bool] = []
    errors: list[BaseException] = []

    def send(token: str, barrier: threading.Barrier) -> None:
        try:
            invitation = Wave.objects.get().invitations.get(
                token_hash=tokens.token_hash(token, tokens.Purpose.INVITATION)
            )
            barrier.wait()
            outcomes.append(
                responding.response_submit(wave=wave, invitation=invitation, token=token)
            )
        except BaseException as error:  # reported by the assertion below
            errors.append(error)
        finally:
            connections.close_all()

    for token in issued:
        barrier = threading.Barrier(3)
        threads = [threading.Thread(target=send, args=(token, barrier)) for _ in range(3)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    assert errors == []
    assert sorted(outcomes) == [False] * 20 + [True] * 10
    assert Response.objects.count() == SpentToken.objects.count() == len(issued)
    assert all(response.answers == {"sw_pride": "5"} for response in Response.objects.all())
    assert not Draft.objects.exists()
