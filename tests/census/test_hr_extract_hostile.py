"""HR extracts that used to lose rows, crash or be half-read (issue 11, findings 7 and 8):
a sheet whose stored dimension hides rows, a cell over the CSV module's limit, a column given
twice. The page and the command say what happened, naming the row; nothing is stored."""

from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse

from tests.census.returns import stored_counts
from tests.census.test_hr_extract import HEADER, as_csv, as_xlsx, row
from tests.spreadsheets.builders import with_dimension
from workforce_health.census.services import hr_extract_import
from workforce_health.core.models import Employment

pytestmark = pytest.mark.django_db


def _three_spells() -> list[list[object]]:
    return [
        [
            row(
                employee_number=f"E{n}",
                given_name=f"Sam{n}",
                swe_number=f"SW12345{n}",
                email=f"sam{n}@example.org",
            )[c]
            for c in HEADER
        ]
        for n in range(3)
    ]


@pytest.fixture
def lying_workbook() -> bytes:
    """Rows 2 to 4 hold spells; the sheet's stored <dimension> says A1:AC2 (one data row)."""
    return with_dimension(as_xlsx(_three_spells()), "A1:AC2")


def test_every_row_of_a_sheet_with_a_wrong_dimension_is_imported(council, lying_workbook):
    result = hr_extract_import(
        organisation=council.organisation, name="hr.xlsx", source=lying_workbook
    )
    assert result.ok, result.errors
    assert result.rows == 3 and Employment.objects.filter(person__employee_number="E2").exists()


def test_the_page_and_command_report_the_rows_read(council, client_for, lying_workbook, tmp_path):
    lead = client_for(council.users["workforce_lead"])
    upload = SimpleUploadedFile("hr.xlsx", lying_workbook)
    page = lead.post(reverse("hr-import"), {"file": upload}).content.decode()
    assert "3 rows from hr.xlsx" in page
    path = tmp_path / "hr.xlsx"
    path.write_bytes(lying_workbook)
    out = _command(path)
    assert out.startswith("Imported 3 rows into Testshire Council")


def _command(path: Path) -> str:
    from io import StringIO

    out = StringIO()
    call_command("import_hr_extract", "--organisation", "991", str(path), stdout=out)
    return out.getvalue()


HUGE = "x" * 200_000  # over the csv module's 131,072-character field limit


def test_a_huge_csv_cell_is_reported_on_the_page_not_a_server_error(council, client_for):
    lead = client_for(council.users["workforce_lead"])
    data = as_csv([row(), row(qualification_institution=HUGE)])
    before = stored_counts()
    response = lead.post(reverse("hr-import"), {"file": SimpleUploadedFile("hr.csv", data)})
    assert response.status_code == 422
    page = response.content.decode()
    assert "Row 3: a cell is longer than 32,767 characters" in page
    assert stored_counts() == before


def test_a_huge_csv_cell_is_reported_by_the_command_not_a_traceback(council, tmp_path, capsys):
    path = tmp_path / "hr.csv"
    path.write_bytes(as_csv([row(), row(qualification_institution=HUGE)]))
    with pytest.raises(CommandError, match="Nothing imported: 1 error"):
        _command(path)
    assert "Row 3: a cell is longer than 32,767 characters" in capsys.readouterr().err


def test_a_column_given_twice_is_refused(council):
    header = [*HEADER, "team"]
    values: list[object] = [*(row()[c] for c in HEADER), "Safeguarding East"]
    for name, data in (
        ("hr.xlsx", as_xlsx([values], header=header)),
        ("hr.csv", (",".join(header) + "\n" + ",".join(map(str, values)) + "\n").encode()),
    ):
        result = hr_extract_import(organisation=council.organisation, name=name, source=data)
        assert "Row 1, column team: appears twice: give each column once" in result.errors
    assert not Employment.objects.filter(person__employee_number="E10234").exists()
