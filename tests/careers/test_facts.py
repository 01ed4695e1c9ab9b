"""Facts from the product's own data: the registry, and the Health Check facts read from the
results engine's suppressed tables."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.assessments.helpers import assessed
from tests.results.helpers import past_wave, two_service_wave
from workforce_health.assessments import services
from workforce_health.assessments.selectors import rating_get
from workforce_health.careers.facts import (
    BUILDERS_BY_KIND,
    FACT_BUILDERS,
    Fact,
    FactInputs,
    Unavailable,
    facts_build,
)

pytestmark = pytest.mark.django_db
TODAY = datetime.date(2026, 1, 14)


def build(council, kind, service=None):
    inputs = FactInputs(service=service or council.children, today=TODAY)
    return BUILDERS_BY_KIND[kind].build(inputs)


def test_every_kind_is_unique_and_explained():
    kinds = [b.kind for b in FACT_BUILDERS]
    assert len(kinds) == len(set(kinds))
    assert all(b.label and b.hint for b in FACT_BUILDERS)


def test_without_data_every_fact_says_why_it_is_not_shown(council):
    built = facts_build(service=council.adults, kinds=list(BUILDERS_BY_KIND), today=TODAY)
    assert len(built) == len(FACT_BUILDERS)
    assert all(isinstance(f, Unavailable) and f.reason for f in built)


def test_a_health_check_fact_from_a_closed_wave(council):
    past_wave(council, slug="hc-2025", year=2025, teams={"Assessment North": [4] * 12})
    fact = build(council, "health_check_recommend")
    assert isinstance(fact, Fact)
    assert fact.figure == "100.0%"
    assert '"I would recommend the council to friends and family as a place to work"' in (
        fact.statement
    )
    assert "(12 answered)" in fact.statement
    assert fact.as_of == "2025-03-03"  # the day the wave closed
    assert "Children's Health Check 2025" in fact.source


def test_a_group_under_the_minimum_gives_no_fact(council):
    past_wave(
        council, slug="hc-small", year=2025, teams={"Assessment North": [5, 5, 5]}, min_group_size=5
    )
    fact = build(council, "health_check_pride")
    assert isinstance(fact, Unavailable)
    assert "hidden" in fact.reason


def test_the_latest_closed_wave_is_used(council):
    past_wave(council, slug="hc-2024", year=2024, teams={"Assessment North": [2] * 12})
    past_wave(council, slug="hc-2025", year=2025, teams={"Assessment North": [5] * 12})
    assert build(council, "health_check_supervision").figure == "100.0%"


def test_a_wave_of_two_services_gives_each_service_its_own_row(council):
    two_service_wave(council)
    children = build(council, "health_check_recommend")
    adults = build(council, "health_check_recommend", service=council.adults)
    assert (children.figure, adults.figure) == ("66.7%", "0.0%")
    assert "(30 answered)" in children.statement and "(12 answered)" in adults.statement


def test_a_fact_survives_its_json(council):
    past_wave(council, slug="hc-2025", year=2025, teams={"Assessment North": [4] * 12})
    fact = build(council, "health_check_recommend")
    assert Fact.from_json(fact.to_json()) == fact


def _published(council, level=3, commentary="Monthly supervision.\n\nReflective groups too."):
    assessment = assessed(council)
    rating = rating_get(assessment=assessment, standard="S5")
    assert rating is not None
    services.rating_update(rating=rating, level=level, commentary=commentary)
    services.assessment_publish(assessment=assessment, published_by=None)
    return assessment, rating


def test_a_self_assessment_fact_is_the_published_standard_never_the_draft(council):
    assert "no self-assessment of Children's Services has been published" in (
        build(council, "self_assessment_s5").reason
    )
    assessment, rating = _published(council)
    services.rating_update(rating=rating, level=1, commentary="Draft words, not published")
    fact = build(council, "self_assessment_s5")
    assert isinstance(fact, Fact)
    assert fact.figure == "Largely met"  # the council's scale, as published
    assert fact.heading == "Our self-assessment: Standard 5: Supervision"
    assert fact.notes[:2] == ["Monthly supervision.", "Reflective groups too."]
    assert fact.notes[2].startswith("Staff view (")  # the published sentence, as published
    version = assessment.versions.get()
    assert f"version 1, published on {version.published_on.day}" in fact.source
    assert "Draft words" not in str(fact.to_json())
    assert isinstance(build(council, "self_assessment_s5", service=council.adults), Unavailable)


def test_a_standard_published_without_a_rating_gives_no_fact(council):
    _published(council, level=None, commentary="")
    fact = build(council, "self_assessment_s5")
    assert isinstance(fact, Unavailable)
    assert "did not rate Standard 5" in fact.reason


def test_the_eight_standards_are_read_in_one_query(council):
    _published(council)
    kinds = [f"self_assessment_s{n}" for n in range(1, 9)]
    with CaptureQueriesContext(connection) as one:
        facts_build(service=council.children, kinds=kinds[:1], today=TODAY)
    with CaptureQueriesContext(connection) as eight:
        built = facts_build(service=council.children, kinds=kinds, today=TODAY)
    assert len(built) == 8 and isinstance(built[4], Fact)  # S5 was rated
    assert len(eight.captured_queries) == len(one.captured_queries)
