"""`workforce-health self-assessment`: the draft and the published version, as each format."""

import io

import pytest
from django.core.management import CommandError, call_command
from openpyxl import load_workbook

from tests.assessments.helpers import YEAR, assessed
from workforce_health.assessments import services

pytestmark = pytest.mark.django_db


def _run(*args: str) -> str:
    out = io.StringIO()
    call_command("self_assessment", *args, stdout=out)
    return out.getvalue()


def test_html_and_xlsx_of_the_draft(council, tmp_path):
    assessed(council)
    html = tmp_path / "sa.html"
    _run("--organisation", council.organisation.la_code, "--year", str(YEAR), "--output", str(html))
    text = html.read_text()
    assert f"Employer standards self-assessment {YEAR}" in text
    assert "Standard 5: Supervision" in text
    xlsx = tmp_path / "sa.xlsx"
    _run("--organisation", council.organisation.la_code, "--year", str(YEAR), "--output", str(xlsx))
    assert len(load_workbook(xlsx).sheetnames) >= 2


def test_published_needs_a_published_version(council, tmp_path):
    assessment = assessed(council)
    out = str(tmp_path / "sa.html")
    args = ("--organisation", council.organisation.la_code, "--year", str(YEAR), "--output", out)
    with pytest.raises(CommandError, match="has not been published yet"):
        _run(*args, "--published")
    services.assessment_publish(assessment=assessment, published_by=None)
    assert "Wrote" in _run(*args, "--published")


def test_refusals(council, tmp_path):
    assessed(council)
    services.assessment_create(organisation=council.organisation, service=council.adults, year=YEAR)
    base = ("--organisation", council.organisation.la_code, "--year", str(YEAR))
    with pytest.raises(CommandError, match="add --service"):
        _run(*base, "--output", str(tmp_path / "a.pdf"))
    with pytest.raises(CommandError, match="must end in"):
        _run(*base, "--output", str(tmp_path / "a.doc"))
    with pytest.raises(CommandError, match="no self-assessment for 1999"):
        _run(
            "--organisation",
            council.organisation.la_code,
            "--year",
            "1999",
            "--output",
            str(tmp_path / "a.pdf"),
        )
