"""Layout context for every page: organisation name and the menu for the user's role."""

from django.http import HttpRequest
from django.urls import reverse

from workforce_health.core.anonymous_paths import is_anonymous_path
from workforce_health.core.navigation import current_item, menu_for


def layout(request: HttpRequest) -> dict[str, object]:
    membership = getattr(request, "membership", None)
    nav_items = []
    switch_url = None
    if request.user.is_authenticated and membership is not None:
        items = menu_for(membership)
        current = current_item(items, request.path)
        nav_items = [
            {
                "text": item.text,
                "href": item.href,
                "active": item is current,
                "current": item is current and item.href == request.path,
            }
            for item in items
        ]
        if membership.user.memberships.count() > 1:
            switch_url = reverse("organisation-switch")
    elif request.user.is_authenticated:
        nav_items = [{"text": "Home", "href": reverse("home"), "active": request.path == "/"}]
    return {
        "current_organisation": membership.organisation if membership else None,
        "current_membership": membership,
        "nav_items": nav_items,
        "organisation_switch_url": switch_url,
        # "Tell your administrator" is for staff: not for respondents or the public.
        "show_phase_banner": request.user.is_authenticated and not is_anonymous_path(request.path),
    }
