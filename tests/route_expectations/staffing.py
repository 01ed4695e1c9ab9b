"""Routes of the workforce dashboard (staffing app)."""

from tests.route_expectations import EDITORS, STRUCTURE_VIEWERS

EXPECTED = {
    "workforce-overview": STRUCTURE_VIEWERS,
    "workforce-overview-csv": STRUCTURE_VIEWERS,
    "workforce-overview-xlsx": STRUCTURE_VIEWERS,
    "workforce-breakdowns": STRUCTURE_VIEWERS,
    "workforce-breakdowns-csv": STRUCTURE_VIEWERS,
    "workforce-breakdowns-xlsx": STRUCTURE_VIEWERS,
    "workforce-vacancies": EDITORS,
}
ARGUMENTS = {
    "table_slug": lambda council: "turnover-rate",
    "breakdown_slug": lambda council: "by-team",
}
