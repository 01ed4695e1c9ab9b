"""Nothing on the respondent paths writes an audit entry or a log line naming a person,
session or address, even when the respondent is also signed in as staff."""

import logging

import pytest
from django.test import Client
from django.urls import reverse

from tests import factories
from tests.surveys import helpers
from workforce_health.audit.models import AuditEntry

ADDRESS = "198.51.100.61"


def test_the_whole_respondent_journey_leaves_no_trace(
    council: factories.Council, caplog: pytest.LogCaptureFixture
) -> None:
    opened = helpers.open_wave(council)
    helpers.give_emails(council)
    invited = helpers.invitation_tokens(opened)[0]
    before = AuditEntry.objects.count()
    staff = Client(REMOTE_ADDR=ADDRESS)
    staff.force_login(council.users["workforce_lead"])  # a lead answering their own survey
    session_key = staff.session.session_key
    session_before = dict(staff.session.items())
    shared = reverse("survey-shared", kwargs={"la_code": "991", "slug": opened.slug})
    with caplog.at_level(logging.DEBUG):
        started = staff.post(shared, {"access_code": opened.access_code})
        token = started["Location"].split("/")[2]
        for who in (token, invited):
            staff.get(reverse("survey-start", kwargs={"token": who}))
            section = reverse("survey-section", kwargs={"token": who, "number": 1})
            staff.post(section, {"sw_clear_vision": "4"})
            staff.post(section, {"sw_clear_vision": "not a choice"})  # an error page too
            staff.get(reverse("survey-check", kwargs={"token": who}))
            staff.post(reverse("survey-check", kwargs={"token": who}))
        staff.get(reverse("survey-start", kwargs={"token": "not-a-token"}))  # a wrong guess
        staff.post(shared, {"access_code": "WRONG"})
    assert AuditEntry.objects.count() == before
    assert dict(staff.session.items()) == session_before  # the sign-in's session is untouched
    logged = "\n".join(record.getMessage() for record in caplog.records)
    for secret in (
        ADDRESS,
        token,
        invited,
        str(session_key),
        council.users["workforce_lead"].username,
    ):
        assert secret not in logged
