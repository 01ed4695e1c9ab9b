"""Routes of scrutiny reports: drafts need EDIT_REPORTS (administrator, workforce lead);
published versions need VIEW_PUBLISHED_REPORTS (those two and scrutiny members)."""

from tests.reports import helpers
from tests.route_expectations import EDITORS, Role
from workforce_health.reports import services

READERS = EDITORS | {Role.SCRUTINY_MEMBER}


def _report(council):
    """A draft on the test council's data and its first published version, made once."""
    if not hasattr(council, "report"):
        helpers.reported(council)
        council.report = services.report_create(
            organisation=council.organisation,
            meeting_date=helpers.MEETING,
            services=[council.children],
        )
        council.report_version = services.report_publish(report=council.report, published_by=None)
    return council.report


EXPECTED = {
    "report-list": READERS,
    "report-create": EDITORS,
    "report-edit": EDITORS,
    "report-preview": EDITORS,
    "report-preview-download": EDITORS,
    # A GET shows what publishing does (like opening a survey wave); publishing is a POST.
    "report-publish": EDITORS,
    "report-version": READERS,
    "report-version-download": READERS,
}
ARGUMENTS = {
    "report_id": lambda council: _report(council).pk,
    "version_id": lambda council: (_report(council), council.report_version)[1].pk,
    "file_format": lambda council: "xlsx",  # the PDF is rendered in tests/reports, not per role
}
