"""The public careers pages, read anonymously: what they show, what they never show, when
they are there at all, and their cache."""

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from tests import factories
from tests.careers import helpers
from tests.careers.pages import get, json_ld
from workforce_health.careers import services
from workforce_health.careers.models import Vacancy

pytestmark = pytest.mark.django_db


def org_url(council):
    return reverse("careers-organisation", kwargs={"org_code": council.organisation.la_code})


def vacancy_url(vacancy):
    return reverse(
        "careers-vacancy",
        kwargs={"org_code": vacancy.organisation.la_code, "vacancy_id": vacancy.pk},
    )


def test_the_published_page_shows_the_offer_and_vacancies_without_signing_in(council):
    page = helpers.published(council)
    html = get(org_url(council)).content.decode()
    assert "Social work careers" in html and "Come and work with us." in html
    assert "Children&#x27;s Services" in html and "Pay from £37,000 to £41,000 a year" in html
    assert "Social worker" in html and "closes" in html
    service = get(
        reverse(
            "careers-service",
            kwargs={"org_code": "991", "service_slug": council.children.careers_offer.slug},
        )
    ).content.decode()
    assert "Market supplement" in service and "£3,000" in service
    assert "Every 4 weeks." in service and "£37,000 to £41,000" in service
    assert page.is_live


def test_nothing_is_public_before_publishing(council):
    helpers.site(council)
    helpers.offer(council)
    vacancy = helpers.vacancy(council)
    assert get(org_url(council)).status_code == 404
    assert get(vacancy_url(vacancy)).status_code == 404
    assert get(reverse("careers-organisation-feed", kwargs={"org_code": "991"})).status_code == 404
    assert "Social worker" not in get(reverse("careers-index")).content.decode()


def test_taking_the_page_off_the_web(council):
    page = helpers.published(council)
    vacancy = Vacancy.objects.get(organisation=council.organisation)
    assert get(vacancy_url(vacancy)).status_code == 200
    services.careers_unpublish(site=page)
    assert get(org_url(council)).status_code == 404
    assert get(vacancy_url(vacancy)).status_code == 404


@pytest.mark.parametrize(
    "change",
    [
        {"closing_date": "yesterday"},
        {"filled_on": "today"},
        {"unpublish": True},
    ],
)
def test_closed_filled_and_withdrawn_vacancies_leave_the_page(council, change):
    helpers.published(council)
    vacancy = Vacancy.objects.get(organisation=council.organisation)
    assert vacancy.title in get(org_url(council)).content.decode()  # cached now
    today = timezone.localdate()
    if "unpublish" in change:
        services.vacancy_unpublish(vacancy=vacancy)
    elif "filled_on" in change:
        services.vacancy_save(organisation=council.organisation, vacancy=vacancy, filled_on=today)
    else:
        yesterday = today - datetime.timedelta(days=1)
        services.vacancy_save(
            organisation=council.organisation, vacancy=vacancy, closing_date=yesterday
        )
    assert vacancy.title not in get(org_url(council)).content.decode()
    assert get(vacancy_url(vacancy)).status_code == 404


def test_a_closing_date_passing_ends_the_advert_on_the_next_day_even_from_the_cache(
    council, monkeypatch
):
    helpers.published(council)
    vacancy = Vacancy.objects.get(organisation=council.organisation)
    assert get(vacancy_url(vacancy)).status_code == 200
    after = vacancy.closing_date + datetime.timedelta(days=1)
    monkeypatch.setattr(timezone, "localdate", lambda *args: after)
    assert get(vacancy_url(vacancy)).status_code == 404
    assert vacancy.title not in get(org_url(council)).content.decode()


def test_a_published_page_stays_as_published_until_published_again(council):
    page = helpers.published(council)
    offer = council.children.careers_offer
    services.offer_update(offer=offer, summary="A new summary, not yet published.")
    assert "A new summary" not in get(org_url(council)).content.decode()
    services.careers_publish(site=page, user=None)
    assert "A new summary" in get(org_url(council)).content.decode()


def test_a_cached_page_costs_one_query(council, django_assert_num_queries):
    helpers.published(council)
    first = get(org_url(council))
    with django_assert_num_queries(1):  # the site's version, for the cache key
        second = get(org_url(council))
    assert first.content == second.content
    assert second["Cache-Control"] == "public, max-age=300"


def test_signed_in_visitors_get_a_fresh_page_with_their_sign_out(council, client):
    helpers.published(council)
    get(org_url(council))  # cached for anonymous visitors
    client.force_login(council.users["practitioner"])
    html = client.get(org_url(council)).content.decode()
    assert "Sign out" in html
    assert "Sign out" not in get(org_url(council)).content.decode()


def test_open_graph_tags_canonical_address_and_feed(council):
    helpers.published(council)
    html = get(org_url(council)).content.decode()
    assert '<meta property="og:title" content="Social work careers at Testshire Council">' in html
    assert '<meta property="og:url" content="http://testserver/careers/991/">' in html
    assert '<link rel="canonical" href="http://testserver/careers/991/">' in html
    assert 'type="application/atom+xml"' in html and "/careers/991/vacancies.atom" in html
    assert json_ld(html) == []  # Google: JobPosting only on each job's own page


def test_unknown_or_hidden_services_are_not_found(council):
    page = helpers.published(council)
    offer = council.children.careers_offer
    url = reverse("careers-service", kwargs={"org_code": "991", "service_slug": offer.slug})
    assert get(url).status_code == 200
    assert get(url.replace(offer.slug, "no-such-service")).status_code == 404
    services.offer_update(offer=offer, included=False)
    services.offer_start(service=council.adults)  # something else to publish
    services.careers_publish(site=page, user=None)
    assert get(url).status_code == 404


def test_a_regional_deployment_lists_every_councils_vacancies(council, other_council):
    helpers.published(council)
    helpers.published(other_council)
    helpers.vacancy(other_council, title="Team manager, Otherton")
    html = get(reverse("careers-index")).content.decode()
    assert "Testshire Council" in html and "Otherton Council" in html
    assert "3 vacancies open now at 2 councils" in html
    feed = get(reverse("careers-index-feed")).content.decode()
    assert feed.count("<entry>") == 3 and "Team manager, Otherton" in feed


def test_the_organisation_feed(council):
    helpers.published(council)
    response = get(reverse("careers-organisation-feed", kwargs={"org_code": "991"}))
    assert response["Content-Type"] == "application/atom+xml; charset=utf-8"
    feed = response.content.decode()
    assert feed.count("<entry>") == 1
    assert "<title>Social worker</title>" in feed
    assert "http://testserver/careers/991/vacancies/" in feed
    # Times in whole seconds: no fraction that reads as a number (such as an employee's).
    updated = re.findall(r"<updated>([^<]+)</updated>", feed)
    assert updated and all(re.fullmatch(r"[\d-]+T[\d:]+[+-]\d\d:\d\d", u) for u in updated)


def test_no_workforce_figure_from_fewer_than_ten_social_workers(council):
    """The test council has one children's social worker: no workforce fact is published."""
    helpers.published(council)
    offer = council.children.careers_offer
    service = get(
        reverse("careers-service", kwargs={"org_code": "991", "service_slug": offer.slug})
    ).content.decode()
    assert "Turnover rate" not in service and "Average caseload" not in service
    assert "in figures" not in service


def test_a_workforce_fact_appears_from_ten_social_workers(council):
    for number in range(8):  # with the council's two, 10 children's social workers in post
        worker = factories.person(
            council.organisation, f"991-T{number}", "Ten Worker", is_registered_social_worker=True
        )
        factories.employment(worker, council.safeguarding, census_role="5")
    page = helpers.published(council)
    offer = council.children.careers_offer
    url = reverse("careers-service", kwargs={"org_code": "991", "service_slug": offer.slug})
    html = get(url).content.decode()
    assert "Turnover rate" in html and "0.0%" in html
    # One fewer social worker and the figure is no longer supported.
    last = council.safeguarding.employments.order_by("pk").last()
    last.person.is_registered_social_worker = False
    last.person.save()
    services.careers_publish(site=page, user=None)
    assert "Turnover rate" not in get(url).content.decode()


def test_the_lead_shows_chosen_standards_of_the_published_self_assessment(council):
    from tests.careers.test_facts import _published

    _published(council, level=4, commentary="Monthly <b>supervision</b>, =1+1 kept.")
    page = helpers.published(council)
    offer = council.children.careers_offer
    services.offer_facts_choose(offer=offer, kinds=["self_assessment_s5"])
    services.careers_publish(site=page, user=None)
    url = reverse("careers-service", kwargs={"org_code": "991", "service_slug": offer.slug})
    html = get(url).content.decode()
    assert "Our self-assessment: Standard 5: Supervision" in html and "Fully met" in html
    assert "Monthly &lt;b&gt;supervision&lt;/b&gt;, =1+1 kept." in html  # escaped, as typed
    assert "Standard 6" not in html  # only the chosen parts
