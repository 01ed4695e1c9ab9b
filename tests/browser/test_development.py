"""Development records in Chromium: a supervisor records a session without JavaScript, the lead
reads the measures pages, a practitioner rates a session and keeps their CPD; axe on each."""

import re

import pytest
from playwright.sync_api import expect

from tests import factories
from tests.browser.conftest import AXE_TAGS
from tests.browser.strict_axe import settled_html
from tests.development.helpers import records

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PHONE = {"width": 375, "height": 740}


@pytest.fixture
def council(transactional_db):
    made = factories.council()
    records(made)
    return made


@pytest.fixture
def no_script(browser):
    context = browser.new_context(viewport=PHONE, java_script_enabled=False)
    yield context.new_page()
    context.close()


@pytest.fixture
def check_html(browser, live_server):
    """axe-core needs JavaScript, so check a no-JavaScript page's HTML in a second page."""
    from axe_playwright_python.sync_playwright import Axe

    context = browser.new_context(viewport=PHONE)
    checker = context.new_page()
    checker.goto(f"{live_server.url}/accessibility/")  # so /static/ links resolve

    def check(page) -> None:
        checker.set_content(settled_html(page))
        result = Axe().run(checker, options={"runOnly": {"type": "tag", "values": AXE_TAGS}})
        bad = [v for v in result.response["violations"] if v["impact"] in ("serious", "critical")]
        assert checker.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
        assert not bad, f"{page.url}:\n" + "\n".join(
            f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']]}"
            for v in bad
        )

    yield check
    context.close()


def sign_in_as(page, base, username):
    page.goto(f"{base}/sign-in/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(factories.PASSWORD)
    page.get_by_role("button", name="Sign in").click()


def test_a_supervisor_records_a_session_without_javascript(
    council, no_script, live_server, check_html
):
    page = no_script
    sign_in_as(page, live_server.url, "team_manager-991")
    page.goto(f"{live_server.url}/development/supervision/overdue/")
    check_html(page)
    page.get_by_role("link", name="Record a session for Alex Morgan").click()
    expect(page.get_by_label("Who was supervised?")).to_have_value(str(council.social_worker.pk))
    check_html(page)
    # The date is today and the kind one-to-one already: three answers and a button.
    page.get_by_role("button", name="Record session").click()
    expect(page).to_have_title(re.compile("^Error: Record a supervision session"))
    expect(page.locator(".govuk-error-summary")).to_contain_text("Enter length in minutes")
    check_html(page)
    page.get_by_label("Length in minutes").fill("95")
    page.get_by_role("group", name="Was it uninterrupted?").get_by_label("Yes").check()
    page.get_by_label("Workload and whether it is manageable").check()
    page.get_by_role("button", name="Record session").click()
    expect(page.get_by_role("alert")).to_contain_text("recorded for Alex Morgan")
    expect(page.get_by_role("heading", level=1)).to_have_text("Alex Morgan")
    check_html(page)
    session = council.social_worker.supervision_sessions.order_by("-pk").first()
    assert session is not None and session.minutes == 95 and session.topics == ["workload"]


def test_the_lead_reads_the_development_pages(
    council, page, sign_in, live_server, assert_accessible
):
    sign_in("workforce_lead-991", factories.PASSWORD)
    page.goto(f"{live_server.url}/development/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Practice development")
    assert_accessible()
    checks = [
        ("Supervision", "Supervision"),
        ("who is overdue", "Who is overdue for supervision"),
        ("CPD and registration", "CPD and registration"),
        ("the learning offer", "The learning offer"),
        ("training needs", "Training needs"),
        ("Newly qualified social workers (ASYE)", "Newly qualified social workers"),
        ("Secondments", "Secondments"),
    ]
    for link, heading in checks:
        page.get_by_role("navigation", name="Development pages").get_by_role(
            "link", name=link, exact=True
        ).click()
        expect(page.get_by_role("heading", level=1)).to_have_text(heading)
        assert_accessible()
    page.goto(f"{live_server.url}/development/asye/?show=all")
    page.get_by_role("link", name="Alex Morgan").click()
    expect(page.get_by_role("heading", level=2, name="Reviews")).to_be_visible()
    assert_accessible()
    page.get_by_role("link", name="Record the 3-month review").click()
    assert_accessible()
    for path in (
        "supervision/policies/add/",
        "asye/programmes/add/",
        "import/",
        "secondments/add/",
    ):
        page.goto(f"{live_server.url}/development/{path}")
        assert_accessible()


def test_a_practitioner_rates_a_session_and_adds_cpd(
    council, page, sign_in, live_server, assert_accessible
):
    sign_in("practitioner-991", factories.PASSWORD)
    page.get_by_role("navigation", name="Menu").get_by_role("link", name="My record").click()
    page.get_by_role("link", name="My development").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Your development")
    assert_accessible()
    page.get_by_role("link", name=re.compile("^Rate")).first.click()
    page.get_by_label("Good", exact=True).check()
    page.get_by_role("button", name="Save rating").click()
    expect(page.get_by_role("alert")).to_contain_text("your rating")
    page.get_by_role("link", name="Add CPD").click()
    assert_accessible()
    page.get_by_label("Type of activity").select_option("reading")
    page.get_by_label("What it was").fill("Research in Practice briefing")
    page.get_by_label("Hours").fill("1.5")
    page.get_by_label("What you learnt").fill("How neglect builds slowly")
    page.get_by_label("The impact on your practice").fill("I read the history first")
    page.get_by_role("group", name="Did you reflect on it with a peer?").get_by_label("Yes").check()
    page.get_by_role(
        "group", name="Have you recorded it in your Social Work England account?"
    ).get_by_label("No").check()
    page.get_by_role("button", name="Save CPD").click()
    expect(page.get_by_role("alert")).to_contain_text("Research in Practice briefing")
    assert_accessible()
