"""Secondments: the list, the census treatment's effect on vacancy and turnover, and records."""

from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from workforce_health.core.models import Employment, Membership
from workforce_health.core.permissions import Capability, requires
from workforce_health.core.scope import Scope
from workforce_health.development import frames, selectors, services
from workforce_health.development.forms.secondments import SecondmentForm
from workforce_health.development.tables import secondment_effect_table
from workforce_health.development.views._common import (
    can,
    found,
    save_or_add_errors,
    today,
    viewer,
)
from workforce_health.staffing.selectors import latest_complete_year


@requires(Capability.VIEW_DEVELOPMENT)
def secondments(request: HttpRequest) -> HttpResponse:
    membership = viewer(request)
    scope = Scope.of(membership)
    latest = latest_complete_year(today())
    asked = request.GET.get("year", "")
    year = int(asked) if asked.isdigit() and 2017 <= int(asked) <= latest + 1 else latest
    effect = frames.secondment_effect(scope=scope, year=year)
    return render(
        request,
        "development/secondments.html",
        {
            "secondments": selectors.secondment_list(scope=scope),
            "table": secondment_effect_table(effect),
            "effect": effect,
            "year": year,
            "years": list(range(latest + 1, latest - 5, -1)),
            "can_record": can(membership, Capability.RECORD_DEVELOPMENT),
        },
    )


def _form(request: HttpRequest, membership: Membership, **kwargs: Any) -> SecondmentForm:
    posts = (
        Employment.objects.filter(
            person__in=selectors.person_choice_list(scope=Scope.of(membership)),
            contract_type__in=(
                Employment.ContractType.PERMANENT,
                Employment.ContractType.TEMPORARY,
            ),
        )
        .select_related("person", "team")
        .order_by("person__family_name", "person__given_name")
    )
    return SecondmentForm(
        request.POST or None,
        posts=posts,
        teams=selectors.team_all_list(organisation=membership.organisation),
        **kwargs,
    )


@requires(Capability.RECORD_DEVELOPMENT)
def secondment_add(request: HttpRequest) -> HttpResponse:
    membership = viewer(request)
    form = _form(request, membership, initial={"fte": 1, "outcome": "ongoing"})
    if request.method == "POST" and form.is_valid():
        saved = save_or_add_errors(form, lambda: services.secondment_create(**form.cleaned_data))
        if saved is not None:
            messages.success(request, f"Secondment of {saved.person.full_name} saved")
            return redirect("development-secondments")
    return render(request, "development/secondment_form.html", {"form": form})


@requires(Capability.RECORD_DEVELOPMENT)
def secondment_edit(request: HttpRequest, secondment_id: int) -> HttpResponse:
    membership = viewer(request)
    scope = Scope.of(membership)
    item = found(selectors.secondment_get(scope=scope, secondment_id=secondment_id))
    initial = {name: getattr(item, name) for name in services.SECONDMENT_FIELDS}
    form = _form(request, membership, initial=initial)
    if request.method == "POST" and form.is_valid():
        saved = save_or_add_errors(
            form, lambda: services.secondment_update(secondment=item, **form.cleaned_data)
        )
        if saved is not None:
            messages.success(request, f"Secondment of {item.person.full_name} saved")
            return redirect("development-secondments")
    return render(request, "development/secondment_form.html", {"form": form, "secondment": item})
