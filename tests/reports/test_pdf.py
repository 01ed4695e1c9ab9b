"""The PDF a councillor reads: tagged and titled, no blank page, nothing in the margins, page
numbers and contents, and the figures of the report's tables in its text.

The report is written once for the module by `workforce-health report` (rendering costs
seconds); the pages are checked as images (pdftoppm) and as text (pdftotext), from Debian's
poppler-utils.
"""

import io
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import connection, transaction

from tests import factories
from tests.reports import helpers
from tests.reports.helpers import MEETING, SMALL_TEAM, YEAR
from workforce_health.reports import render, services
from workforce_health.reports.document import Document
from workforce_health.reports.selectors import report_comment_texts

TOOLS = ("pdfinfo", "pdftoppm", "pdftotext")
pytestmark = [
    pytest.mark.skipif(
        any(shutil.which(tool) is None for tool in TOOLS),
        reason="the PDF checks need pdfinfo, pdftoppm and pdftotext (Debian: poppler-utils)",
    ),
    pytest.mark.django_db,  # so that the module's fixture below uses the test database
]
COMMENTARY = "Turnover rose because two experienced social workers retired."
DPI = 40
MM = DPI / 25.4  # pixels per millimetre
# print.css: A4 with margins of 18 mm (top), 16 mm (sides) and 20 mm (bottom, with the footer).
INK, PAPER = 128, 230  # darker than INK is text or lines; anything below PAPER is some ink


@dataclass(frozen=True)
class Written:
    pdf: Path
    document: Document
    said: str


@pytest.fixture(scope="module")
def written(django_db_setup, django_db_blocker, tmp_path_factory) -> Written:
    """The test council's report with commentary and a quotation, written by the command."""
    pdf = tmp_path_factory.mktemp("report") / "report.pdf"
    with django_db_blocker.unblock(), transaction.atomic():
        name = str(connection.settings_dict["NAME"])
        assert "memorydb" in name or name.startswith("test_"), f"not a test database: {name}"
        council = helpers.reported(factories.council())
        draft = services.report_create(
            organisation=council.organisation, meeting_date=MEETING, services=[council.children]
        )
        services.report_update(
            report=draft,
            commentary={"workforce": COMMENTARY},
            quotations=report_comment_texts(report=draft),
        )
        document = services.report_draft_document(report=draft)
        out = io.StringIO()
        call_command(
            "report",
            "--organisation=991",
            "--service=Children's Services",
            f"--meeting-date={MEETING.isoformat()}",
            f"--output={pdf}",
            stdout=out,
        )
        transaction.set_rollback(True)
    return Written(pdf, document, out.getvalue())


def run(*args: str) -> str:
    return subprocess.run(args, capture_output=True, text=True, check=True).stdout


def pages_as_images(pdf: Path, folder: Path) -> list[tuple[int, int, bytes]]:
    """Each page in greyscale at 40 dpi: (width, height, one byte per pixel)."""
    run("pdftoppm", "-r", str(DPI), "-gray", str(pdf), str(folder / "page"))
    images = []
    for path in sorted(folder.glob("page-*.pgm")):
        data = path.read_bytes()
        magic, width, height, depth, pixels = data.split(maxsplit=4)
        assert (magic, depth) == (b"P5", b"255")
        images.append((int(width), int(height), pixels))
    return images


def ink(
    image: tuple[int, int, bytes], x_mm: tuple[float, float], y_mm: tuple[float, float], below: int
) -> int:
    """How many pixels in the rectangle (millimetres from the top left) are darker than `below`."""
    width, height, pixels = image
    x0, x1 = max(0, round(x_mm[0] * MM)), min(width, round(x_mm[1] * MM))
    y0, y1 = max(0, round(y_mm[0] * MM)), min(height, round(y_mm[1] * MM))
    return sum(
        1 for y in range(y0, y1) for p in pixels[y * width + x0 : y * width + x1] if p < below
    )


def margin_problems(pdf: Path, folder: Path) -> list[str]:
    problems = []
    for number, image in enumerate(pages_as_images(pdf, folder), start=1):
        checks = {
            "the left margin": ((0, 14), (0, 297)),
            "the right margin": ((196, 210), (0, 297)),
            "the top margin": ((0, 210), (0, 16)),
            "the space above the footer": ((0, 210), (278, 283)),
        }
        for where, (x_mm, y_mm) in checks.items():
            if ink(image, x_mm, y_mm, PAPER):
                problems.append(f"page {number}: ink in {where}")
        if number > 1 and not ink(image, (0, 210), (284, 297), PAPER):
            problems.append(f"page {number}: no footer")
        if ink(image, (16, 194), (18, 277), INK) < 20:  # not even a line of text
            problems.append(f"page {number}: blank")
    return problems


def test_the_command_writes_the_pdf(written):
    assert written.said == f"Wrote {written.pdf} ({len(written.document.tables())} tables)\n"
    assert written.pdf.read_bytes().startswith(b"%PDF-")


def test_the_pdf_is_tagged_and_titled(written):
    info = dict(line.split(":", 1) for line in run("pdfinfo", str(written.pdf)).splitlines())
    assert info["Tagged"].strip() == "yes"
    assert info["Title"].strip() == f"{written.document.title} – Testshire Council"
    assert info["Page size"].strip().endswith("(A4)")


def test_no_page_is_blank_and_nothing_runs_into_the_margins(written, tmp_path):
    images = pages_as_images(written.pdf, tmp_path)
    assert len(images) >= 7  # cover, contents and a page for each of the 7 sections
    assert margin_problems(written.pdf, tmp_path) == []


def test_the_margin_check_finds_what_overflows(tmp_path):
    """The check above can fail: a box wider than the page shows as ink in the right margin."""
    from weasyprint import HTML

    css = render.PRINT_CSS.read_text()
    html = f"<style>{css}</style><p>Fits.</p><p style='width: 200mm'>{'Too wide. ' * 60}</p>"
    pdf = tmp_path / "wide.pdf"
    pdf.write_bytes(HTML(string=html).write_pdf())
    assert margin_problems(pdf, tmp_path) == ["page 1: ink in the right margin"]


def test_the_text_has_the_figures_page_numbers_and_contents(written):
    text = run("pdftotext", "-layout", str(written.pdf), "-")
    pages = text.split("\f")[:-1]
    flat = " ".join(text.split())
    count = len(pages)
    assert f"Page 2 of {count}" in pages[1] and f"Page {count} of {count}" in pages[-1]
    assert "Page 1 of" not in pages[0]  # the cover has no footer
    # The contents give each section's page, and the section starts there.
    for number, section in enumerate(written.document.sections, start=1):
        entry = re.search(rf"{number}\. {re.escape(section.title)}\s*\.*\s*(\d+)\n", pages[1])
        assert entry, section.title
        assert f"{number}. {section.title}" in pages[int(entry.group(1)) - 1]
    # Key figures with units and reference dates, as the tables print them.
    responded, invited = helpers.responded(), helpers.invited()
    assert f"{responded} of {invited} staff invited" in flat
    assert f"({100 * responded / invited:.1f}%)" in flat
    assert re.search(r"Turnover rate\s+%\s+33\.3\s+1\.0\s+3\.0\b", text)
    assert re.search(r"Vacancy rate\s+%\s+25\.0\s+1\.0\s+4\.0\b", text)
    assert f"the turnover rate was 33.3% in the year ending 30 September {YEAR}" in flat
    assert f"Children's Services: headline measures, year ending 30 September {YEAR}" in flat
    # Every table is numbered; every chart has its title, its table and its source.
    for number in range(1, len(written.document.tables()) + 1):
        assert f"Table {number}: " in flat
    charts = [b for s in written.document.sections for b in s.blocks if b.kind == "chart"]
    assert charts
    for chart in charts:
        assert f"{chart.text}. The figures are in table " in flat
        assert chart.source and " ".join(chart.source.split()) in flat
    # The lead's commentary and quotation; the small team only as hidden.
    assert COMMENTARY in flat
    assert "my workload is manageable now" in flat and helpers.REDACTED_NAME not in flat
    reading = " ".join(run("pdftotext", str(written.pdf), "-").split())  # cells in order
    assert reading.count(SMALL_TEAM) == 1
    assert re.search(rf"{SMALL_TEAM} (Fewer than 10 (responses )?){{2}}", reading)


@pytest.mark.skipif(any(shutil.which(tool) is None for tool in TOOLS), reason="needs poppler-utils")
def test_the_footer_prints_any_name_as_typed(tmp_path):
    """The footer is a CSS string: quotes, backslashes, hyphens and "</style>" print as typed."""
    import datetime

    from workforce_health.reports.document import Section, paragraph

    name = 'O\'Brien-Smith "Council" \\ </style> & co'
    document = Document(
        title="Footer",
        organisation=name,
        scope="All",
        meeting_date=datetime.date(2026, 3, 4),
        prepared_on=datetime.date(2026, 3, 1),
        sections=(Section("one", "One", (paragraph("Text."),)),),
        kind="employer standards self-assessment",
    )
    pdf = tmp_path / "footer.pdf"
    pdf.write_bytes(render.document_pdf(document))
    pages = run("pdftotext", "-layout", str(pdf), "-").split("\f")
    assert f"{name}: employer standards self-assessment, 4 March 2026" in pages[1]
    assert render.css_string("a-b") == "a\\2D b"
