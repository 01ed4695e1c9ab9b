"""Routes of survey results: every results page needs VIEW_SURVEY_RESULTS (managers see their
own service or team on each); importing earlier years needs MANAGE_SURVEYS."""

from tests.results import helpers
from tests.route_expectations import EDITORS, STRUCTURE_VIEWERS

EXPECTED = {
    "survey-results-index": STRUCTURE_VIEWERS,
    "survey-results": STRUCTURE_VIEWERS,
    "survey-results-items": STRUCTURE_VIEWERS,
    "survey-results-csv": STRUCTURE_VIEWERS,
    "survey-results-xlsx": STRUCTURE_VIEWERS,
    "survey-results-breakdowns": STRUCTURE_VIEWERS,
    "survey-results-heatmap": STRUCTURE_VIEWERS,
    "survey-results-numbers": STRUCTURE_VIEWERS,
    "survey-results-comments": STRUCTURE_VIEWERS,
    "survey-results-import": EDITORS,
    "survey-import-template-csv": EDITORS,
    "survey-import-template-xlsx": EDITORS,
}
ARGUMENTS = {
    "results_wave_id": lambda council: helpers.results_wave(council).pk,
    "results_page": lambda council: "overview",
    "results_table": lambda council: "response-rate",
}
