"""Bad input, one test per case: a clear error naming what and where, and nothing stored.

Census returns through ``census_return_import`` (and the command or page where cheap), HR
extracts through ``hr_extract_import``.
"""

import io
import resource
from dataclasses import replace
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.test import Client
from django.urls import reverse
from openpyxl import Workbook

from tests.census.builders import edit
from tests.census.returns import census_file, stored_counts, workers
from tests.census.test_hr_extract import HEADER, as_xlsx, row
from tests.census.test_parse import BILLION_LAUGHS, EXTERNAL_ENTITY
from workforce_health.census.rules import Finding
from workforce_health.census.services import census_return_import, hr_extract_import

pytestmark = pytest.mark.django_db


def refused(council, data: bytes, **kwargs) -> list[Finding]:
    """Import ``data``; assert it failed and stored nothing; return its errors."""
    before = stored_counts()
    result = census_return_import(
        source=data, user=None, organisation=council.organisation, **kwargs
    )
    assert not result.ok and result.errors
    assert stored_counts() == before
    return result.errors


def only(errors: list[Finding], rule: str) -> Finding:
    (found,) = [f for f in errors if f.rule == rule]
    return found


def with_worker(year: int, index: int, **changes: Any) -> bytes:
    people = workers(year)
    people[index - 1] = replace(people[index - 1], **changes)
    return census_file(year, people=people)


def test_malformed_xml(council):
    data = census_file(2025).replace(b"</SWENo>", b"</SWE>", 1)
    error = only(refused(council, data), "X01")
    assert "not well-formed XML" in error.message and error.line and error.line > 1


@pytest.mark.parametrize(
    ("data", "said"),
    [
        (b"<html><body>Payroll</body></html>", "starts with <html>"),
        (census_file(2025).replace(b"<Collection>CSWW", b"<Collection>CIN"), "a CIN return"),
    ],
)
def test_a_file_that_is_not_a_census_return(council, data, said):
    error = only(refused(council, data), "X01")
    assert said in error.message and error.line


def test_an_unknown_census_year(council):
    data = census_file(2025).replace(b"<Year>2025</Year>", b"<Year>2019</Year>")
    error = only(refused(council, data), "X01")
    assert "2019" in error.message and "2021 to 2025" in error.message and error.line


def test_wrong_code_values(council):
    error = only(refused(council, with_worker(2024, 1, sex="X")), "S07")
    assert (error.worker, error.element, error.swe_display) == (1, "Sex", "SW****01")
    assert "'X' is not a valid code; valid codes are M, F" in error.message and error.line


def test_a_registration_number_of_the_wrong_pattern(council):
    error = only(refused(council, with_worker(2025, 1, swe_no="SW12AB")), "S11")
    assert (error.worker, error.element) == (1, "SWENo") and error.line
    assert "two letters followed by up to ten digits" in error.message


@pytest.mark.parametrize(("fte", "element"), [("1.5", "FTE"), ("-0.2", "FTE30")])
def test_fte_above_one_or_negative(council, fte, element):
    attr = element.lower()
    error = only(refused(council, with_worker(2025, 1, **{attr: Decimal(fte)})), "S09")
    assert (error.worker, error.element) == (1, element) and error.line
    assert (
        error.message.startswith(f"{element} {fte}") and "must be between 0 and 1" in error.message
    )


def test_a_leaver_with_fte_above_zero(council):
    data = edit(census_file(2025), "//CSWWWorker[2]/FTE", text="0.5")  # the writer writes 0
    error = only(refused(council, data), "R03")
    assert (error.worker, error.element) == (2, "FTE") and error.line
    assert "FTE must be 0 for leavers" in error.message


def test_a_leaver_without_a_reason(council):
    error = only(refused(council, with_worker(2025, 2, reason_leave=None)), "R04")
    assert (error.worker, error.element) == (2, "ReasonLeave") and error.line
    assert "ReasonLeave is missing; it is required for leavers" in error.message


@pytest.mark.parametrize(
    ("changes", "rule", "element"),
    [
        ({"role_end_date": date(2024, 9, 30)}, "P03", "RoleEndDate"),
        ({"role_start_date": date(2025, 10, 1)}, "P05", "RoleStartDate"),
    ],
)
def test_dates_outside_the_census_year(council, changes, rule, element):
    index = 2 if "role_end_date" in changes else 1
    error = only(refused(council, with_worker(2025, index, **changes)), rule)
    assert (error.worker, error.element) == (index, element) and error.line
    assert "2025-09-30" in error.message


def test_a_worker_record_twice(council):
    people = workers(2025)
    error = only(refused(council, census_file(2025, people=[*people, people[0]])), "P20")
    assert (error.worker, error.element) == (4, "SWENo") and error.line
    assert "repeats worker 1 (line " in error.message


def test_a_file_over_the_size_cap(council, settings, tmp_path: Path, capsys):
    settings.CENSUS_MAX_FILE_BYTES = 1024
    data = census_file(2025)
    error = only(refused(council, data), "X02")
    assert f"The file is {len(data) / 1024:.1f} KB" in error.message
    assert "files larger than 1 KB are not accepted" in error.message
    path = tmp_path / "huge.xml"
    path.write_bytes(data)
    with pytest.raises(CommandError, match="Nothing imported"):
        call_command("import_census", str(path))
    assert "huge.xml: The file is " in capsys.readouterr().err


def _write_padded_return(path: Path, records: int, padding: int) -> None:
    """A return of ``records`` agency workers, each followed by ``padding`` bytes of blanks;
    the last worker has an invalid SWENo. Written without holding the file in memory."""
    head, _, tail = census_file(2025, people=[]).partition(b"</LALevel>")
    blanks = b"\n" + b" " * (padding - 1)
    with path.open("wb") as out:
        out.write(head + b"</LALevel>\n")
        for n in range(records):
            swe = b"SW%06d" % n if n < records - 1 else b"NOT-A-NUMBER"
            out.write(b"<CSWWWorker><AgencyWorker>1</AgencyWorker><SWENo>%s</SWENo>" % swe)
            out.write(b"<FTE>1</FTE></CSWWWorker>" + blanks)
        out.write(tail)


def test_a_huge_file_is_read_in_bounded_memory(council, settings, tmp_path: Path, capsys):
    settings.CENSUS_MAX_FILE_BYTES = 1 << 30
    path = tmp_path / "big.xml"
    _write_padded_return(path, records=80, padding=1 << 20)
    size = path.stat().st_size
    assert size > 80_000_000
    before = stored_counts()
    peak_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024  # KB on Linux
    with pytest.raises(CommandError, match="Nothing imported"):
        call_command("import_census", str(path), "--create-organisation")
    grown = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024 - peak_before
    assert grown < size // 2
    err = capsys.readouterr().err
    assert "big.xml: worker 80 (NO********ER), SWENo line " in err
    assert stored_counts() == before


@pytest.mark.parametrize("data", [BILLION_LAUGHS, EXTERNAL_ENTITY])
def test_entity_expansion_and_external_entities(council, data):
    error = only(refused(council, data), "X01")
    assert "DOCTYPE or entity declaration" in error.message and error.line == 2


def test_a_doctype_after_a_long_prolog_is_still_refused(council):
    data = b'<?xml version="1.0"?>\n' + b"<!-- padding -->" * 70_000 + b"\n" + BILLION_LAUGHS[22:]
    error = only(refused(council, data), "X01")
    assert "DOCTYPE" in error.message


def hr_refused(council, name: str, data: bytes) -> list[str]:
    before = stored_counts()
    result = hr_extract_import(organisation=council.organisation, name=name, source=data)
    assert not result.ok
    assert stored_counts() == before
    return result.errors


def test_an_xlsx_with_a_formula(council):
    values: list[object] = [row(employee_number=f"E{n}")[c] for n in (1, 2) for c in HEADER]
    first, second = values[: len(HEADER)], values[len(HEADER) :]
    second[HEADER.index("fte")] = "=0.4*2"
    errors = hr_refused(council, "hr.xlsx", as_xlsx([first, second]))
    assert errors == ["Row 3, column fte: formulas are not accepted; paste the values"]


def test_an_xlsx_with_the_wrong_sheet(council):
    book = Workbook()
    notes = book.active
    assert notes is not None
    notes.title = "Notes"
    notes.append(["Read me first"])
    book.create_sheet("Staff").append(HEADER)
    errors = hr_refused(council, "hr.xlsx", _saved(book))
    assert errors[0] == (
        'The sheet "Notes" does not have the HR extract header row. Put the extract on a sheet '
        'named "HR extract", as in the template, or on the first sheet.'
    )
    assert "Row 1, column read me first: is not a column of the layout; see the template" in errors


def test_the_template_sheet_is_found_wherever_it_is(council):
    book = Workbook()
    book.active.title = "Notes"
    sheet = book.create_sheet("HR extract")
    sheet.append(HEADER)
    sheet.append([row()[column] for column in HEADER])
    result = hr_extract_import(
        organisation=council.organisation, name="hr.xlsx", source=_saved(book), create_teams=True
    )
    assert result.ok, result.errors


def _saved(book: Workbook) -> bytes:
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_an_hr_extract_over_the_size_cap(council, settings):
    settings.CENSUS_MAX_FILE_BYTES = 10
    errors = hr_refused(council, "hr.xlsx", as_xlsx([]))
    assert errors[0].startswith("The file is ") and "larger than 10 bytes" in errors[0]


# The command line: several files in one call.


def test_import_census_checks_every_file_and_imports_none_if_one_fails(
    council, tmp_path: Path, capsys
):
    good, bad, also_good = tmp_path / "a.xml", tmp_path / "b.xml", tmp_path / "c.xml"
    good.write_bytes(census_file(2024))
    bad.write_bytes(b"<Message><Header>")
    also_good.write_bytes(census_file(2024, lea="330"))
    before = stored_counts()
    with pytest.raises(CommandError, match=r"2 of 4 file\(s\) had errors \(b.xml, missing.xml\)"):
        call_command(
            "import_census",
            *map(str, (good, bad, also_good)),
            "missing.xml",
            "--create-organisation",
        )
    err = capsys.readouterr().err
    assert "b.xml: line 1: The file is not well-formed XML" in err
    assert "missing.xml: no such file" in err
    assert "a.xml: no errors, but not imported." in err and "c.xml: no errors" in err
    assert stored_counts() == before


def test_import_census_imports_several_files(council, tmp_path: Path, capsys):
    paths = []
    for lea in ("991", "330"):
        paths.append(tmp_path / f"{lea}.xml")
        paths[-1].write_bytes(census_file(2025, lea=lea))
    call_command("import_census", *map(str, paths), "--create-organisation")
    out = capsys.readouterr().out
    assert "991.xml: imported the 2025 return for Testshire Council (991)" in out
    assert "330.xml: imported the 2025 return for Birmingham (330)" in out


# The pages.


def upload(name: str, data: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data, content_type="application/octet-stream")


@pytest.fixture
def lead(council, client_for):
    return client_for(council.users["workforce_lead"])


@pytest.mark.parametrize("page", ["census-import", "hr-import"])
def test_the_pages_refuse_a_file_over_the_cap_before_reading_it(lead, settings, page):
    settings.CENSUS_MAX_FILE_BYTES = 1024
    before = stored_counts()
    name = "r.xml" if page == "census-import" else "hr.csv"
    response = lead.post(reverse(page), {"file": upload(name, b"x" * 200_000)})
    text = response.content.decode()
    assert response.status_code == 413
    assert "govuk-error-summary" in text and "The selected file must be smaller than 1 KB" in text
    assert stored_counts() == before
    just_over = lead.post(reverse(page), {"file": upload(name, b"x" * 1025)})
    assert "The selected file must be smaller than 1 KB" in just_over.content.decode()


def test_the_page_reports_bad_xml_and_a_formula(lead):
    xml = lead.post(reverse("census-import"), {"file": upload("r.xml", BILLION_LAUGHS)})
    assert xml.status_code == 422 and "DOCTYPE or entity declaration" in xml.content.decode()
    first: list[object] = [row()[column] for column in HEADER]
    first[HEADER.index("fte")] = "=1/2"
    hr = lead.post(reverse("hr-import"), {"file": upload("hr.xlsx", as_xlsx([first]))})
    assert "Row 2, column fte: formulas are not accepted; paste the values" in hr.content.decode()


def test_the_upload_pages_still_check_csrf(council):
    client = Client(enforce_csrf_checks=True)
    client.force_login(council.users["workforce_lead"])
    response = client.post(reverse("census-import"), {"file": upload("r.xml", census_file(2025))})
    assert response.status_code == 403 and not stored_counts()["CensusImport"]
