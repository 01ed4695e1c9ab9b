"""A report document as HTML (the page and the PDF's source), tagged PDF and XLSX.

Every output reads only the Document, so a published version renders the same for ever.
The PDF is WeasyPrint's PDF/UA-1 variant: tagged, with the document's language and title,
text alternatives for charts (each chart is followed by its data table), a contents page and
page numbers (docs/adr/0006-weasyprint-report-pdf.md).
"""

from __future__ import annotations

import base64
import re
from dataclasses import dataclass
from pathlib import Path

from django.template.loader import render_to_string
from django.utils.html import strip_tags

from workforce_health.reports.document import Block, Document, TableData
from workforce_health.web.tables import Cell, Column, Table, xlsx_workbook_bytes

PRINT_CSS = Path(__file__).parent / "static" / "reports" / "print.css"
WIDE_TABLE = 7  # columns from which a table is set in smaller type


@dataclass(frozen=True)
class TableView:
    number: int
    anchor: str
    caption: str
    columns: tuple[Column, ...]
    rows: list[list[Cell]]
    notes: tuple[str, ...]
    source: str
    wide: bool


@dataclass(frozen=True)
class BlockView:
    block: Block
    table: TableView | None = None
    chart_alt: str = ""
    chart_src: str = ""  # the SVG as a data URI, for the PDF
    data_table: int | None = None  # a chart's table number


@dataclass(frozen=True)
class SectionView:
    number: int
    key: str
    title: str
    anchor: str
    commentary: list[str]
    blocks: list[BlockView]


def web_table(table: TableData) -> Table:
    return Table(
        slug=table.slug,
        caption=table.caption,
        columns=tuple(Column(c.header, c.kind) for c in table.columns),
        rows=table.rows,
        source=table.source,
        notes=table.notes,
    )


def _alt(svg: str) -> str:
    """The chart's own title and description (its <desc> lists highs, lows and the series)."""
    parts = re.findall(r"<(title|desc)[^>]*>(.*?)</\1>", svg, flags=re.S)
    return " ".join(strip_tags(text).replace("&amp;", "&") for _, text in parts)


def sections_view(document: Document) -> list[SectionView]:
    counter = 0  # tables are numbered in order; a chart's data table is the one after it
    views = []
    for number, section in enumerate(document.sections, start=1):
        blocks = []
        for block in section.blocks:
            if block.table is not None:
                table = web_table(block.table)
                counter += 1
                blocks.append(
                    BlockView(
                        block,
                        table=TableView(
                            number=counter,
                            anchor=f"table-{counter}",
                            caption=table.caption,
                            columns=table.columns,
                            rows=table.display_rows(),
                            notes=table.notes,
                            source=table.source,
                            wide=len(table.columns) >= WIDE_TABLE,
                        ),
                    )
                )
            elif block.kind == "chart":
                encoded = base64.b64encode(block.svg.encode()).decode()
                blocks.append(
                    BlockView(
                        block,
                        chart_alt=_alt(block.svg),
                        chart_src=f"data:image/svg+xml;base64,{encoded}",
                        data_table=counter + 1,
                    )
                )
            else:
                blocks.append(BlockView(block))
        views.append(
            SectionView(
                number,
                section.key,
                section.title,
                f"section-{section.key}",
                [p.strip() for p in section.commentary.split("\n\n") if p.strip()],
                blocks,
            )
        )
    return views


def css_string(text: str) -> str:
    """Text for a quoted CSS string: every character but letters, digits and spaces as a CSS
    hex escape, so no quote, backslash or "</style>" in a council's name can end it (Django's
    escapejs writes JavaScript escapes, which CSS reads as other letters)."""
    return "".join(c if c.isalnum() or c == " " else f"\\{ord(c):X} " for c in text)


def document_html(document: Document, *, standalone: bool = True) -> str:
    """The report's HTML: a whole page for the PDF and the download, or the body for a page."""
    context = {"document": document, "sections": sections_view(document), "pdf": standalone}
    if not standalone:
        return render_to_string("reports/_body.html", context)
    footer = f"{document.organisation}: {document.kind}, {document.meeting_date:%-d %B %Y}"
    return render_to_string(
        "reports/standalone.html",
        context | {"print_css": PRINT_CSS.read_text(), "page_footer": css_string(footer)},
    )


def document_pdf(document: Document) -> bytes:
    from weasyprint import HTML  # imported here: loading pango costs time on every start

    html = HTML(string=document_html(document), base_url=str(Path(__file__).parent))
    pdf = html.write_pdf(pdf_variant="pdf/ua-1", uncompressed_pdf=False)
    assert pdf is not None
    return pdf


def document_xlsx(document: Document) -> bytes:
    """Every table in the report, numbered as in the report, with a contents sheet."""
    return xlsx_workbook_bytes([web_table(t) for t in document.tables()], title=document.title)


def file_stem(document: Document) -> str:
    # A whole-council report's scope is the council's name: say it once.
    words = dict.fromkeys((document.organisation, document.scope))
    name = re.sub(r"[^a-z0-9]+", "-", " ".join(words).lower())
    version = f"-v{document.version}" if document.version else "-draft"
    return f"scrutiny-report-{name.strip('-')}-{document.meeting_date.isoformat()}{version}"
