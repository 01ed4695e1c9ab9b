"""A service's offer: its text, pay bands, payments and benefits, and the facts to show."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from workforce_health.careers import selectors, services
from workforce_health.careers.facts import FACT_BUILDERS, fact_explanations
from workforce_health.careers.forms import FactsForm, OfferForm, OfferItemForm, PayBandForm
from workforce_health.careers.models import OfferItem, PayBand, ServiceOffer
from workforce_health.core.permissions import Capability, requires
from workforce_health.core.scope import Scope
from workforce_health.core.view_helpers import found, save_or_add_errors, viewer


def _offer(request: HttpRequest, service_id: int) -> ServiceOffer:
    return found(selectors.offer_get(scope=Scope.of(viewer(request)), service_id=service_id))


@requires(Capability.MANAGE_CAREERS)
def offer_detail(request: HttpRequest, service_id: int) -> HttpResponse:
    membership = viewer(request)
    scope = Scope.of(membership)
    service = found(selectors.service_get(scope=scope, service_id=service_id))
    offer = selectors.offer_get(scope=scope, service_id=service_id)
    chosen = set(offer.facts) if offer else set()
    return render(
        request,
        "careers/manage/offer.html",
        {
            "service": service,
            "offer": offer,
            "facts": [b for b in FACT_BUILDERS if b.kind in chosen],
            "incentives": selectors.council_incentives_get(organisation=membership.organisation),
        },
    )


@require_POST
@requires(Capability.MANAGE_CAREERS)
def offer_start(request: HttpRequest, service_id: int) -> HttpResponse:
    membership = viewer(request)
    scope = Scope.of(membership)
    service = found(selectors.service_get(scope=scope, service_id=service_id))
    if selectors.offer_get(scope=scope, service_id=service_id) is None:
        offer = services.offer_start(service=service)
        added = offer.items.count()
        messages.success(
            request,
            f"Offer started for {service.name}"
            + (f": {added} items added from the census return" if added else ""),
        )
    return redirect("careers-offer", service_id=service_id)


@requires(Capability.MANAGE_CAREERS)
def offer_edit(request: HttpRequest, service_id: int) -> HttpResponse:
    offer = _offer(request, service_id)
    form = OfferForm(request.POST or None, instance=offer)
    if request.method == "POST" and form.is_valid():
        saved = save_or_add_errors(
            form, lambda: services.offer_update(offer=offer, **form.cleaned_data)
        )
        if saved is not None:
            messages.success(request, f"Offer for {offer.service.name} saved")
            return redirect("careers-offer", service_id=service_id)
    return render(request, "careers/manage/offer_form.html", {"form": form, "offer": offer})


@requires(Capability.MANAGE_CAREERS)
def offer_facts(request: HttpRequest, service_id: int) -> HttpResponse:
    offer = _offer(request, service_id)
    form = FactsForm(request.POST or None, initial={"facts": offer.facts})
    if request.method == "POST" and form.is_valid():
        saved = save_or_add_errors(
            form, lambda: services.offer_facts_choose(offer=offer, kinds=form.cleaned_data["facts"])
        )
        if saved is not None:
            messages.success(
                request, "Facts chosen: preview the page to see which the data support"
            )
            return redirect("careers-offer", service_id=service_id)
    return render(
        request,
        "careers/manage/facts_form.html",
        {"form": form, "offer": offer, "explanations": fact_explanations()},
    )


@require_POST
@requires(Capability.MANAGE_CAREERS)
def offer_prefill(request: HttpRequest, service_id: int) -> HttpResponse:
    offer = _offer(request, service_id)
    added = services.offer_prefill_from_census(offer=offer)
    messages.success(
        request,
        f"{added} items added from the census return" if added else "Nothing new to add",
    )
    return redirect("careers-offer", service_id=service_id)


def _pay_band_form(request: HttpRequest, offer: ServiceOffer, band: PayBand | None) -> HttpResponse:
    form = PayBandForm(request.POST or None, instance=band)
    form.instance.offer = offer
    if request.method == "POST" and form.is_valid():
        saved = save_or_add_errors(
            form,
            lambda: services.pay_band_save(offer=offer, pay_band=band, **form.cleaned_data),
        )
        if saved is not None:
            messages.success(request, f"Pay band for {saved.label} saved")
            return redirect("careers-offer", service_id=offer.service_id)
    return render(
        request, "careers/manage/pay_band_form.html", {"form": form, "offer": offer, "band": band}
    )


@requires(Capability.MANAGE_CAREERS)
def pay_band_add(request: HttpRequest, service_id: int) -> HttpResponse:
    return _pay_band_form(request, _offer(request, service_id), None)


@requires(Capability.MANAGE_CAREERS)
def pay_band_edit(request: HttpRequest, pay_band_id: int) -> HttpResponse:
    band = found(selectors.pay_band_get(scope=Scope.of(viewer(request)), pay_band_id=pay_band_id))
    return _pay_band_form(request, band.offer, band)


@requires(Capability.MANAGE_CAREERS)
def pay_band_delete(request: HttpRequest, pay_band_id: int) -> HttpResponse:
    band = found(selectors.pay_band_get(scope=Scope.of(viewer(request)), pay_band_id=pay_band_id))
    back = reverse("careers-offer", kwargs={"service_id": band.offer.service_id})
    if request.method != "POST":
        return confirm_remove(request, f"the pay band for {band.label}", back)
    services.pay_band_delete(pay_band=band)
    messages.success(request, f"Pay band for {band.label} removed")
    return redirect(back)


def _item_form(request: HttpRequest, offer: ServiceOffer, item: OfferItem | None) -> HttpResponse:
    form = OfferItemForm(request.POST or None, instance=item)
    form.instance.offer = offer
    if request.method == "POST" and form.is_valid():
        saved = save_or_add_errors(
            form, lambda: services.offer_item_save(offer=offer, item=item, **form.cleaned_data)
        )
        if saved is not None:
            messages.success(request, f"{saved.title} saved")
            return redirect("careers-offer", service_id=offer.service_id)
    return render(
        request, "careers/manage/item_form.html", {"form": form, "offer": offer, "item": item}
    )


@requires(Capability.MANAGE_CAREERS)
def item_add(request: HttpRequest, service_id: int) -> HttpResponse:
    return _item_form(request, _offer(request, service_id), None)


@requires(Capability.MANAGE_CAREERS)
def item_edit(request: HttpRequest, item_id: int) -> HttpResponse:
    item = found(selectors.offer_item_get(scope=Scope.of(viewer(request)), item_id=item_id))
    return _item_form(request, item.offer, item)


@requires(Capability.MANAGE_CAREERS)
def item_delete(request: HttpRequest, item_id: int) -> HttpResponse:
    item = found(selectors.offer_item_get(scope=Scope.of(viewer(request)), item_id=item_id))
    back = reverse("careers-offer", kwargs={"service_id": item.offer.service_id})
    if request.method != "POST":
        return confirm_remove(request, f"“{item.title}”", back)
    services.offer_item_delete(item=item)
    messages.success(request, f"{item.title} removed")
    return redirect(back)


def confirm_remove(request: HttpRequest, what: str, back: str) -> HttpResponse:
    """The page asking the lead to confirm removing something (GOV.UK: a warning button)."""
    return render(request, "careers/manage/confirm_remove.html", {"what": what, "back": back})
