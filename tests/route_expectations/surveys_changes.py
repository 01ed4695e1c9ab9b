"""Routes that change a draft wave, adapt a council's copy of a questionnaire and record an
imported wave's invited counts: workforce leads and administrators only (MANAGE_SURVEYS)."""

from tests.route_expectations import EDITORS

EXPECTED = {
    "survey-wave-edit": EDITORS,
    "survey-questionnaire-item-type": EDITORS,
    "survey-questionnaire-item-add": EDITORS,
    "survey-questionnaire-item-remove": EDITORS,
    "survey-questionnaire-options": EDITORS,
    "survey-wave-invited": EDITORS,
    "survey-invited-template-csv": EDITORS,
    "survey-invited-template-xlsx": EDITORS,
}
ARGUMENTS = {
    # wave_id, questionnaire_id and results_wave_id come from surveys.py and results.py
    "item_type": lambda council: "agree",
    "item_code": lambda council: "supervision_frequency",  # a choice question of the copy
}
