"""The menu: a few sections for every role, each page reachable, the current one marked."""

import pytest
from django.test import RequestFactory
from django.urls import reverse

from workforce_health.core import services
from workforce_health.core.context_processors import layout
from workforce_health.core.models import Membership
from workforce_health.core.navigation import SECTIONS, current_item, menu_for

pytestmark = pytest.mark.django_db
Role = Membership.Role


def _membership(council, role: str) -> Membership:
    return council.users[role].memberships.get()


def _menu(council, role: str) -> list[str]:
    return [item.text for item in menu_for(_membership(council, role))]


def test_each_role_sees_at_most_seven_items(council):
    assert _menu(council, Role.ADMINISTRATOR) == [
        "Home",
        "People",
        "Workforce",
        "Surveys and listening",
        "Reports",
        "Settings",
    ]
    assert _menu(council, Role.SERVICE_MANAGER) == [
        "Home",
        "People",
        "Workforce dashboard",
        "Surveys and listening",
    ]
    assert _menu(council, Role.PRACTITIONER) == ["Home", "Listening", "My record"]
    assert _menu(council, Role.SCRUTINY_MEMBER) == ["Home", "Scrutiny reports"]
    assert all(len(_menu(council, role)) <= 7 for role in Role.values)


def test_every_page_a_member_may_open_is_in_the_menu_or_a_section(council):
    for role in Role.values:
        membership = _membership(council, role)
        reachable = {href for item in menu_for(membership) for href in item.hrefs}
        for section in SECTIONS:
            for link in section.links_for(membership):
                assert reverse(link.url_name) in reachable, (role, link.text)


def test_the_current_item_is_the_longest_address_the_path_starts_with(council):
    items = menu_for(_membership(council, Role.WORKFORCE_LEAD))

    def current(path: str) -> str | None:
        item = current_item(items, path)
        return item.text if item else None

    assert current("/") == "Home"
    assert current(reverse("survey-results-index") + "x/") == "Surveys and listening"
    assert current(reverse("person-list")) == "People"
    assert current("/accessibility/") is None


def test_switch_organisation_is_beside_the_account_not_in_the_menu(council, other_council):
    user = council.users[Role.WORKFORCE_LEAD]
    lead = _membership(council, Role.WORKFORCE_LEAD)
    services.membership_create(
        user=user, organisation=other_council.organisation, role=Role.PRACTITIONER
    )
    request = RequestFactory().get("/")
    request.user = user
    request.membership = lead  # type: ignore[attr-defined]
    context = layout(request)
    assert context["organisation_switch_url"] == reverse("organisation-switch")
    nav_items = context["nav_items"]
    assert isinstance(nav_items, list)
    assert "Switch organisation" not in [item["text"] for item in nav_items]
