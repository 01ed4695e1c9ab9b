"""Layout context for every page: organisation name and the menu for the user's role."""

from django.http import HttpRequest
from django.urls import reverse

from workforce_health.core.anonymous_paths import is_anonymous_path
from workforce_health.core.navigation import current_item, menu_for


def layout(request: HttpRequest) -> dict[str, object]:
    membership = getattr(request, "membership", None)
    # An error page for a request refused before the middleware ran (a bad Host header) has no
    # user: it is laid out as for a visitor, not turned into a server error.
    user = getattr(request, "user", None)
    signed_in = user is not None and user.is_authenticated
    nav_items = []
    switch_url = None
    if signed_in and membership is not None:
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
    elif signed_in:
        nav_items = [{"text": "Home", "href": reverse("home"), "active": request.path == "/"}]
    return {
        "current_organisation": membership.organisation if membership else None,
        "current_membership": membership,
        "nav_items": nav_items,
        "organisation_switch_url": switch_url,
        # "Tell your administrator" is for staff: not for respondents or the public.
        "show_phase_banner": signed_in and not is_anonymous_path(request.path),
    }
