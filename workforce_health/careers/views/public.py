"""The public careers pages: no sign-in, only what the council published and its live
vacancies, served from the cache (``public_cache``)."""

from __future__ import annotations

from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone

from workforce_health.careers import jsonld, pages, selectors
from workforce_health.careers.feeds import salary_text
from workforce_health.careers.models import CareersSite, Vacancy
from workforce_health.careers.public_cache import cached_public_page
from workforce_health.core.view_helpers import found


def _live(org_code: str) -> tuple[CareersSite, dict[str, Any]]:
    site = found(selectors.public_site_get(la_code=org_code))
    content = found(selectors.public_content(site=site))
    return site, content


def _by_service(vacancies: list[Vacancy]) -> dict[int, list[Vacancy]]:
    grouped: dict[int, list[Vacancy]] = {}
    for vacancy in vacancies:
        grouped.setdefault(vacancy.service_id, []).append(vacancy)
    return grouped


def organisation_context(
    request: HttpRequest,
    site: CareersSite,
    content: dict[str, Any],
    service_url: Any,
    *,
    preview: bool = False,
) -> dict[str, Any]:
    """What the organisation's page shows (also its preview)."""
    vacancies = list(
        selectors.public_vacancy_list(today=timezone.localdate(), site=site, preview=preview)
    )
    services = pages.service_views(content, service_url=service_url)
    by_service = _by_service(vacancies)
    for service in services:
        service.vacancies = by_service.get(service.service_id, [])
    return {
        "content": content,
        "organisation": content["organisation"],
        "introduction": pages.paragraphs(content["introduction"]),
        "services": services,
        "vacancies": vacancies,
        "published_on": pages.published_on(content),
        "feed_url": reverse(
            "careers-organisation-feed", kwargs={"org_code": site.organisation.la_code}
        ),
        "page_url": request.build_absolute_uri(request.path),
        "preview": preview,
        **_meta(
            content,
            title=f"Social work careers at {content['organisation']['name']}",
            description=(
                f"Pay, support and live social work vacancies at "
                f"{content['organisation']['name']}, with figures from its own records."
            ),
        ),
    }


def _meta(content: dict[str, Any], *, title: str, description: str) -> dict[str, str]:
    """The page's description and Open Graph tags."""
    name = content["organisation"]["name"]
    return {
        "og_title": title,
        "og_description": description,
        "site_name": name,
        "feed_title": f"Social work vacancies at {name}",
    }


@cached_public_page
def organisation(request: HttpRequest, org_code: str) -> HttpResponse:
    site, content = _live(org_code)
    context = organisation_context(request, site, content, pages.public_service_url(org_code))
    return render(request, "careers/public/organisation.html", context)


def service_context(
    request: HttpRequest,
    site: CareersSite,
    content: dict[str, Any],
    service: pages.ServiceView,
    *,
    preview: bool = False,
) -> dict[str, Any]:
    service.vacancies = list(
        selectors.public_vacancy_list(
            today=timezone.localdate(),
            site=site,
            service_id=service.service_id,
            preview=preview,
        )
    )
    return {
        "content": content,
        "organisation": content["organisation"],
        "service": service,
        "published_on": pages.published_on(content),
        "feed_url": reverse(
            "careers-organisation-feed", kwargs={"org_code": site.organisation.la_code}
        ),
        "page_url": request.build_absolute_uri(request.path),
        "preview": preview,
        **_meta(
            content,
            title=f"Social work in {service.name} at {content['organisation']['name']}",
            description=(
                f"Pay, support, figures and vacancies for social workers in {service.name} at "
                f"{content['organisation']['name']}."
            ),
        ),
    }


@cached_public_page
def service(request: HttpRequest, org_code: str, service_slug: str) -> HttpResponse:
    site, content = _live(org_code)
    views = pages.service_views(content, service_url=pages.public_service_url(org_code))
    chosen = found(next((s for s in views if s.slug == service_slug), None))
    context = service_context(request, site, content, chosen)
    context["organisation_url"] = reverse("careers-organisation", kwargs={"org_code": org_code})
    return render(request, "careers/public/service.html", context)


@cached_public_page
def vacancy(request: HttpRequest, org_code: str, vacancy_id: int) -> HttpResponse:
    site, content = _live(org_code)
    found_vacancy = selectors.public_vacancy_get(
        site=site, vacancy_id=vacancy_id, today=timezone.localdate()
    )
    if found_vacancy is None:
        raise Http404("This vacancy has closed or is not advertised")
    page_url = request.build_absolute_uri(request.path)
    services = {s["service_id"]: s for s in content["services"]}
    closing = found_vacancy.closing_date
    offer = services.get(found_vacancy.service_id)
    return render(
        request,
        "careers/public/vacancy.html",
        {
            "organisation": content["organisation"],
            "vacancy": found_vacancy,
            "offer_url": (
                reverse(
                    "careers-service", kwargs={"org_code": org_code, "service_slug": offer["slug"]}
                )
                if offer
                else None
            ),
            "organisation_url": reverse("careers-organisation", kwargs={"org_code": org_code}),
            "description": pages.paragraphs(found_vacancy.description),
            "page_url": page_url,
            "town": content["town"],
            "feed_url": reverse("careers-organisation-feed", kwargs={"org_code": org_code}),
            **_meta(
                content,
                title=f"{found_vacancy.title} – {content['organisation']['name']}",
                description=(
                    f"{found_vacancy.service.name} at {content['organisation']['name']}: "
                    f"{salary_text(found_vacancy)}. Closing date {closing.day} {closing:%B %Y}."
                ),
            ),
            "job_posting": jsonld.script_element(
                jsonld.job_posting(
                    found_vacancy,
                    url=page_url,
                    town=content["town"],
                    postcode=content["postcode"],
                    website=content["website"],
                )
            ),
        },
    )


@cached_public_page
def index(request: HttpRequest) -> HttpResponse:
    """Every council's live vacancies: the page of a regional partnership's deployment."""
    sites = list(selectors.public_site_list())
    vacancies = _by_organisation(list(selectors.public_vacancy_list(today=timezone.localdate())))
    councils: list[dict[str, Any]] = [
        {
            "site": site,
            "url": reverse("careers-organisation", kwargs={"org_code": site.organisation.la_code}),
            "vacancies": vacancies.get(site.organisation_id, []),
        }
        for site in sites
    ]
    return render(
        request,
        "careers/public/index.html",
        {
            "councils": councils,
            "vacancy_count": sum(len(c["vacancies"]) for c in councils),
            "page_url": request.build_absolute_uri(request.path),
            "feed_url": reverse("careers-index-feed"),
            "og_title": "Social work vacancies",
            "og_description": "Live social work vacancies at every council on this service.",
            "site_name": "Workforce Health",
            "feed_title": "Social work vacancies",
        },
    )


def _by_organisation(vacancies: list[Vacancy]) -> dict[int, list[Vacancy]]:
    grouped: dict[int, list[Vacancy]] = {}
    for v in vacancies:
        grouped.setdefault(v.organisation_id, []).append(v)
    return grouped
