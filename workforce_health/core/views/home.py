from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from workforce_health.core import selectors
from workforce_health.core.permissions import Capability, membership_can, requires_membership
from workforce_health.core.view_helpers import viewer


@requires_membership
def home(request: HttpRequest) -> HttpResponse:
    membership = viewer(request)
    context: dict[str, object] = {
        "membership": membership,
        "summary": selectors.organisation_summary(organisation=membership.organisation),
        "can_view_structure": membership_can(membership, Capability.VIEW_STRUCTURE),
        "can_edit_structure": membership_can(membership, Capability.EDIT_STRUCTURE),
        "can_view_reports": membership_can(membership, Capability.VIEW_PUBLISHED_REPORTS),
    }
    if context["can_view_structure"]:
        context["teams"] = selectors.team_list(viewer=membership)
    return render(request, "core/home.html", context)
