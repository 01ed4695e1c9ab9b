"""The benchmark data and comparator councils pages, through the Django test client."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from tests.benchmarks.conftest import indicators
from tests.benchmarks.synthetic import ees_row, indicators_csv
from tests.factories import Role
from workforce_health.benchmarks import selectors, services
from workforce_health.benchmarks.forms import MAX_UPLOAD_BYTES
from workforce_health.benchmarks.models import PublishedRelease

pytestmark = pytest.mark.django_db


@pytest.fixture
def lead(council, client_for):
    return client_for(council.users[Role.WORKFORCE_LEAD])


def _upload(client, data: bytes, name: str = "indicators.csv"):
    return client.post(reverse("benchmark-data"), {"file": SimpleUploadedFile(name, data)})


def test_upload_lists_the_release_with_attribution(lead):
    response = _upload(lead, indicators())
    assert response.status_code == 302
    page = lead.get(reverse("benchmark-data")).content.decode()
    assert "indicators.csv imported: 2025 release, 2023 to 2025, 18 rows" in page
    assert "Open Government Licence v3.0" in page and "2023 to 2025" in page
    again = lead.post(
        reverse("benchmark-data"),
        {"file": SimpleUploadedFile("copy.csv", indicators())},
        follow=True,
    ).content.decode()
    assert "copy.csv was imported before; nothing changed" in again


def test_bad_upload_shows_row_and_column_in_the_error_summary(lead):
    data = indicators_csv(ees_row(2025, "National"), ees_row(2025, vacancy_rate_fte="12.x"))
    response = _upload(lead, data, "bad.csv")
    page = response.content.decode()
    assert response.status_code == 200 and "<title>Error: Benchmark data" in page
    assert "govuk-error-summary" in page
    assert "Row 3, column vacancy_rate_fte: &#x27;12.x&#x27; (neither a number" in page
    assert PublishedRelease.objects.count() == 0


@pytest.mark.parametrize(
    ("name", "size", "message"),
    [
        ("notes.txt", 10, "The selected file must be a CSV file"),
        ("big.csv", MAX_UPLOAD_BYTES + 1, "The selected file must be smaller than 5 MB"),
    ],
)
def test_upload_checks_type_and_size(lead, name, size, message):
    response = _upload(lead, b"a" * size, name)
    assert message in response.content.decode()


def test_empty_upload_asks_for_a_file(lead):
    response = lead.post(reverse("benchmark-data"), {})
    assert "Select a CSV file to upload" in response.content.decode()


def test_comparators_page_without_data_explains_what_to_do(lead):
    page = lead.get(reverse("benchmark-comparators")).content.decode()
    assert "Import the DfE indicators file" in page


def test_comparators_form_saves_checked_councils(lead, council):
    services.published_release_import(source=indicators(), filename="i.csv")
    page = lead.get(reverse("benchmark-comparators")).content.decode()
    assert "Councils in West Midlands" in page and "Birmingham (330)" in page
    assert page.index("Coventry (331)") < page.index("North Northamptonshire")
    response = lead.post(
        reverse("benchmark-comparators"), {"in_region": ["330"], "elsewhere": ["940 / 941"]}
    )
    assert response.status_code == 302
    assert selectors.comparator_codes(organisation=council.organisation) == ["330", "940", "941"]
    page = lead.get(reverse("benchmark-comparators")).content.decode()
    assert page.count("checked") == 2  # Birmingham and the joint Northamptonshire return
    assert lead.post(reverse("benchmark-comparators"), {}).status_code == 302  # none ticked
    assert selectors.comparator_codes(organisation=council.organisation) == []


def test_comparators_form_refuses_unknown_choices(lead):
    services.published_release_import(source=indicators(), filename="i.csv")
    response = lead.post(reverse("benchmark-comparators"), {"in_region": ["999"]})
    assert response.status_code == 200 and "govuk-error-summary" in response.content.decode()
