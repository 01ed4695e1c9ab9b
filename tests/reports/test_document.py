"""The report document is plain data: it survives JSON unchanged, so a published version does."""

import datetime
import json

from workforce_health.reports.document import (
    Block,
    Document,
    Figure,
    Section,
    TableColumn,
    TableData,
    bullets,
    chart_block,
    from_json,
    paragraph,
    subheading,
    table_block,
    to_json,
)

RATES = TableData(
    slug="turnover",
    caption="Turnover rate by year (%)",
    columns=(
        TableColumn("Year"),
        TableColumn("Turnover (%)", "rate"),
        TableColumn("Leavers", "count"),
    ),
    rows=(("2024", 12.25, 3), ("2025", None, "Fewer than 10 responses")),
    source="Source: the council's records.",
    notes=("Blank: not recorded.",),
)
SVG = '<svg role="img"><title>Turnover</title><desc>Highest 12.3% in 2024</desc></svg>'


def document(**fields) -> Document:
    values: dict = {
        "title": "Workforce health and retention",
        "organisation": "Testshire Council",
        "scope": "Children's Services",
        "meeting_date": datetime.date(2026, 1, 20),
        "prepared_on": datetime.date(2025, 12, 1),
        "sections": (
            Section("summary", "Summary", (paragraph("Covers children's services."),)),
            Section(
                "workforce",
                "Recruitment and retention",
                (
                    subheading("Children's Services"),
                    Block("figures", figures=(Figure("Turnover rate", "12.3%", "3 of 24.5 FTE"),)),
                    *chart_block(SVG, "Turnover by year", RATES, "Source: records."),
                    bullets(["One", "Two"]),
                    Block("quote", text="“Supervision helps”"),
                    table_block(RATES),
                ),
                commentary="Our words.\n\nSecond paragraph.",
                findings=("Turnover was 12.3%.",),
            ),
        ),
        "sources": ("DfE",),
    } | fields
    return Document(**values)


def test_json_round_trip_gives_an_equal_document():
    original = document(version=3)
    data = json.loads(json.dumps(to_json(original)))  # as stored in the JSONField
    assert from_json(data) == original
    assert data["meeting_date"] == "2026-01-20" and data["version"] == 3


def test_a_draft_has_no_version_and_round_trips_too():
    original = document()
    assert original.version is None
    assert from_json(json.loads(json.dumps(to_json(original)))) == original


def test_a_chart_is_followed_by_its_data_table():
    chart, table = chart_block(SVG, "Turnover by year", RATES)
    assert chart.kind == "chart" and chart.ref == RATES.slug and chart.text == "Turnover by year"
    assert table.kind == "table" and table.table == RATES


def test_tables_lists_every_table_in_order():
    tables = document().tables()
    assert [t.slug for t in tables] == ["turnover", "turnover"]
    assert document(sections=()).tables() == []
