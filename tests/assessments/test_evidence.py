"""Each evidence tile's figure is the figure its source page shows (one definition each), and
nothing below the disclosure thresholds appears."""

import pytest
from django.urls import reverse

from tests.assessments.helpers import YEAR, assessed
from workforce_health.assessments import evidence as evidence_module
from workforce_health.assessments.evidence import Evidence
from workforce_health.core.models import Membership
from workforce_health.rounding import format_rate

Role = Membership.Role
pytestmark = pytest.mark.django_db


def _tiles(ev: Evidence) -> dict[str, evidence_module.Tile]:
    return {t.label: t for s in ev.standards for t in s.tiles}


def test_eight_standards_of_both_framework_versions(council):
    assessment = assessed(council)
    ev = Evidence(assessment)
    assert [s.standard.code for s in ev.standards] == [f"S{n}" for n in range(1, 9)]
    assert ev.standards[0].standard.title == "Strategic and professional leadership"
    assessment.framework = "2020"
    assert Evidence(assessment).standards[0].standard.title == (
        "Strong and clear social work framework"
    )
    assert ev.standards[7].no_records  # partnerships: said, not invented


def test_workforce_tiles_equal_the_workforce_dashboard(council, client_for):
    ev = Evidence(assessed(council))
    tiles = _tiles(ev)
    ctx = ev.workforce
    assert ctx is not None
    page = client_for(council.users[Role.WORKFORCE_LEAD]).get(
        reverse("workforce-overview"), {"service": ctx.kind.slug, "year": ctx.year}
    )
    headlines = {h.label: h for h in page.context["page"].headlines}
    for label in ("Vacancy rate", "Turnover rate", "Agency worker rate", "Average caseload"):
        assert tiles[label].value == headlines[label].value
        assert tiles[label].detail == headlines[label].hint
    assert tiles["Vacancy rate"].value is not None
    assert tiles["Vacancy rate"].value in page.content.decode()


def test_staff_view_equals_the_survey_results_page(council, client_for):
    ev = Evidence(assessed(council))
    page = client_for(council.users[Role.SERVICE_MANAGER]).get(
        reverse("survey-results", args=[council.wave.pk])
    )
    rows = {r.code: r for r in page.context["page"].standards}
    for item in ev.standards:
        row = rows[item.standard.code]
        assert item.staff is not None
        assert (item.staff.score, item.staff.previous) == (
            None if row.hidden else row.score,
            row.previous,
        )
        if row.score is not None and not row.hidden:
            assert item.staff.band == row.band
            assert item.staff.change == row.score - row.previous
    assert any(s.staff and s.staff.score is not None for s in ev.standards)


def test_supervision_tile_equals_the_supervision_page(council, client_for, monkeypatch):
    monkeypatch.setattr(evidence_module, "MIN_PEOPLE", 1)  # the test council supervises one
    ev = Evidence(assessed(council))
    tile = _tiles(ev)["Supervision windows met"]
    page = client_for(council.users[Role.WORKFORCE_LEAD]).get(tile.url)
    table = page.context["table"]
    met = [c.header for c in table.columns].index("Met (%)")
    row = next(r for r in table.rows if r[0] == council.children.name)
    assert (
        tile.value == f"{format_rate(row[met].value if hasattr(row[met], 'value') else row[met])}%"
    )


def test_records_about_fewer_than_five_people_are_not_shown(council):
    tiles = _tiles(Evidence(assessed(council)))
    for label in ("Supervision windows met", "Ready to renew registration"):
        assert tiles[label].value is None
        assert "Fewer than 5 people" in tiles[label].detail


def test_cpd_tile_equals_the_cpd_page(council, client_for, monkeypatch):
    monkeypatch.setattr(evidence_module, "MIN_PEOPLE", 1)
    ev = Evidence(assessed(council))
    tile = _tiles(ev)["Ready to renew registration"]
    page = client_for(council.users[Role.SERVICE_MANAGER]).get(tile.url)
    total = page.context["total"]
    assert tile.value == f"{format_rate(total['share_ready'])}%"
    assert tile.detail.startswith(f"{total['ready']} of {total['people']} ")


def test_a_hidden_staff_group_stays_hidden(council):
    from tests.reports.helpers import survey_wave

    survey_wave(council, year=YEAR - 5, teams={"Assessment North": [4, 4]})
    assessment = assessed(council)
    assessment.year = YEAR - 5
    ev = Evidence(assessment)
    for item in ev.standards:
        assert item.staff is not None
        assert item.staff.score is None
        assert item.staff.hidden
