"""The scrutiny report's supervision and development section."""

import datetime

import pytest

from tests.development.helpers import records
from tests.reports import helpers
from workforce_health.reports.builder import report_document
from workforce_health.reports.inputs import ReportInputs
from workforce_health.reports.sections import development as report_section

pytestmark = pytest.mark.django_db


def test_small_teams_are_pooled_until_none_can_be_worked_out():
    assert report_section.pooled_teams({"A": 12, "B": 9, "C": 3}) == {"C", "B"}
    assert report_section.pooled_teams({"A": 12, "B": 3, "C": 2}) == {"B", "C"}
    assert report_section.pooled_teams({"A": 12, "B": 8}) == set()
    assert report_section.pooled_teams({"A": 4, None: 1, "B": 20}) == {"A", None}


def test_the_section_in_a_report(council):
    records(council)
    helpers.reported(council)
    inputs = ReportInputs(council.organisation, (council.children,), helpers.MEETING)
    document = report_document(inputs, included=["supervision-development"])
    [section] = [s for s in document.sections if s.key == "supervision-development"]
    tables = {b.table.caption: b.table for b in section.blocks if b.table is not None}
    by_team = next(t for caption, t in tables.items() if "supervision by team" in caption)
    # Two people in Assessment North: pooled, never shown alone.
    assert [row[0] for row in by_team.rows] == [report_section.OTHER_TEAMS]
    assert any("the last three years" in caption for caption in tables)
    assert any("Health Check" in caption and "supervision" in caption for caption in tables)
    text = " ".join(b.text for b in section.blocks)
    assert "Alex Morgan" not in text and "Priya Shah" not in str(section)
    assert any("supervision windows were met" in f for f in document.sections[0].blocks[-1].items)


def test_without_records_the_section_has_what_staff_said_only(council):
    helpers.reported(council)
    meeting = datetime.date(helpers.YEAR + 1, 1, 20)
    document = report_document(
        ReportInputs(council.organisation, (council.children,), meeting),
        included=["supervision-development"],
    )
    [section] = [s for s in document.sections if s.key == "supervision-development"]
    captions = [b.table.caption for b in section.blocks if b.table is not None]
    assert captions and all("Health Check" in c for c in captions)
    assert not section.findings
