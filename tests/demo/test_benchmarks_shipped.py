"""A fresh clone, without the DfE's files beside it: the demo still compares with the region and
comparator councils, on the dashboard and in the scrutiny report, from the file the package ships.
"""

import io
import re
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from workforce_health.benchmarks.models import PublishedRelease
from workforce_health.benchmarks.packaged import PACKAGED_FILE
from workforce_health.demo.loader import demo_reset
from workforce_health.reports.document import TableData
from workforce_health.reports.models import ReportVersion
from workforce_health.reports.selectors import report_version_document

pytestmark = pytest.mark.django_db
COMPARED = ("West Midlands", "England", "Comparator mean")


@pytest.fixture(scope="module")
def demo_without_dfe_folder(django_db_setup, django_db_blocker, tmp_path_factory):
    """The demo as `workforce-health demo` loads it on a fresh clone: loaded once, read only."""
    folder = tmp_path_factory.mktemp("dfe") / "no-such-folder"
    with django_db_blocker.unblock(), pytest.MonkeyPatch.context() as patch:
        patch.setenv("WORKFORCE_HEALTH_DFE_DATA", str(folder))
        call_command("demo", stdout=io.StringIO())
        sources = list(PublishedRelease.objects.values_list("source_file", flat=True))
        assert sources == [PACKAGED_FILE]
        yield
        demo_reset()
        PublishedRelease.objects.all().delete()


def _tables(version: ReportVersion) -> dict[str, TableData]:
    document = report_version_document(version=version)
    return {
        block.table.caption: block.table
        for section in document.sections
        for block in section.blocks
        if block.table is not None
    }


def _column(table: TableData, header: str) -> list[Any]:
    index = [c.header for c in table.columns].index(header)
    return [row[index] for row in table.rows]


def test_the_dashboard_compares_with_the_region_and_comparators(demo_without_dfe_folder, client):
    client.force_login(get_user_model().objects.get(username="lead"))
    page = client.get("/workforce/?service=children&year=2025").content.decode()
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", page))
    # The DfE's 2025 vacancy rates: West Midlands 14.0%, comparator councils' mean 12.3%.
    assert "West Midlands: 14.0% England: 14.2% Comparator councils (mean): 12.3%" in text
    for header in ("West Midlands (%)", "England (%)", "Comparator mean (%)"):
        assert f">{header}<" in page


def test_the_scrutiny_report_compares_with_the_region_and_comparators(demo_without_dfe_folder):
    version = ReportVersion.objects.get(document__scope="Children's Services")
    tables = _tables(version)
    headline = next(
        t for caption, t in tables.items() if "headline measures, year ending" in caption
    )
    assert all(v is not None for v in _column(headline, "West Midlands")[-4:])
    vacancy = next(t for caption, t in tables.items() if "vacancy rate by year" in caption)
    for series in COMPARED:
        values = _column(vacancy, f"{series} (%)")
        assert len([v for v in values if v is not None]) >= 8, series
