"""Census pages in a real browser: upload a return with errors, then a valid one."""

from dataclasses import replace

import pytest
from playwright.sync_api import expect

from tests import factories
from tests.census.returns import census_file, workers

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def council(transactional_db):
    return factories.council()


def _upload(page, name: str, data: bytes) -> None:
    page.get_by_label("Census return (XML)").set_input_files(
        {"name": name, "mimeType": "application/xml", "buffer": data}
    )
    page.get_by_role("button", name="Check and import").click()


def test_lead_imports_a_census_return_after_seeing_its_errors(
    council, page, sign_in, assert_accessible, live_server
):
    sign_in("workforce_lead-991", factories.PASSWORD)
    page.goto(f"{live_server.url}/census/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Census and HR data")
    assert_accessible()
    page.get_by_role("link", name="Import a census return").click()
    assert_accessible()

    people = workers(2025)
    people[0] = replace(people[0], ethnicity="XXXX")
    _upload(page, "bad.xml", census_file(2025, people=people))
    expect(page.locator(".govuk-error-summary")).to_contain_text("Nothing was imported")
    findings = page.get_by_role("table", name="Problems found")
    expect(findings).to_contain_text("SW****01")
    expect(findings).to_contain_text("Ethnicity")
    assert_accessible()

    page.get_by_role("link", name="Import another file").click()
    _upload(page, "good.xml", census_file(2025))
    expect(page.get_by_role("heading", level=1)).to_have_text("Census return imported")
    assert_accessible()

    page.goto(f"{live_server.url}/census/export/")
    assert_accessible()
    page.get_by_label("2025 (year ending 30 September 2025)").check()
    page.get_by_role("button", name="Check and download").click()
    expect(page.get_by_role("table", name="Records to fix")).to_contain_text("Priya Shah")
    assert_accessible()

    page.goto(f"{live_server.url}/census/hr-extract/")
    assert_accessible()
