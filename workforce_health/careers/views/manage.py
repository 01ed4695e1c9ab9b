"""The workforce lead's careers pages: the overview, the page's details, preview, publish."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone

from workforce_health.careers import dashboard, pages, selectors, services
from workforce_health.careers.content import Content, content_build
from workforce_health.careers.facts import Unavailable
from workforce_health.careers.forms import CareersSiteForm
from workforce_health.careers.models import CareersSite
from workforce_health.careers.views import public
from workforce_health.core.permissions import Capability, membership_can, requires
from workforce_health.core.scope import Scope
from workforce_health.core.view_helpers import found, save_or_add_errors, viewer


@requires(Capability.MANAGE_CAREERS)
def overview(request: HttpRequest) -> HttpResponse:
    membership = viewer(request)
    scope = Scope.of(membership)
    site = selectors.site_get(scope=scope)
    offers = selectors.offer_list(scope=scope)
    vacancies = list(selectors.vacancy_list(scope=scope))
    today = timezone.localdate()
    return render(
        request,
        "careers/manage/overview.html",
        {
            "site": site,
            "publication": selectors.publication_latest(organisation=membership.organisation),
            "offers": offers,
            "live_vacancies": sum(v.is_live_on(today) for v in vacancies),
            "vacancies": len(vacancies),
            "measures": [
                dashboard.service_measures(service=entry.service, today=today) for entry in offers
            ],
            "can_see_agency": membership_can(membership, Capability.MANAGE_AGENCY_COMPLIANCE),
        },
    )


@requires(Capability.MANAGE_CAREERS)
def site_edit(request: HttpRequest) -> HttpResponse:
    membership = viewer(request)
    scope = Scope.of(membership)
    site = selectors.site_get(scope=scope)
    form = CareersSiteForm(request.POST or None, instance=site)
    form.instance.organisation = membership.organisation
    if request.method == "POST" and form.is_valid():
        saved = save_or_add_errors(
            form,
            lambda: services.careers_site_save(
                organisation=membership.organisation, **form.cleaned_data
            ),
        )
        if saved is not None:
            messages.success(request, "Careers page details saved: publish to show them")
            return redirect("careers-manage")
    return render(request, "careers/manage/site_form.html", {"form": form})


def _no_site(request: HttpRequest) -> HttpResponse:
    """What preview and publish say before the page's details are written."""
    return render(request, "careers/manage/no_site.html")


def _preview_content(
    site: CareersSite,
) -> tuple[Content, dict[int, list[Unavailable]]]:
    return content_build(site=site, today=timezone.localdate())


@requires(Capability.MANAGE_CAREERS)
def preview(request: HttpRequest) -> HttpResponse:
    """The organisation's page as it would be published now, with the chosen facts the data
    do not support listed for the lead."""
    site = selectors.site_get(scope=Scope.of(viewer(request)))
    if site is None:
        return _no_site(request)
    content, unavailable = _preview_content(site)
    context = public.organisation_context(
        request, site, content, pages.preview_service_url, preview=True
    )
    for service in context["services"]:
        service.unavailable = unavailable.get(service.service_id, [])
    return render(request, "careers/public/organisation.html", context)


@requires(Capability.MANAGE_CAREERS)
def preview_service(request: HttpRequest, service_id: int) -> HttpResponse:
    site = found(selectors.site_get(scope=Scope.of(viewer(request))))
    content, unavailable = _preview_content(site)
    views = pages.service_views(
        content, service_url=pages.preview_service_url, unavailable=unavailable
    )
    chosen = found(next((s for s in views if s.service_id == service_id), None))
    context = public.service_context(request, site, content, chosen, preview=True)
    context["organisation_url"] = reverse("careers-preview")
    return render(request, "careers/public/service.html", context)


@requires(Capability.MANAGE_CAREERS)
def publish(request: HttpRequest) -> HttpResponse:
    """Confirm, then publish the page as the preview shows it."""
    site = selectors.site_get(scope=Scope.of(viewer(request)))
    if site is None:
        return _no_site(request)
    if request.method != "POST":
        return render(request, "careers/manage/publish.html", {"site": site})
    try:
        services.careers_publish(site=site, user=request.user)  # type: ignore[arg-type]
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("careers-manage")
    messages.success(request, "The careers page is published")
    return redirect("careers-manage")


@requires(Capability.MANAGE_CAREERS)
def unpublish(request: HttpRequest) -> HttpResponse:
    site = selectors.site_get(scope=Scope.of(viewer(request)))
    if site is None:
        return _no_site(request)
    if request.method != "POST":
        return render(request, "careers/manage/unpublish.html", {"site": site})
    services.careers_unpublish(site=site)
    messages.success(request, "The careers page and its vacancies are no longer on the web")
    return redirect("careers-manage")
