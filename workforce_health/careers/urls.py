from django.urls import path, register_converter

from workforce_health.careers import feeds
from workforce_health.careers.views import agency, manage, offer, public, vacancies


class LaCode:
    """A DfE local authority code (3 digits): public pages never collide with manage/, agency/."""

    regex = "[0-9]{3}"

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


register_converter(LaCode, "la")

urlpatterns = [
    # The workforce lead's pages
    path("manage/", manage.overview, name="careers-manage"),
    path("manage/details/", manage.site_edit, name="careers-site-edit"),
    path("manage/preview/", manage.preview, name="careers-preview"),
    path(
        "manage/preview/<int:service_id>/", manage.preview_service, name="careers-preview-service"
    ),
    path("manage/publish/", manage.publish, name="careers-publish"),
    path("manage/unpublish/", manage.unpublish, name="careers-unpublish"),
    path("manage/offers/<int:service_id>/", offer.offer_detail, name="careers-offer"),
    path("manage/offers/<int:service_id>/start/", offer.offer_start, name="careers-offer-start"),
    path("manage/offers/<int:service_id>/edit/", offer.offer_edit, name="careers-offer-edit"),
    path("manage/offers/<int:service_id>/facts/", offer.offer_facts, name="careers-offer-facts"),
    path(
        "manage/offers/<int:service_id>/census-items/",
        offer.offer_prefill,
        name="careers-offer-prefill",
    ),
    path(
        "manage/offers/<int:service_id>/pay-bands/add/",
        offer.pay_band_add,
        name="careers-pay-band-add",
    ),
    path("manage/pay-bands/<int:pay_band_id>/", offer.pay_band_edit, name="careers-pay-band-edit"),
    path(
        "manage/pay-bands/<int:pay_band_id>/remove/",
        offer.pay_band_delete,
        name="careers-pay-band-delete",
    ),
    path("manage/offers/<int:service_id>/items/add/", offer.item_add, name="careers-item-add"),
    path("manage/items/<int:item_id>/", offer.item_edit, name="careers-item-edit"),
    path("manage/items/<int:item_id>/remove/", offer.item_delete, name="careers-item-delete"),
    path("manage/vacancies/", vacancies.vacancy_list, name="careers-vacancy-list"),
    path("manage/vacancies/add/", vacancies.vacancy_add, name="careers-vacancy-add"),
    path("manage/vacancies/<int:vacancy_id>/", vacancies.vacancy_edit, name="careers-vacancy-edit"),
    path(
        "manage/vacancies/<int:vacancy_id>/advertise/",
        vacancies.vacancy_publish,
        name="careers-vacancy-publish",
    ),
    path(
        "manage/vacancies/<int:vacancy_id>/withdraw/",
        vacancies.vacancy_unpublish,
        name="careers-vacancy-unpublish",
    ),
    path(
        "manage/vacancies/<int:vacancy_id>/remove/",
        vacancies.vacancy_delete,
        name="careers-vacancy-delete",
    ),
    # Agency staff against the DfE's rules
    path("agency/", agency.compliance_view, name="agency-compliance"),
    path(
        "agency/assignments/<int:assignment_id>/",
        agency.assignment_edit,
        name="agency-assignment-edit",
    ),
    path("agency/caps/", agency.cap_list, name="agency-caps"),
    path("agency/caps/add/", agency.cap_add, name="agency-cap-add"),
    path("agency/caps/<int:cap_id>/", agency.cap_edit, name="agency-cap-edit"),
    path("agency/caps/<int:cap_id>/remove/", agency.cap_delete, name="agency-cap-delete"),
    path("agency/quarterly.csv", agency.quarterly_csv, name="agency-quarterly-csv"),
    # Public: no sign-in
    path("", public.index, name="careers-index"),
    path("vacancies.atom", feeds.index_feed, name="careers-index-feed"),
    path("<la:org_code>/", public.organisation, name="careers-organisation"),
    path("<la:org_code>/vacancies.atom", feeds.organisation_feed, name="careers-organisation-feed"),
    path("<la:org_code>/services/<slug:service_slug>/", public.service, name="careers-service"),
    path("<la:org_code>/vacancies/<int:vacancy_id>/", public.vacancy, name="careers-vacancy"),
]
