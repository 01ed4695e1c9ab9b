"""The invitation journey: the lead opens a wave, a member of staff answers every section through
the link in their email, and after closing the results count the response."""

import re

import pytest
from django.core import mail
from playwright.sync_api import Page, expect

from tests import factories
from tests.surveys import helpers
from workforce_health.core import services as core_services

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

NUMBERS = {
    "contracted_hours": "37",
    "actual_hours": "42",
    "current_caseload": "16",
    "new_cases_next_month": "3",
}
COMMENT = "Protected time for reflective supervision has helped."
RESPONDENT = "jamie.clarke@example.org"


@pytest.fixture
def draft_wave(transactional_db):
    """Testshire's Children's wave, not yet open, for 5 staff whose records hold email addresses
    (they have no sign-ins with addresses): enough invited to show a response count."""
    council = factories.council()
    for person, email in [
        (council.social_worker, "alex.morgan@example.org"),
        (council.manager, "priya.shah@example.org"),
    ]:
        core_services.person_update(person=person, email=email)
    for number, name in enumerate(["Jamie Clarke", "Ruth Okafor", "Tom Hughes"], start=4):
        email = f"{name.lower().replace(' ', '.')}@example.org"
        factories.employment(
            factories.person(council.organisation, f"991-{number}", name, email=email),
            council.assessment,
        )
    return helpers.wave(council, min_group_size=5, min_invited_for_response_rate=5)


def answer_section(page: Page) -> None:
    """Answer every question on the section page: a middle radio, a number, some text."""
    form = page.locator("main form")
    radios = form.locator("input[type=radio]")
    for name in dict.fromkeys(radios.evaluate_all("inputs => inputs.map(i => i.name)")):
        options = form.locator(f'input[type=radio][name="{name}"]')
        options.nth(options.count() // 2).check()
    for field in form.locator("input.govuk-input").all():
        field.fill(NUMBERS[field.get_attribute("name") or ""])
    for field in form.locator("textarea").all():
        field.fill(COMMENT)


def test_staff_answer_every_section_through_their_invitation_link(
    draft_wave, page, sign_in, live_server, assert_accessible
):
    sign_in("workforce_lead-991", factories.PASSWORD)
    page.goto(f"{live_server.url}/surveys/waves/{draft_wave.pk}/")
    page.get_by_role("link", name="Open the survey and send invitations").click()
    assert_accessible()  # the confirmation page
    page.get_by_role("button", name="Open and email 5 invitations").click()
    expect(page.locator("main")).to_contain_text(
        "is open: 5 invited, 5 emailed, 0 without an email address"
    )
    assert_accessible()  # the open wave

    sent = {message.to[0]: str(message.body) for message in mail.outbox}
    assert len(sent) == 5 and RESPONDENT in sent
    link = re.search(rf"{re.escape(live_server.url)}/s/[\w-]{{43}}/", sent[RESPONDENT])
    assert link, sent[RESPONDENT]

    page.context.clear_cookies()  # signed out: the respondent needs only the link
    page.goto(link[0])
    expect(page.get_by_role("heading", level=1)).to_have_text(draft_wave.title)
    assert_accessible()  # start page
    page.get_by_role("button", name="Start now").click()
    sections = 0
    while page.get_by_text(re.compile(r"^Section \d+ of 9$")).count():
        sections += 1
        expect(page.get_by_text(f"Section {sections} of 9")).to_be_visible()
        answer_section(page)
        if sections == 1:
            assert_accessible()  # a section with every answer given
        page.get_by_role("button", name="Save and continue").click()
    assert sections == 9
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Check your answers before sending them"
    )
    check_page = page.locator("main")
    expect(check_page).not_to_contain_text("Not answered")
    expect(check_page).to_contain_text("37 hours")
    expect(check_page).to_contain_text(COMMENT)
    assert_accessible()  # check answers
    page.get_by_role("button", name="Send response").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Response sent")
    assert_accessible()  # confirmation
    page.goto(link[0])  # the link works once
    expect(page.get_by_role("heading", level=1)).to_have_text("Response sent")

    sign_in("workforce_lead-991", factories.PASSWORD)
    page.goto(f"{live_server.url}/surveys/waves/{draft_wave.pk}/")
    responses = page.locator(".govuk-summary-list__row", has_text="Responses")
    expect(responses.locator("dd")).to_have_text("1")
    page.get_by_role("link", name="Close the survey").click()
    page.get_by_role("button", name="Close the survey").click()
    expect(page.locator("main")).to_contain_text("is closed")
    page.goto(f"{live_server.url}/surveys/waves/{draft_wave.pk}/results/")
    expect(page.get_by_role("heading", name="Results overview")).to_be_visible()
    row = page.locator(".govuk-summary-list__row", has_text="Responses")
    expect(row.locator("dd")).to_have_text("1 of 5 invited")
    assert_accessible()  # results with one response
