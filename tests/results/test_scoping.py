"""Managers on every results page: their own rows of the tables the workforce lead sees.

A service manager sees their service and its teams, a team manager their team: cell by cell
the lead's rows for that scope, on the page and in the CSV and XLSX downloads, never another
service's or team's row and never a total that includes them, whatever the URL asks for.
"""

import csv
import datetime
import io
from html.parser import HTMLParser

import polars as pl
import pytest
from django.urls import reverse
from openpyxl import load_workbook

from tests.results.helpers import (
    ADULTS,
    CHILDREN,
    OWN_TEAM,
    SMALL_TEAM,
    answers,
    two_service_wave,
)
from tests.surveys.helpers import builtin
from workforce_health.core.models import Membership, Team
from workforce_health.core.scope import Scope
from workforce_health.results import scoping
from workforce_health.results import selectors as frames
from workforce_health.surveys import analysis
from workforce_health.surveys.services import past_waves

Role = Membership.Role
pytestmark = pytest.mark.django_db

OTHERS = {  # names a viewer must never see on any page or download
    Role.SERVICE_MANAGER: (ADULTS, "Locality West"),
    Role.TEAM_MANAGER: (ADULTS, "Locality West", SMALL_TEAM, "Safeguarding East"),
}
MANAGERS = [Role.SERVICE_MANAGER, Role.TEAM_MANAGER]


@pytest.fixture
def wave(council):
    return two_service_wave(council)


class _Tables(HTMLParser):
    """The body rows (cell texts) of each <table id="..."> of a page."""

    def __init__(self) -> None:
        super().__init__()
        self.tables: dict[str, list[list[str]]] = {}
        self._table: str | None = None
        self._row: list[str] | None = None
        self._cell: list[str] | None = None
        self._body = False

    def handle_starttag(self, tag, attrs):
        if tag == "table":
            self._table = dict(attrs).get("id") or ""
            self.tables[self._table] = []
        elif tag == "tbody":
            self._body = True
        elif tag == "tr" and self._body:
            self._row = []
        elif tag in ("td", "th") and self._row is not None:
            self._cell = []

    def handle_endtag(self, tag):
        if tag in ("td", "th") and self._row is not None and self._cell is not None:
            self._row.append(" ".join("".join(self._cell).split()))
            self._cell = None
        elif tag == "tr" and self._row is not None and self._table is not None:
            self.tables[self._table].append(self._row)
            self._row = None
        elif tag == "tbody":
            self._body = False

    def handle_data(self, data):
        if self._cell is not None:
            self._cell.append(data)


def _html_tables(html: str) -> dict[str, list[list[str]]]:
    parser = _Tables()
    parser.feed(html)
    return parser.tables


PAGE_URLS = {
    "breakdowns": "survey-results-breakdowns",
    "heatmap": "survey-results-heatmap",
    "numbers": "survey-results-numbers",
    "comments": "survey-results-comments",
}


def _page(client, council, role, wave, page, **query):
    client.force_login(council.users[role])
    return client.get(reverse(PAGE_URLS[page], kwargs={"results_wave_id": wave.pk}), query)


def _download(client, wave, page, slug, fmt, **query):
    url = reverse(
        f"survey-results-{fmt}",
        kwargs={"results_wave_id": wave.pk, "results_page": page, "results_table": slug},
    )
    return client.get(url, query)


def _csv(client, council, role, wave, page, slug, **query) -> tuple[list[str], list[list[str]]]:
    client.force_login(council.users[role])
    response = _download(client, wave, page, slug, "csv", **query)
    assert response.status_code == 200, (role, page, slug)
    header, *rows = list(csv.reader(io.StringIO(response.content.decode().lstrip("\ufeff"))))
    return header, rows


def _xlsx_rows(client, wave, page, slug, width, **query) -> list[list[str]]:
    """The data rows of the XLSX as the CSV writes them (numbers as text)."""
    response = _download(client, wave, page, slug, "xlsx", **query)
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content)).active
    values = list(sheet.iter_rows(min_row=3, max_col=width, values_only=True))
    rows = []
    for row in values:
        if all(cell is None for cell in row):
            break  # the notes follow a blank row
        rows.append(row)
    return rows


def _in_scope(role: str, header: list[str], row: list[str]) -> bool:
    if row[header.index("Service")] != CHILDREN:
        return False
    return role != Role.TEAM_MANAGER or row[header.index("Team")] == OWN_TEAM


# (page, table slug, query) of every table a manager's scope has rows in, with the roles that
# see it: the service manager sees their service's rows of the tables by service, the team
# manager only those by team.
TABLES = [
    ("breakdowns", "by-service-team", {"first": "team", "measure": "standard:S3"}, MANAGERS),
    (
        "breakdowns",
        "by-service-team-role-group",
        {"first": "team", "second": "role_group", "measure": "standard:S3"},
        MANAGERS,
    ),
    (
        "breakdowns",
        "by-service-team-employment-type",
        {"first": "employment_type", "second": "team", "measure": "response_rate"},
        MANAGERS,
    ),
    ("breakdowns", "by-service", {"first": "service", "measure": "response_rate"}, MANAGERS[:1]),
    (
        "breakdowns",
        "by-service-role-group",
        {"first": "service", "second": "role_group", "measure": "item:sw_recommend_employer"},
        MANAGERS[:1],
    ),
    ("heatmap", "team-standard-scores", {}, MANAGERS),
    ("numbers", "numbers-by-service", {}, MANAGERS[:1]),
    ("numbers", "numbers-by-team", {}, MANAGERS),
    ("comments", "comments-by-service", {}, MANAGERS[:1]),
    ("comments", "comments-by-team", {}, MANAGERS),
]
CASES = [
    pytest.param(role, page, slug, query, id=f"{role}-{page}-{slug}")
    for page, slug, query, roles in TABLES
    for role in roles
]


@pytest.mark.parametrize(("role", "page", "slug", "query"), CASES)
def test_a_managers_rows_are_the_leads_rows_for_their_scope(
    client, council, wave, role, page, slug, query
):
    lead_header, lead_rows = _csv(client, council, Role.WORKFORCE_LEAD, wave, page, slug, **query)
    header, rows = _csv(client, council, role, wave, page, slug, **query)
    assert header == lead_header
    expected = [row for row in lead_rows if _in_scope(role, header, row)]
    assert expected, "the scope has rows in the lead's table"
    assert len(expected) < len(lead_rows), "the lead's table has rows outside the scope"
    assert rows == expected  # cell by cell, in the same order
    # The XLSX holds the same rows (numbers as numbers).
    xlsx = _xlsx_rows(client, wave, page, slug, len(header), **query)
    assert len(xlsx) == len(rows)
    for sheet_row, csv_row in zip(xlsx, rows, strict=True):
        for value, shown in zip(sheet_row, csv_row, strict=True):
            if isinstance(value, int | float):
                assert float(shown.replace(",", "")) == pytest.approx(value, abs=0.05)
            else:
                assert (value or "") == shown
    # The page shows the same rows as the download.
    html = _page(client, council, role, wave, page, **query)
    assert html.status_code == 200
    text = html.content.decode()
    if page != "heatmap":  # the heatmap draws its own table; its rows are checked below
        assert _html_tables(text)[f"table-{slug}"] == rows
    for name in OTHERS[role]:
        assert name not in text and name not in "".join(",".join(r) for r in rows), name


def test_hidden_and_shown_cells_stay_as_the_lead_sees_them(client, council, wave):
    """The restriction hides nothing more and shows nothing more: the small team is still
    hidden, and the team hidden to protect it is still hidden, for the service manager."""
    _, rows = _csv(client, council, Role.SERVICE_MANAGER, wave, "heatmap", "team-standard-scores")
    by_team = {row[1]: row for row in rows}
    assert set(by_team) == {OWN_TEAM, SMALL_TEAM, "Safeguarding East", "All"}
    assert "Fewer than 5 responses" in by_team[SMALL_TEAM]
    assert "Hidden to protect another group" in by_team["Safeguarding East"]
    assert by_team[OWN_TEAM][2].isdigit() and by_team["All"][2].isdigit()
    html = _page(client, council, Role.TEAM_MANAGER, wave, "heatmap").content.decode()
    heat = _html_tables(html)["heatmap"]
    assert [row[0] for row in heat] == [OWN_TEAM]


def test_the_heatmap_page_shows_the_download_rows(client, council, wave):
    _, rows = _csv(client, council, Role.SERVICE_MANAGER, wave, "heatmap", "team-standard-scores")
    html = _page(client, council, Role.SERVICE_MANAGER, wave, "heatmap").content.decode()
    heat = _html_tables(html)["heatmap"]
    names = [row[1] if row[1] != "All" else f"{CHILDREN} (all teams)" for row in rows]
    assert [row[0] for row in heat] == names
    scores = [[row[i] for i in range(2, len(row), 2)] for row in rows]  # score columns
    for page_row, csv_scores in zip(heat, scores, strict=True):
        for cell, score in zip(page_row[1:], csv_scores, strict=True):
            assert cell.startswith(score if score.isdigit() else "Hidden"), (cell, score)


def test_a_breakdown_outside_the_scope_says_what_is_available(client, council, wave):
    query = {"first": "role_group", "measure": "standard:S3"}
    html = _page(client, council, Role.SERVICE_MANAGER, wave, "breakdowns", **query)
    text = html.content.decode()
    assert html.status_code == 200
    assert "The breakdown by role group is not shown to you: its figures are not for" in text
    assert "not for Children&#x27;s Services alone" in text
    assert "?measure=standard%3AS3&amp;first=service&amp;second=role_group" in text
    assert "Service and role group" in text
    assert "Senior practitioner" not in text  # no row of the whole-wave role group table
    assert _download(client, wave, "breakdowns", "by-role-group", "csv", **query).status_code == 404
    # The link gives role groups within the service: rows of service x role group.
    _, rows = _csv(
        client,
        council,
        Role.SERVICE_MANAGER,
        wave,
        "breakdowns",
        "by-service-role-group",
        first="service",
        second="role_group",
        measure="standard:S3",
    )
    assert {row[0] for row in rows} == {CHILDREN}
    assert {row[1] for row in rows} == {"Senior practitioner", "Social worker", "All"}
    # Two groups neither of which is the scope's: each of them within the team is offered.
    query = {"first": "role_group", "second": "employment_type", "measure": "standard:S3"}
    text = _page(client, council, Role.TEAM_MANAGER, wave, "breakdowns", **query).content.decode()
    assert "its figures are not for Assessment North alone" in text
    assert "Team and role group" in text and "Team and employment type" in text
    assert "Permanent" not in text and "Agency" not in text


@pytest.mark.parametrize(
    ("role", "page", "slug", "query"),
    [
        (Role.SERVICE_MANAGER, "overview", "response-rate-service", {}),
        (Role.SERVICE_MANAGER, "overview", "response-rate-role-group", {}),
        (Role.SERVICE_MANAGER, "breakdowns", "by-role-group", {"first": "role_group"}),
        (
            Role.SERVICE_MANAGER,
            "breakdowns",
            "by-role-group-employment-type",
            {"first": "role_group", "second": "employment_type"},
        ),
        (Role.TEAM_MANAGER, "breakdowns", "by-service", {"first": "service"}),
        (
            Role.TEAM_MANAGER,
            "breakdowns",
            "by-service-role-group",
            {"first": "service", "second": "role_group"},
        ),
        (Role.SERVICE_MANAGER, "numbers", "numbers", {}),
        (Role.SERVICE_MANAGER, "numbers", "numbers-by-employment-type", {}),
        (Role.TEAM_MANAGER, "numbers", "numbers-by-service", {}),
        (Role.SERVICE_MANAGER, "comments", "comments", {}),
        (Role.TEAM_MANAGER, "comments", "comments-by-service", {}),
    ],
)
def test_tables_outside_the_scope_cannot_be_downloaded(
    client, council, wave, role, page, slug, query
):
    client.force_login(council.users[role])
    for fmt in ("csv", "xlsx"):
        assert _download(client, wave, page, slug, fmt, **query).status_code == 404


@pytest.mark.parametrize("role", MANAGERS)
def test_url_parameters_never_widen_the_scope(client, council, wave, role):
    """Parameters the pages do not take are ignored; those they take choose a breakdown,
    never whose rows are shown."""
    tricks = {"service": ADULTS, "team": "Locality West", "scope": "all", "by": "service"}
    for page in PAGE_URLS:
        text = _page(client, council, role, wave, page, **tricks).content.decode()
        for name in OTHERS[role]:
            assert name not in text, (page, name)
    for first in ("service", "team", "role_group", "tenure_band", "employment_type"):
        for second in ("", "service", "team", "role_group", "employment_type"):
            query = {"first": first, "second": second, "measure": "response_rate", **tricks}
            text = _page(client, council, role, wave, "breakdowns", **query).content.decode()
            for name in OTHERS[role]:
                assert name not in text, (first, second, name)
            for row in (row for rows in _html_tables(text).values() for row in rows):
                assert CHILDREN in row, (first, second, row)
                assert role != Role.TEAM_MANAGER or OWN_TEAM in row, (first, second, row)


def test_the_lead_and_administrator_see_every_row(client, council, wave):
    for role in (Role.WORKFORCE_LEAD, Role.ADMINISTRATOR):
        _, rows = _csv(client, council, role, wave, "heatmap", "team-standard-scores")
        assert {row[0] for row in rows} == {CHILDREN, ADULTS, "All"}
        _, rows = _csv(client, council, role, wave, "numbers", "numbers-by-team")
        assert {row[1] for row in rows} == {CHILDREN, ADULTS, "All"}


def _scopes(council) -> tuple[Scope, Scope, Scope]:
    """The whole organisation, Children's Services and its team Assessment North."""
    own_team = Team.objects.get(organisation=council.organisation, name=OWN_TEAM)
    return (
        Scope.whole(council.organisation),
        Scope.of_service(council.children),
        Scope.of_team(own_team),
    )


def test_the_engine_table_is_restricted_not_solved_again(council, wave):
    """scoping.rows keeps the rows of the one table as they are (hidden stays hidden)."""
    loaded = frames.results_frames(wave=wave)
    whole, children, own_team = _scopes(council)
    table = analysis.breakdown(
        loaded.answers, loaded.items, by=("team",), measure="standards", settings=loaded.settings
    )
    service = scoping.rows(table, children)
    team = scoping.rows(table, own_team)
    assert service.equals(table.filter(pl.col("service") == CHILDREN))
    assert team.equals(table.filter((pl.col("service") == CHILDREN) & (pl.col("team") == OWN_TEAM)))
    assert service["suppressed"].any() and not team["suppressed"].any()
    by_role = analysis.breakdown(
        loaded.answers, loaded.items, by=("role_group",), settings=loaded.settings
    )
    assert scoping.rows(by_role, children).is_empty()
    assert scoping.rows(by_role, whole).equals(by_role)


def test_scope_covers_and_alternatives(council):
    whole, service, team = _scopes(council)
    assert scoping.covers(whole, ("role_group",)) and scoping.covers(whole, ())
    assert scoping.covers(service, ("service",)) and scoping.covers(service, ("team", "role_group"))
    assert not scoping.covers(service, ()) and not scoping.covers(
        service, ("role_group", "tenure_band")
    )
    assert scoping.covers(team, ("team",)) and not scoping.covers(team, ("service", "role_group"))
    assert scoping.alternatives(service, ("role_group",)) == [("service", "role_group")]
    assert scoping.alternatives(team, ("service", "role_group")) == [("team", "role_group")]
    assert scoping.alternatives(team, ("service",)) == [("team",)]
    assert scoping.own_breakdown(whole) == () and scoping.own_breakdown(team) == ("team",)
    assert scoping.label(whole) == "All respondents" and scoping.label(service) == CHILDREN
    assert scoping.alternatives(service, ("role_group", "tenure_band")) == [
        ("service", "role_group"),
        ("service", "tenure_band"),
    ]


def test_a_service_hidden_to_protect_another_stays_hidden_for_its_manager(client, council):
    """Adults' 3 respondents are hidden, so Children's Services is hidden to protect them (the
    total minus Children would give Adults): solved again on Children's answers alone, every
    figure of Children's would show. Its manager sees what the lead sees: hidden."""
    opens_on = datetime.date(2024, 2, 1)
    wave = past_waves.past_wave_create(
        organisation=council.organisation,
        questionnaire=builtin(),
        title="Social Work Health Check 2024",
        slug="protect-2024",
        services=[council.children, council.adults],
        opens_on=opens_on,
        closes_on=opens_on + datetime.timedelta(days=30),
        min_group_size=5,
    )
    people = {(CHILDREN, OWN_TEAM): 15, (CHILDREN, "Safeguarding East"): 12, (ADULTS, "L"): 3}
    rows = [
        ({"service": service, "team": team, "role_group": "Social worker"}, answers(4))
        for (service, team), count in people.items()
        for _ in range(count)
    ]
    past_waves.responses_bulk_create(wave=wave, rows=rows, generalise=False)
    for page, slug, query in [
        ("breakdowns", "by-service", {"first": "service", "measure": "standard:S3"}),
        ("breakdowns", "by-service-team", {"first": "team", "measure": "standard:S3"}),
        ("heatmap", "team-standard-scores", {}),
        ("numbers", "numbers-by-service", {}),
    ]:
        header, lead = _csv(client, council, Role.WORKFORCE_LEAD, wave, page, slug, **query)
        _, mine = _csv(client, council, Role.SERVICE_MANAGER, wave, page, slug, **query)
        assert mine == [row for row in lead if _in_scope(Role.SERVICE_MANAGER, header, row)]
        # The service's own figures (not a team's): every one hidden, as for the lead.
        service_rows = [row for row in mine if "Team" not in header or row[1] == "All"]
        assert service_rows and all(
            "Hidden to protect another group" in row for row in service_rows
        ), (page, mine)
    overview = _page_of(client, council, Role.SERVICE_MANAGER, wave, "survey-results")
    assert "Results for Children&#x27;s Services are not shown" in overview


def _page_of(client, council, role, wave, name) -> str:
    client.force_login(council.users[role])
    return client.get(reverse(name, kwargs={"results_wave_id": wave.pk})).content.decode()


@pytest.mark.parametrize(
    ("role", "by"),
    [
        (Role.SERVICE_MANAGER, ("service", "employment_type")),
        (Role.TEAM_MANAGER, ("team", "employment_type")),
    ],
)
def test_a_manager_gets_hours_by_employment_type_within_their_scope(
    client, council, wave, role, by
):
    slug = "numbers-by-" + "-".join(by).replace("_", "-")
    header, rows = _csv(client, council, role, wave, "numbers", slug)
    columns = ["Measure", "Service", *(["Team"] if "team" in by else []), "Employment type"]
    assert header[: len(columns)] == columns
    assert rows and all(_in_scope(role, header, row) for row in rows)
    # The rows of the wave's one suppressed table by `by`, restricted to the scope.
    found = frames.results_frames(wave=wave)
    table = analysis.breakdown(
        found.answers, found.items, by=by, measure="numbers", settings=found.settings
    )
    _, children, own_team = _scopes(council)
    expected = scoping.rows(table, own_team if role == Role.TEAM_MANAGER else children)
    answered = [row[header.index("Answers")] for row in rows]
    assert len(answered) == expected.height and any(a.isdigit() for a in answered)
    for shown, n in zip(answered, expected["n"], strict=True):
        assert shown == str(n) if n is not None else shown.startswith(("Fewer", "Hidden"))
    html = _page(client, council, role, wave, "numbers").content.decode()
    assert _html_tables(html)[f"table-{slug}"] == rows
    # The whole wave's table by employment type is still not theirs.
    response = _download(client, wave, "numbers", "numbers-by-employment-type", "csv")
    assert response.status_code == 404
