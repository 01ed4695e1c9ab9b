"""The lead writes the offer, prefilled from the census return, previews and publishes it."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from tests.careers import helpers
from workforce_health.careers import services
from workforce_health.careers.models import OfferItem, Publication
from workforce_health.census import services as census_services

pytestmark = pytest.mark.django_db


def incentives(council, **items):
    values = {"recruitment_bonus": "2", "retention_bonus": "1", "car_allowance": "0"} | items
    census_services.council_incentives_record(
        organisation=council.organisation, year=2025, other_allowances="", **values
    )


def test_a_new_childrens_offer_is_prefilled_from_the_census_return(council):
    incentives(council, cost_swe="1")
    offer = services.offer_start(service=council.children)
    items = {i.census_item: (i.kind, i.title, i.description) for i in offer.items.all()}
    assert items == {
        "recruitment_bonus": (
            OfferItem.Kind.RECRUITMENT_PAYMENT,
            "Recruitment payment",
            "Some social workers employed by the council are eligible.",
        ),
        "retention_bonus": (
            OfferItem.Kind.RETENTION_PAYMENT,
            "Retention payment",
            "Every social worker employed by the council is eligible.",
        ),
        "cost_swe": (
            OfferItem.Kind.BENEFIT,
            "Your Social Work England registration fee paid",
            "Every social worker employed by the council is eligible.",
        ),
    }
    assert offer.slug == "childrens-services"
    # Adding the items again adds nothing; a new item in the return is added once.
    assert services.offer_prefill_from_census(offer=offer) == 0
    incentives(council, cost_swe="1", cost_dbs="2")
    assert services.offer_prefill_from_census(offer=offer) == 1


def test_adult_services_are_not_prefilled_from_the_childrens_census(council):
    incentives(council)
    assert services.offer_start(service=council.adults).items.count() == 0


def test_web_addresses_of_two_services_differ(council):
    first = services.offer_start(service=council.children)
    second = services.offer_start(service=council.adults)
    with pytest.raises(ValidationError, match="already has this web address"):
        services.offer_update(offer=second, slug=first.slug)


def test_only_known_facts_can_be_chosen(council):
    offer = services.offer_start(service=council.children)
    with pytest.raises(ValidationError):
        services.offer_facts_choose(offer=offer, kinds=["vacancy_trend", "made_up"])
    chosen = services.offer_facts_choose(offer=offer, kinds=["nqsw_starters", "vacancy_trend"])
    assert chosen.facts == ["vacancy_trend", "nqsw_starters"]  # in the registry's order


def test_publishing_needs_an_offer_to_show(council):
    page = helpers.site(council)
    with pytest.raises(ValidationError, match="at least one service"):
        services.careers_publish(site=page, user=None)
    assert not page.is_live


def test_a_pay_band_must_run_upwards(council):
    offer = services.offer_start(service=council.children)
    with pytest.raises(ValidationError, match="at least the lowest"):
        services.pay_band_save(
            offer=offer, role="social_worker", salary_min=40000, salary_max=30000
        )


def test_the_lead_writes_previews_and_publishes_the_page(council, client):
    client.force_login(council.users["workforce_lead"])
    incentives(council)
    response = client.post(
        reverse("careers-site-edit"),
        {"introduction": "Join us.", "town": "Testshire", "postcode": "ts1 1aa"},
    )
    assert response.status_code == 302
    offer_url = reverse("careers-offer", kwargs={"service_id": council.children.pk})
    client.post(reverse("careers-offer-start", kwargs={"service_id": council.children.pk}))
    page = client.get(offer_url).content.decode()
    assert "Recruitment payment" in page and "from the census return" in page
    edit = reverse("careers-offer-edit", kwargs={"service_id": council.children.pk})
    response = client.post(
        edit, {"included": "on", "slug": "childrens", "caseload_promise": "Under 18 children."}
    )
    assert response.status_code == 302
    band = reverse("careers-pay-band-add", kwargs={"service_id": council.children.pk})
    refused = client.post(
        band, {"role": "social_worker", "salary_min": "41000", "salary_max": "37000"}
    )
    assert "The highest salary must be at least the lowest" in refused.content.decode()
    client.post(band, {"role": "social_worker", "salary_min": "37000", "salary_max": "41000"})
    facts = reverse("careers-offer-facts", kwargs={"service_id": council.children.pk})
    choices = client.get(facts).content.decode()
    # Eight standards to tick, explained once.
    assert choices.count("Self-assessment: one fact for each employer standard") == 1
    assert choices.count('name="facts" value="self_assessment_s') == 8
    client.post(facts, {"facts": ["turnover_trend", "health_check_pride"]})
    preview = client.get(reverse("careers-preview")).content.decode()
    assert "Preview" in preview and 'name="robots" content="noindex' in preview
    assert "Not shown, because the data do not support them" in preview
    assert "Turnover rate" in preview and "Proud of their work" in preview
    assert client.get(reverse("careers-publish")).status_code == 200  # asks to confirm
    assert client.post(reverse("careers-publish")).status_code == 302
    publication = Publication.objects.get()
    assert publication.published_by == council.users["workforce_lead"]
    [service] = publication.content["services"]
    assert service["slug"] == "childrens" and service["facts"] == []  # the data support none
    assert service["sections"] == [{"heading": "Caseloads", "text": "Under 18 children."}]
    public = client.get(reverse("careers-organisation", kwargs={"org_code": "991"}))
    assert "Join us." in public.content.decode()
    client.post(reverse("careers-unpublish"))
    assert (
        client.get(reverse("careers-organisation", kwargs={"org_code": "991"})).status_code == 404
    )


def test_preview_and_publish_ask_for_the_page_details_first(council, client):
    client.force_login(council.users["workforce_lead"])
    assert (
        "Add the careers page details first"
        in client.get(reverse("careers-preview")).content.decode()
    )
    assert client.post(reverse("careers-publish")).status_code == 200
    assert not Publication.objects.exists()


def test_removing_an_item_asks_first(council, client):
    client.force_login(council.users["workforce_lead"])
    offer = helpers.offer(council)
    item = offer.items.get(title="Market supplement")
    url = reverse("careers-item-delete", kwargs={"item_id": item.pk})
    assert "Are you sure you want to remove" in client.get(url).content.decode()
    client.post(url)
    assert not OfferItem.objects.filter(pk=item.pk).exists()


def test_another_councils_offer_is_not_found(council, other_council, client):
    offer = helpers.offer(other_council)
    client.force_login(council.users["workforce_lead"])
    band = offer.pay_bands.get()
    assert (
        client.get(reverse("careers-offer", kwargs={"service_id": offer.service_id})).status_code
        == 404
    )
    assert (
        client.get(reverse("careers-pay-band-edit", kwargs={"pay_band_id": band.pk})).status_code
        == 404
    )
