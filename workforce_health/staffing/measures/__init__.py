"""Pure measures engine for the DfE children's social work workforce (CSWW) statistics.

No Django: polars data frames in, polars data frames out, vectorised throughout. Formulas,
rules and their sources: /work/shared/domain/workforce-measures.md (cited as §n) and
docs/measures.md. Any reference date can be answered from history: the inputs are dated
spells and dated snapshots, not a single census.

Input contract (dtypes are cast on entry; a missing required column raises
``InputContractError``):

``spells`` — one row per employment spell (one person, one post, one FTE) of a registered
children-and-family social worker, council-employed or agency:

=====================  =========  ==========================================================
column                 dtype      meaning
=====================  =========  ==========================================================
spell_id               String     unique row key (integers are cast to strings)
organisation           String     council; headcounts are de-duplicated within it (§3)
worker_key             String     Social Work England number (de-duplication identity)
agency                 Boolean    True = agency or self-employed, never de-duplicated (§2)
fte                    Float64    FTE of the post, 0-1; null = unknown, left out of FTEs (§3)
start_date             Date       first day in the post
end_date               Date       last working day; null = still in post
date_of_birth          Date       optional; part of the de-duplication key; age bands
sex                    String     optional; ``Sex`` or ``GenderCurrent`` code (§3)
ethnicity              String     optional; census ethnicity code
census_role            String     optional; census ``OrgRole`` "1"-"6" (1 most senior)
start_origin           String     optional; census ``StartOrigin`` code
reason_leave           String     optional; census ``ReasonLeave`` code
leaver_destination     String     optional; census ``LeaverDestination`` code
is_social_worker       Boolean    optional, default True; False rows are ignored (§2)
casual                 Boolean    optional, default False; casual or zero-hours (§4)
<any grouping column>  any        e.g. ``service``, ``team``; name it in ``by``
=====================  =========  ==========================================================

``vacancies`` — dated snapshots: ``organisation`` (String), ``date`` (Date),
``vacancy_fte`` (Float64, agency-covered posts included, §4), ``agency_cover_fte``
(Float64, null = unknown), plus the grouping columns they are recorded at (e.g. ``team``).
``cases`` — ``spell_id`` (String), ``date`` (Date), ``cases`` (Int64): cases held on that date.
``absence`` — ``spell_id`` (String), ``date`` (Date), ``working_days_lost`` (Float64,
FTE-adjusted): rows dated inside the period are summed (a census ``WorkingDaysLost`` value
can be dated on the reference date).

Public API: ``compute_measures``, the breakdown functions, ``reaggregate``,
``ReportingPeriod``/``census_year_bounds`` and ``MeasureSettings``. Display rounding and
formats are ``workforce_health.rounding``, shared with the survey engine.
"""

from .breakdowns import (
    AGE_BANDS,
    SERVICE_BANDS,
    age_bands,
    census_role_mix,
    leavers_by_destination,
    leavers_by_reason,
    stability,
    starters_by_origin,
    time_in_service_bands,
)
from .contract import InputContractError
from .headline import MEASURES, compute_measures
from .periods import ReportingPeriod, census_year_bounds
from .rates import RATE_NAMES, reaggregate
from .settings import AbsenceDenominator, MeasureSettings

__all__ = [
    "AGE_BANDS",
    "MEASURES",
    "RATE_NAMES",
    "SERVICE_BANDS",
    "AbsenceDenominator",
    "InputContractError",
    "MeasureSettings",
    "ReportingPeriod",
    "age_bands",
    "census_role_mix",
    "census_year_bounds",
    "compute_measures",
    "leavers_by_destination",
    "leavers_by_reason",
    "reaggregate",
    "stability",
    "starters_by_origin",
    "time_in_service_bands",
]
