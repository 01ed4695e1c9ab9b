"""A team named like a formula comes out of every download as inert text (issue 11, finding 5):
the workforce breakdown by team (XLSX and CSV), the survey breakdown by team (XLSX and CSV),
and the `measures` and `survey results` commands' CSV."""

import csv
import datetime
import io

import pytest
from django.core.management import call_command
from django.urls import reverse
from openpyxl import load_workbook

from tests import factories
from tests.results.helpers import CHILDREN, answers, past_wave
from workforce_health.core import services as core_services
from workforce_health.core.models import Membership
from workforce_health.staffing.selectors import latest_complete_year
from workforce_health.surveys.services import past_waves

pytestmark = pytest.mark.django_db
EVIL = '=HYPERLINK("http://evil.example","Team")'


def _no_formula(data: bytes) -> list:
    """The sheet's cells, after checking none is a formula and the team is quoted text."""
    sheet = load_workbook(io.BytesIO(data)).active
    assert sheet is not None
    cells = [c for row in sheet.iter_rows() for c in row]
    assert [c.coordinate for c in cells if c.data_type == "f"] == []
    team = next(c for c in cells if c.value == EVIL)
    assert team.data_type == "s" and team.quotePrefix
    return cells


def _csv_rows(data: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))


@pytest.fixture
def evil_team(council):
    team = core_services.team_create(
        organisation=council.organisation,
        service=council.children,
        name=EVIL,
        team_type="assessment",
    )
    for n in range(3):
        worker = factories.person(
            council.organisation,
            f"991-e{n}",
            "Evan Evil",
            swe_number=f"SW99190{n}",
            is_registered_social_worker=True,
        )
        factories.employment(worker, team, start_date=datetime.date(2019, 1, 7))
    return team


def test_workforce_breakdown_by_team_downloads(council, evil_team, client_for):
    lead = client_for(council.users[Membership.Role.WORKFORCE_LEAD])
    query = {"service": "children", "year": latest_complete_year()}
    kwargs = {"breakdown_slug": "by-team"}
    xlsx = lead.get(reverse("workforce-breakdowns-xlsx", kwargs=kwargs), query)
    cells = _no_formula(xlsx.content)
    team_row = next(c.row for c in cells if c.value == EVIL)
    figures = [c.value for c in cells if c.row == team_row and c.column > 1]
    assert 3 in figures  # the team's headcount, still a number
    rows = _csv_rows(lead.get(reverse("workforce-breakdowns-csv", kwargs=kwargs), query).content)
    assert f"'{EVIL}" in [row[0] for row in rows]


def test_survey_breakdown_by_team_downloads(council, client_for):
    wave = past_wave(
        council, slug="evil-2025", year=2025, teams={EVIL: [4] * 12, "North": [2] * 12}
    )
    lead = client_for(council.users[Membership.Role.WORKFORCE_LEAD])
    query = {"first": "team", "measure": "standard:S3"}
    page = lead.get(
        reverse("survey-results-breakdowns", kwargs={"results_wave_id": wave.pk}), query
    )
    slug = page.context["table"].slug
    urls = {
        fmt: reverse(
            f"survey-results-{fmt}",
            kwargs={
                "results_wave_id": wave.pk,
                "results_page": "breakdowns",
                "results_table": slug,
            },
        )
        for fmt in ("csv", "xlsx")
    }
    _no_formula(lead.get(urls["xlsx"], query).content)
    rows = _csv_rows(lead.get(urls["csv"], query).content)
    assert any(f"'{EVIL}" in row for row in rows)
    assert not any(cell.startswith("=") for row in rows for cell in row)


def test_measures_command_csv(council, evil_team):
    out = io.StringIO()
    year = str(latest_complete_year())
    call_command(
        "measures",
        "--organisation",
        "991",
        "--year",
        year,
        "--by",
        "team",
        "--format",
        "csv",
        stdout=out,
    )
    teams = [row["team"] for row in csv.DictReader(io.StringIO(out.getvalue()))]
    assert f"'{EVIL}" in teams and EVIL not in teams


def test_survey_results_command_csv(council):
    wave = past_wave(council, slug="evil-2025", year=2025, teams={})
    rows = [({"service": CHILDREN, "role_group": EVIL}, answers(4))] * 12
    rows += [({"service": CHILDREN, "role_group": "Social worker"}, answers(2))] * 12
    past_waves.responses_bulk_create(wave=wave, rows=rows, generalise=False)
    out = io.StringIO()
    call_command(
        "survey",
        "results",
        "--wave",
        wave.slug,
        "--by",
        "role_group",
        "--format",
        "csv",
        stdout=out,
    )
    groups = {row["group"] for row in csv.DictReader(io.StringIO(out.getvalue()))}
    assert f"'{EVIL}" in groups and EVIL not in groups
