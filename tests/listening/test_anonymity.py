"""Nothing ties an anonymous conversation, or a pulse response, to a person: not the database
(any table, its row order, its transaction ids), not the session table, not the server's logs
(docs/listening.md, "Anonymity")."""

import hashlib
import logging
import re

import pytest
from django.apps import apps
from django.contrib.sessions.models import Session
from django.db import connection, models
from django.urls import reverse

from tests.factories import Role
from tests.surveys import helpers
from workforce_health.listening import codes, services, storage, survey_adapter
from workforce_health.listening.models import (
    Conversation,
    FlagCategory,
    FullTextView,
    Message,
    PulseSeries,
)
from workforce_health.surveys.models import Response

ADDRESS = "203.0.113.77"
LISTENING_MODELS = list(apps.get_app_config("listening").get_models())


class _Captured(logging.Handler):
    def __init__(self) -> None:
        super().__init__(level=logging.DEBUG)
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(self.format(record))
        self.lines.append(repr(record.__dict__))


@pytest.fixture
def captured():
    """Every log record of every logger, at any level, with all its attributes."""
    handler = _Captured()
    root = logging.getLogger()
    old_level = root.level
    root.addHandler(handler)
    root.setLevel(logging.DEBUG)
    yield handler
    root.removeHandler(handler)
    root.setLevel(old_level)


def _every_value():
    with connection.cursor() as cursor:
        models_read: list[type[models.Model]] = [*LISTENING_MODELS, Response]
        for model in models_read:
            cursor.execute(f"SELECT * FROM {model._meta.db_table}")  # noqa: S608
            for row in cursor.fetchall():
                yield model, row


def _send_and_read(council, client):
    user = council.users[Role.PRACTITIONER]
    client.force_login(user)
    session_key = client.session.session_key
    before = (
        Session.objects.filter(session_key=session_key)
        .values_list("session_data", "expire_date")
        .get()
    )
    page = client.post(
        reverse("listening-anonymous-new"),
        {"recipient": "leadership", "message": "Supervision is always cancelled."},
        REMOTE_ADDR=ADDRESS,
    )
    found = re.search(r"<strong>([0-9A-Z-]{24})</strong>", page.content.decode())
    assert found is not None
    code = found.group(1)
    client.post(reverse("listening-anonymous-read"), {"code": code}, REMOTE_ADDR=ADDRESS)
    client.post(
        reverse("listening-anonymous-follow-up"),
        {
            "code": code,
            "message": "Still cancelled.",
            "once": "0b6bd1a3-5e7c-4a55-93e9-6c0a4b1e2f46",
        },
        REMOTE_ADDR=ADDRESS,
    )
    after = (
        Session.objects.filter(session_key=session_key)
        .values_list("session_data", "expire_date")
        .get()
    )
    return user, session_key, code, before, after


@pytest.mark.django_db
def test_no_table_or_log_line_links_a_conversation_to_its_sender(council, client, captured):
    user, session_key, code, before, after = _send_and_read(council, client)
    assert before == after  # the sending and reading pages wrote nothing to the session
    person = council.social_worker
    raw = codes.normalised(code)
    assert raw is not None
    secrets = {
        code,
        raw,
        hashlib.sha256(raw.encode()).hexdigest(),
        session_key,
        ADDRESS,
        user.username,
        person.full_name,
        person.family_name,
        person.employee_number,
    }
    for model, row in _every_value():
        text = " ".join(str(v) for v in row)
        assert not any(s in text for s in secrets), model
    log = "\n".join(captured.lines)
    assert not any(s in log for s in secrets)
    assert "/anonymous/" not in log  # no request was even logged


@pytest.mark.django_db
def test_conversations_hold_no_person_sign_in_time_or_sequence(council, client):
    _send_and_read(council, client)
    sender_fields = {f.name for f in Conversation._meta.concrete_fields}
    assert sender_fields == {
        "id",
        "organisation",
        "service",
        "code_hash",
        "started_on",
        "last_message_on",
        "status",
        "revealed_name",
        "flags",
    }
    for model in (Conversation, Message):
        assert isinstance(model._meta.pk, models.UUIDField)  # no sequence to line up with
        for field in model._meta.concrete_fields:
            assert not isinstance(field, models.DateTimeField | models.TimeField), field
    # The only link to a sign-in is a leader's on their own (signed) replies.
    assert Message.objects.filter(author=Message.Author.SENDER, leader__isnull=False).count() == 0
    assert {f.related_model for f in Message._meta.concrete_fields if f.is_relation} == {
        Conversation,
        Message._meta.get_field("leader").related_model,
    }
    assert Conversation.objects.get().revealed_name == ""


@pytest.mark.django_db
def test_the_code_is_stored_only_as_a_keyed_hash(council):
    started = services.conversation_start(
        organisation=council.organisation, service=None, body="A message"
    )
    raw = codes.normalised(started.code)
    assert raw is not None
    stored = Conversation.objects.get().code_hash
    assert stored == codes.code_hash(started.code, key=services.code_keys()[0])
    unkeyed = {
        hashlib.sha256(v.encode()).hexdigest() for v in (raw, f"conversation:{raw}", started.code)
    }
    assert stored not in unkeyed  # without the deployment's key, guesses cannot be tested


@pytest.mark.django_db(transaction=True)
def test_rows_lie_in_key_order_with_one_transaction_id_not_in_sending_order(council):
    sent = [
        services.conversation_start(
            organisation=council.organisation, service=None, body=f"Message {n}"
        ).conversation.pk
        for n in range(12)
    ]
    with connection.cursor() as cursor:
        table = Conversation._meta.db_table
        if connection.vendor == "postgresql":
            cursor.execute(f"SELECT id, xmin::text FROM {table}")  # noqa: S608 - physical order
            rows = cursor.fetchall()
            assert len({xmin for _, xmin in rows}) == 1  # one transaction wrote them all
        else:
            cursor.execute(f"SELECT id FROM {table} ORDER BY rowid")  # noqa: S608
            rows = cursor.fetchall()
    stored = [str(row[0]).replace("-", "") for row in rows]
    assert stored == sorted(stored)  # the order of the random keys
    assert stored != [str(pk).replace("-", "") for pk in sent]  # not the order of sending


@pytest.mark.django_db(transaction=True)
def test_writes_outside_a_transaction_are_refused():
    with pytest.raises(RuntimeError):
        storage.rewrite_in_key_order(organisation_id=1)


@pytest.mark.django_db
def test_a_pulse_response_is_a_survey_response_and_just_as_anonymous(council, client, captured):
    """Pulses are survey waves: the respondent pages, tokens and storage of the Health Check
    (docs/surveys-anonymity.md), with nothing of the listening app on the response path."""
    helpers.give_emails(council)
    reference = helpers.open_wave(council, slug="hc-for-pulse")
    series = services.pulse_series_create(
        organisation=council.organisation,
        title="Pulse",
        questionnaire=survey_adapter.packaged(survey_adapter.ENGAGEMENT_PULSE),
        reference_wave=reference,
        every=PulseSeries.Every.QUARTER,
        starts_on=reference.opens_on,
    )
    survey_adapter.wave_close(wave=reference)  # a pulse does not run while it is open
    pulse = services.pulse_open(
        series=series, period_start=series.starts_on, today=series.starts_on, base_url=None
    )
    token = helpers.invitation_tokens(pulse.wave)[0]
    client.post(
        reverse("survey-section", kwargs={"token": token, "number": 1}),
        {"eng_look_forward": "4"},
        REMOTE_ADDR=ADDRESS,
    )
    client.post(reverse("survey-check", kwargs={"token": token}), REMOTE_ADDR=ADDRESS)
    response = Response.objects.get(wave=pulse.wave)
    assert response.answers == {"eng_look_forward": "4"}
    for model, row in _every_value():
        assert not any(token in str(v) for v in row), model
    assert not any(token in line or ADDRESS in line for line in captured.lines)
    assert set(LISTENING_MODELS) >= {Conversation, Message, FullTextView, FlagCategory}
