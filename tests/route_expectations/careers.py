"""Routes of the careers app: public pages for anyone; the offer, vacancies and agency records
for workforce leads and administrators (MANAGE_CAREERS, MANAGE_AGENCY_COMPLIANCE)."""

from tests.careers import helpers
from tests.route_expectations import EDITORS, POST_ONLY, PUBLIC


def _careers(council):
    """A published careers page with a pay band, an item, a vacancy, an agency worker with a
    record and a cap, made once per test council."""
    if not hasattr(council, "careers"):
        page = helpers.published(council)
        offer = council.children.careers_offer
        spell = helpers.agency_spell(council)
        helpers.compliant_record(spell)
        council.careers = {
            "site": page,
            "offer": offer,
            "band": offer.pay_bands.get(),
            "item": offer.items.filter(census_item="").get(),
            "vacancy": helpers.vacancy(council, title="Senior social worker"),
            "spell": spell,
            "cap": helpers.cap(council),
        }
    return council.careers


EXPECTED = {
    "careers-index": PUBLIC,
    "careers-index-feed": PUBLIC,
    "careers-organisation": PUBLIC,
    "careers-organisation-feed": PUBLIC,
    "careers-service": PUBLIC,
    "careers-vacancy": PUBLIC,
    "careers-manage": EDITORS,
    "careers-site-edit": EDITORS,
    "careers-preview": EDITORS,
    "careers-preview-service": EDITORS,
    "careers-publish": EDITORS,
    "careers-unpublish": EDITORS,
    "careers-offer": EDITORS,
    "careers-offer-start": POST_ONLY,
    "careers-offer-edit": EDITORS,
    "careers-offer-facts": EDITORS,
    "careers-offer-prefill": POST_ONLY,
    "careers-pay-band-add": EDITORS,
    "careers-pay-band-edit": EDITORS,
    "careers-pay-band-delete": EDITORS,
    "careers-item-add": EDITORS,
    "careers-item-edit": EDITORS,
    "careers-item-delete": EDITORS,
    "careers-vacancy-list": EDITORS,
    "careers-vacancy-add": EDITORS,
    "careers-vacancy-edit": EDITORS,
    "careers-vacancy-publish": POST_ONLY,
    "careers-vacancy-unpublish": POST_ONLY,
    "careers-vacancy-delete": EDITORS,
    "agency-compliance": EDITORS,
    "agency-assignment-edit": EDITORS,
    "agency-caps": EDITORS,
    "agency-cap-add": EDITORS,
    "agency-cap-edit": EDITORS,
    "agency-cap-delete": EDITORS,
    "agency-quarterly-csv": EDITORS,
}
ARGUMENTS = {
    "org_code": lambda council: _careers(council)["site"].organisation.la_code,
    "service_slug": lambda council: _careers(council)["offer"].slug,
    "service_id": lambda council: _careers(council)["offer"].service_id,
    "vacancy_id": lambda council: _careers(council)["vacancy"].pk,
    "pay_band_id": lambda council: _careers(council)["band"].pk,
    "item_id": lambda council: _careers(council)["item"].pk,
    "assignment_id": lambda council: _careers(council)["spell"].pk,
    "cap_id": lambda council: _careers(council)["cap"].pk,
}
