"""The command line: `vacancies` and `agency-compliance`."""

import csv
import datetime
import io
import json
import xml.etree.ElementTree as ET

import pytest
from django.core.management import CommandError, call_command

from tests.careers import helpers

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"


def run(capsys, *args, **options):
    call_command(*args, **options)
    return capsys.readouterr().out


def test_vacancies_as_json_csv_and_atom(council, capsys):
    helpers.published(council)
    helpers.vacancy(council, title="Draft", publish=False)
    [record] = json.loads(run(capsys, "vacancies", organisation="991"))
    assert record["title"] == "Social worker" and record["salary_min"] == 37000
    assert record["url"].startswith("http://127.0.0.1:8000/careers/991/vacancies/")
    rows = list(
        csv.DictReader(io.StringIO(run(capsys, "vacancies", organisation="991", format="csv")))
    )
    assert [r["title"] for r in rows] == ["Social worker"]
    atom = run(
        capsys, "vacancies", organisation="991", format="atom", base_url="https://x.example/"
    )
    feed = ET.fromstring(atom)  # noqa: S314 - our own feed
    [entry] = feed.findall(f"{ATOM}entry")
    link = entry.find(f"{ATOM}link")
    assert link is not None
    assert (link.get("href") or "").startswith("https://x.example/careers/991/")
    everything = json.loads(run(capsys, "vacancies", organisation="991", all=True))
    assert sorted((r["title"], r["status"]) for r in everything) == [
        ("Draft", "Not advertised"),
        ("Social worker", "Advertised"),
    ]


def test_an_unknown_organisation(capsys):
    with pytest.raises(CommandError, match="no organisation has LA code '999'"):
        call_command("vacancies", organisation="999")


def test_agency_compliance_as_json_and_csv(council, capsys):
    helpers.cap(council)
    helpers.compliant_record(helpers.agency_spell(council, "1", start=datetime.date(2025, 2, 3)))
    result = json.loads(run(capsys, "agency_compliance", organisation="991", quarter="2025-Q1"))
    assert result["quarter"] == "2025-Q1" and result["compliant"] == 1
    [assignment] = result["assignments"]
    assert assignment["hourly_charge_rate"] == 38.5 and assignment["missing"] == []
    assert result["by_team"][0]["team"] == "Assessment North"
    text = run(capsys, "agency_compliance", organisation="991", quarter="2025-Q1", format="csv")
    assert text.splitlines()[0].startswith("la_code,quarter,swe_number,job_type")
    assert run(capsys, "agency_compliance", organisation="991", quarter="2024-Q4", format="csv")
    with pytest.raises(CommandError, match="--quarter"):
        call_command("agency_compliance", organisation="991", quarter="last")
