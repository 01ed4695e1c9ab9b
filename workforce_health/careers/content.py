"""What a careers page shows, as one JSON-ready document: the site's introduction and each
included service's offer with its chosen facts. Publishing stores it (``Publication``); the
preview builds it the same way without storing it, so the lead sees exactly what will appear.
"""

from __future__ import annotations

import datetime
from typing import Any

from workforce_health.careers import selectors
from workforce_health.careers.facts import Fact, Unavailable, facts_build
from workforce_health.careers.models import SECTION_FIELDS, CareersSite, OfferItem, ServiceOffer
from workforce_health.core.scope import Scope

Content = dict[str, Any]
SECTION_HEADINGS = {
    name: str(getattr(ServiceOffer._meta.get_field(name), "verbose_name", name))
    for name in SECTION_FIELDS
}


def _item_order(item: OfferItem) -> tuple[int, int]:
    """Payments first, in the order of ``OfferItem.Kind``, then benefits, then the rest."""
    return list(OfferItem.Kind.values).index(item.kind), item.pk


def _offer(offer: ServiceOffer, today: datetime.date) -> tuple[dict[str, Any], list[Unavailable]]:
    built = facts_build(service=offer.service, kinds=list(offer.facts), today=today)
    facts = [f.to_json() for f in built if isinstance(f, Fact)]
    unavailable = [f for f in built if isinstance(f, Unavailable)]
    sections = [
        {"heading": SECTION_HEADINGS[name], "text": text}
        for name in SECTION_FIELDS
        if (text := getattr(offer, name).strip())
    ]
    return (
        {
            "service_id": offer.service_id,
            "name": offer.service.name,
            "kind": offer.service.kind,
            "slug": offer.slug,
            "summary": offer.summary,
            "sections": sections,
            "pay_bands": [
                {
                    "label": band.label,
                    "grade": band.grade,
                    "salary_min": int(band.salary_min),
                    "salary_max": int(band.salary_max),
                }
                for band in offer.pay_bands.all()
            ],
            "items": [
                {
                    "kind": item.get_kind_display(),
                    "title": item.title,
                    "description": item.description,
                    "amount": None if item.amount is None else int(item.amount),
                }
                for item in sorted(offer.items.all(), key=_item_order)
            ],
            "facts": facts,
        },
        unavailable,
    )


def content_build(
    *, site: CareersSite, today: datetime.date
) -> tuple[Content, dict[int, list[Unavailable]]]:
    """The page as it would be published today, and per service the chosen facts the data do
    not support (for the lead's preview; never published)."""
    organisation = site.organisation
    services, unavailable = [], {}
    for entry in selectors.offer_list(scope=Scope.whole(organisation)):
        if entry.offer is None or not entry.offer.included:
            continue
        offer_content, missing = _offer(entry.offer, today)
        services.append(offer_content)
        unavailable[entry.service.pk] = missing
    content: Content = {
        "organisation": {"name": organisation.name, "la_code": organisation.la_code},
        "introduction": site.introduction,
        "town": site.town,
        "postcode": site.postcode,
        "website": site.website,
        "recruitment_site": site.recruitment_site,
        "published_on": today.isoformat(),
        "services": services,
    }
    return content, unavailable
