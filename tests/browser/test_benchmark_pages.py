"""Benchmark pages in a real browser: upload a synthetic DfE file, choose comparators."""

import re

import pytest
from playwright.sync_api import expect

from tests import factories
from tests.benchmarks.conftest import indicators
from tests.benchmarks.synthetic import ees_row, indicators_csv

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def council(transactional_db):
    return factories.council()


def test_lead_uploads_a_file_and_chooses_comparators(
    council, page, live_server, sign_in, assert_accessible, tmp_path
):
    sign_in("workforce_lead-991", factories.PASSWORD)
    page.goto(f"{live_server.url}/benchmarks/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Benchmark data")
    assert_accessible()

    bad = tmp_path / "bad.csv"
    bad.write_bytes(indicators_csv(ees_row(2025, "National", caseload_fte="lots")))
    page.get_by_label("Upload a DfE file").set_input_files(bad)
    page.get_by_role("button", name="Import file").click()
    expect(page).to_have_title(re.compile("^Error:"))
    expect(page.locator(".govuk-error-summary")).to_contain_text(
        "Row 2, column caseload_fte: 'lots'"
    )
    assert_accessible()

    good = tmp_path / "indicators.csv"
    good.write_bytes(indicators())
    page.get_by_label("Upload a DfE file").set_input_files(good)
    page.get_by_role("button", name="Import file").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("indicators.csv imported")
    expect(page.locator("table")).to_contain_text("2025 release")
    assert_accessible()

    page.get_by_role("link", name="comparator councils").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Comparator councils")
    assert_accessible()
    page.get_by_label("Birmingham (330)").check()
    page.get_by_label("Coventry (331)").check()
    page.get_by_role("button", name="Save comparator councils").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("2 chosen")
    expect(page.get_by_label("Birmingham (330)")).to_be_checked()
    assert_accessible()
