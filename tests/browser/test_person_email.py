"""The lead gives a member of staff an email address for survey invitations, after an error."""

import re

import pytest
from playwright.sync_api import expect

from tests import factories

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_lead_records_an_email_address_after_fixing_its_format(
    page, sign_in, live_server, assert_accessible
):
    council = factories.council()
    sign_in("workforce_lead-991", factories.PASSWORD)
    page.goto(f"{live_server.url}/people/{council.social_worker.pk}/")
    expect(page.locator(".govuk-summary-list__row", has_text="Email address")).to_contain_text(
        "Not recorded"
    )
    page.get_by_role("link", name="Change personal details").click()
    email = page.get_by_label("Email address (optional)")
    expect(email).to_have_attribute("type", "email")
    expect(email).to_have_attribute("autocomplete", "email")
    expect(email).to_have_attribute("spellcheck", "false")
    email.fill("alex.morgan at example.org")
    page.get_by_role("button", name="Save person").click()
    expect(page).to_have_title(re.compile("^Error:"))
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_contain_text("Enter an email address in the correct format")
    assert_accessible()  # the error summary and the email input's error
    summary.get_by_role("link").first.click()
    expect(page.get_by_label("Email address (optional)")).to_be_focused()
    page.get_by_label("Email address (optional)").fill("alex.morgan@example.org")
    page.get_by_role("button", name="Save person").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Alex Morgan")
    expect(page.locator(".govuk-summary-list__row", has_text="Email address")).to_contain_text(
        "alex.morgan@example.org"
    )
    assert_accessible()
