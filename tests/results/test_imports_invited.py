"""How many were invited to an earlier year's survey, from CSV or XLSX: all or nothing, errors
naming row and column, recorded with the responses or later; the page and the templates."""

import datetime
import io

import pytest
from django.urls import reverse
from openpyxl import Workbook, load_workbook

from tests import factories
from tests.surveys import helpers
from workforce_health.results import imports
from workforce_health.surveys import selectors
from workforce_health.surveys.models import InvitedGroup, Response, Wave
from workforce_health.surveys.services import past_waves

pytestmark = pytest.mark.django_db
CHILDREN = "Children's Services"
RESPONSES = "team,sw_workload_manageable\n" + "Old Team A,Agree\n" * 6 + "Old Team B,Agree\n" * 5


def _past(council, services=None, slug="hc-2022") -> Wave:
    return past_waves.past_wave_create(
        organisation=council.organisation,
        questionnaire=helpers.builtin(),
        title="Children's Health Check 2022",
        slug=slug,
        services=services or [council.children],
        opens_on=datetime.date(2022, 2, 1),
        closes_on=datetime.date(2022, 3, 1),
    )


def _recorded(wave: Wave) -> dict[tuple[str, ...], int]:
    return {
        (g.service, g.team, g.role_group, g.tenure_band, g.employment_type): g.invited
        for g in InvitedGroup.objects.filter(wave=wave)
    }


def _read(text: str) -> list[str]:
    return imports.read_invited("invited.csv", text.encode())[1]


@pytest.mark.parametrize(
    ("text", "error"),
    [
        ("", "The file is empty: it needs a header row of column names, then a row per group"),
        ("team,invited\n", "The file has a header row but no invited counts"),
        ("team,headcount\nA,3\n", "Row 1, column headcount: is not one of the columns service, "),
        ("team\nA\n", "Row 1: there is no invited column"),
        ("team,invited,team\nA,3,A\n", "Row 1, column team: appears twice"),
        ("team,invited\nA,\n", "Row 2, column invited: is blank: give how many were invited"),
        ("team,invited\nA,3\nB,lots\n", "Row 3, column invited: 'lots' is not a whole number"),
        ("team,invited\nA,-2\n", "Row 2, column invited: '-2' is not a whole number"),
        ("team,invited\nA,2.5\n", "Row 2, column invited: '2.5' is not a whole number"),
        ("team,invited\nA,2000000\n", "Row 2, column invited: '2000000' is more than 1,000,000"),
        ("team,invited\nA,3\nB,4\nA,5\n", "Row 4: has the same groups as row 2"),
        ("team,invited\nA,0\nB,0\n", "Column invited: every count is 0"),
        (f"role_group,invited\n{'x' * 61},3\n", "Row 2, column role_group: is longer than 60"),
        ("team,invited\n,\n", "The file has a header row but no invited counts"),
    ],
)
def test_every_problem_is_named_by_row_and_column(text, error):
    errors = _read(text)
    assert any(e.startswith(error) for e in errors), errors


def test_labels_blanks_and_numbers_as_spreadsheets_write_them():
    text = 'Team,Role_Group,Invited\nOld Team A,Social worker, 12 \n,,\nOld Team B,,"1,200"\n'
    rows, errors = imports.read_invited("invited.csv", text.encode())
    assert errors == []
    assert rows == [
        ({"team": "Old Team A", "role_group": "Social worker"}, 12),
        ({"team": "Old Team B"}, 1200),
    ]


def test_xlsx_counts_as_numbers():
    book = Workbook()
    book.active.append(["service", "team", "invited"])
    book.active.append([CHILDREN, "Old Team A", 14])
    book.active.append([CHILDREN, "Old Team B", 9.0])
    out = io.BytesIO()
    book.save(out)
    rows, errors = imports.read_invited("invited.xlsx", out.getvalue())
    assert errors == [] and [n for _, n in rows] == [14, 9]


def test_recorded_with_the_responses_in_one_go(council):
    wave = _past(council)
    invited = imports.Upload(b"team,invited\nOld Team A,9\nOld Team B,8\n", "invited.csv")
    result = imports.responses_import(
        wave=wave, source=RESPONSES.encode(), filename="old.csv", invited=invited
    )
    assert result.errors == [] and result.created == 11
    assert (result.invited, result.invited_groups) == (17, 2)
    # A wave of one service: a row without a service is that service's, as for responses.
    assert _recorded(wave) == {
        (CHILDREN, "Old Team A", "Not known", "Not known", "Not known"): 9,
        (CHILDREN, "Old Team B", "Not known", "Not known", "Not known"): 8,
    }


def test_a_bad_invited_file_stores_no_responses_and_a_bad_responses_file_no_counts(council):
    wave = _past(council)
    bad = imports.Upload(b"team,invited\nOld Team A,many\n", "invited.csv")
    result = imports.responses_import(
        wave=wave, source=RESPONSES.encode(), filename="old.csv", invited=bad
    )
    assert result.errors == [
        "In invited.csv: Row 2, column invited: 'many' is not a whole number of people (0 or more)"
    ]
    good = imports.Upload(b"team,invited\nOld Team A,20\n", "invited.csv")
    result = imports.responses_import(
        wave=wave, source=b"sw_workload_manageable\nSometimes\n", filename="old.csv", invited=good
    )
    assert result.errors[0].startswith("Row 2, column sw_workload_manageable: 'Sometimes'")
    assert not Response.objects.filter(wave=wave).exists()
    assert not InvitedGroup.objects.filter(wave=wave).exists()


def test_fewer_invited_than_responded_is_refused(council):
    wave = _past(council)
    few = imports.Upload(b"team,invited\nOld Team A,6\nOld Team B,4\n", "invited.csv")
    result = imports.responses_import(
        wave=wave, source=RESPONSES.encode(), filename="old.csv", invited=few
    )
    assert result.errors == [
        "In invited.csv: Column invited: the counts add up to 10 invited, fewer than the 11 "
        "responses: count everyone who was invited, including those who did not respond"
    ]
    assert not Response.objects.filter(wave=wave).exists()


def test_a_later_file_replaces_all_or_nothing(council):
    wave = _past(council, services=[council.children, council.adults])
    imports.responses_import(wave=wave, source=RESPONSES.encode(), filename="old.csv")
    imports.invited_import(wave=wave, source=b"invited\n30\n", filename="i.csv")
    bad = imports.invited_import(
        wave=wave, source=b"service,invited\nA,20\nB,x\n", filename="i.csv"
    )
    assert bad.errors == ["Row 3, column invited: 'x' is not a whole number of people (0 or more)"]
    assert _recorded(wave) == {("Not known",) * 5: 30}  # unchanged
    good = imports.invited_import(
        wave=wave, source=b"service,invited\nAdult Social Care,12\n,8\n", filename="i.csv"
    )
    assert good.errors == [] and (good.invited, good.invited_groups) == (20, 2)
    assert _recorded(wave) == {
        ("Adult Social Care", "Not known", "Not known", "Not known", "Not known"): 12,
        ("Not known",) * 5: 8,
    }


def test_a_wave_that_collected_its_own_responses_takes_no_counts(council):
    opened = helpers.open_wave(council)
    before = _recorded(opened)
    result = imports.invited_import(wave=opened, source=b"invited\n30\n", filename="i.csv")
    assert "collected its own responses" in result.errors[0]
    assert _recorded(opened) == before
    draft = helpers.wave(council, slug="draft-2026")
    result = imports.invited_import(wave=draft, source=b"invited\n30\n", filename="i.csv")
    assert "has not opened" in result.errors[0]


def test_response_rates_show_on_the_results_page(council, client):
    wave = _past(council)
    invited = imports.Upload(b"team,invited\nOld Team A,9\nOld Team B,8\n", "invited.csv")
    imports.responses_import(
        wave=wave, source=RESPONSES.encode(), filename="old.csv", invited=invited
    )
    client.force_login(council.users[factories.Role.WORKFORCE_LEAD])
    page = client.get(reverse("survey-results", args=[wave.pk])).content.decode()
    assert "11 of 17 invited" in page and "64.7%" in page


# The pages: the import page's optional invited file, a past wave's invited counts page.


@pytest.fixture
def lead(council, client):
    client.force_login(council.users[factories.Role.WORKFORCE_LEAD])
    return client


def _upload(text: str, name: str) -> io.BytesIO:
    upload = io.BytesIO(text.encode())
    upload.name = name
    return upload


def _import(client, council, invited_text: str | None):
    data = {
        "title": "Children's Social Work Health Check 2022",
        "slug": "health-check-2022",
        "year": "2022",
        "questionnaire": helpers.builtin().pk,
        "services": [council.children.pk],
        "file": _upload(RESPONSES, "health-check-2022.csv"),
    }
    if invited_text is not None:
        data["invited"] = _upload(invited_text, "invited-2022.csv")
    return client.post(reverse("survey-results-import"), data)


def test_the_import_page_takes_an_invited_file(council, lead):
    response = _import(lead, council, "team,invited\nOld Team A,9\nOld Team B,8\n")
    wave = Wave.objects.get(slug="health-check-2022")
    assert response["Location"] == reverse("survey-results", args=[wave.pk])
    assert selectors.wave_invited_total(wave=wave) == 17


def test_the_import_page_stores_nothing_when_the_invited_file_is_wrong(council, lead):
    response = _import(lead, council, "team,invited\nOld Team A,nine\n")
    page = response.content.decode()
    assert response.status_code == 422 and "Nothing was imported" in page
    assert "In invited-2022.csv: Row 2, column invited: &#x27;nine&#x27;" in page
    assert not Wave.objects.filter(slug="health-check-2022").exists()
    assert not Response.objects.exists() and not InvitedGroup.objects.exists()


def test_the_invited_file_must_be_csv_or_xlsx(council, lead):
    data = {
        "title": "HC 2022",
        "slug": "health-check-2022",
        "year": "2022",
        "questionnaire": helpers.builtin().pk,
        "services": [council.children.pk],
        "file": _upload(RESPONSES, "hc.csv"),
        "invited": _upload("%PDF", "invited.pdf"),
    }
    page = lead.post(reverse("survey-results-import"), data).content.decode()
    assert "The selected invited counts file must be a .csv or .xlsx file" in page
    assert not Wave.objects.filter(slug="health-check-2022").exists()


def test_the_invited_page_of_a_past_wave(council, lead):
    wave = _past(council)
    imports.responses_import(wave=wave, source=RESPONSES.encode(), filename="old.csv")
    detail = lead.get(reverse("survey-wave-detail", kwargs={"wave_id": wave.pk})).content
    url = reverse("survey-wave-invited", args=[wave.pk])
    assert url in detail.decode() and "Not recorded, so no response rate is shown" in (
        detail.decode()
    )
    assert "No invited counts are recorded yet" in lead.get(url).content.decode()
    missing = lead.post(url, {}).content.decode()
    assert "Select an invited counts file" in missing
    wrong = lead.post(url, {"file": _upload("team,invited\nOld Team A,3\n", "i.csv")})
    assert wrong.status_code == 422
    assert "the counts add up to 3 invited, fewer than the 11 responses" in wrong.content.decode()
    done = lead.post(url, {"file": _upload("team,invited\nOld Team A,9\nOld Team B,8\n", "i.csv")})
    assert done["Location"] == reverse("survey-results", args=[wave.pk])
    page = lead.get(url).content.decode()
    assert "Recorded now: 17 invited" in page and "Old Team B" in page


def test_the_invited_page_refuses_a_wave_that_collected_its_own(council, lead):
    opened = helpers.open_wave(council)
    url = reverse("survey-wave-invited", args=[opened.pk])
    page = lead.get(url).content.decode()
    assert "collected its own responses" in page and 'type="file"' not in page
    refused = lead.post(url, {"file": _upload("invited\n30\n", "i.csv")})
    assert refused.status_code == 400 and "Nothing was recorded" in refused.content.decode()


def test_the_invited_templates(lead):
    csv_text = lead.get(reverse("survey-invited-template-csv")).content.decode("utf-8-sig")
    header = csv_text.splitlines()[0].split(",")
    assert header == ["service", "team", "role_group", "tenure_band", "employment_type", "invited"]
    xlsx = lead.get(reverse("survey-invited-template-xlsx"))
    sheet = load_workbook(io.BytesIO(xlsx.content)).active
    assert [cell.value for cell in sheet[1]] == header
    page = lead.get(reverse("survey-results-import")).content.decode()
    assert reverse("survey-invited-template-csv") in page
