"""Routes of the surveys app. Respondent pages are public; management needs MANAGE_SURVEYS."""

from tests.route_expectations import EDITORS, PUBLIC
from tests.surveys import helpers
from workforce_health.surveys.services import questionnaires


def _survey(council):
    """One open wave, a respondent token and a council copy, made once per test council."""
    if not hasattr(council, "survey"):
        opened = helpers.open_wave(council, slug="route-walk")
        copy = questionnaires.questionnaire_copy(
            organisation=council.organisation, questionnaire=helpers.builtin(), title="Our check"
        )
        council.survey = {
            "wave": opened,
            "token": helpers.shared_token(opened),
            "copy": copy,
        }
    return council.survey


EXPECTED = {
    "survey-start": PUBLIC,
    "survey-section": PUBLIC,
    "survey-check": PUBLIC,
    "survey-shared": PUBLIC,
    "survey-wave-list": EDITORS,
    "survey-wave-create": EDITORS,
    "survey-wave-detail": EDITORS,
    "survey-wave-settings": EDITORS,
    "survey-wave-open": EDITORS,
    "survey-wave-close": EDITORS,
    "survey-questionnaire-detail": EDITORS,
    "survey-questionnaire-copy": EDITORS,
    "survey-questionnaire-edit": EDITORS,
}
ARGUMENTS = {
    "token": lambda council: _survey(council)["token"],
    "number": lambda council: 1,
    "la_code": lambda council: council.organisation.la_code,
    "slug": lambda council: _survey(council)["wave"].slug,
    "wave_id": lambda council: _survey(council)["wave"].pk,
    "questionnaire_id": lambda council: _survey(council)["copy"].pk,
}
