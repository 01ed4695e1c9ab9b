"""Layout context for every page: organisation name and navigation for the user's role."""

from django.http import HttpRequest
from django.urls import reverse

from workforce_health.core.permissions import Capability, membership_can


def layout(request: HttpRequest) -> dict[str, object]:
    membership = getattr(request, "membership", None)
    items: list[tuple[str, str, Capability | None]] = [("Home", reverse("home"), None)]
    if membership is not None:
        items += [
            ("Organisation", reverse("structure"), Capability.VIEW_STRUCTURE),
            ("People", reverse("person-list"), Capability.VIEW_STRUCTURE),
            ("Workforce", reverse("workforce-overview"), Capability.VIEW_WORKFORCE_MEASURES),
            ("Staff surveys", reverse("survey-wave-list"), Capability.MANAGE_SURVEYS),
            ("Survey results", reverse("survey-results-index"), Capability.VIEW_SURVEY_RESULTS),
            ("Census and HR data", reverse("census-index"), Capability.EDIT_STRUCTURE),
            ("Benchmarks", reverse("benchmark-data"), Capability.MANAGE_BENCHMARKS),
            ("Scrutiny reports", reverse("report-list"), Capability.VIEW_PUBLISHED_REPORTS),
            ("Self-assessment", reverse("self-assessment-list"), Capability.EDIT_REPORTS),
            ("Sign-in settings", reverse("sign-in-settings"), Capability.MANAGE_SIGN_IN),
            ("Audit trail", reverse("audit-list"), Capability.VIEW_AUDIT),
            ("Careers", reverse("careers-manage"), Capability.MANAGE_CAREERS),
            ("Listening", reverse("listening-home"), Capability.LISTENING_STAFF),
            ("Development", reverse("development-index"), Capability.VIEW_DEVELOPMENT),
        ]
        if membership.person_id:
            items.append(("My record", reverse("my-record"), Capability.VIEW_OWN_RECORD))
            if not membership_can(membership, Capability.VIEW_DEVELOPMENT):
                items.append(
                    ("My development", reverse("development-mine"), Capability.VIEW_OWN_RECORD)
                )
        if membership.user.memberships.count() > 1:
            items.append(("Switch organisation", reverse("organisation-switch"), None))
    nav_items = []
    if request.user.is_authenticated:
        shown = [
            (text, href)
            for text, href, capability in items
            if capability is None or membership_can(membership, capability)
        ]
        # The current section is the longest link the path starts with (/surveys/results/
        # is "Survey results", not "Staff surveys").
        matches = [href for _, href in shown if request.path.startswith(href) and href != "/"]
        current = max(matches, key=len) if matches else ("/" if request.path == "/" else None)
        nav_items = [{"text": t, "href": h, "active": h == current} for t, h in shown]
    return {
        "current_organisation": membership.organisation if membership else None,
        "current_membership": membership,
        "nav_items": nav_items,
    }
