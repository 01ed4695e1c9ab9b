"""Nothing stored links a response to a person, an invitation or a token (surveys-anonymity.md)."""

import pytest
from django.apps import apps
from django.db import connection, models
from django.urls import reverse

from tests.surveys import helpers
from workforce_health.surveys import tokens
from workforce_health.surveys.models import Draft, Invitation, Response, SpentToken, Wave

SURVEY_MODELS = list(apps.get_app_config("surveys").get_models())


@pytest.fixture
def submitted(council, client):
    helpers.give_emails(council)
    wave = helpers.open_wave(council)
    token = helpers.invitation_tokens(wave)[0]
    client.post(
        reverse("survey-section", kwargs={"token": token, "number": 1}), {"sw_clear_vision": "2"}
    )
    client.post(reverse("survey-check", kwargs={"token": token}))
    assert Response.objects.count() == 1
    return token


def _all_values():
    """Every value in every surveys table, read with SQL as a database reader would."""
    with connection.cursor() as cursor:
        for model in SURVEY_MODELS:
            cursor.execute(f"SELECT * FROM {model._meta.db_table}")  # noqa: S608
            for row in cursor.fetchall():
                yield model, row


def test_no_table_holds_the_token(submitted):
    for model, row in _all_values():
        assert not any(submitted in str(value) for value in row), model


def test_responses_hold_no_person_token_invitation_or_time(submitted):
    fields = {f.name for f in Response._meta.concrete_fields}
    assert fields == {
        "id",
        "wave",
        "source",
        "submitted_on",
        "service",
        "team",
        "role_group",
        "tenure_band",
        "employment_type",
        "answers",
    }
    for model in (Response, SpentToken, Draft):
        for field in model._meta.concrete_fields:
            assert not isinstance(field, models.DateTimeField | models.TimeField), field
            assert not field.is_relation or field.related_model is Wave, field
        assert isinstance(model._meta.pk, models.UUIDField)  # no sequence to line up with


def test_there_is_nothing_to_join_responses_to_invitations_on(submitted):
    response = Response.objects.get()
    invitation_hashes = set(Invitation.objects.values_list("token_hash", flat=True))
    spent = SpentToken.objects.get()
    # The "used" marker is a different hash of the token: it matches no invitation.
    assert spent.key not in invitation_hashes
    assert spent.key == tokens.token_hash(submitted, tokens.Purpose.SPENT)
    # Invitations record nothing about use: no flag or date that changes on sending.
    assert {f.name for f in Invitation._meta.concrete_fields}.isdisjoint({"used", "used_on"})
    # Apart from the wave, the day and the group labels (each shared by several invitees),
    # no response value equals an invitation's id, person or token hash.
    own = Response.objects.values_list("id", "source", "answers").get()
    for row in Invitation.objects.values_list("id", "person_id", "token_hash"):
        assert {str(v) for v in own}.isdisjoint({str(v) for v in row if v is not None})
    group = {name: getattr(response, name) for name in ("service", "team", "role_group")}
    assert response.wave.invitations.filter(**group).count() >= 2


def test_draft_is_keyed_apart_from_the_invitation(council, client):
    helpers.give_emails(council)
    wave = helpers.open_wave(council)
    token = helpers.invitation_tokens(wave)[0]
    client.post(
        reverse("survey-section", kwargs={"token": token, "number": 1}),
        {"sw_clear_vision": "2", "save": "1"},
    )
    draft = Draft.objects.get()
    assert draft.key not in set(Invitation.objects.values_list("token_hash", flat=True))
