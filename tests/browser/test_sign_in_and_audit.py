"""Signing in with Microsoft (a real OpenID provider on loopback), MFA, lockout and the audit
trail in Chromium, each page checked with axe-core."""

import re
import time
from collections.abc import Iterator

import pytest
from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value
from django.test import override_settings
from playwright.sync_api import Page, expect

from tests import factories
from tests.support import oidc
from workforce_health.signin import services

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
ACCOUNTS = {"lead": oidc.account(groups=[oidc.LEADS_GROUP])}


@pytest.fixture
def council(transactional_db):
    return factories.council()


@pytest.fixture
def provider(live_server, tmp_path) -> Iterator[oidc.Provider]:
    callback = f"{live_server.url}/accounts/oidc/entra-991/login/callback/"
    with oidc.running_provider(tmp_path, ACCOUNTS, [callback]) as running:
        yield running


def _code(secret: str) -> str:
    return str(format_hotp_value(hotp_value(secret, int(time.time()) // 30)))


def test_a_lead_signs_in_with_microsoft(
    council, provider, page: Page, live_server, assert_accessible, monkeypatch
):
    monkeypatch.setenv(oidc.SECRET_VARIABLE, oidc.CLIENT_SECRET)
    services.sign_in_settings_update(
        organisation=council.organisation,
        entra_enabled=True,
        tenant_id=oidc.TENANT,
        client_id=oidc.CLIENT_ID,
        secret_variable=oidc.SECRET_VARIABLE,
        sso_only=False,
        break_glass_user=None,
    )
    services.group_mapping_create(
        organisation=council.organisation, claim_value=oidc.LEADS_GROUP, role="workforce_lead"
    )
    provider.sign_in_as("lead")
    with override_settings(ENTRA_AUTHORITY=provider.issuer, WORKFORCE_HEALTH_REQUIRE_MFA=True):
        page.goto(f"{live_server.url}/sign-in/")
        expect(page.get_by_label("Username")).to_be_visible()
        assert_accessible()
        page.get_by_role("button", name=re.compile("Sign in with Microsoft")).click()
        expect(page.get_by_role("heading", level=1)).to_contain_text("Welcome")
        # a lead's menu
        expect(page.get_by_role("link", name="Surveys and listening")).to_be_visible()
        assert_accessible()


def test_a_lead_sets_up_mfa_then_signs_in_with_a_code(
    council, page: Page, sign_in, live_server, assert_accessible
):
    with override_settings(WORKFORCE_HEALTH_REQUIRE_MFA=True):
        sign_in("workforce_lead-991", factories.PASSWORD)
        expect(page.get_by_role("heading", level=1)).to_have_text("Set up your authenticator app")
        assert_accessible()
        page.get_by_text("I cannot scan the QR code").click()
        secret = page.locator("details code").inner_text().strip()
        page.get_by_label("Code from your authenticator app").fill("123")
        page.get_by_role("button", name="Turn on two-factor authentication").click()
        expect(page.locator(".govuk-error-summary")).to_contain_text("The code is not right")
        assert_accessible()
        page.get_by_label("Code from your authenticator app").fill(_code(secret))
        page.get_by_role("button", name="Turn on two-factor authentication").click()
        expect(page.get_by_role("heading", level=1)).to_have_text("Your recovery codes")
        assert_accessible()
        page.get_by_role("button", name="I have saved my recovery codes").click()
        expect(page.get_by_role("heading", level=1)).to_contain_text("Welcome")
        page.get_by_role("button", name="Sign out").click()

        time.sleep(max(0.0, 30 - time.time() % 30 + 0.5))  # a fresh code: one is used once
        sign_in("workforce_lead-991", factories.PASSWORD)
        expect(page.get_by_role("heading", level=1)).to_have_text(
            "Enter the code from your authenticator app"
        )
        assert_accessible()
        page.get_by_label("Code from your authenticator app").fill(_code(secret))
        page.get_by_role("button", name="Continue").click()
        expect(page.get_by_role("heading", level=1)).to_contain_text("Welcome")


def test_a_locked_sign_in_and_the_administrators_pages(
    council, page: Page, sign_in, live_server, assert_accessible
):
    # Every browser here shares one address: lock the account only, after two failures.
    with override_settings(
        AXES_FAILURE_LIMIT=2,
        AXES_LOCKOUT_PARAMETERS=["username"],
        ACCOUNT_RATE_LIMITS={"login_failed": None},
    ):
        for _ in range(2):
            sign_in("team_manager-991", "wrong-password")
        sign_in("team_manager-991", factories.PASSWORD)
        expect(page.get_by_role("heading", level=1)).to_have_text("Sign-in locked")
        assert_accessible()

        lead = page.context.browser.new_page()  # type: ignore[union-attr]
        lead.goto(f"{live_server.url}/sign-in/")
        lead.get_by_label("Username").fill("workforce_lead-991")
        lead.get_by_label("Password").fill(factories.PASSWORD)
        lead.get_by_role("button", name="Sign in").click()
        lead.goto(f"{live_server.url}/people/{council.social_worker.pk}/")
        lead.close()

        page.context.clear_cookies()
        sign_in("administrator-991", factories.PASSWORD)
        page.get_by_role("link", name="Settings", exact=True).click()
        page.get_by_role("link", name="Sign-in settings").click()
        expect(page.get_by_role("heading", level=1)).to_have_text("Sign-in settings")
        assert_accessible()
        page.get_by_role("link", name="Locked sign-ins").click()
        expect(page.get_by_role("cell", name="team_manager-991", exact=True)).to_be_visible()
        assert_accessible()
        page.get_by_role("button", name="Unlock team_manager-991").click()
        expect(page.get_by_text("No sign-ins are locked")).to_be_visible()

        page.get_by_role("link", name="Settings", exact=True).click()
        page.get_by_role("link", name="Audit trail").click()
        expect(page.get_by_role("heading", level=1)).to_have_text("Audit trail")
        expect(page.get_by_role("cell", name="Person's record").first).to_be_visible()
        assert_accessible()
        page.get_by_text("Filter the entries").click()
        page.get_by_label("What happened").select_option(label="Viewed")
        page.get_by_role("button", name="Apply filters").click()
        expect(page.get_by_text("1 entry")).to_be_visible()
        assert_accessible()
