"""Each vacancy's page carries one schema.org JobPosting meeting Google's required and
recommended properties (jsonld_rules.py), embedded so nothing in it can end the element."""

from decimal import Decimal

import pytest
from django.urls import reverse

from tests.careers import helpers
from tests.careers.jsonld_rules import problems
from tests.careers.pages import LD_JSON, get, json_ld
from workforce_health.careers import jsonld
from workforce_health.careers.models import Vacancy

pytestmark = pytest.mark.django_db


def page_of(vacancy):
    return get(
        reverse(
            "careers-vacancy",
            kwargs={"org_code": vacancy.organisation.la_code, "vacancy_id": vacancy.pk},
        )
    ).content.decode()


def test_the_vacancy_page_has_one_valid_job_posting(council):
    helpers.published(council)
    vacancy = Vacancy.objects.get(organisation=council.organisation)
    [posting] = json_ld(page_of(vacancy))
    assert problems(posting) == []
    assert posting["title"] == "Social worker"
    assert posting["hiringOrganization"] == {
        "@type": "Organization",
        "name": "Testshire Council",
        "sameAs": "https://www.testshire.example",
    }
    assert posting["jobLocation"]["address"] == {
        "@type": "PostalAddress",
        "addressLocality": "Testshire",
        "addressCountry": "GB",
        "postalCode": "TS1 1AA",
        "addressRegion": "West Midlands",
    }
    assert posting["baseSalary"]["value"] == {
        "@type": "QuantitativeValue",
        "minValue": 37000,
        "maxValue": 41000,
        "unitText": "YEAR",
    }
    assert posting["employmentType"] == ["FULL_TIME"]
    assert vacancy.first_published_on is not None
    assert posting["datePosted"] == vacancy.first_published_on.isoformat()
    assert posting["validThrough"].startswith(vacancy.closing_date.isoformat() + "T23:59:59")
    assert posting["identifier"]["value"] == "TS-001"
    assert posting["directApply"] is False
    assert posting["url"] == f"http://testserver/careers/991/vacancies/{vacancy.pk}/"


def test_the_checker_finds_what_is_wrong():
    """The rules are not a test that cannot fail: a posting missing or misusing properties."""
    assert "title is missing" in problems({"@context": "https://schema.org"})
    bad = {
        "@context": "https://schema.org",
        "@type": "JobPosting",
        "title": "x",
        "description": "x",
        "datePosted": "2026-01-10",
        "validThrough": "2026-01-01T00:00:00+00:00",
        "hiringOrganization": {"@type": "Organization", "name": "x"},
        "jobLocation": {"@type": "Place", "address": {"@type": "PostalAddress"}},
        "employmentType": ["SOMETIMES"],
        "baseSalary": {"@type": "MonetaryAmount", "currency": "£", "value": {}},
        "identifier": {"@type": "PropertyValue", "value": "1"},
        "directApply": "yes",
        "salary": 1,
    }
    assert problems(bad) == ["salary is not a JobPosting property"]
    del bad["salary"]
    assert problems(bad) == [
        "validThrough is before datePosted",
        "addressCountry is not a two-letter country code",
        "addressLocality is missing",
        "employmentType 'SOMETIMES' is not one of Google's",
        "baseSalary is not a MonetaryAmount with an ISO 4217 currency",
        "baseSalary value is not a QuantitativeValue with a unitText",
        "directApply is not true or false",
    ]


def test_part_time_and_fixed_term_posts(council):
    helpers.published(council)
    vacancy = helpers.vacancy(
        council,
        title="Part-time social worker",
        hours_per_week=Decimal("22.5"),
        contract=Vacancy.Contract.FIXED_TERM,
        reference="",
        location="Testshire Civic Centre",
    )
    [posting] = json_ld(page_of(vacancy))
    assert problems(posting) == []
    assert posting["employmentType"] == ["PART_TIME", "TEMPORARY"]
    assert posting["identifier"]["value"] == f"991-{vacancy.pk}"  # no reference of its own
    assert posting["jobLocation"]["address"]["addressLocality"] == "Testshire Civic Centre"


def test_the_description_is_escaped_html_paragraphs():
    assert jsonld.description_html("One & two.\n\nThree <b>four</b>\nfive") == (
        "<p>One &amp; two.</p><p>Three &lt;b&gt;four&lt;/b&gt;<br>five</p>"
    )


def test_nothing_in_the_data_can_end_the_script_element():
    text = '</script><script>alert("x")</script> & \u2028'
    element = str(jsonld.script_element({"title": text}))
    inner = LD_JSON.findall(element)[0]
    assert "<" not in inner and ">" not in inner and "&" not in inner
    assert json_ld(element) == [{"title": text}]
