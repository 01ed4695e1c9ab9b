"""Survey imports that used to crash, store unchecked answers, lose rows or read a huge body
(issue 11, findings 6, 7 and 8). Each is refused with a message naming the row, or imported
whole; nothing is stored from a refused file."""

import io
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from tests import factories
from tests.results.helpers import past_wave
from tests.spreadsheets.builders import with_dimension, xlsx
from workforce_health.results import imports
from workforce_health.surveys.models import Questionnaire, Response, Wave

pytestmark = pytest.mark.django_db
HUGE = "x" * 200_000  # over the csv module's 131,072-character field limit


def _parsed():
    latest = Questionnaire.objects.filter(code="social-work-health-check").latest("version")
    return latest.parsed()


def _read(name: str, data: bytes):
    return imports.read_responses(_parsed(), name, data)


@pytest.fixture
def lead(council, client):
    client.force_login(council.users[factories.Role.WORKFORCE_LEAD])
    return client


def _post(client, council, name: str, data: bytes):
    upload = io.BytesIO(data)
    upload.name = name
    form = {
        "title": "Children's Social Work Health Check 2022",
        "slug": "health-check-2022",
        "year": "2022",
        "questionnaire": Questionnaire.objects.filter(code="social-work-health-check")
        .latest("version")
        .pk,
        "services": [council.children.pk],
        "file": upload,
    }
    return client.post(reverse("survey-results-import"), form)


def test_a_huge_csv_cell_is_reported_on_the_page_not_a_server_error(council, lead):
    data = f"sw_comments\nFine\n{HUGE}\n".encode()
    response = _post(lead, council, "hc.csv", data)
    assert response.status_code == 422
    assert "Row 3: a cell is longer than 32,767 characters" in response.content.decode()
    assert not Wave.objects.filter(slug="health-check-2022").exists()


def test_a_huge_csv_cell_is_reported_by_the_command_not_a_traceback(council, tmp_path: Path):
    wave = past_wave(council, slug="hc-2022", year=2022, teams={})
    path = tmp_path / "hc.csv"
    path.write_text(f"sw_comments\nFine\n{HUGE}\n")
    with pytest.raises(CommandError, match="Row 3: a cell is longer than 32,767 characters"):
        call_command("survey", "import-responses", "--wave", wave.slug, str(path))
    assert not Response.objects.filter(wave=wave).exists()


def test_imported_answers_meet_the_survey_forms_limits():
    long_comment = "y" * 2_001
    data = (
        "sw_comments,contracted_hours\n"
        f"{long_comment},37\n"
        "Fine,nan\n"
        "Fine,37.25\n"
        f"{'z' * 2_000},37.5\n"
    ).encode()
    rows, errors = _read("hc.csv", data)
    assert errors == [
        "Row 2, column sw_comments: 'yyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyy...' "
        "is not accepted: Your answer must be 2000 characters or fewer",
        "Row 3, column contracted_hours: 'nan' is not accepted: Enter hours as at most 1 decimal "
        "place",
        "Row 4, column contracted_hours: '37.25' is not accepted: Enter hours as at most 1 "
        "decimal place",
    ]
    assert rows[-1][1] == {"sw_comments": "z" * 2_000, "contracted_hours": "37.5"}


def test_more_rows_than_the_cap_are_refused_with_a_clear_error():
    data = "sw_clear_vision\n" + "Agree\n" * 20_001
    rows, errors = _read("hc.csv", data.encode())
    assert rows == [] and errors == [
        "The file has more than 20,000 rows; at most 20,000 can be imported at once. Split it "
        "into smaller files, or check it is the right file."
    ]
    assert len(_read("hc.csv", ("sw_clear_vision\n" + "Agree\n" * 20_000).encode())[0]) == 20_000


def test_every_row_of_a_sheet_with_a_wrong_dimension_is_read():
    rows: list[list[object]] = [["team", "sw_clear_vision"]]
    rows += [["North", level] for level in (1, 2, 3)]
    lying = with_dimension(xlsx(rows), "A1:B2")
    read, errors = _read("hc.xlsx", lying)
    assert errors == [] and [answers["sw_clear_vision"] for _, answers in read] == ["1", "2", "3"]


class Unreadable(io.RawIOBase):
    """A request body that fails the test if anything reads it."""

    def read(self, size: int | None = -1) -> bytes:
        raise AssertionError("the body was read")

    def readline(self, size: int | None = -1) -> bytes:
        raise AssertionError("the body was read")


@pytest.mark.parametrize("url_name", ["survey-results-import", "survey-wave-invited"])
def test_a_large_upload_is_refused_before_its_body_is_read(council, lead, url_name):
    wave = past_wave(council, slug="hc-2021", year=2021, teams={})
    url = reverse(url_name, args=[wave.pk] if url_name == "survey-wave-invited" else [])
    response = lead.generic(
        "POST",
        url,
        b"",
        content_type="multipart/form-data; boundary=x",
        CONTENT_LENGTH=str(60 * 1024 * 1024),
        **{"wsgi.input": Unreadable()},
    )
    assert response.status_code == 413
    page_text = response.content.decode()
    assert "The selected file must be smaller than 20 MB" in page_text
    assert "govuk-error-summary" in page_text
