"""schema.org JobPosting for one vacancy, and embedding it safely in a page.

Properties: Google's job posting structured data (developers.google.com/search/docs/appearance/
structured-data/job-posting) requires ``title``, ``description``, ``datePosted``,
``hiringOrganization`` and ``jobLocation``, and recommends ``baseSalary``, ``employmentType``,
``validThrough``, ``identifier`` and ``directApply``; every property is schema.org's
(schema.org/JobPosting). Google asks for the markup on each job's own page, not on lists.

Embedding: the JSON is written with ``<``, ``>`` and ``&`` (and the JavaScript line separators)
as ``\\u`` escapes, as Django's ``json_script`` does, so no text a lead typed can close the
``<script>`` element. A ``type="application/ld+json"`` element is data, not script: browsers
never run it, so the strict Content-Security-Policy (``script-src 'self'``) does not block it.
"""

from __future__ import annotations

import datetime
import json
from typing import Any, Final

from django.utils import timezone
from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe

from workforce_health.careers.models import Vacancy
from workforce_health.core import codes

FULL_TIME_HOURS: Final = 37  # the usual full-time week in local government (NJC)
_ESCAPES: Final = {
    ord("<"): "\\u003C",
    ord(">"): "\\u003E",
    ord("&"): "\\u0026",
    0x2028: "\\u2028",
    0x2029: "\\u2029",
}


def employment_types(vacancy: Vacancy) -> list[str]:
    """Google's employmentType values: full or part time, and temporary for a fixed term."""
    types = ["FULL_TIME" if vacancy.hours_per_week >= FULL_TIME_HOURS else "PART_TIME"]
    if vacancy.contract == Vacancy.Contract.FIXED_TERM:
        types.append("TEMPORARY")
    return types


def description_html(text: str) -> str:
    """The description as HTML paragraphs (Google asks for HTML), every character escaped."""
    paragraphs = [p.strip() for p in text.replace("\r\n", "\n").split("\n\n") if p.strip()]
    return "".join(f"<p>{escape(p).replace(chr(10), '<br>')}</p>" for p in paragraphs)


def _closing_time(day: datetime.date) -> str:
    """The end of the closing date in the council's time zone, in ISO 8601."""
    end = datetime.datetime.combine(day, datetime.time(23, 59, 59))
    return timezone.make_aware(end).isoformat()


def job_posting(
    vacancy: Vacancy,
    *,
    url: str,
    town: str,
    postcode: str = "",
    website: str = "",
) -> dict[str, Any]:
    """The JobPosting for a live vacancy (its organisation, service and team loaded)."""
    organisation = vacancy.organisation
    hiring: dict[str, Any] = {"@type": "Organization", "name": organisation.name}
    if website:
        hiring["sameAs"] = website
    address: dict[str, Any] = {
        "@type": "PostalAddress",
        "addressLocality": vacancy.location or town,
        "addressCountry": "GB",
    }
    if postcode:
        address["postalCode"] = postcode
    region = dict(codes.REGIONS).get(organisation.region)
    if region:
        address["addressRegion"] = region
    posted = vacancy.first_published_on or vacancy.opened_on
    return {
        "@context": "https://schema.org",
        "@type": "JobPosting",
        "title": vacancy.title,
        "description": description_html(vacancy.description),
        "datePosted": posted.isoformat(),
        "validThrough": _closing_time(vacancy.closing_date),
        "hiringOrganization": hiring,
        "jobLocation": {"@type": "Place", "address": address},
        "employmentType": employment_types(vacancy),
        "baseSalary": {
            "@type": "MonetaryAmount",
            "currency": "GBP",
            "value": {
                "@type": "QuantitativeValue",
                "minValue": int(vacancy.salary_min),
                "maxValue": int(vacancy.salary_max),
                "unitText": "YEAR",
            },
        },
        "identifier": {
            "@type": "PropertyValue",
            "name": organisation.name,
            "value": vacancy.reference or f"{organisation.la_code}-{vacancy.pk}",
        },
        # Applications are made on the council's own recruitment site, not on this page.
        "directApply": False,
        "totalJobOpenings": vacancy.posts,
        "workHours": f"{vacancy.hours_per_week:g} hours a week",
        "url": url,
    }


def dumps(data: dict[str, Any]) -> str:
    """JSON with every character that could end a ``<script>`` element escaped."""
    return json.dumps(data, ensure_ascii=False, sort_keys=False).translate(_ESCAPES)


def script_element(data: dict[str, Any]) -> SafeString:
    """``<script type="application/ld+json">`` holding ``data``: safe because ``dumps`` leaves
    no ``<``, ``>`` or ``&`` in it (the way Django's ``json_script`` is safe)."""
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(dumps(data)))  # noqa: S308
