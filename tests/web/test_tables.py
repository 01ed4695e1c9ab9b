"""Tables download as CSV (the text shown on the page) and XLSX (numbers as numbers)."""

import csv
import io
from decimal import Decimal

from openpyxl import load_workbook

from workforce_health.web.tables import Column, Number, Table, csv_response, xlsx_response

TABLE = Table(
    slug="turnover",
    caption="Turnover by year",
    columns=(Column("Year"), Column("Rate (%)", "rate"), Column("Leavers", "count")),
    rows=(("2024", 12.25, 1234), ("2025", None, Number(Decimal("2.5"), "rate"))),
    source="Source: test",
    notes=("z: not available",),
)


def test_display_rows_round_half_up_and_show_z_for_missing():
    shown = [[cell.text for cell in row] for row in TABLE.display_rows()]
    assert shown == [["2024", "12.3", "1,234"], ["2025", "z", "2.5"]]
    assert [cell.numeric for cell in TABLE.display_rows()[0]] == [False, True, True]


def test_csv_has_the_headers_and_the_shown_text():
    response = csv_response(TABLE, "turnover-2025")
    assert response["Content-Type"].startswith("text/csv")
    assert 'filename="turnover-2025.csv"' in response["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows == [
        ["Year", "Rate (%)", "Leavers"],
        ["2024", "12.3", "1,234"],
        ["2025", "z", "2.5"],
    ]


def test_xlsx_has_a_title_bold_headers_numbers_and_the_source():
    response = xlsx_response(TABLE, "turnover-2025")
    assert 'filename="turnover-2025.xlsx"' in response["Content-Disposition"]
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert sheet is not None
    assert sheet["A1"].value == "Turnover by year"
    assert [c.value for c in sheet[2]] == ["Year", "Rate (%)", "Leavers"]
    assert all(c.font.bold for c in sheet[2])
    assert sheet["B3"].value == 12.3 and sheet["B3"].number_format == "#,##0.0"
    assert sheet["C3"].value == 1234 and isinstance(sheet["C3"].value, int)
    assert sheet["B4"].value == "z"
    assert sheet["C4"].value == 2.5
    values = [row[0] for row in sheet.iter_rows(values_only=True)]
    assert "z: not available" in values and "Source: test" in values
