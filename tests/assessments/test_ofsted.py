"""The Ofsted-ready workforce summary: the evidence tiles' figures (so the pages'), the results
overview's headline questions, the actions taken, dated and sourced; downloads."""

import pytest
from django.urls import reverse

from tests.assessments.helpers import YEAR, assessed
from workforce_health.assessments.evidence import Evidence
from workforce_health.assessments.ofsted import ofsted_document
from workforce_health.core.models import Membership

Role = Membership.Role
pytestmark = pytest.mark.django_db


def test_the_summary_shows_the_evidence_figures_and_headline_questions(council, client_for):
    assessment = assessed(council)
    document = ofsted_document(
        organisation=council.organisation, service=council.children, year=YEAR
    )
    figures = {f.label: f for s in document.sections for b in s.blocks for f in b.figures}
    tiles = {t.label: t for s in Evidence(assessment).standards for t in s.tiles}
    for label in ("Average caseload", "Vacancy rate", "Agency worker rate", "Turnover rate"):
        assert figures[label].value == (tiles[label].value or "not available")
        assert "Source: Workforce" in figures[label].detail
    assert "year ending 30 September" in figures["Vacancy rate"].detail  # dated
    page = client_for(council.users[Role.SERVICE_MANAGER]).get(
        reverse("survey-results", args=[council.wave.pk])
    )
    headline = page.context["page"].tables["headline-items"]
    (table,) = [t for t in document.tables() if t.slug == "headline-items"]
    assert len(table.rows) == len(headline.rows)
    assert [r[0] for r in table.rows] == [r[0] for r in headline.rows]


def test_the_page_and_downloads(council, client_for):
    assessed(council)
    client = client_for(council.users[Role.WORKFORCE_LEAD])
    query = {"service": council.children.pk, "year": YEAR}
    page = client.get(reverse("self-assessment-ofsted"), query)
    assert "Caseloads, vacancies, agency and turnover" in page.content.decode()
    xlsx = client.get(reverse("self-assessment-ofsted-download", args=["xlsx"]), query)
    assert xlsx["Content-Disposition"].startswith('attachment; filename="workforce-summary-')
    html = client.get(reverse("self-assessment-ofsted-download", args=["html"]), query)
    text = html.content.decode()
    assert "Figures as at" in text
    assert "Meeting date" not in text and "Draft" not in text and "scrutiny" not in text
    bad = client.get(reverse("self-assessment-ofsted"), {"service": "x", "year": YEAR})
    assert "Error: " in bad.content.decode()
