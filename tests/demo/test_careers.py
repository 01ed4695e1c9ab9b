"""The demo council's careers page, read as an anonymous visitor would read it: its offer, a
dozen vacancies and dated facts, and nothing personal, nothing from a small group, no comment.
Also its agency records: a mix of compliant and incomplete."""

import datetime
import re

import pytest
from django.core.cache import cache
from django.test import Client
from django.urls import reverse

from workforce_health.careers import selectors
from workforce_health.careers.facts import MIN_GROUP, Fact, FactInputs
from workforce_health.careers.models import Publication, Vacancy
from workforce_health.core.models import Person, Service
from workforce_health.core.scope import Scope
from workforce_health.demo.council import LA_CODE
from workforce_health.demo.loader import demo_load, demo_reset
from workforce_health.surveys.models import Response, Wave

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module", autouse=True)
def loaded(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        result = demo_load(report_files=False)  # today: the vacancies close after it
        yield result
        demo_reset()


@pytest.fixture(scope="module")
def public_pages(loaded, django_db_blocker):
    """Every public page of the demo council, fetched anonymously: path -> text."""
    with django_db_blocker.unblock():
        cache.clear()
        client = Client()
        publication = Publication.objects.get(organisation=loaded.organisation)
        paths = [
            reverse("careers-index"),
            reverse("careers-index-feed"),
            reverse("careers-organisation", kwargs={"org_code": LA_CODE}),
            reverse("careers-organisation-feed", kwargs={"org_code": LA_CODE}),
            *(
                reverse("careers-service", kwargs={"org_code": LA_CODE, "service_slug": s["slug"]})
                for s in publication.content["services"]
            ),
            *(
                reverse("careers-vacancy", kwargs={"org_code": LA_CODE, "vacancy_id": v.pk})
                for v in Vacancy.objects.filter(organisation=loaded.organisation, is_published=True)
            ),
        ]
        pages = {}
        for path in paths:
            response = client.get(path)
            assert response.status_code == 200, path
            pages[path] = response.content.decode()
        return pages


def test_a_dozen_live_vacancies_and_the_offer_of_each_service(loaded, public_pages):
    html = public_pages[reverse("careers-organisation", kwargs={"org_code": LA_CODE})]
    assert "12 vacancies open now" in html
    assert "Children&#x27;s Services" in html and "Adult Social Care" in html
    feed = public_pages[reverse("careers-organisation-feed", kwargs={"org_code": LA_CODE})]
    assert feed.count("<entry>") == 12
    assert sum("application/ld+json" in page for page in public_pages.values()) == 12


def test_the_page_shows_dated_facts_from_the_demos_data(loaded):
    content = Publication.objects.get(organisation=loaded.organisation).content
    facts = {s["name"]: [f["kind"] for f in s["facts"]] for s in content["services"]}
    assert facts["Children's Services"] == [
        "vacancy_trend",
        "turnover_trend",
        "average_caseload",
        "health_check_recommend",
        "health_check_supervision",
        "health_check_pride",
        "nqsw_starters",
        "self_assessment_s6",
        "self_assessment_s8",
    ]
    children = next(s for s in content["services"] if s["name"] == "Children's Services")
    s8 = Fact.from_json(children["facts"][-1])
    assert (s8.heading, s8.figure) == (
        "Our self-assessment: Standard 8: Partnerships",
        "Largely met",
    )
    assert s8.period == "Self-assessment 2024"  # the published one; 2025 is a draft
    # The demo records adult services' vacancies too (issue 12 item 2): a vacancy fact for them.
    assert facts["Adult Social Care"][:2] == ["vacancy_trend", "turnover_trend"]
    for service in content["services"]:
        for fact in service["facts"]:
            assert fact["as_of"] and fact["source"] and fact["period"]


def test_no_personal_data_on_any_public_page(loaded, public_pages):
    text = "\n".join(public_pages.values())
    people = Person.objects.filter(organisation=loaded.organisation)
    named = [p.full_name for p in people if p.full_name in text]
    assert named == []
    assert "@northmoor.example" not in text  # staff email addresses
    assert not re.search(r"\bSW\d{3,}", text)  # Social Work England numbers
    numbers = set(people.values_list("employee_number", flat=True))
    assert all(n.isalnum() for n in numbers)  # so a whole word of the text, if shown
    words = set(re.findall(r"\w+", text))  # one pass, not a search per number
    assert numbers.isdisjoint(words)


def test_no_comment_text_on_any_public_page(loaded, public_pages):
    text = "\n".join(public_pages.values())
    waves = Wave.objects.filter(organisation=loaded.organisation)
    comments = {
        value
        for answers in Response.objects.filter(wave__in=waves).values_list("answers", flat=True)
        for value in answers.values()
        if isinstance(value, str) and len(value) > 20
    }
    assert comments  # the demo's staff wrote comments
    assert [c for c in comments if c in text] == []


def test_no_figure_from_a_group_under_the_threshold(loaded):
    content = Publication.objects.get(organisation=loaded.organisation).content
    for entry in content["services"]:
        service = Service.objects.get(pk=entry["service_id"])
        inputs = FactInputs(service=service, today=loaded_today(content))
        for data in entry["facts"]:
            fact = Fact.from_json(data)
            if fact.kind.startswith("health_check_"):
                found = re.search(r"\((\d+) answered\)", fact.statement)
                assert found is not None
                assert int(found.group(1)) >= 5  # the demo waves' smallest group
            elif fact.table is not None:
                workforce = inputs.workforce
                assert workforce is not None
                for year, value, *_ in fact.table.rows:
                    people = workforce.totals[int(year)].get("inpost_headcount")
                    shown = not value.startswith(("Not shown", "No records"))
                    assert not shown or (isinstance(people, int) and people >= MIN_GROUP)


def loaded_today(content):
    return datetime.date.fromisoformat(content["published_on"])


def test_agency_workers_with_a_mix_of_compliant_and_incomplete_records(loaded):
    records = selectors.agency_compliance_get(scope=Scope.whole(loaded.organisation))
    with_record = [e for e in records.employments if hasattr(e, "agency_assignment")]
    assert len(with_record) >= 10
    rows = records.assessed.to_dicts()
    assert any(r["compliant"] for r in rows) and not all(r["compliant"] for r in rows)
    missing = {word for r in rows for word in r["missing"]}
    assert {"references", "notice period", "hourly charge rate"} <= missing
    assert any(r["price_cap"] == "exception approved" for r in rows)
    assert any(r["experience"] == "not met" for r in rows)
