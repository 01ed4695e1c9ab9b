"""Routes of the employer standards self-assessment: drafts need EDIT_REPORTS (administrator,
workforce lead); raising an action from a gap needs MANAGE_LISTENING too; published versions
need VIEW_PUBLISHED_REPORTS (those two and scrutiny members)."""

from tests.route_expectations import EDITORS, Role
from tests.route_expectations.reports import _report
from workforce_health.assessments import services

READERS = EDITORS | {Role.SCRUTINY_MEMBER}


def _assessment(council):
    """A self-assessment of the test council's children's service and its first version."""
    if not hasattr(council, "self_assessment"):
        _report(council)  # the report's survey waves and staff records, made once
        council.self_assessment = services.assessment_create(
            organisation=council.organisation,
            service=council.children,
            year=council.wave.opens_on.year,
        )
        council.self_assessment_version = services.assessment_publish(
            assessment=council.self_assessment, published_by=None
        )
    return council.self_assessment


EXPECTED = {
    "self-assessment-list": EDITORS,
    "self-assessment-create": EDITORS,
    "self-assessment-scale": EDITORS,
    "self-assessment": EDITORS,
    "self-assessment-rate": EDITORS,
    "self-assessment-action": EDITORS,
    "self-assessment-publish": EDITORS,
    "self-assessment-draft-download": EDITORS,
    "self-assessment-ofsted": EDITORS,
    "self-assessment-ofsted-download": EDITORS,
    "self-assessment-region": EDITORS,
    "self-assessment-version": READERS,
    "self-assessment-version-download": READERS,
}
ARGUMENTS = {
    "assessment_id": lambda council: _assessment(council).pk,
    "standard_code": lambda council: "s5",
    "assessment_version_id": lambda council: (
        (
            _assessment(council),
            council.self_assessment_version,
        )[1].pk
    ),
}
