"""The careers page in the browser: an anonymous visitor reads the offer, the figures and a
vacancy, with and without JavaScript, under the strict Content-Security-Policy; the workforce
lead changes the offer, previews and publishes it, and checks agency staff. Every page is
checked with axe-core, at desktop and phone widths."""

import json

import pytest
from playwright.sync_api import Page, Route, expect

from tests import factories
from tests.careers import helpers
from tests.careers.jsonld_rules import problems
from tests.results.helpers import past_wave
from workforce_health.careers import services

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PHONE = {"width": 375, "height": 800}
# The policy another branch adds (settings CONTENT_SECURITY_POLICY), with report-sample so a
# blocked script's first characters show which one it was.
CSP = "default-src 'none'; script-src 'self' 'report-sample'; style-src 'self'; img-src 'self'"


@pytest.fixture
def council(transactional_db):
    """A published careers page with figures (10 social workers, a Health Check) and a vacancy."""
    council = factories.council()
    helpers.staff(council)
    past_wave(council, slug="hc-2025", year=2025, teams={"Assessment North": [4] * 12})
    helpers.published(council)
    return council


def test_a_visitor_reads_the_offer_figures_and_a_vacancy(
    council, page, live_server, assert_accessible
):
    base = live_server.url
    for size in (None, PHONE):
        if size:
            page.set_viewport_size(size)
        page.goto(f"{base}/careers/991/")
        expect(page.get_by_role("heading", level=1)).to_have_text("Social work careers")
        expect(page.get_by_text("1 vacancy open now")).to_be_visible()
        assert_accessible()
    page.get_by_role(
        "link", name="Working in Children's Services: pay, support and figures"
    ).click()
    expect(page.get_by_role("heading", name="Pay")).to_be_visible()
    expect(page.get_by_role("heading", name="Turnover rate")).to_be_visible()
    page.get_by_text("Chart and figures").first.click()
    expect(page.get_by_role("img", name="Turnover rate", exact=False)).to_be_visible()
    assert_accessible()
    page.get_by_role("link", name="Social worker").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Social worker")
    apply = page.get_by_role("link", name="Apply on the council's website")
    expect(apply).to_have_attribute("href", "https://jobs.testshire.example/ts-001")
    assert_accessible()
    posting = json.loads(page.locator("script[type='application/ld+json']").text_content() or "")
    assert problems(posting) == []


def test_the_pages_work_without_javascript(council, browser, live_server):
    context = browser.new_context(java_script_enabled=False, viewport=PHONE)
    page = context.new_page()
    page.goto(f"{live_server.url}/careers/991/services/childrens-services/")
    page.get_by_text("Chart and figures").first.click()  # <details> needs no script
    expect(page.get_by_role("img", name="Turnover rate", exact=False)).to_be_visible()
    page.get_by_role("link", name="Social worker").click()
    expect(page.get_by_role("link", name="Apply on the council's website")).to_be_visible()
    context.close()


def test_the_job_posting_is_data_the_content_security_policy_allows(
    council, page: Page, live_server
):
    """JSON-LD is a data block, never run as script: the policy blocks no part of it."""
    blocked: list[str] = []
    page.on(
        "console",
        lambda message: (
            blocked.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )

    def with_policy(route: Route) -> None:
        response = route.fetch()
        route.fulfill(
            response=response, headers={**response.headers, "content-security-policy": CSP}
        )

    page.route("**/careers/991/vacancies/**", with_policy)
    page.add_init_script(
        "document.addEventListener('securitypolicyviolation',"
        " e => (window.__blocked = window.__blocked || []).push(e.sample || ''))"
    )
    vacancy = council.organisation.la_code
    page.goto(f"{live_server.url}/careers/{vacancy}/")
    page.get_by_role("link", name="Social worker").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Social worker")
    samples = page.evaluate("window.__blocked || []")
    # Anything blocked is the layout's own inline script (removed by the CSP branch), never
    # the JobPosting, whose text starts with {"@context".
    assert not [s for s in samples if s.lstrip().startswith("{")], samples
    assert not [m for m in blocked if "ld+json" in m or "@context" in m], blocked
    text = page.locator("script[type='application/ld+json']").text_content() or ""
    assert json.loads(text)["@type"] == "JobPosting"


def test_the_lead_changes_the_offer_previews_and_publishes(
    council, page, live_server, sign_in, assert_accessible
):
    base = live_server.url
    sign_in("workforce_lead-991", factories.PASSWORD)
    page.get_by_role("link", name="Workforce", exact=True).click()
    page.get_by_role("link", name="Careers").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Careers offer")
    expect(page.get_by_role("heading", name="Is the offer working?")).to_be_visible()
    assert_accessible()
    page.get_by_role("link", name="Change the offer of Children's Services").click()
    assert_accessible()
    page.get_by_role("link", name="Change caseloads").click()
    page.get_by_label("Caseloads").fill("No more than 18 children for a full-time social worker.")
    page.get_by_role("button", name="Save the offer").click()
    expect(page.get_by_text("No more than 18 children")).to_be_visible()
    page.get_by_role("link", name="Add a pay band").click()
    page.get_by_label("Team manager").check()
    page.get_by_role("button", name="Save the pay band").click()
    expect(page).to_have_title("Error: Add a pay band: Children's Services – Workforce Health")
    assert_accessible()
    page.get_by_label("Lowest salary (£ a year)").fill("50000")
    page.get_by_label("Highest salary (£ a year)").fill("54000")
    page.get_by_role("button", name="Save the pay band").click()
    page.get_by_role("link", name="Choose the facts").click()
    assert_accessible()
    page.get_by_label("Share of leavers who left within their first year").check()
    page.get_by_role("button", name="Save the facts").click()
    page.goto(f"{base}/careers/manage/preview/")
    expect(page.get_by_text("Not shown, because the data do not support them")).to_be_visible()
    assert_accessible()
    page.get_by_role(
        "link", name="Working in Children's Services: pay, support and figures"
    ).click()
    expect(page.get_by_text("No more than 18 children")).to_be_visible()
    assert_accessible()
    page.goto(f"{base}/careers/manage/publish/")
    assert_accessible()
    page.get_by_role("button", name="Publish the careers page").click()
    expect(page.get_by_text("The careers page is published")).to_be_visible()
    page.goto(f"{base}/careers/991/services/childrens-services/")
    expect(page.get_by_text("No more than 18 children")).to_be_visible()
    expect(page.get_by_text("£50,000 to £54,000")).to_be_visible()


def test_the_lead_adds_a_vacancy_and_checks_agency_staff(
    council, page, live_server, sign_in, assert_accessible
):
    base = live_server.url
    helpers.cap(council)
    helpers.compliant_record(helpers.agency_spell(council, "1", name="Good Locum"))
    helpers.agency_spell(council, "2", name="New Locum")
    sign_in("workforce_lead-991", factories.PASSWORD)
    page.goto(f"{base}/careers/manage/vacancies/")
    assert_accessible()
    page.get_by_role("link", name="Add a vacancy").click()
    page.get_by_role("button", name="Save the vacancy").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Enter the job title")
    assert_accessible()
    page.goto(f"{base}/careers/agency/")
    expect(
        page.get_by_text("1 of 2 agency social workers in post today meet every rule")
    ).to_be_visible()
    assert_accessible()
    page.set_viewport_size(PHONE)
    assert_accessible()
    page.get_by_role("link", name="New Locum").click()
    assert_accessible()
    page.get_by_label("Agency (optional)").fill("Locums Ltd")
    page.get_by_label("Hourly charge rate (£)").fill("41.20")
    page.get_by_role("button", name="Save the record").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Agency staff against the DfE's rules"
    )
    page.goto(f"{base}/careers/agency/caps/")
    assert_accessible()
    services.careers_unpublish(site=council.organisation.careers_site)
