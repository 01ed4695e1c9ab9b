"""A menu section's page: the links in that section the member may open, with what each is for."""

from collections.abc import Callable

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from workforce_health.core.navigation import Section
from workforce_health.core.permissions import requires_membership
from workforce_health.core.view_helpers import viewer


def section_page(section: Section) -> Callable[[HttpRequest], HttpResponse]:
    """The view of one section's page: 403 for a member who may open none of its links."""

    @requires_membership
    def view(request: HttpRequest) -> HttpResponse:
        links = section.links_for(viewer(request))
        if not links:
            raise PermissionDenied
        return render(request, "core/section.html", {"section": section, "links": links})

    view.__name__ = f"section_{section.key}"
    return view
