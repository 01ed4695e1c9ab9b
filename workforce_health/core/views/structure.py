"""Organisation structure: services and teams, and editing teams."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from workforce_health.core import selectors, services
from workforce_health.core.forms import TeamForm
from workforce_health.core.models import Team
from workforce_health.core.permissions import Capability, membership_can, requires
from workforce_health.core.view_helpers import (
    found,
    save_or_add_errors,
    save_or_conflict,
    viewer,
)
from workforce_health.web import conflicts


@requires(Capability.VIEW_STRUCTURE)
def structure(request: HttpRequest) -> HttpResponse:
    membership = viewer(request)
    teams = selectors.team_list(viewer=membership)
    service_rows = [
        (service, [team for team in teams if team.service_id == service.pk])
        for service in selectors.service_list(viewer=membership)
    ]
    return render(
        request,
        "core/structure.html",
        {
            "service_rows": service_rows,
            "can_edit": membership_can(membership, Capability.EDIT_STRUCTURE),
        },
    )


@requires(Capability.VIEW_STRUCTURE)
def team_detail(request: HttpRequest, team_id: int) -> HttpResponse:
    membership = viewer(request)
    team = found(selectors.team_get(viewer=membership, team_id=team_id))
    return render(
        request,
        "core/team_detail.html",
        {
            "team": team,
            "members": selectors.team_member_list(team=team),
            "can_edit": membership_can(membership, Capability.EDIT_STRUCTURE),
        },
    )


def _team_form(request: HttpRequest, team: Team | None) -> HttpResponse:
    membership = viewer(request)
    form = TeamForm(request.POST or None, instance=team, organisation=membership.organisation)
    if team is not None:
        conflicts.add_version(form, team.lock_version)
    if request.method == "POST" and form.is_valid():
        version = conflicts.submitted_version(form)
        data = form.cleaned_data
        if team is None:
            saved = save_or_add_errors(
                form, lambda: services.team_create(organisation=membership.organisation, **data)
            )
        else:
            saved = save_or_conflict(
                form, lambda: services.team_update(team=team, version=version, **data), what="team"
            )
        if saved is not None:
            messages.success(request, f"{saved.name} saved")
            return redirect("team-detail", team_id=saved.pk)
    return render(
        request, "core/team_form.html", {"form": form, "team": team}, status=conflicts.status(form)
    )


@requires(Capability.EDIT_STRUCTURE)
def team_create(request: HttpRequest) -> HttpResponse:
    return _team_form(request, None)


@requires(Capability.EDIT_STRUCTURE)
def team_edit(request: HttpRequest, team_id: int) -> HttpResponse:
    return _team_form(request, found(selectors.team_get(viewer=viewer(request), team_id=team_id)))
