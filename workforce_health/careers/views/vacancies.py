"""Vacancies: add (on their own or from a vacancy record), change, publish, withdraw, remove."""

from __future__ import annotations

import math
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from workforce_health.careers import selectors, services
from workforce_health.careers.forms import VacancyForm
from workforce_health.careers.models import Vacancy
from workforce_health.careers.pages import vacancy_status
from workforce_health.careers.views.offer import confirm_remove
from workforce_health.core.permissions import Capability, requires
from workforce_health.core.scope import Scope
from workforce_health.core.view_helpers import found, save_or_add_errors, viewer


@requires(Capability.MANAGE_CAREERS)
def vacancy_list(request: HttpRequest) -> HttpResponse:
    membership = viewer(request)
    scope = Scope.of(membership)
    today = timezone.localdate()
    vacancies = list(selectors.vacancy_list(scope=scope))
    site = selectors.site_get(scope=scope)
    return render(
        request,
        "careers/manage/vacancies.html",
        {
            "rows": [(v, vacancy_status(v, today)) for v in vacancies],
            "records": selectors.vacancy_record_list(scope=scope),
            "site": site,
        },
    )


def _initial(request: HttpRequest) -> tuple[dict[str, Any], Any]:
    """Values to start a vacancy from: a vacancy record (``?record=``) and the site's link."""
    membership = viewer(request)
    scope = Scope.of(membership)
    site = selectors.site_get(scope=scope)
    initial: dict[str, Any] = {"opened_on": timezone.localdate(), "posts": 1}
    if site and site.recruitment_site:
        initial["apply_url"] = site.recruitment_site
    record = None
    record_id = request.GET.get("record", "")
    if record_id.isdigit():
        record = found(selectors.vacancy_record_get(scope=scope, record_id=int(record_id)))
        initial["opened_on"] = record.date
        initial["posts"] = max(1, math.ceil(record.vacancy_fte))
        if record.team is not None:
            initial["team"] = record.team.pk
            initial["service"] = record.team.service_id
        elif record.service is not None:
            initial["service"] = record.service.pk
    return initial, record


def _form(request: HttpRequest, vacancy: Vacancy | None) -> HttpResponse:
    membership = viewer(request)
    scope = Scope.of(membership)
    initial, record = _initial(request) if vacancy is None else ({}, None)
    form = VacancyForm(
        request.POST or None,
        instance=vacancy,
        initial=initial,
        organisation=membership.organisation,
        teams=selectors.team_choices(scope=scope),
    )
    if request.method == "POST" and form.is_valid():
        fields = dict(form.cleaned_data)
        if record is not None:
            fields["source_record"] = record
        saved = save_or_add_errors(
            form,
            lambda: services.vacancy_save(
                organisation=membership.organisation, vacancy=vacancy, **fields
            ),
        )
        if saved is not None:
            messages.success(request, f"{saved.title} saved")
            return redirect("careers-vacancy-edit", vacancy_id=saved.pk)
    return render(
        request,
        "careers/manage/vacancy_form.html",
        {
            "form": form,
            "vacancy": vacancy,
            "record": record,
            "status": vacancy_status(vacancy, timezone.localdate()) if vacancy else None,
            "public_url": (
                reverse(
                    "careers-vacancy",
                    kwargs={"org_code": membership.organisation.la_code, "vacancy_id": vacancy.pk},
                )
                if vacancy and vacancy.is_live_on(timezone.localdate())
                else None
            ),
        },
    )


@requires(Capability.MANAGE_CAREERS)
def vacancy_add(request: HttpRequest) -> HttpResponse:
    return _form(request, None)


@requires(Capability.MANAGE_CAREERS)
def vacancy_edit(request: HttpRequest, vacancy_id: int) -> HttpResponse:
    return _form(
        request,
        found(selectors.vacancy_get(scope=Scope.of(viewer(request)), vacancy_id=vacancy_id)),
    )


@require_POST
@requires(Capability.MANAGE_CAREERS)
def vacancy_publish(request: HttpRequest, vacancy_id: int) -> HttpResponse:
    vacancy = found(selectors.vacancy_get(scope=Scope.of(viewer(request)), vacancy_id=vacancy_id))
    try:
        services.vacancy_publish(vacancy=vacancy)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, f"{vacancy.title} is advertised on the careers page")
    return redirect("careers-vacancy-edit", vacancy_id=vacancy.pk)


@require_POST
@requires(Capability.MANAGE_CAREERS)
def vacancy_unpublish(request: HttpRequest, vacancy_id: int) -> HttpResponse:
    vacancy = found(selectors.vacancy_get(scope=Scope.of(viewer(request)), vacancy_id=vacancy_id))
    services.vacancy_unpublish(vacancy=vacancy)
    messages.success(request, f"{vacancy.title} is no longer advertised")
    return redirect("careers-vacancy-edit", vacancy_id=vacancy.pk)


@requires(Capability.MANAGE_CAREERS)
def vacancy_delete(request: HttpRequest, vacancy_id: int) -> HttpResponse:
    vacancy = found(selectors.vacancy_get(scope=Scope.of(viewer(request)), vacancy_id=vacancy_id))
    if request.method != "POST":
        return confirm_remove(
            request, f"the vacancy “{vacancy.title}”", reverse("careers-vacancy-list")
        )
    services.vacancy_delete(vacancy=vacancy)
    messages.success(request, f"{vacancy.title} removed")
    return redirect("careers-vacancy-list")
