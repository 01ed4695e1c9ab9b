"""The workforce dashboard: scope per role, figures from the engine, downloads, bad parameters."""

import csv
import datetime
import io
from html.parser import HTMLParser

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from tests import factories
from workforce_health.core.models import Membership
from workforce_health.core.scope import Scope
from workforce_health.rounding import format_rate
from workforce_health.staffing import measures, selectors
from workforce_health.staffing.selectors import latest_complete_year

Role = Membership.Role
YEAR = latest_complete_year()
OVERVIEW = reverse("workforce-overview")
BREAKDOWNS = reverse("workforce-breakdowns")


class TableCells(HTMLParser):
    """The text of every cell of the table with ``id``, row by row."""

    def __init__(self, table_id: str) -> None:
        super().__init__()
        self.table_id, self.inside, self.cell = table_id, False, False
        self.rows: list[list[str]] = []

    def handle_starttag(self, tag, attrs):
        if tag == "table" and dict(attrs).get("id") == self.table_id:
            self.inside = True
        elif self.inside and tag == "tr":
            self.rows.append([])
        elif self.inside and tag in ("th", "td"):
            self.cell = True
            self.rows[-1].append("")

    def handle_endtag(self, tag):
        if tag == "table":
            self.inside = False
        elif tag in ("th", "td"):
            self.cell = False

    def handle_data(self, data):
        if self.inside and self.cell:
            self.rows[-1][-1] += data.strip()


def page_table(html: str, slug: str) -> list[list[str]]:
    parser = TableCells(f"table-{slug}")
    parser.feed(html)
    return parser.rows


@pytest.fixture
def staffed(council):
    """A leaver from Safeguarding East this year, and a starter in Assessment North."""
    leaver = factories.person(
        council.organisation,
        "991-9",
        "Jo Bloggs",
        swe_number="SW991009",
        is_registered_social_worker=True,
    )
    factories.employment(
        leaver,
        council.safeguarding,
        start_date=datetime.date(2018, 4, 1),
        end_date=datetime.date(YEAR, 3, 31),
        reason_for_leaving="1",
        leaver_destination="3",
    )
    starter = factories.person(
        council.organisation,
        "991-8",
        "Kim Lee",
        swe_number="SW991008",
        is_registered_social_worker=True,
    )
    factories.employment(
        starter,
        council.assessment,
        start_date=datetime.date(YEAR, 2, 1),
        fte="0.5",
        start_origin="2",
    )
    return council


def engine_row(council, role: str) -> dict:
    membership = council.users[role].memberships.get()
    inputs = selectors.measure_inputs_get(scope=Scope.of(membership))
    return selectors.workforce_measures(inputs=inputs, year=YEAR).row(0, named=True)


@pytest.mark.parametrize("role", [Role.ADMINISTRATOR, Role.WORKFORCE_LEAD, Role.SERVICE_MANAGER])
def test_headline_figures_are_the_engines_formatted(role, staffed, client_for):
    response = client_for(staffed.users[role]).get(OVERVIEW)
    assert response.status_code == 200
    assert response.context["ctx"].year == YEAR
    row = engine_row(staffed, role)
    html = response.content.decode()
    for key in ("inpost_fte", "leavers_fte", "starters_fte"):
        assert f"{format_rate(row[key])} FTE" in html
    assert f"{format_rate(row['turnover_rate_fte'])}%" in html
    assert f"{format_rate(row['agency_rate_fte'])}%" in html
    assert "Safeguarding East" in client_for(staffed.users[role]).get(BREAKDOWNS).content.decode()


def test_the_stability_measure_is_a_headline_and_a_trend(staffed, client_for):
    membership = staffed.users[Role.WORKFORCE_LEAD].memberships.get()
    inputs = selectors.measure_inputs_get(scope=Scope.of(membership))
    row = measures.stability(inputs.spells, period=YEAR, by=[]).row(0, named=True)
    assert 0 < row["stability_rate_fte"] < 100  # the leaver was in post a year earlier
    html = client_for(staffed.users[Role.WORKFORCE_LEAD]).get(OVERVIEW).content.decode()
    assert "Stability rate" in html and f"{format_rate(row['stability_rate_fte'])}%" in html
    trend = page_table(html, "stability-rate")
    assert trend[0][0] == "Year ending 30 September"
    assert trend[-1][1] == format_rate(row["stability_rate_fte"])


def test_a_team_manager_sees_only_their_team(staffed, client_for):
    client = client_for(staffed.users[Role.TEAM_MANAGER])
    overview = client.get(OVERVIEW).content.decode()
    breakdowns = client.get(BREAKDOWNS).content.decode()
    for html in (overview, breakdowns):
        assert "Assessment North" in html
        assert "Safeguarding East" not in html
        assert '<span class="govuk-caption-l">Assessment North</span>' in html
    row = engine_row(staffed, Role.TEAM_MANAGER)
    assert row["leavers_headcount"] == 0  # the leaver was in another team
    assert f"{format_rate(row['inpost_fte'])} FTE" in overview
    by_team = page_table(breakdowns, "by-team")
    assert [r[0] for r in by_team[1:]] == ["Assessment North"]


def test_small_groups_get_no_age_or_service_breakdowns(staffed, client_for):
    response = client_for(staffed.users[Role.TEAM_MANAGER]).get(BREAKDOWNS)
    html = response.content.decode()
    assert 'id="table-age"' not in html and 'id="table-time-in-service"' not in html
    assert "fewer than 5 people" in html
    assert 'id="table-leavers-by-reason"' in html  # DfE counts are not suppressed


@pytest.mark.parametrize(
    ("page", "slug"),
    [("overview", "turnover-rate"), ("overview", "headline"), ("breakdowns", "by-team")],
)
def test_csv_download_equals_the_page_table(page, slug, staffed, client_for):
    client = client_for(staffed.users[Role.WORKFORCE_LEAD])
    html = client.get(reverse(f"workforce-{page}"), {"year": YEAR}).content.decode()
    keyword = "table_slug" if page == "overview" else "breakdown_slug"
    url = reverse(f"workforce-{page}-csv", kwargs={keyword: slug})
    assert f"{url}?service=children&amp;year={YEAR}" in html
    response = client.get(url, {"service": "children", "year": YEAR})
    assert response.status_code == 200
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    if slug != "headline":  # the headline figures are shown as a summary list, not a table
        assert rows == page_table(html, slug)
    assert rows[0][0] in ("Year ending 30 September", "Measure", "Team")


def test_xlsx_download_opens_with_numbers(staffed, client_for):
    client = client_for(staffed.users[Role.WORKFORCE_LEAD])
    url = reverse("workforce-breakdowns-xlsx", kwargs={"breakdown_slug": "by-team"})
    response = client.get(url, {"service": "children", "year": YEAR})
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert sheet is not None
    assert str(sheet["A1"].value).startswith("Measures by team")
    assert sheet["A2"].font.bold
    teams = {row[0]: row for row in sheet.iter_rows(min_row=3, values_only=True) if row[0]}
    assert isinstance(teams["Assessment North"][1], float)  # in post FTE, a number


@pytest.mark.parametrize(
    "query",
    [{"year": "abc"}, {"year": "1999"}, {"year": str(YEAR + 1)}, {"year": ""}, {"service": "nope"}],
)
def test_bad_parameters_are_not_found(query, council, client_for):
    client = client_for(council.users[Role.WORKFORCE_LEAD])
    assert client.get(OVERVIEW, query).status_code == 404
    assert client.get(BREAKDOWNS, query).status_code == 404


def test_unknown_table_is_not_found(council, client_for):
    client = client_for(council.users[Role.WORKFORCE_LEAD])
    url = reverse("workforce-overview-csv", kwargs={"table_slug": "by-team"})
    assert client.get(url).status_code == 404


def test_adult_social_care_is_labelled_a_local_measure(council, client_for):
    client = client_for(council.users[Role.WORKFORCE_LEAD])
    html = client.get(OVERVIEW, {"service": "adults"}).content.decode()
    assert "Local measure." in html
    assert "not DfE statistics" in html


def test_an_empty_scope_shows_no_data_charts(council, client_for):
    html = client_for(council.users[Role.WORKFORCE_LEAD]).get(OVERVIEW).content.decode()
    assert "No data to show for this period" in html  # no vacancy, caseload or absence records
