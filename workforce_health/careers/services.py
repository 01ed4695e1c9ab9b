"""Writes for the careers app: validate fully, then save atomically.

Anything a public page shows changes only through here, and every such write marks the site
changed (``_touch``), which moves the public pages' cache keys on.
"""

from __future__ import annotations

import datetime
from typing import Any

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from workforce_health.careers import selectors
from workforce_health.careers.content import content_build
from workforce_health.careers.facts import BUILDERS_BY_KIND
from workforce_health.careers.models import (
    SECTION_FIELDS,
    AgencyAssignment,
    AgencyRateCap,
    CareersSite,
    OfferItem,
    PayBand,
    Publication,
    ServiceOffer,
    Vacancy,
)
from workforce_health.core.models import Employment, Organisation, Service

# Facts chosen for a new offer; the lead adds or removes any (facts.FACT_BUILDERS).
DEFAULT_FACTS = (
    "vacancy_trend",
    "turnover_trend",
    "average_caseload",
    "health_check_recommend",
    "health_check_supervision",
    "health_check_pride",
)
# The census return's council-level incentive items (csww-census.md §5) as offer items.
CENSUS_ITEMS: dict[str, tuple[str, str]] = {
    "recruitment_bonus": (OfferItem.Kind.RECRUITMENT_PAYMENT, "Recruitment payment"),
    "retention_bonus": (OfferItem.Kind.RETENTION_PAYMENT, "Retention payment"),
    "performance_award": (OfferItem.Kind.BENEFIT, "Performance award"),
    "car_allowance": (OfferItem.Kind.BENEFIT, "Car allowance"),
    "relocation_package": (OfferItem.Kind.BENEFIT, "Relocation package"),
    "regional_weighting": (OfferItem.Kind.BENEFIT, "Regional pay weighting"),
    "cost_swe": (OfferItem.Kind.BENEFIT, "Your Social Work England registration fee paid"),
    "cost_dbs": (OfferItem.Kind.BENEFIT, "Your DBS check paid for"),
}
ELIGIBLE = {
    "1": "Every social worker employed by the council is eligible.",
    "2": "Some social workers employed by the council are eligible.",
}


def _save(instance: Any) -> Any:
    instance.full_clean()
    instance.save()
    return instance


def _touch(organisation: Organisation) -> None:
    """Mark the organisation's public pages changed (their cached copies are not used again)."""
    CareersSite.objects.filter(organisation=organisation).update(changed_at=timezone.now())


# The site and the offer ------------------------------------------------------------------


@transaction.atomic
def careers_site_save(
    *,
    organisation: Organisation,
    town: str,
    introduction: str = "",
    postcode: str = "",
    website: str = "",
    recruitment_site: str = "",
) -> CareersSite:
    """Create or change the careers page's details (shown once the page is next published)."""
    site = CareersSite.objects.filter(organisation=organisation).first() or CareersSite(
        organisation=organisation
    )
    site.introduction = introduction.strip()
    site.town = town.strip()
    site.postcode = postcode.strip().upper()
    site.website = website.strip()
    site.recruitment_site = recruitment_site.strip()
    return _save(site)


def _free_slug(organisation: Organisation, name: str) -> str:
    base = slugify(name)[:50] or "service"
    slug, number = base, 2
    while ServiceOffer.objects.filter(organisation=organisation, slug=slug).exists():
        slug, number = f"{base}-{number}", number + 1
    return slug


@transaction.atomic
def offer_start(*, service: Service) -> ServiceOffer:
    """A new offer for the service, prefilled from the census return where it can be."""
    offer = _save(
        ServiceOffer(
            organisation=service.organisation,
            service=service,
            slug=_free_slug(service.organisation, service.name),
            facts=list(DEFAULT_FACTS),
        )
    )
    offer_prefill_from_census(offer=offer)
    return offer


@transaction.atomic
def offer_update(*, offer: ServiceOffer, **fields: Any) -> ServiceOffer:
    """Change the offer's text, web address or whether it is shown (a draft until published)."""
    allowed = {"slug", "included", "summary", *SECTION_FIELDS}
    unknown = set(fields) - allowed
    if unknown:
        raise TypeError(f"Unknown offer fields: {', '.join(sorted(unknown))}")
    for name, value in fields.items():
        setattr(offer, name, value.strip() if isinstance(value, str) else value)
    return _save(offer)


@transaction.atomic
def offer_prefill_from_census(*, offer: ServiceOffer) -> int:
    """Add the census return's incentive items the offer does not have yet; children's
    services only (the census is of child and family social workers). How many were added."""
    if offer.service.kind != Service.Kind.CHILDREN:
        return 0
    incentives = selectors.council_incentives_get(organisation=offer.organisation)
    if incentives is None:
        return 0
    done = set(offer.items.values_list("census_item", flat=True))
    added = 0
    for field, (kind, title) in CENSUS_ITEMS.items():
        value = getattr(incentives, field)
        if value in ELIGIBLE and field not in done:
            _save(
                OfferItem(
                    offer=offer,
                    kind=kind,
                    title=title,
                    description=ELIGIBLE[value],
                    census_item=field,
                )
            )
            added += 1
    other = incentives.other_allowances.strip()
    if other and "other_allowances" not in done:
        _save(
            OfferItem(
                offer=offer,
                kind=OfferItem.Kind.OTHER,
                title="Other allowances",
                description=other[:1000],
                census_item="other_allowances",
            )
        )
        added += 1
    return added


@transaction.atomic
def offer_facts_choose(*, offer: ServiceOffer, kinds: list[str]) -> ServiceOffer:
    unknown = [k for k in kinds if k not in BUILDERS_BY_KIND]
    if unknown:
        raise ValidationError({"facts": f"Unknown facts: {', '.join(unknown)}"})
    offer.facts = [k for k in BUILDERS_BY_KIND if k in kinds]
    return _save(offer)


@transaction.atomic
def pay_band_save(
    *, offer: ServiceOffer, pay_band: PayBand | None = None, **fields: Any
) -> PayBand:
    band = pay_band or PayBand(offer=offer)
    for name, value in fields.items():
        setattr(band, name, value.strip() if isinstance(value, str) else value)
    return _save(band)


@transaction.atomic
def pay_band_delete(*, pay_band: PayBand) -> None:
    pay_band.delete()


@transaction.atomic
def offer_item_save(
    *, offer: ServiceOffer, item: OfferItem | None = None, **fields: Any
) -> OfferItem:
    record = item or OfferItem(offer=offer)
    for name, value in fields.items():
        setattr(record, name, value.strip() if isinstance(value, str) else value)
    return _save(record)


@transaction.atomic
def offer_item_delete(*, item: OfferItem) -> None:
    item.delete()


# Publishing ---------------------------------------------------------------------------------


@transaction.atomic
def careers_publish(
    *, site: CareersSite, user: User | None, today: datetime.date | None = None
) -> Publication:
    """Publish the careers page as it is now (offer and facts, dated today) and make it live."""
    today = today or timezone.localdate()
    content, _ = content_build(site=site, today=today)
    if not content["services"]:
        raise ValidationError(
            "Write the offer of at least one service, and show it on the careers page, first"
        )
    publication = Publication.objects.create(
        organisation=site.organisation,
        published_at=timezone.now(),
        published_by=user,
        content=content,
    )
    site.is_live = True
    site.save(update_fields=["is_live"])
    _touch(site.organisation)
    return publication


@transaction.atomic
def careers_unpublish(*, site: CareersSite) -> CareersSite:
    """Take the careers page, its vacancies and feeds off the web (the offer is kept)."""
    site.is_live = False
    site.save(update_fields=["is_live"])
    _touch(site.organisation)
    return site


# Vacancies -----------------------------------------------------------------------------------


@transaction.atomic
def vacancy_save(
    *, organisation: Organisation, vacancy: Vacancy | None = None, **fields: Any
) -> Vacancy:
    """Create or change a vacancy; a published one changes on the public pages at once."""
    record = vacancy or Vacancy(organisation=organisation)
    for name, value in fields.items():
        setattr(record, name, value.strip() if isinstance(value, str) else value)
    _save(record)
    if record.is_published:
        _touch(organisation)
    return record


@transaction.atomic
def vacancy_publish(*, vacancy: Vacancy, today: datetime.date | None = None) -> Vacancy:
    today = today or timezone.localdate()
    if vacancy.filled_on is not None:
        raise ValidationError("This post has been filled: it cannot be advertised")
    if vacancy.closing_date < today:
        raise ValidationError("The closing date has passed: change it before publishing")
    vacancy.is_published = True
    vacancy.first_published_on = vacancy.first_published_on or today
    _save(vacancy)
    _touch(vacancy.organisation)
    return vacancy


@transaction.atomic
def vacancy_unpublish(*, vacancy: Vacancy) -> Vacancy:
    vacancy.is_published = False
    _save(vacancy)
    _touch(vacancy.organisation)
    return vacancy


@transaction.atomic
def vacancy_delete(*, vacancy: Vacancy) -> None:
    organisation = vacancy.organisation
    vacancy.delete()
    _touch(organisation)


# Agency staff ---------------------------------------------------------------------------------


@transaction.atomic
def rate_cap_save(
    *, organisation: Organisation, cap: AgencyRateCap | None = None, **fields: Any
) -> AgencyRateCap:
    record = cap or AgencyRateCap(organisation=organisation)
    for name, value in fields.items():
        setattr(record, name, value)
    return _save(record)


@transaction.atomic
def rate_cap_delete(*, cap: AgencyRateCap) -> None:
    cap.delete()


@transaction.atomic
def agency_assignment_save(*, employment: Employment, **fields: Any) -> AgencyAssignment:
    """Create or change what is recorded about an agency worker's assignment."""
    record = AgencyAssignment.objects.filter(employment=employment).first() or AgencyAssignment(
        organisation=employment.organisation, employment=employment
    )
    for name, value in fields.items():
        setattr(record, name, value.strip() if isinstance(value, str) else value)
    return _save(record)
