"""Importing an HR extract (CSV or XLSX) and its templates."""

import csv
import io
from datetime import date
from decimal import Decimal

import pytest
from openpyxl import Workbook

from tests.census.returns import stored_counts
from workforce_health.census import hr_extract
from workforce_health.census.services import hr_extract_import
from workforce_health.core.models import Employment, Person

pytestmark = pytest.mark.django_db

HEADER = list(hr_extract.COLUMNS)


def row(**changes: str) -> dict[str, str]:
    return (
        hr_extract.EXAMPLE
        | {"service": "Children's Services", "team": "Assessment North"}
        | changes
    )


def as_csv(rows: list[dict[str, str]]) -> bytes:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=HEADER)
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue().encode()


def as_xlsx(rows: list[list[object]], header: list[str] = HEADER) -> bytes:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(header)
    for values in rows:
        sheet.append(values)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_a_csv_extract_is_stored(council):
    data = as_csv(
        [
            row(),
            row(
                start_date="01/04/2021",
                end_date="2023-10-01",
                reason_for_leaving="",
                leaver_destination="",
                team="Safeguarding East",
                census_role="",
            ),
        ]
    )
    result = hr_extract_import(organisation=council.organisation, name="hr.csv", source=data)
    assert result.ok, result.errors
    alex = Person.objects.get(employee_number="E10234")
    assert (alex.swe_number, alex.date_of_birth, alex.step_up_graduate) == (
        "SW123456",
        date(1990, 5, 1),
        False,
    )
    spells = list(alex.employments.order_by("start_date"))
    assert [s.team.name for s in spells] == ["Safeguarding East", "Assessment North"]
    assert spells[0].start_date == date(2021, 4, 1) and spells[0].census_role == "5"
    assert spells[1].fte == Decimal("0.8") and spells[1].caseloads.get().cases == 14
    assert spells[1].absences.get().period_end == date(2025, 9, 30)


def test_reimporting_the_extract_changes_nothing(council):
    data = as_csv([row()])
    hr_extract_import(organisation=council.organisation, name="hr.csv", source=data)
    before = stored_counts()
    again = hr_extract_import(organisation=council.organisation, name="hr.csv", source=data)
    assert again.ok and stored_counts() == before
    assert again.counts["people_updated"] == again.counts["employments_updated"] == 0


def test_an_xlsx_extract_with_spreadsheet_types_is_stored(council):
    values: list[object] = [row()[c] for c in HEADER]
    values[HEADER.index("start_date")] = date(2023, 10, 2)
    values[HEADER.index("fte")] = 0.8
    values[HEADER.index("cases_on_reference_date")] = 14
    data = as_xlsx([values])
    result = hr_extract_import(organisation=council.organisation, name="hr.xlsx", source=data)
    assert result.ok, result.errors
    spell = Employment.objects.get(person__employee_number="E10234")
    assert (spell.start_date, spell.fte) == (date(2023, 10, 2), Decimal("0.8"))


def test_every_error_names_its_row_and_column_and_nothing_is_stored(council):
    before = stored_counts()
    data = as_csv(
        [
            row(),
            row(employee_number="E2", swe_number="SW2", fte="1.5"),
            row(employee_number="E3", swe_number="SW3", start_date="31/02/2024", sex="X"),
            row(employee_number="E4", swe_number="SW4", team="No Such Team"),
            row(employee_number="E5", swe_number="SW5", given_name=""),
            row(employee_number="E6"),
        ]
    )
    result = hr_extract_import(organisation=council.organisation, name="hr.csv", source=data)
    assert not result.ok and stored_counts() == before
    assert set(result.errors) >= {
        "Row 3, column fte: FTE must be 1 or less",
        "Row 4, column start_date: '31/02/2024' must be a real date as YYYY-MM-DD or DD/MM/YYYY",
        "Row 6, column given_name: must not be blank",
        "Row 7: A person with this registration number already exists",
    }
    assert any(e.startswith("Row 4, column sex: 'X'") for e in result.errors)
    assert any(e.startswith("Row 5, column team:") and "No Such Team" in e for e in result.errors)


def test_unknown_teams_are_created_only_when_asked(council):
    data = as_csv(
        [
            row(
                service="Early Help",
                service_kind="children",
                team="Early Help West",
                team_type="early_help",
            )
        ]
    )
    refused = hr_extract_import(organisation=council.organisation, name="hr.csv", source=data)
    assert refused.errors == [
        "Row 2, column service: There is no service called 'Early Help'. Add it first, or "
        "choose to create services and teams that do not exist"
    ]
    created = hr_extract_import(
        organisation=council.organisation, name="hr.csv", source=data, create_teams=True
    )
    assert created.ok and created.counts["teams_created"] == created.counts["services_created"] == 1


def test_layout_errors_are_reported_before_any_row(council):
    data = as_xlsx([["x"]], header=["employee_number", "ftee"])
    result = hr_extract_import(organisation=council.organisation, name="hr.xlsx", source=data)
    assert "Row 1, column ftee: is not a column of the layout; see the template" in result.errors
    assert "Row 1, column team: is missing from the header row" in result.errors


def test_other_files_are_refused_clearly(council):
    result = hr_extract_import(organisation=council.organisation, name="hr.txt", source=b"x")
    assert result.errors == ["The file must be a CSV (.csv) or Excel workbook (.xlsx)"]
    broken = hr_extract_import(organisation=council.organisation, name="hr.xlsx", source=b"x")
    assert broken.errors[0].startswith("The file is not a readable XLSX workbook")


@pytest.mark.parametrize("name", ["template.csv", "template.xlsx"])
def test_the_templates_import_as_they_are(council, name):
    data = hr_extract.template_csv() if name.endswith("csv") else hr_extract.template_xlsx()
    result = hr_extract_import(
        organisation=council.organisation, name=name, source=data, create_teams=True
    )
    assert result.ok, result.errors
