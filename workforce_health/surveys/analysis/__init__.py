"""Survey analysis engine: scores, bands, eNPS, rates, change and disclosure control (no Django).

Formulas and rules: docs/survey-analysis.md; sources: shared/domain/health-check.md.
"""

from workforce_health.surveys.analysis.bands import band
from workforce_health.surveys.analysis.breakdowns import (
    breakdown,
    breakdown_many,
    comments,
    respondent_counts,
    response_rates,
)
from workforce_health.surveys.analysis.inputs import (
    GROUP_COLUMNS,
    NOT_KNOWN,
    WAVE,
    Answers,
    prepare,
    prepare_wide,
)
from workforce_health.surveys.analysis.scoring import (
    enps,
    item_results,
    reported_numbers,
    standard_results,
)
from workforce_health.surveys.analysis.significance import two_proportion_z, wave_change
from workforce_health.surveys.analysis.suppression import (
    DisclosureSettings,
    redact,
    suppress,
    suppression_pattern,
)

__all__ = [
    "GROUP_COLUMNS",
    "NOT_KNOWN",
    "WAVE",
    "Answers",
    "DisclosureSettings",
    "band",
    "breakdown",
    "breakdown_many",
    "comments",
    "enps",
    "item_results",
    "prepare",
    "prepare_wide",
    "redact",
    "reported_numbers",
    "respondent_counts",
    "response_rates",
    "standard_results",
    "suppress",
    "suppression_pattern",
    "two_proportion_z",
    "wave_change",
]
