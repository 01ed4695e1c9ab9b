"""The workforce dashboard leads with its headline figures and trends as small multiples, then
the tables of their figures."""

import xml.etree.ElementTree as ET

import pytest
from django.urls import reverse

from tests.staffing.test_dashboard import staffed  # noqa: F401 - a fixture
from workforce_health.core.models import Membership
from workforce_health.core.scope import Scope
from workforce_health.staffing import selectors
from workforce_health.staffing.dashboard.overview import overview_get
from workforce_health.staffing.dashboard.specs import TRENDS, slug

Role = Membership.Role
OVERVIEW = reverse("workforce-overview")
NS = {"svg": "http://www.w3.org/2000/svg"}


def _desc(svg: str) -> str:
    desc = ET.fromstring(svg).find("svg:desc", NS)  # noqa: S314 - our own output
    assert desc is not None
    return desc.text or ""


@pytest.mark.django_db
def test_the_page_leads_with_figures_and_small_multiples_before_any_table(
    staffed,  # noqa: F811
    client_for,
):
    html = client_for(staffed.users[Role.WORKFORCE_LEAD]).get(OVERVIEW).content.decode()
    first_table = html.index("<table")
    assert html.index('class="app-figures"') < first_table
    for spec in TRENDS:
        assert html.index(f'id="chart-small-{slug(spec)}-title"') < first_table
        assert f'href="#table-{slug(spec)}"' in html  # each chart links to its figures
        assert f'id="table-{slug(spec)}"' in html
    assert 'id="chart-small-key-title"' in html
    assert html.count("<svg") == len(TRENDS) + 1  # the small multiples and their one key


@pytest.mark.django_db
def test_each_small_chart_draws_the_data_of_its_trend_table(staffed, client_for):  # noqa: F811
    membership = staffed.users[Role.WORKFORCE_LEAD].memberships.get()
    page = overview_get(selectors.workforce_context_get(scope=Scope.of(membership)))
    assert [c.table_slug for c in page.small_charts] == [t.table.slug for t in page.trends]
    for small, trend in zip(page.small_charts, page.trends, strict=True):
        # The same description as the full chart of the table's figures (the report's).
        assert _desc(small.chart) == _desc(trend.chart)
    key = _desc(page.key)
    assert f"{staffed.organisation.name}: solid line with circles" in key
