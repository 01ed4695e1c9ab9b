"""The listening loop in Chromium, every page checked with axe-core (docs/listening.md):

- a practitioner sends an anonymous message, the lead replies, the practitioner reads it with
  the private code (with JavaScript off, as the pages must work without it);
- the lead starts a pulse series following a Health Check, opens a pulse, staff answer it on the
  survey form, and after closing the series page shows the trend beside the Health Check;
- the lead plans a session, sends its calendar invitations and records attendance;
- an action raised from a Health Check result is completed, checked back, and shown on the
  staff page and in the scrutiny report.
"""

import datetime
import re

import pytest
from django.core import mail
from django.utils import timezone
from icalendar import Calendar
from playwright.sync_api import expect

from tests import factories
from tests.listening import helpers
from tests.reports import helpers as report_helpers
from workforce_health.listening import survey_adapter
from workforce_health.listening.models import Action, LeaderSession, PulseSeries
from workforce_health.reports import services as report_services
from workforce_health.surveys import tokens
from workforce_health.surveys.services import responding

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
ITEM = "sw_workload_manageable"
LEAD = "workforce_lead-991"
PRACTITIONER = "practitioner-991"


def _sign_out(page):
    page.get_by_role("button", name="Sign out").click()


def _sign_in_to(page, live_server, username):
    page.goto(f"{live_server.url}/sign-in/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(factories.PASSWORD)
    page.get_by_role("button", name="Sign in").click()


def _send(page, text):
    page.get_by_label("The leadership team (read by the workforce lead)").check()
    page.get_by_label("Your message").fill(text)
    page.get_by_role("button", name="Send message").click()
    expect(page.get_by_role("heading", name="Message sent")).to_be_visible()
    code = page.locator(".govuk-panel__body strong").inner_text()
    assert re.fullmatch(r"[0-9A-Z]{4}(-[0-9A-Z]{4}){4}", code)
    assert code not in page.url
    return code


def test_an_anonymous_conversation_also_without_javascript(
    browser, page, live_server, assert_accessible
):
    factories.council()
    _sign_in_to(page, live_server, PRACTITIONER)
    page.get_by_role("link", name="Listening").click()
    expect(page.get_by_role("heading", name="You said, we did")).to_be_visible()
    assert_accessible()
    page.get_by_role("link", name="Talk to the leadership anonymously").click()
    page.get_by_role("button", name="Send message").click()  # nothing chosen or written
    expect(page.get_by_text("There is a problem")).to_be_visible()
    assert_accessible()
    _send(page, "Our team meeting clashes with duty every week.")
    assert_accessible()
    _sign_out(page)

    # The same journey with JavaScript off: send, then (after the reply) read and write again.
    context = browser.new_context(java_script_enabled=False)
    plain = context.new_page()
    _sign_in_to(plain, live_server, PRACTITIONER)
    plain.goto(f"{live_server.url}/anonymous/conversations/new/")
    code = _send(plain, "Duty keeps taking over our supervision slots.")
    plain.get_by_role("button", name="Sign out").click()

    _sign_in_to(page, live_server, LEAD)
    page.goto(f"{live_server.url}/listening/conversations/")
    assert_accessible()
    page.get_by_role("link", name="Duty keeps taking over our supervision slots.").click()
    assert_accessible()
    page.get_by_label("Reply", exact=True).fill(
        "Thank you. Supervision will be protected from duty."
    )
    page.get_by_role("button", name="Send reply").click()
    expect(page.get_by_text("Reply sent")).to_be_visible()
    page.goto(f"{live_server.url}/listening/conversations/summary/")
    assert_accessible()
    _sign_out(page)

    plain.goto(f"{live_server.url}/anonymous/conversations/")  # no sign-in needed to read
    plain.get_by_label("Your private code").fill(code.lower())
    plain.get_by_role("button", name="Continue").click()
    expect(plain.get_by_text("Supervision will be protected from duty.")).to_be_visible()
    plain.get_by_label("Write again").fill("Thank you, that helps.")
    plain.get_by_role("button", name="Send").click()
    expect(plain.get_by_text("Your message has been sent.")).to_be_visible()
    assert code.lower() not in plain.url.lower()
    context.close()

    page.goto(f"{live_server.url}/anonymous/conversations/")  # the same pages, checked by axe
    assert_accessible()
    page.get_by_label("Your private code").fill(code)
    page.get_by_role("button", name="Continue").click()
    expect(page.get_by_text("Thank you, that helps.")).to_be_visible()
    assert_accessible()


def _links() -> list[str]:
    """The respondent tokens in the emails sent (the only place they exist)."""
    found = [re.search(r"/s/([A-Za-z0-9_-]+)/", str(m.body)) for m in mail.outbox]
    return [match.group(1) for match in found if match]


def _answer(wave, links, value):
    for token in links:
        responding.draft_save(wave=wave, token=token, answers={ITEM: value}, sections_seen=1)
        invitation = wave.invitations.get(
            token_hash=tokens.token_hash(token, tokens.Purpose.INVITATION)
        )
        responding.response_submit(wave=wave, invitation=invitation, token=token)


def test_a_pulse_is_created_answered_and_trends_beside_the_health_check(
    page, live_server, sign_in, assert_accessible
):
    council = factories.council()
    helpers.more_staff(council, 12)
    reference = helpers.past_health_check(
        council,
        slug="hc-2025",
        year=2025,
        agree_share=0.4,
        item=ITEM,
        teams={"Assessment North": 14},
    )
    chosen = [ITEM, "sw_fair_allocation", "sw_resources_match", "sw_discuss_workload", "sw_pride"]
    sign_in(LEAD, factories.PASSWORD)
    page.goto(f"{live_server.url}/listening/pulses/")
    assert_accessible()
    page.get_by_role("link", name="Choose Health Check questions for a pulse").click()
    assert_accessible()
    page.get_by_label("Name of the questions").fill("Workload pulse")
    texts = {i.code: i.text for i in reference.questionnaire.parsed().items()}
    for code in chosen:
        page.get_by_label(texts[code], exact=True).check()
    page.get_by_role("button", name="Save the questions").click()
    expect(page.get_by_role("heading", name="Start a pulse series")).to_be_visible()
    assert_accessible()
    page.get_by_label("Name of the series").fill("Children's workload pulse")
    page.get_by_label("The Health Check it follows").select_option(label=reference.title)
    page.get_by_label("Workload pulse").check()
    page.get_by_label("Every quarter").check()
    page.get_by_role("button", name="Start the series").click()
    expect(page.get_by_role("heading", name="Children's workload pulse")).to_be_visible()
    page.get_by_role("button", name="Open this period's pulse now").click()
    expect(page.get_by_text("is open and its invitations are sent")).to_be_visible()
    assert_accessible()
    series = PulseSeries.objects.get()
    pulse = series.pulses.get()
    links = _links()
    assert len(links) >= 10
    page.goto(f"{live_server.url}/s/{links[0]}/")  # a member of staff answers on the form
    assert_accessible()
    page.get_by_role("button", name="Start now").click()
    page.locator(f'input[name="{ITEM}"][value="5"]').check()
    while page.get_by_role("button", name="Send response").count() == 0:
        page.get_by_role("button", name="Save and continue").click()
    page.get_by_role("button", name="Send response").click()
    expect(page.get_by_text("Response sent")).to_be_visible()
    _answer(pulse.wave, links[1:9], "4")
    page.goto(f"{live_server.url}/listening/pulses/{series.pk}/")
    page.get_by_role("button", name=re.compile("Close")).click()
    expect(page.locator("#table-pulse-trend")).to_be_visible()
    trend = page.locator("#table-pulse-trend")
    expect(trend.get_by_role("columnheader", name="Health Check 2025")).to_be_visible()
    row = trend.get_by_role("row", name=re.compile("My workload is manageable"))
    expect(row).to_contain_text("42.9")  # 6 of 14 in the Health Check
    expect(row).to_contain_text("100.0")  # all 9 in the pulse
    expect(page.locator("svg", has=page.locator("#chart-pulse-trend-title"))).to_be_visible()
    assert_accessible()


def test_a_session_is_planned_invited_with_a_calendar_file_and_its_attendance_recorded(
    page, live_server, sign_in, assert_accessible
):
    council = factories.council()
    helpers.more_staff(council, 4)
    sign_in(LEAD, factories.PASSWORD)
    page.goto(f"{live_server.url}/listening/sessions/")
    assert_accessible()
    page.get_by_role("link", name="Plan a session").click()
    assert_accessible()
    day = timezone.localdate() + datetime.timedelta(days=5)
    page.get_by_label("Coffee and catch up").check()
    page.get_by_label("Title").fill("Coffee and catch up with the director")
    page.get_by_label("Day").fill(str(day.day))
    page.get_by_label("Month").fill(str(day.month))
    page.get_by_label("Year").fill(str(day.year))
    page.get_by_label("Start time").fill("12:30")
    page.get_by_label("Length in minutes").fill("45")
    page.get_by_label("In person").check()
    page.get_by_label("Director", exact=True).check()
    page.get_by_label("Assessment North (Children's Services)").check()
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("No invitations have been sent")).to_be_visible()
    assert_accessible()
    page.get_by_role("button", name="Send invitations by email").click()
    expect(page.get_by_text("4 invitations sent with a calendar file")).to_be_visible()
    calendar = next(
        p for p in mail.outbox[0].message().walk() if p.get_content_type() == "text/calendar"
    )
    payload = calendar.get_payload(decode=True)
    assert isinstance(payload, bytes)
    assert Calendar.from_ical(payload).events[0].summary == "Coffee and catch up with the director"
    with page.expect_download() as download:
        page.get_by_role("link", name=re.compile("Download the calendar file")).click()
    assert download.value.suggested_filename.endswith(".ics")
    session = LeaderSession.objects.get()
    LeaderSession.objects.filter(pk=session.pk).update(
        starts_at=timezone.now() - datetime.timedelta(hours=1)
    )
    page.get_by_role("link", name="Record attendance").click()
    assert_accessible()
    page.get_by_label("By team").check()
    page.get_by_label("Came from Assessment North").fill("3")
    page.get_by_label("Questions raised").fill("When will the weighting tool arrive?")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("Attendance recorded")).to_be_visible()
    expect(page.get_by_text("3 of 6 invited")).to_be_visible()
    assert_accessible()


def test_an_action_is_completed_checked_back_and_shown_to_staff_and_scrutiny(
    page, live_server, sign_in, assert_accessible
):
    council = factories.council()
    helpers.more_staff(council, 12)
    helpers.past_health_check(
        council,
        slug="hc-2024",
        year=2024,
        agree_share=0.25,
        item=ITEM,
        teams={"Assessment North": 14},
    )
    sign_in(LEAD, factories.PASSWORD)
    page.goto(f"{live_server.url}/listening/actions/")
    assert_accessible()
    page.get_by_role("link", name="Raise an action").click()
    assert_accessible()
    page.get_by_label("Title").fill("Caseload weighting in every team")
    page.get_by_label("Owner").select_option(label=council.manager.full_name)
    page.get_by_label("Children's Services").check()
    due = timezone.localdate() + datetime.timedelta(days=30)
    page.get_by_label("Day").fill(str(due.day))
    page.get_by_label("Month").fill(str(due.month))
    page.get_by_label("Year").fill(str(due.year))
    page.get_by_label("A Health Check question").check()
    page.get_by_label("Health Check question (optional)").select_option(
        label="Children's Social Work Health Check 2024: My workload is manageable"
    )
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("“My workload is manageable”")).to_be_visible()
    assert_accessible()
    page.get_by_role("link", name="Record progress").click()
    assert_accessible()
    page.get_by_label("Complete", exact=True).check()
    page.get_by_label("What has happened").fill("Weighting tool in use in every team.")
    done = timezone.localdate() - datetime.timedelta(weeks=6)
    page.get_by_label("Day").fill(str(done.day))
    page.get_by_label("Month").fill(str(done.month))
    page.get_by_label("Year").fill(str(done.year))
    page.get_by_label("Evidence it was done").fill("Caseload audit: 94% at or under 18 cases.")
    page.get_by_role("button", name="Save").click()
    page.get_by_role("link", name="Check back with staff").click()
    assert_accessible()
    page.get_by_role("button", name="Send the check-back survey").click()
    expect(page.get_by_text("Check-back survey open")).to_be_visible()
    action = Action.objects.get()
    wave = action.check_back_wave
    assert wave is not None
    links = _links()
    for token in links[:11]:
        responding.draft_save(
            wave=wave,
            token=token,
            answers={"chk_difference": "4", "chk_noticed": "5"},
            sections_seen=1,
        )
        invitation = wave.invitations.get(
            token_hash=tokens.token_hash(token, tokens.Purpose.INVITATION)
        )
        responding.response_submit(wave=wave, invitation=invitation, token=token)
    survey_adapter.wave_close(wave=wave)
    _sign_out(page)

    sign_in(PRACTITIONER, factories.PASSWORD)
    page.goto(f"{live_server.url}/listening/")
    card = page.locator(".govuk-summary-card", has_text="Caseload weighting in every team")
    expect(card).to_contain_text("Caseload audit: 94% at or under 18 cases.")
    expect(card).to_contain_text("100% agreed: “This change has made a difference to my work”")
    assert_accessible()
    _sign_out(page)

    report_helpers.staff(council)  # a census year to report on
    report = report_services.report_create(
        organisation=council.organisation,
        meeting_date=report_helpers.MEETING,
        services=[council.children],
    )
    sign_in(LEAD, factories.PASSWORD)
    page.goto(f"{live_server.url}/reports/{report.pk}/preview/")
    expect(page.get_by_role("heading", name="Listening between Health Checks")).to_be_visible()
    expect(page.get_by_text("Caseload weighting in every team")).to_be_visible()
    assert_accessible()
