"""The menu: a few sections, each a page listing its links, so it stays on one line at 1280 px.

A member sees a section when they may open at least one of its links. A section with one
link for them is that link (its text, its page); with more, it leads to the section's page
(`views/sections.py`), which lists them with what each is for. A new page joins a section
here; a new section is a last resort: the menu has room for seven at 1280 px
(tests/browser/test_navigation.py). Switching organisation is beside the account, not here.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.urls import reverse

from workforce_health.core.models import Membership
from workforce_health.core.permissions import Capability, membership_can


@dataclass(frozen=True)
class Link:
    text: str
    url_name: str
    capability: Capability
    description: str
    # Shown only to members for whom this is true (a member's own record needs a person).
    applies: Callable[[Membership], bool] = lambda membership: True

    def shown_to(self, membership: Membership) -> bool:
        return membership_can(membership, self.capability) and self.applies(membership)


@dataclass(frozen=True)
class Section:
    key: str  # the section page's address: /menu/<key>/
    text: str
    description: str
    links: tuple[Link, ...]

    @property
    def url_name(self) -> str:
        return f"section-{self.key}"

    def links_for(self, membership: Membership) -> list[Link]:
        return [link for link in self.links if link.shown_to(membership)]


def _has_record(membership: Membership) -> bool:
    return membership.person_id is not None


def _has_own_development_only(membership: Membership) -> bool:
    """Whoever sees others' development records finds their own there."""
    return _has_record(membership) and not membership_can(membership, Capability.VIEW_DEVELOPMENT)


SECTIONS: tuple[Section, ...] = (
    Section(
        "people",
        "People",
        "Your organisation's services and teams, its staff and their records.",
        (
            Link(
                "Services and teams",
                "structure",
                Capability.VIEW_STRUCTURE,
                "The services and teams, and who works in each.",
            ),
            Link(
                "Staff records",
                "person-list",
                Capability.VIEW_STRUCTURE,
                "Find a member of staff: their employment, role and working pattern.",
            ),
            Link(
                "Census and HR data",
                "census-index",
                Capability.EDIT_STRUCTURE,
                "Import a DfE workforce census return or an HR extract, and export the return.",
            ),
            Link(
                "Development records",
                "development-index",
                Capability.VIEW_DEVELOPMENT,
                "Supervision, CPD, the ASYE and secondments of the staff in your care.",
            ),
        ),
    ),
    Section(
        "workforce",
        "Workforce",
        "Recruitment and retention: the DfE workforce measures, benchmarks and careers.",
        (
            Link(
                "Workforce dashboard",
                "workforce-overview",
                Capability.VIEW_WORKFORCE_MEASURES,
                "Turnover, vacancies, agency use, absence and caseloads, with their trends.",
            ),
            Link(
                "Benchmarks",
                "benchmark-data",
                Capability.MANAGE_BENCHMARKS,
                "The DfE's published figures you compare with, and your comparator councils.",
            ),
            Link(
                "Careers",
                "careers-manage",
                Capability.MANAGE_CAREERS,
                "Your careers offer, vacancies, public careers page and agency compliance.",
            ),
        ),
    ),
    Section(
        "surveys",
        "Surveys and listening",
        "The Health Check surveys of staff wellbeing, their results, and listening between them.",
        (
            Link(
                "Survey waves",
                "survey-wave-list",
                Capability.MANAGE_SURVEYS,
                "Prepare, open and close a survey, and see how many have answered.",
            ),
            Link(
                "Survey results",
                "survey-results-index",
                Capability.VIEW_SURVEY_RESULTS,
                "What staff said: standards, items, groups and changes between years.",
            ),
            Link(
                "Listening",
                "listening-home",
                Capability.LISTENING_STAFF,
                "You said, we did; writing to leaders anonymously; sessions, actions and pulses.",
            ),
        ),
    ),
    Section(
        "reports",
        "Reports",
        "Reports to the scrutiny panel, and the employer standards self-assessment.",
        (
            Link(
                "Scrutiny reports",
                "report-list",
                Capability.VIEW_PUBLISHED_REPORTS,
                "Published reports, and drafts in preparation.",
            ),
            Link(
                "Employer self-assessment",
                "self-assessment-list",
                Capability.EDIT_REPORTS,
                "The eight employer standards rated against the evidence and what staff said, "
                "and the Ofsted workforce summary.",
            ),
        ),
    ),
    Section(
        "settings",
        "Settings",
        "Who may sign in and how, and the record of changes and of who viewed what.",
        (
            Link(
                "Sign-in settings",
                "sign-in-settings",
                Capability.MANAGE_SIGN_IN,
                "Microsoft sign-in, two-factor authentication and locked sign-ins.",
            ),
            Link(
                "Audit trail",
                "audit-list",
                Capability.VIEW_AUDIT,
                "Every change to a record, and every view of a person's record.",
            ),
        ),
    ),
    Section(
        "me",
        "My record",
        "Your own staff record.",
        (
            Link(
                "My record",
                "my-record",
                Capability.VIEW_OWN_RECORD,
                "Your staff record and employment history.",
                applies=_has_record,
            ),
            Link(
                "My development",
                "development-mine",
                Capability.VIEW_OWN_RECORD,
                "Your supervision, CPD and ASYE records.",
                applies=_has_own_development_only,
            ),
        ),
    ),
)


@dataclass(frozen=True)
class MenuItem:
    text: str
    href: str
    section: Section | None  # None: Home
    hrefs: tuple[str, ...]  # every address under this item, for which item is current


def menu_for(membership: Membership) -> list[MenuItem]:
    """The sections the member may open, after Home."""
    items = [MenuItem("Home", reverse("home"), None, ())]
    for section in SECTIONS:
        links = section.links_for(membership)
        if not links:
            continue
        hub = reverse(section.url_name)
        hrefs = (hub, *(reverse(link.url_name) for link in links))
        if len(links) == 1:  # straight to the one page, by its own name
            items.append(MenuItem(links[0].text, hrefs[1], section, hrefs))
        else:
            items.append(MenuItem(section.text, hub, section, hrefs))
    return items


def current_item(items: list[MenuItem], path: str) -> MenuItem | None:
    """The item whose address is the longest start of ``path`` (/surveys/results/ is under
    the results link, not /surveys/); Home only on the home page."""
    if path == reverse("home"):
        return items[0]
    matches = [(len(href), item) for item in items for href in item.hrefs if path.startswith(href)]
    return max(matches, key=lambda match: match[0])[1] if matches else None
