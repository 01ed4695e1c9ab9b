"""The import page: a past wave and its responses are stored together, or neither is."""

import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from tests import factories
from workforce_health.surveys.models import Questionnaire, Response, Wave

pytestmark = pytest.mark.django_db


@pytest.fixture
def lead(council, client):
    client.force_login(council.users[factories.Role.WORKFORCE_LEAD])
    return client


def _questionnaire() -> Questionnaire:
    return Questionnaire.objects.filter(code="social-work-health-check").latest("version")


def _post(client, council, text: str, **fields):
    upload = io.BytesIO(text.encode())
    upload.name = "health-check-2022.csv"
    data = {
        "title": "Children's Social Work Health Check 2022",
        "slug": "health-check-2022",
        "year": "2022",
        "questionnaire": _questionnaire().pk,
        "services": [council.children.pk],
        "file": upload,
    } | fields
    return client.post(reverse("survey-results-import"), data)


def test_import_creates_the_past_wave_with_its_responses(council, lead):
    text = "team,sw_workload_manageable\nOld Team,Agree\nOld Team,Strongly disagree\n"
    response = _post(lead, council, text)
    wave = Wave.objects.get(slug="health-check-2022")
    assert response.status_code == 302
    assert response["Location"] == reverse("survey-results", args=[wave.pk])
    assert wave.status == Wave.Status.CLOSED and wave.opens_on.year == 2022
    assert Response.objects.filter(wave=wave).count() == 2


def test_a_bad_row_stores_neither_wave_nor_responses(council, lead):
    text = "sw_workload_manageable\nAgree\nSometimes\n"
    response = _post(lead, council, text)
    page = response.content.decode()
    assert response.status_code == 422
    assert "Nothing was imported" in page
    assert "Row 3, column sw_workload_manageable: &#x27;Sometimes&#x27;" in page
    assert not Wave.objects.filter(slug="health-check-2022").exists()
    assert not Response.objects.exists()


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"year": "1999"}, "Year must be between 2010"),
        ({"slug": "not a slug!"}, "Short name must only use letters"),
        ({"services": []}, "Choose at least one service"),
    ],
)
def test_form_errors(council, lead, fields, message):
    response = _post(lead, council, "sw_workload_manageable\nAgree\n", **fields)
    assert response.status_code == 200 and message in response.content.decode()
    assert not Wave.objects.filter(slug="health-check-2022").exists()


def test_a_file_of_the_wrong_kind_is_refused(council, lead):
    upload = io.BytesIO(b"%PDF-1.4")
    upload.name = "results.pdf"
    response = _post(lead, council, "", file=upload)
    assert "The selected file must be a .csv or .xlsx file" in response.content.decode()


def test_templates_list_the_item_codes(council, lead):
    questionnaire = _questionnaire()
    csv_text = lead.get(reverse("survey-import-template-csv", args=[questionnaire.pk]))
    header = csv_text.content.decode("utf-8-sig").splitlines()[0].split(",")
    assert header[:5] == ["service", "team", "role_group", "tenure_band", "employment_type"]
    assert "sw_workload_manageable" in header
    xlsx = lead.get(reverse("survey-import-template-xlsx", args=[questionnaire.pk]))
    sheet = load_workbook(io.BytesIO(xlsx.content)).active
    assert [cell.value for cell in sheet[1]] == header


def test_a_short_name_already_used_is_a_form_error_not_a_server_error(council, lead):
    assert _post(lead, council, "sw_workload_manageable\nAgree\n").status_code == 302
    again = _post(lead, council, "sw_workload_manageable\nDisagree\n")
    assert again.status_code == 200
    assert "A survey already has this short name" in again.content.decode()
    assert Response.objects.count() == 1


FIVE_ROWS = "team,sw_workload_manageable\n" + "Old Team,Agree\n" * 5  # 5: not generalised


def test_rows_of_a_one_service_survey_belong_to_that_service(council, lead):
    _post(lead, council, FIVE_ROWS)
    services = Response.objects.values_list("service", flat=True)
    assert list(services) == ["Children's Services"] * 5


def test_rows_of_a_two_service_survey_keep_an_unknown_service(council, lead):
    services = [council.children.pk, council.adults.pk]
    _post(lead, council, FIVE_ROWS, services=services)
    assert list(Response.objects.values_list("service", flat=True)) == ["Not known"] * 5
