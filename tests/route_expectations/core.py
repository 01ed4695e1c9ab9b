"""Routes of the core and web apps."""

from tests.route_expectations import (
    ALL_ROLES,
    EDITORS,
    POST_ONLY,
    PUBLIC,
    STRUCTURE_VIEWERS,
    Role,
)

EXPECTED = {
    "accessibility": PUBLIC,
    "sign-out": POST_ONLY,
    "home": ALL_ROLES,
    "organisation-switch": ALL_ROLES,
    "structure": STRUCTURE_VIEWERS,
    "team-detail": STRUCTURE_VIEWERS,
    "team-create": EDITORS,
    "team-edit": EDITORS,
    "person-list": STRUCTURE_VIEWERS,
    "person-detail": STRUCTURE_VIEWERS,
    "person-create": EDITORS,
    "person-edit": EDITORS,
    "employment-create": EDITORS,
    "employment-edit": EDITORS,
    "my-record": frozenset({Role.TEAM_MANAGER, Role.PRACTITIONER}),
    # The menu's section pages (core/navigation.py): for those who may open one of their links.
    "section-people": STRUCTURE_VIEWERS,
    "section-workforce": STRUCTURE_VIEWERS,
    "section-surveys": STRUCTURE_VIEWERS | {Role.PRACTITIONER},  # listening is for all staff
    "section-reports": frozenset({Role.ADMINISTRATOR, Role.WORKFORCE_LEAD, Role.SCRUTINY_MEMBER}),
    "section-settings": frozenset({Role.ADMINISTRATOR}),
    "section-me": frozenset({Role.TEAM_MANAGER, Role.PRACTITIONER}),  # those with a record
}
# Roles with the capability but no linked staff record: "not found", not "refused".
NOT_FOUND = {"my-record": {Role.ADMINISTRATOR, Role.WORKFORCE_LEAD, Role.SERVICE_MANAGER}}
ARGUMENTS = {
    "team_id": lambda council: council.assessment.pk,
    "person_id": lambda council: council.social_worker.pk,
    "employment_id": lambda council: council.social_worker.employments.get().pk,
}
