"""Routes of survey results: the full results need MANAGE_SURVEYS; managers see their own
service or team through VIEW_SURVEY_RESULTS."""

from tests.route_expectations import EDITORS, STRUCTURE_VIEWERS
from tests.surveys_results import helpers

EXPECTED = {
    "survey-results-index": STRUCTURE_VIEWERS,
    "survey-results": STRUCTURE_VIEWERS,
    "survey-results-items": STRUCTURE_VIEWERS,
    "survey-results-csv": STRUCTURE_VIEWERS,
    "survey-results-xlsx": STRUCTURE_VIEWERS,
    "survey-results-breakdowns": EDITORS,
    "survey-results-heatmap": EDITORS,
    "survey-results-numbers": EDITORS,
    "survey-results-comments": EDITORS,
    "survey-results-import": EDITORS,
    "survey-import-template-csv": EDITORS,
    "survey-import-template-xlsx": EDITORS,
}
ARGUMENTS = {
    "results_wave_id": lambda council: helpers.results_wave(council).pk,
    "results_page": lambda council: "overview",
    "results_table": lambda council: "response-rate",
}
