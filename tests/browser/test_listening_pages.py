"""The listening pages not on the journeys of test_listening.py, each checked with axe-core:
flag words, a register, changing a session and an action, linking an action, the action list."""

import datetime

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from tests import factories
from tests.listening import helpers
from workforce_health.listening import services
from workforce_health.listening.models import LeaderSession

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_leads_other_listening_pages_are_accessible(
    page, live_server, sign_in, assert_accessible
):
    council = factories.council()
    services.conversation_start(
        organisation=council.organisation, service=None, body="I feel bullied at work"
    )
    briefing = helpers.session(
        council,
        kind=LeaderSession.Kind.BRIEFING,
        title="Mandatory briefing: recording",
        mandatory=True,
        keeps_register=True,
        starts_at=timezone.now() - datetime.timedelta(hours=2),
    )
    action = helpers.action(council, title="Protected supervision")
    sign_in("workforce_lead-991", factories.PASSWORD)
    base = live_server.url

    page.goto(f"{base}/listening/conversations/")
    expect(page.get_by_text("Flagged: Bullying, harassment or discrimination")).to_be_visible()
    page.get_by_role("link", name="Words that flag a message").click()
    expect(page.get_by_role("heading", name="Words that flag a message")).to_be_visible()
    assert_accessible()
    page.get_by_role("link", name="Change Self-harm or suicide").click()
    page.get_by_label("Words and phrases").fill("suicid*\nbad*word\n")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("There is a problem")).to_be_visible()  # a * inside a word
    assert_accessible()
    page.get_by_label("Words and phrases").fill("suicid*\nkill myself")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("Self-harm or suicide words saved")).to_be_visible()

    page.goto(f"{base}/listening/sessions/{briefing.pk}/")
    page.get_by_role("link", name="Record the register").click()
    assert_accessible()
    page.get_by_label(council.social_worker.full_name).check()
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("Register saved")).to_be_visible()
    expect(page.get_by_text(council.social_worker.full_name)).to_be_visible()
    assert_accessible()
    page.get_by_role("link", name="Change the session").click()
    expect(page.get_by_role("heading", name="Change the session")).to_be_visible()
    assert_accessible()

    page.goto(f"{base}/listening/actions/{action.pk}/")
    page.get_by_role("link", name="Change the action").click()
    expect(page.get_by_role("heading", name="Change the action")).to_be_visible()
    assert_accessible()
    page.goto(f"{base}/listening/actions/{action.pk}/link/")
    page.get_by_role("button", name="Add link").click()
    expect(page.get_by_text("There is a problem")).to_be_visible()
    assert_accessible()
    page.get_by_label("A leader session").check()
    page.get_by_label("Leader session (optional)").select_option(index=1)
    page.get_by_role("button", name="Add link").click()
    expect(page.get_by_text("Raised at formal briefing")).to_be_visible()
    page.goto(f"{base}/listening/actions/?status=open")
    assert_accessible()
