"""`workforce-health report`: the same report as the pages, readable errors, published versions.

The PDF written by the command is checked page by page in test_pdf.py.
"""

import datetime
import io

import pytest
from django.core.management import CommandError, call_command
from openpyxl import load_workbook

from tests import factories
from tests.reports import helpers
from tests.reports.helpers import MEETING, YEAR
from workforce_health.reports import render, services
from workforce_health.reports.builder import report_document
from workforce_health.reports.document import from_json
from workforce_health.reports.inputs import ReportInputs
from workforce_health.reports.management.commands.report import Command
from workforce_health.reports.models import ReportVersionFile

CHILDREN = "Children's Services"


def report(tmp_path, *extra: str, name: str = "report.html", meeting=MEETING) -> str:
    out = io.StringIO()
    args = ["--organisation", "991", "--meeting-date", meeting.isoformat(), "--output"]
    call_command("report", *args, str(tmp_path / name), *extra, stdout=out)
    return out.getvalue()


def test_html_equals_the_draft_from_the_service(reported, tmp_path):
    draft = services.report_create(
        organisation=reported.organisation, meeting_date=MEETING, services=[reported.children]
    )
    services.report_update(report=draft, commentary={"workforce": "The lead's words."})
    said = report(tmp_path, "--service", CHILDREN)
    written = (tmp_path / "report.html").read_text(encoding="utf-8")
    document = services.report_draft_document(report=draft)
    assert said == f"Wrote {tmp_path / 'report.html'} ({len(document.tables())} tables)\n"
    assert written == render.document_html(document)
    assert "The lead&#x27;s words." in written


def test_without_a_draft_the_report_has_every_section(reported, tmp_path):
    report(tmp_path, "--service", CHILDREN)
    inputs = ReportInputs(reported.organisation, (reported.children,), MEETING)
    expected = render.document_html(report_document(inputs))
    assert (tmp_path / "report.html").read_text(encoding="utf-8") == expected
    assert "Starters and leavers" in expected


def test_xlsx_has_a_contents_sheet_and_every_table(reported, tmp_path):
    report(tmp_path, "--service", CHILDREN, name="tables.XLSX")
    book = load_workbook(tmp_path / "tables.XLSX")
    tables = report_document(
        ReportInputs(reported.organisation, (reported.children,), MEETING)
    ).tables()
    assert book.sheetnames == ["Contents", *(f"Table {n}" for n in range(1, len(tables) + 1))]
    contents = list(book["Contents"].iter_rows(min_row=3, values_only=True))
    assert contents == [(f"Table {n}", t.caption) for n, t in enumerate(tables, start=1)]
    for number, data in enumerate(tables, start=1):
        sheet = book[f"Table {number}"]
        assert sheet["A1"].value == data.caption
        assert [c.value for c in sheet[2]] == [c.header for c in data.columns]
        assert [sheet.cell(row=3 + i, column=1).value for i in range(len(data.rows))] == [
            row[0] for row in data.rows
        ]
    headline = book[f"Table {[t.slug for t in tables].index('childrens-services-headline') + 1}"]
    turnover = next(r for r in headline.iter_rows(values_only=True) if r[0] == "Turnover rate")
    assert turnover[2] == 33.3  # a number, rounded as the report shows it


def test_whole_organisation_by_default(reported, tmp_path):
    report(tmp_path)
    html = (tmp_path / "report.html").read_text(encoding="utf-8")
    assert '<dd class="govuk-summary-list__value">Testshire Council</dd>' in html
    assert "Children&#x27;s social workers: recruitment and retention" in html


@pytest.mark.parametrize(
    ("changed", "message"),
    [
        ({"--organisation": "999"}, "--organisation: no organisation has LA code '999'"),
        (
            {"--service": "Youth Justice"},
            "--service: Testshire Council has no service 'Youth Justice' "
            "(Adult Social Care, Children's Services)",
        ),
        (
            {"--meeting-date": "20/01/2026"},
            "--meeting-date: '20/01/2026' is not a date like 2026-01-20",
        ),
        ({"--output": "r.docx"}, "--output: the file name must end in .pdf, .html, .xlsx"),
        ({"--output": "no-folder/r.html"}, "--output: there is no folder no-folder"),
        (
            {"--published": None},
            "--published: no report for that meeting and those services is published",
        ),
    ],
)
def test_bad_arguments_are_readable_errors(changed, message, council, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    args = {"--organisation": "991", "--meeting-date": MEETING.isoformat(), "--output": "r.html"}
    argv = [item for arg, value in (args | changed).items() for item in (arg, value) if item]
    with pytest.raises(CommandError) as error:
        call_command("report", *argv)
    assert str(error.value) == message
    assert list(tmp_path.iterdir()) == []


def test_no_wave_or_census_year_is_a_readable_error(council, tmp_path):
    with pytest.raises(
        CommandError, match=r"^No Health Check wave for Testshire Council has opened"
    ):
        report(tmp_path)
    helpers.survey_wave(council, year=2019, teams=helpers.CURRENT)
    with pytest.raises(CommandError, match=r"^No census year with workforce records for Testshire"):
        report(tmp_path, meeting=datetime.date(2019, 6, 1))


def test_an_error_exits_non_zero_from_the_command_line(capsys):
    """As `workforce-health report` runs it: a message on stderr and exit status 1."""
    with pytest.raises(SystemExit) as exit_:
        Command().run_from_argv(
            [
                "workforce-health",
                "report",
                "--organisation",
                "991",
                "--meeting-date",
                "2026-01-20",
                "--output",
                "r.odt",
            ]
        )
    assert exit_.value.code == 1
    assert "--output: the file name must end in .pdf, .html, .xlsx" in capsys.readouterr().err


def test_published_writes_the_snapshot_not_todays_figures(reported, tmp_path):
    draft = services.report_create(
        organisation=reported.organisation, meeting_date=MEETING, services=[reported.children]
    )
    version = services.report_publish(report=draft, published_by=None)
    leaver = factories.person(
        reported.organisation, "991-7", "Ray Price", is_registered_social_worker=True
    )
    factories.employment(
        leaver, reported.assessment, end_date=datetime.date(YEAR, 6, 30), reason_for_leaving="1"
    )
    report(tmp_path, "--service", CHILDREN, "--published", name="published.html")
    report(tmp_path, "--service", CHILDREN, name="draft.html")
    published = (tmp_path / "published.html").read_text(encoding="utf-8")
    assert published == render.document_html(from_json(version.document))
    assert "Version 1, published" in published and "33.3" in published
    # The file stored when it was published, byte for byte, as the download serves it (marked
    # here behind the model's back, so a file rendered again would differ).
    ReportVersionFile.objects.filter(version=version, file_format="pdf").update(
        content=b"%PDF-1.7 as stored"
    )
    report(tmp_path, "--service", CHILDREN, "--published", name="published.pdf")
    assert (tmp_path / "published.pdf").read_bytes() == b"%PDF-1.7 as stored"
    draft_html = (tmp_path / "draft.html").read_text(encoding="utf-8")
    assert "Draft: not published" in draft_html and "66.7" in draft_html
