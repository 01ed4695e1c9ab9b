"""A scrutiny report as plain data: sections of blocks, stored as JSON when published (no Django).

A published version keeps this structure verbatim (figures, chart SVG and text), so it never
changes when the data behind it are corrected; renderers (HTML, PDF, XLSX) read only this.
"""

from __future__ import annotations

import datetime
from dataclasses import asdict, dataclass, field
from typing import Any, Literal

Kind = Literal["text", "rate", "count"]
CellValue = str | int | float | None


@dataclass(frozen=True)
class TableColumn:
    header: str
    kind: Kind = "text"


@dataclass(frozen=True)
class TableData:
    """A data table; numbers are raw and formatted by the renderer from the column's kind."""

    slug: str
    caption: str
    columns: tuple[TableColumn, ...]
    rows: tuple[tuple[CellValue, ...], ...]
    source: str = ""
    notes: tuple[str, ...] = ()


@dataclass(frozen=True)
class Figure:
    """One headline figure: "Vacancy rate 9.5%" with where it comes from and a comparison."""

    label: str
    value: str
    detail: str = ""


@dataclass(frozen=True)
class Block:
    """One element of a section. `kind` says which of the fields are used:

    paragraph: text; subheading: text; bullets: items; quote: text; figures: figures;
    table: table; chart: svg (markup with <title> and <desc>), text (title), table slug
    in `ref` (the chart's data table, which always follows it), source.
    """

    kind: Literal["paragraph", "subheading", "bullets", "quote", "figures", "table", "chart"]
    text: str = ""
    items: tuple[str, ...] = ()
    figures: tuple[Figure, ...] = ()
    table: TableData | None = None
    svg: str = ""
    ref: str = ""
    source: str = ""


@dataclass(frozen=True)
class Section:
    key: str
    title: str
    blocks: tuple[Block, ...]
    commentary: str = ""  # the workforce lead's words, shown before the figures
    findings: tuple[str, ...] = ()  # plain-English statements for the summary


@dataclass(frozen=True)
class Document:
    title: str
    organisation: str
    scope: str  # "Children's Services", or the organisation's name for every service
    meeting_date: datetime.date
    prepared_on: datetime.date
    sections: tuple[Section, ...]
    version: int | None = None  # set when published
    sources: tuple[str, ...] = field(default_factory=tuple)
    # What the document is (the PDF's footer), what its date is, and whether it is published in
    # versions: the self-assessment and the inspection summary are rendered like the report.
    kind: str = "scrutiny report"
    date_label: str = "Meeting date"
    versioned: bool = True

    def tables(self) -> list[TableData]:
        return [b.table for s in self.sections for b in s.blocks if b.table is not None]


def paragraph(text: str) -> Block:
    return Block("paragraph", text=text)


def subheading(text: str) -> Block:
    return Block("subheading", text=text)


def bullets(items: list[str] | tuple[str, ...]) -> Block:
    return Block("bullets", items=tuple(items))


def table_block(table: TableData) -> Block:
    return Block("table", table=table)


def chart_block(svg: str, title: str, table: TableData, source: str = "") -> list[Block]:
    """A chart followed by its data table (every chart has one)."""
    return [Block("chart", svg=svg, text=title, ref=table.slug, source=source), table_block(table)]


# --- JSON ------------------------------------------------------------------------------------


def to_json(document: Document) -> dict[str, Any]:
    data = asdict(document)
    data["meeting_date"] = document.meeting_date.isoformat()
    data["prepared_on"] = document.prepared_on.isoformat()
    return data


def _table(data: dict[str, Any] | None) -> TableData | None:
    if data is None:
        return None
    return TableData(
        slug=data["slug"],
        caption=data["caption"],
        columns=tuple(TableColumn(c["header"], c["kind"]) for c in data["columns"]),
        rows=tuple(tuple(row) for row in data["rows"]),
        source=data.get("source", ""),
        notes=tuple(data.get("notes", ())),
    )


def _block(data: dict[str, Any]) -> Block:
    return Block(
        kind=data["kind"],
        text=data.get("text", ""),
        items=tuple(data.get("items", ())),
        figures=tuple(Figure(**f) for f in data.get("figures", ())),
        table=_table(data.get("table")),
        svg=data.get("svg", ""),
        ref=data.get("ref", ""),
        source=data.get("source", ""),
    )


def from_json(data: dict[str, Any]) -> Document:
    return Document(
        title=data["title"],
        organisation=data["organisation"],
        scope=data["scope"],
        meeting_date=datetime.date.fromisoformat(data["meeting_date"]),
        prepared_on=datetime.date.fromisoformat(data["prepared_on"]),
        sections=tuple(
            Section(
                key=s["key"],
                title=s["title"],
                blocks=tuple(_block(b) for b in s["blocks"]),
                commentary=s.get("commentary", ""),
                findings=tuple(s.get("findings", ())),
            )
            for s in data["sections"]
        ),
        version=data.get("version"),
        sources=tuple(data.get("sources", ())),
        # Stored before these fields existed: the report's defaults.
        kind=data.get("kind", Document.kind),
        date_label=data.get("date_label", Document.date_label),
        versioned=data.get("versioned", Document.versioned),
    )
