"""Pages added late in the first release, tried in the browser with axe: recording vacancies
and importing an earlier year's survey."""

import pytest
from playwright.sync_api import expect

from tests import factories

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def council(transactional_db):
    return factories.council()


def test_lead_records_vacancies_after_an_error(
    council, page, sign_in, live_server, assert_accessible
):
    sign_in("workforce_lead-991", factories.PASSWORD)
    page.goto(f"{live_server.url}/workforce/")
    page.get_by_role("link", name="Record vacancies").click()
    assert_accessible()
    page.get_by_label("Day").fill("30")
    page.get_by_label("Month").fill("9")
    page.get_by_label("Year").fill("2025")
    page.get_by_label("Vacant posts (FTE)").fill("4")
    page.get_by_label("Of which covered by agency workers (FTE)").fill("6")
    page.get_by_role("button", name="Save vacancies").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text(
        "Agency cover cannot be more than the vacant FTE"
    )
    assert_accessible()
    page.get_by_label("Of which covered by agency workers (FTE)").fill("3")
    page.get_by_role("button", name="Save vacancies").click()
    expect(page.get_by_role("table")).to_contain_text("All of children's social work")
    expect(page.get_by_role("table")).to_contain_text("4.00")


def test_lead_imports_an_earlier_year(
    council, page, sign_in, live_server, assert_accessible, tmp_path
):
    sign_in("workforce_lead-991", factories.PASSWORD)
    page.goto(f"{live_server.url}/surveys/results/")
    page.get_by_role("link", name="Import an earlier year's survey").click()
    assert_accessible()
    bad = tmp_path / "hc-2022.csv"
    bad.write_text("sw_workload_manageable\nAgree\nSometimes\n")
    page.get_by_label("Name of the survey").fill("Health Check 2022")
    page.get_by_label("Short name").fill("hc-2022")
    page.get_by_label("Year the survey ran").fill("2022")
    page.get_by_label("Questionnaire its questions match").select_option(index=1)
    page.get_by_label("Children's Services").check()
    page.get_by_label("Responses file (CSV or XLSX)").set_input_files(str(bad))
    page.get_by_role("button", name="Import responses").click()
    expect(page.locator(".govuk-error-summary").last).to_contain_text("Row 3")
    assert_accessible()
    good = tmp_path / "hc-2022-fixed.csv"
    good.write_text("sw_workload_manageable\nAgree\nDisagree\n")
    page.get_by_label("Children's Services").check()
    page.get_by_label("Responses file (CSV or XLSX)").set_input_files(str(good))
    page.get_by_role("button", name="Import responses").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Results overview")
