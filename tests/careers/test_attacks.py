"""Hostile text in every field the lead edits reaches the public pages, the JSON-LD, the Atom
feeds and the CSV downloads as text: never as markup, script or a spreadsheet formula."""

import csv
import io
import json
import xml.etree.ElementTree as ET
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.urls import reverse

from tests.careers import helpers
from tests.careers.pages import LD_JSON, get, json_ld
from workforce_health.careers import services
from workforce_health.careers.models import SECTION_FIELDS, Vacancy
from workforce_health.core import services as core_services

pytestmark = pytest.mark.django_db

SCRIPT = '</script><script>alert("x")</script><img src=x onerror=alert(1)>'
FORMULA = '=HYPERLINK("https://evil.example","click")'
ATOM = "{http://www.w3.org/2005/Atom}"


def hostile(limit: int) -> str:
    """The script attack, cut to a field's length (still markup when short)."""
    return (SCRIPT if limit >= len(SCRIPT) else "<b>x</b>")[:limit]


@pytest.fixture
def attacked(council):
    core_services.team_update(
        team=council.assessment, service=council.children, name=hostile(200), team_type="assessment"
    )
    page = helpers.site(council, introduction=SCRIPT, town=hostile(100), postcode=hostile(10))
    offer = services.offer_start(service=council.children)
    services.offer_update(offer=offer, summary=SCRIPT, **dict.fromkeys(SECTION_FIELDS, SCRIPT))
    services.pay_band_save(
        offer=offer,
        role="other",
        title=hostile(100),
        grade=hostile(60),
        salary_min=Decimal("30000"),
        salary_max=Decimal("40000"),
    )
    services.offer_item_save(offer=offer, kind="other", title=FORMULA, description=SCRIPT)
    vacancy = helpers.vacancy(
        council,
        title=FORMULA,
        grade=hostile(60),
        description=SCRIPT,
        location=hostile(120),
        reference="@SUM(1+1)",
    )
    services.careers_publish(site=page, user=None)
    spell = helpers.agency_spell(council)
    helpers.compliant_record(
        spell, agency=FORMULA, project_team="+cmd|' /C calc'!A0", cap_exception_approved_by=SCRIPT
    )
    return {"vacancy": vacancy, "offer": offer}


def public_pages(council, attacked):
    vacancy, offer = attacked["vacancy"], attacked["offer"]
    return [
        get(path).content.decode()
        for path in (
            reverse("careers-index"),
            reverse("careers-organisation", kwargs={"org_code": "991"}),
            reverse("careers-service", kwargs={"org_code": "991", "service_slug": offer.slug}),
            reverse("careers-vacancy", kwargs={"org_code": "991", "vacancy_id": vacancy.pk}),
        )
    ]


def test_the_public_pages_show_it_as_text(council, attacked):
    for html in public_pages(council, attacked):
        outside_json = LD_JSON.sub("", html)
        assert "<script>alert" not in outside_json
        assert "<img src=x" not in outside_json and "<b>x</b>" not in outside_json
        assert "&lt;/script&gt;&lt;script&gt;alert" in html or "&lt;b&gt;x" in html


def test_the_json_ld_holds_it_as_data(council, attacked):
    vacancy_page = public_pages(council, attacked)[-1]
    [block] = LD_JSON.findall(vacancy_page)
    assert "<" not in block and ">" not in block
    [posting] = json_ld(vacancy_page)
    assert posting["title"] == FORMULA
    assert posting["description"] == (
        "<p>&lt;/script&gt;&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;"
        "&lt;img src=x onerror=alert(1)&gt;</p>"
    )
    assert posting["jobLocation"]["address"]["addressLocality"] == hostile(120)


def test_the_atom_feeds_hold_it_as_text(council, attacked):
    for path in (
        reverse("careers-index-feed"),
        reverse("careers-organisation-feed", kwargs={"org_code": "991"}),
    ):
        root = ET.fromstring(get(path).content)  # noqa: S314 - our own feed
        [entry] = root.findall(f"{ATOM}entry")
        title, summary = entry.find(f"{ATOM}title"), entry.find(f"{ATOM}summary")
        assert title is not None and summary is not None and summary.text
        assert title.text == FORMULA
        assert summary.get("type") == "html"
        # A reader shows the summary as HTML: the attack is escaped within it.
        assert "<script>" not in summary.text and "&lt;script&gt;" in summary.text


def _cells(text: str) -> list[str]:
    return [cell for row in csv.reader(io.StringIO(text.lstrip("\ufeff"))) for cell in row]


def test_the_csv_downloads_neutralise_formulas(council, attacked, client, capsys):
    client.force_login(council.users["workforce_lead"])
    quarter = "2025-Q1"
    downloads = [
        client.get(reverse("agency-quarterly-csv") + f"?quarter={quarter}").content.decode(),
    ]
    for command, options in (
        ("agency_compliance", {"quarter": quarter}),
        ("vacancies", {}),
        ("vacancies", {"all": True}),
    ):
        call_command(command, organisation="991", format="csv", **options)
        downloads.append(capsys.readouterr().out)
    cells = [cell for text in downloads for cell in _cells(text)]
    assert FORMULA not in cells and "'" + FORMULA in cells
    assert "'@SUM(1+1)" in cells
    assert "'+cmd|' /C calc'!A0" in cells
    assert not [c for c in cells if c[:1] in ("=", "+", "-", "@")]


def test_the_json_output_keeps_it_as_data(council, attacked, capsys):
    call_command("vacancies", organisation="991", format="json")
    [record] = json.loads(capsys.readouterr().out)
    assert record["title"] == FORMULA and record["description"] == SCRIPT


@pytest.mark.parametrize(
    "address", ["javascript:alert(1)", "data:text/html,<script>alert(1)</script>", "ftp://x"]
)
def test_only_web_addresses_are_links(council, address):
    with pytest.raises(ValidationError):
        helpers.site(council, recruitment_site=address)
    with pytest.raises(ValidationError):
        helpers.vacancy(council, apply_url=address)


def test_the_leads_pages_show_it_as_text(council, attacked, client):
    client.force_login(council.users["workforce_lead"])
    vacancy = Vacancy.objects.get(title=FORMULA)
    for path in (
        reverse("careers-offer", kwargs={"service_id": council.children.pk}),
        reverse("careers-preview"),
        reverse("careers-vacancy-edit", kwargs={"vacancy_id": vacancy.pk}),
        reverse("agency-compliance"),
    ):
        html = client.get(path).content.decode()
        assert "<script>alert" not in html and "<img src=x" not in html, path
