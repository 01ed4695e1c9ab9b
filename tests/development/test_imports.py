"""Bulk import from CSV or XLSX: all or nothing, every error with its row and column, files
exported here import again, sizes bounded before parsing."""

import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook

from tests.development.helpers import records
from workforce_health.core.models import Membership
from workforce_health.core.scope import Scope
from workforce_health.development import exports, imports, limits, services
from workforce_health.development.models import CpdEntry, Enrolment, Secondment, SupervisionSession

pytestmark = pytest.mark.django_db
Role = Membership.Role
SUPERVISION = (
    "employee_number,date,minutes,kind,uninterrupted,topics,supervisor_employee_number,quality\n"
    "991-1,2025-03-12,90,one_to_one,yes,workload; wellbeing,991-2,4\n"
    "991-1,12/04/2025,95,One-to-one formal supervision,no,,,\n"
)


def run(council, kind, text, name="file.csv"):
    return services.records_import(
        organisation=council.organisation,
        kind=kind,
        name=name,
        data=text.encode() if isinstance(text, str) else text,
        user=None,
    )


def test_sessions_import_and_again_change_nothing(council):
    result = run(council, "supervision", SUPERVISION)
    assert result.ok and result.created == 2
    first = SupervisionSession.objects.get(held_on="2025-03-12")
    assert first.quality == 4 and first.supervisor == council.manager
    assert first.topics == ["workload", "wellbeing"]
    again = run(council, "supervision", SUPERVISION)
    assert again.ok and (again.created, again.already_recorded) == (0, 2)
    assert SupervisionSession.objects.count() == 2


def test_every_error_is_listed_and_nothing_is_stored(council):
    text = SUPERVISION + (
        "nobody,2025-03-12,90,one_to_one,yes,,,\n"
        "991-1,2025-02-30,ninety,weekly,maybe,gossip,,9\n"
        "991-1,,90,one_to_one,yes,,,\n"
    )
    result = run(council, "supervision", text)
    assert not result.ok and result.created == 0
    assert result.errors == [
        "Row 4, column employee_number: nobody is not the employee number of anyone in this "
        "organisation",
        "Row 5, column date: 2025-02-30 must be a real date as YYYY-MM-DD or DD/MM/YYYY",
        "Row 5, column minutes: ninety must be a number, like 1.5",
        "Row 5, column kind: weekly must be one of one_to_one, group, reflective, ad_hoc",
        "Row 5, column uninterrupted: maybe must be yes or no",
        "Row 5, column topics: gossip must be one of workload, wellbeing, casework, "
        "reflection, learning, career, asye",
        "Row 5, column quality: 9 must be one of 1, 2, 3, 4, 5",
        "Row 6, column date: must not be blank",
    ]
    assert not SupervisionSession.objects.exists()


def test_a_rule_broken_on_saving_names_its_row_and_column(council):
    result = run(council, "supervision", SUPERVISION + "991-1,2099-01-01,90,one_to_one,yes,,,\n")
    assert result.errors == [
        "Row 4, column date: The date of the session must be today or in the past"
    ]
    assert not SupervisionSession.objects.exists()


def test_the_header_is_checked_first(council):
    result = run(council, "cpd", "employee_number,when\n991-1,2025-01-01\n")
    assert "Row 1, column when: is not a column of this layout; see the template" in result.errors
    assert "Row 1, column date: is missing from the header row" in result.errors


@pytest.mark.parametrize("kind", ["supervision", "cpd", "asye", "secondments"])
@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_an_export_imports_again_and_changes_nothing(council, kind, fmt):
    records(council)
    table = exports.records_table(
        scope=Scope.of(council.users[Role.WORKFORCE_LEAD].memberships.get()), kind=kind
    )
    assert table.rows
    if fmt == "csv":
        from workforce_health.web.tables import csv_text

        data = csv_text(table).encode()
    else:
        book = Workbook()
        sheet = book.active
        sheet.append(table.headers)
        for row in table.rows:
            sheet.append(list(row))
        out = io.BytesIO()
        book.save(out)
        data = out.getvalue()
    result = run(council, kind, data, name=f"records.{fmt}")
    assert result.ok, result.errors
    assert (result.created, result.already_recorded) == (0, len(table.rows))


def test_cpd_asye_and_secondments_import(council):
    cpd = (
        "".join(f"{c}," for c in imports.CPD.example)[:-1]
        + "\n"
        + ",".join(
            [
                "991-1",
                "2025-02-20",
                "course",
                "Trauma-informed practice",
                "6",
                "Early trauma",
                "Plans",
                "yes",
                "no",
            ]
        )
    )
    assert run(council, "cpd", cpd).created == 1
    assert CpdEntry.objects.get().peer_reflection is True
    asye = (
        "employee_number,assessor_employee_number,supervisor_employee_number,start_date,decision,"
        "panel_date,review_3_date,review_3_judgement\n"
        "991-1,991-2,991-2,2024-09-02,pass,2025-09-18,2024-12-02,on_track\n"
    )
    result = run(council, "asye", asye)
    assert result.ok, result.errors
    enrolment = Enrolment.objects.get()
    assert enrolment.decision == "pass" and enrolment.reviews.get().point == 3
    secondment = (
        "employee_number,home_team,host_organisation,start_date,planned_end,fte,purpose,backfill,"
        "census_treatment\n"
        "991-1,Assessment North,Partner trust,2025-01-06,2025-07-04,1,Learning,agency,leaver\n"
        "991-1,Safeguarding East,Partner trust,2025-09-06,2025-10-04,1,Learning,none,in_post\n"
    )
    result = run(council, "secondments", secondment)
    assert result.errors == [
        "Row 3, column home_team: Alex Morgan had no post in Safeguarding East on the start date"
    ]
    assert not Secondment.objects.exists()


def test_workbook_cells_are_read_as_the_spreadsheet_holds_them(council):
    import datetime

    book = Workbook()
    sheet = book.active
    sheet.append(list(imports.SUPERVISION.example))
    sheet.append(["991-1", datetime.date(2025, 3, 12), 90.0, "one_to_one", "Yes", "", "", 4.0])
    out = io.BytesIO()
    book.save(out)
    result = run(council, "supervision", out.getvalue(), name="sessions.xlsx")
    assert result.ok, result.errors
    session = SupervisionSession.objects.get()
    assert (session.minutes, session.quality, session.held_on.isoformat()) == (90, 4, "2025-03-12")


def test_formulas_in_a_workbook_are_refused(council):
    book = Workbook()
    sheet = book.active
    sheet.append(list(imports.SUPERVISION.example))
    sheet.append(["991-1", "2025-03-12", "=45*2", "one_to_one", "yes", "", "", ""])
    out = io.BytesIO()
    book.save(out)
    result = run(council, "supervision", out.getvalue(), name="sessions.xlsx")
    assert result.errors == ["Row 2, column minutes: formulas are not accepted"]


def test_sizes_are_bounded_before_parsing(council, settings, monkeypatch):
    settings.DEVELOPMENT_IMPORT_MAX_BYTES = 100
    assert run(council, "supervision", SUPERVISION).errors == [
        "The file is larger than 100 bytes. Split it into smaller files"
    ]
    settings.DEVELOPMENT_IMPORT_MAX_BYTES = limits.DEFAULT_MAX_BYTES
    monkeypatch.setattr(limits, "MAX_ROWS", 1)
    assert run(council, "supervision", SUPERVISION).errors == [
        "The file has more than 1 rows. Split it"
    ]
    monkeypatch.setattr(limits, "MAX_UNPACKED_BYTES", 1000)
    packed = io.BytesIO()
    with zipfile.ZipFile(packed, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/big.xml", "0" * 100_000)  # unpacks to 100 KB from a few hundred
    assert run(council, "supervision", packed.getvalue(), name="bomb.xlsx").errors == [
        "The workbook is too large once unpacked. Save it as CSV, or split it"
    ]
    assert run(council, "supervision", b"\xff\xfe", name="x.csv").errors == [
        "The CSV file must be saved as UTF-8 (CSV UTF-8 in Excel)"
    ]
    assert run(council, "supervision", b"x", name="x.txt").errors == [
        "The file must be a CSV (.csv) or Excel workbook (.xlsx)"
    ]


def test_the_import_page(council, client, settings):
    client.force_login(council.users[Role.WORKFORCE_LEAD])
    page = client.get(reverse("development-import"))
    assert page.status_code == 200 and b"CSV template" in page.content
    bad = client.post(
        reverse("development-import"),
        {
            "kind": "supervision",
            "file": SimpleUploadedFile("s.csv", (SUPERVISION + "x,,,,,,,\n").encode()),
        },
    )
    text = bad.content.decode()
    assert bad.status_code == 422 and "Nothing was imported" in text and "Row 4" in text
    assert "<title>Error: " in text
    good = client.post(
        reverse("development-import"),
        {"kind": "supervision", "file": SimpleUploadedFile("s.csv", SUPERVISION.encode())},
    )
    assert good.status_code == 200 and "2 records imported" in good.content.decode()
    settings.DEVELOPMENT_IMPORT_MAX_BYTES = 10
    huge = client.post(
        reverse("development-import"),
        {"kind": "supervision", "file": SimpleUploadedFile("s.csv", b"x" * 200_000)},
    )
    assert huge.status_code == 413 and "larger than" in huge.content.decode()


def test_templates_download(council, client):
    client.force_login(council.users[Role.ADMINISTRATOR])
    for kind in imports.KINDS:
        csv_file = client.get(reverse("development-import-template", args=[kind, "csv"]))
        header = csv_file.content.decode("utf-8-sig").splitlines()[0]
        assert header.split(",")[0] == "employee_number"
        assert (
            client.get(reverse("development-import-template", args=[kind, "xlsx"])).status_code
            == 200
        )
    assert (
        client.get(reverse("development-import-template", args=["nope", "csv"])).status_code == 404
    )
