"""The demo's adult social care is as complete as its children's services: each manager lands on
their own service, the adults' vacancies, caseloads and absence have a history since 2017 on the
dashboard and in the scrutiny report, and a staff group the viewer's records cannot fill is not
offered."""

import datetime
import re
from collections.abc import Iterator
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from workforce_health.core.models import Membership
from workforce_health.core.scope import Scope
from workforce_health.demo.loader import demo_load, demo_reset
from workforce_health.reports.document import TableData
from workforce_health.reports.models import ReportVersion
from workforce_health.reports.selectors import report_version_document
from workforce_health.staffing.selectors import measure_inputs_get, workforce_measures

TODAY = datetime.date(2025, 11, 14)
YEARS = range(2017, 2026)
TRENDS = ("vacancy rate", "average caseload", "sickness absence rate")
pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module", autouse=True)
def loaded(django_db_setup, django_db_blocker) -> Iterator[None]:
    with django_db_blocker.unblock():
        demo_load(today=TODAY, report_files=False)
        yield
        demo_reset()


def _page(client: Client, username: str, url: str) -> tuple[int, str]:
    client.force_login(get_user_model().objects.get(username=username))
    response = client.get(url)
    return response.status_code, response.content.decode()


def _text(page: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", page))


def _staff_groups(page: str) -> list[str]:
    select = re.search(r'<select class="govuk-select" id="service".*?</select>', page, re.S)
    return re.findall(r'<option value="(\w+)"', select[0]) if select else []


def test_the_adults_manager_lands_on_adult_social_care_with_every_figure(client):
    status, page = _page(client, "adults-manager", "/workforce/?year=2025")
    assert status == 200
    text = _text(page)
    assert "Workforce overview: Adult social care" in text
    assert "Staff group: Adult social care (local measure)" in text
    assert _staff_groups(page) == [] and "Not available" not in text
    for figure in ("Vacancy rate", "Average caseload", "Sickness absence rate"):
        assert re.search(rf"{figure} \d+\.\d", text), figure


def test_a_childrens_manager_is_not_offered_adult_social_care(client):
    status, page = _page(client, "children-manager", "/workforce/?year=2025")
    assert status == 200 and "Workforce overview: Children&#x27;s social workers" in page
    assert _staff_groups(page) == [] and "Not available" not in _text(page)
    assert _page(client, "children-manager", "/workforce/?service=adults")[0] == 404
    assert _page(client, "children-manager", "/workforce/breakdowns/?service=adults")[0] == 404
    assert _page(client, "adults-manager", "/workforce/?service=children")[0] == 404


def test_the_lead_is_offered_both_and_lands_on_childrens(client):
    status, page = _page(client, "lead", "/workforce/")
    assert status == 200 and _staff_groups(page) == ["children", "adults"]
    assert "Workforce overview: Children&#x27;s social workers" in page


def test_the_adults_history_is_as_deep_as_the_childrens():
    lead = Membership.objects.get(organisation__la_code="990", user__username="lead")
    for kind in ("children", "adults"):
        inputs = measure_inputs_get(scope=Scope.of(lead), service_kind=kind)
        for year in YEARS:
            row = workforce_measures(inputs=inputs, year=year).row(0, named=True)
            measures = ("vacancy_rate_fte", "caseload_fte", "absence_rate_fte")
            assert all(row[m] is not None for m in measures), (kind, year)
            if kind == "adults":  # Skills for Care's council figures: vacancies 7.5-10.5%
                assert 4 <= row["vacancy_rate_fte"] <= 14, year
                assert 18 <= row["caseload_fte"] <= 26 and 2 <= row["absence_rate_fte"] <= 6


def _tables(version: ReportVersion) -> dict[str, TableData]:
    document = report_version_document(version=version)
    return {
        b.table.caption: b.table for s in document.sections for b in s.blocks if b.table is not None
    }


def _ours(table: TableData) -> list[Any]:
    return [row[1] for row in table.rows]


def test_the_adults_scrutiny_report_shows_the_trends():
    version = ReportVersion.objects.get(document__scope="Adult Social Care")
    tables = _tables(version)
    for trend in TRENDS:
        table = next(t for caption, t in tables.items() if f"{trend} by year" in caption)
        assert len(table.rows) == 9 and all(v is not None for v in _ours(table)), trend
    charts = [
        b.svg
        for s in report_version_document(version=version).sections
        for b in s.blocks
        if b.kind == "chart"
    ]
    assert charts and not any("No data to show" in svg for svg in charts)
