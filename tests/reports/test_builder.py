"""The report's figures are the engine's and the pages', its summary cites only its own tables,
suppressed groups never appear, and a section can be added without touching the builder."""

import datetime
import re

import pytest

from tests.reports import helpers
from tests.reports.helpers import MEETING, SMALL_TEAM, YEAR
from workforce_health.core.models import Membership
from workforce_health.core.scope import Scope
from workforce_health.reports import render
from workforce_health.reports.builder import report_document
from workforce_health.reports.document import Document, TableData, paragraph
from workforce_health.reports.inputs import ReportDataMissing, ReportInputs
from workforce_health.reports.sections import catalogue
from workforce_health.reports.sections.common import table_data
from workforce_health.reports.sections.spec import Content, SectionSpec
from workforce_health.results import selectors as survey_frames
from workforce_health.results.pages.breakdowns import heatmap_get
from workforce_health.results.pages.overview import overview_get as survey_overview
from workforce_health.results.wording import (
    DISCLOSURE_EXPLAINED,
    NOT_COMPARED,
    PROTECTED,
    SIGNIFICANCE,
    significance_explained,
    suppression_notes,
)
from workforce_health.rounding import format_rate
from workforce_health.staffing import selectors as staffing_selectors
from workforce_health.staffing.dashboard.overview import overview_get as staffing_overview

Role = Membership.Role
CHILDREN = "Children's Services"


def build(council, meeting: datetime.date = MEETING, services=None) -> Document:
    chosen = (council.children,) if services is None else tuple(services)
    return report_document(ReportInputs(council.organisation, chosen, meeting))


SURVEY = f"sw-{YEAR}-childrens-services-"


def table(document: Document, slug: str) -> TableData:
    found = [t for t in document.tables() if t.slug == slug]
    assert len(found) == 1, [t.slug for t in document.tables()]
    return found[0]


def shown(data: TableData) -> list[list[str]]:
    """The table's cells as the report prints them."""
    return [[cell.text for cell in row] for row in render.web_table(data).display_rows()]


def all_cells(document: Document) -> set[str]:
    return {text for t in document.tables() for row in shown(t) for text in row}


@pytest.fixture
def document(reported) -> Document:
    return build(reported)


def test_survey_figures_are_the_results_pages(reported, document):
    frames = survey_frames.results_frames(wave=reported.wave)
    before = survey_frames.results_frames(wave=reported.previous_wave)
    children = Scope.of_service(reported.children)
    page = survey_overview(frames, children, before, reported.previous_wave.title)
    for key in ("response-rate", "headline-items", "standard-scores"):
        suffix = {"headline-items": "headline", "standard-scores": "standards"}.get(key, key)
        assert (
            table(document, SURVEY + suffix).rows == table_data(page.tables[key], context="").rows
        )
    # And the response rate is what was recorded: 25 of 37 invited.
    responded, invited = helpers.responded(), helpers.invited()
    rate = format_rate(100 * responded / invited)
    assert shown(table(document, SURVEY + "response-rate")) == [
        [CHILDREN, str(invited), str(responded), rate]
    ]
    figure = next(b for s in document.sections for b in s.blocks if b.kind == "figures")
    assert figure.figures[0].value == f"{rate}%"
    assert figure.figures[0].detail == f"{responded} of {invited} staff invited"


def test_team_scores_are_the_heatmaps(reported, document):
    frames = survey_frames.results_frames(wave=reported.wave)
    _, rows, _ = heatmap_get(frames, Scope.of_service(reported.children))
    expected = [[c.hidden or c.score for c in row.cells] for row in rows]
    assert [list(row[1:]) for row in table(document, SURVEY + "teams").rows] == expected


def test_the_words_for_hidden_groups_and_significance_are_the_pages(reported, document):
    """One definition (results/wording.py): the report's notes are the pages' words."""
    frames = survey_frames.results_frames(wave=reported.wave)
    before = survey_frames.results_frames(wave=reported.previous_wave)
    page = survey_overview(
        frames, Scope.of_service(reported.children), before, reported.previous_wave.title
    )
    headline_note = page.tables["headline-items"].notes[0]
    assert f"{SIGNIFICANCE}; z is not shown. {NOT_COMPARED}" in headline_note
    assert page.tables["headline-items"].notes[1:] == suppression_notes(frames.settings)
    assert table(document, SURVEY + "changes").notes[0] == significance_explained()
    assert set(suppression_notes(frames.settings)) <= set(table(document, SURVEY + "teams").notes)
    appendix = [b.text for b in document.sections[-1].blocks if b.kind == "paragraph"]
    assert significance_explained() in appendix and DISCLOSURE_EXPLAINED in appendix


def test_workforce_figures_are_the_engines_and_the_dashboards(reported, document):
    lead = reported.users[Role.WORKFORCE_LEAD].memberships.get()
    inputs = staffing_selectors.measure_inputs_get(scope=Scope.of(lead))
    row = staffing_selectors.workforce_measures(inputs=inputs, year=YEAR).row(0, named=True)
    headline = {r[0]: r for r in shown(table(document, "childrens-services-headline"))}
    assert headline["Turnover rate"][2] == format_rate(row["turnover_rate_fte"]) == "33.3"
    assert headline["Vacancy rate"][2] == format_rate(row["vacancy_rate_fte"]) == "25.0"
    assert headline["Social workers in post"][2] == format_rate(row["inpost_fte"])
    page = staffing_overview(staffing_selectors.workforce_context_get(scope=Scope.of(lead)))
    assert page.headline_table.caption.endswith(f"30 September {YEAR}")
    assert (
        table(document, "childrens-services-headline").rows
        == table_data(page.headline_table, context="").rows
    )
    for trend in page.trends:
        assert table(document, f"childrens-services-{trend.table.slug}").rows == trend.table.rows


def test_every_percentage_in_the_summary_is_in_a_table(document):
    summary = document.sections[0]
    findings = [item for block in summary.blocks for item in block.items]
    assert findings == [f for s in document.sections[1:] for f in s.findings]
    assert len(findings) >= 4
    cells = all_cells(document)
    cited = [number for f in findings for number in re.findall(r"(-?[\d,]+\.\d)%", f)]
    assert len(cited) >= 4  # response rate, change, turnover, vacancy...
    assert [n for n in cited if n not in cells] == []
    for f in findings:  # "25 of 37 staff invited": both counts are in the response-rate table
        for counts in re.findall(r"(\d+) of (\d+) staff", f):
            assert set(counts) <= cells


def test_a_small_team_never_appears_with_figures(document):
    teams = {row[0]: row[1:] for row in shown(table(document, SURVEY + "teams"))}
    hidden = "Fewer than 10 responses"
    assert set(teams[SMALL_TEAM]) == {hidden}
    # Its figures could be worked out from the service total and the other teams: one more
    # team is hidden to protect it.
    assert [name for name, cells in teams.items() if set(cells) == {PROTECTED}] == [
        "Safeguarding East"
    ]
    assert all(cell.isdigit() for cell in teams["Assessment North"])
    # The team appears nowhere else: no table row, no text, no figure.
    html = render.document_html(document)
    assert html.count(SMALL_TEAM) == 1
    assert [t.slug for t in document.tables() if any(SMALL_TEAM in str(r) for r in t.rows)] == [
        table(document, SURVEY + "teams").slug
    ]


def test_a_wave_too_small_for_the_service_shows_why_not_figures(council):
    helpers.survey_wave(council, year=YEAR, teams={"Assessment North": [4, 4, 4]})
    helpers.staff(council)
    document = build(council)
    health = next(s for s in document.sections if s.key == "health-check")
    texts = [b.text for b in health.blocks if b.kind == "paragraph"]
    assert any("are not shown: fewer than 10 responses" in t for t in texts)
    assert [b for b in health.blocks if b.kind in ("table", "figures", "chart")] == []
    assert not any("responded" in f for f in document.sections[0].blocks[-1].items)


def test_trends_stop_at_the_report_census_year(reported):
    """A January meeting reads the census year that ended the September before, even when a
    later year has ended by the time the report is written."""
    document = build(reported, meeting=datetime.date(YEAR, 1, 20))
    headline = table(document, "childrens-services-headline")
    assert headline.caption.endswith(f"30 September {YEAR - 1}")
    turnover = table(document, "childrens-services-turnover-rate")
    assert turnover.rows[-1][0] == str(YEAR - 1)
    assert all(
        str(YEAR) not in str(row[0])
        for row in table(document, "childrens-services-agency-cover").rows
    )
    titles = [b.text for s in document.sections for b in s.blocks if b.kind == "subheading"]
    assert reported.previous_wave.title in titles  # a wave of one service: no suffix
    assert reported.wave.title + ", " + CHILDREN not in titles  # opened after the meeting


def test_no_wave_is_a_readable_reason(council):
    helpers.staff(council)
    with pytest.raises(ReportDataMissing, match=r"^No Health Check wave for Children's Services"):
        build(council)


def test_no_census_year_is_a_readable_reason(council):
    helpers.survey_wave(council, year=2019, teams=helpers.CURRENT)
    with pytest.raises(ReportDataMissing) as missing:
        build(council, meeting=datetime.date(2019, 6, 1))
    assert str(missing.value) == (
        "No census year with workforce records for Children's Services has ended by "
        "01 June 2019: import a census return or HR extract first"
    )


@pytest.fixture
def extra_section(monkeypatch):
    """A later capability's section, listed the way the built-in ones are."""
    spec = SectionSpec(
        key="test-actions",
        title="Actions taken",
        order=15,
        description="What the council did about last year's findings.",
        build=lambda inputs: Content(
            [paragraph(f"Three actions agreed for {inputs.scope_label}.")],
            findings=["Three actions were agreed."],
            definitions=[("Action", "A step the council agreed to take.")],
        ),
    )
    monkeypatch.setattr(catalogue, "SECTIONS", (*catalogue.SECTIONS, spec))
    return spec


def test_a_listed_section_appears_without_changing_the_builder(reported, extra_section):
    document = build(reported)
    keys = [s.key for s in document.sections]
    assert keys.index("health-check") < keys.index("test-actions") < keys.index("workforce")
    actions = document.sections[keys.index("test-actions")]
    assert actions.title == "Actions taken"
    assert actions.blocks[0].text == "Three actions agreed for Children's Services."
    assert "Three actions were agreed." in document.sections[0].blocks[-1].items
    appendix = document.sections[-1]
    assert any("Action: A step" in item for b in appendix.blocks for item in b.items)
    # Optional: left out when the lead does not include it.
    without = report_document(
        ReportInputs(reported.organisation, (reported.children,), MEETING), included=set()
    )
    assert "test-actions" not in [s.key for s in without.sections]


def test_each_section_has_its_own_key_and_none_is_the_builders():
    keys = [s.key for s in catalogue.section_specs()]
    assert len(keys) == len(set(keys))
    assert not set(keys) & set(catalogue.RESERVED)
    assert keys == [
        "health-check",
        "health-check-teams",
        "comment-themes",
        "listening",
        "workforce",
        "starters-leavers",
        "supervision-development",
        "self-assessment",  # offered by the assessments app (docs/self-assessment.md)
    ]


def test_key_findings_say_better_or_worse_with_reverse_scored_questions(document):
    # Every answer rose from level 2 or 3 to 4 or 5: agreement rose on every question, which is
    # worse only for the reverse-scored ones ("I often feel stressed because of my work").
    changes = table(document, SURVEY + "changes")
    rows = shown(changes)
    worse = [row[0] for row in rows if row[-1].endswith("(worse)")]
    assert "I often feel stressed because of my work" in worse
    finding = next(f for f in document.sections[0].blocks[-1].items if "significantly" in f)
    assert f"{len(rows) - len(worse)} for the better and {len(worse)} for the worse" in finding
    assert " up," not in finding
    reverse_note = changes.notes[1]
    assert "less agreement is better: “Administrative tasks" in reverse_note
    assert "“I often feel stressed because of my work”" in reverse_note
