"""How census worker records map onto the product's people and employments (and back).

Used by ``services`` (import) and ``selectors`` (export); Django models only, no writes.
"""

from __future__ import annotations

from typing import Any

from workforce_health.census.records import CensusWorker
from workforce_health.census.semantics import sex_code
from workforce_health.core.models import JobRole

# csww-census.md §8 OrgRole -> the job role a new employment gets.
JOB_ROLE_OF_ORG_ROLE: dict[str, str] = {
    "1": JobRole.HEAD_OF_SERVICE,
    "2": JobRole.SERVICE_MANAGER,
    "3": JobRole.TEAM_MANAGER,
    "4": JobRole.SENIOR_PRACTITIONER,
    "5": JobRole.SOCIAL_WORKER,
    "6": JobRole.INDEPENDENT_REVIEWING_OFFICER,
}

# Model field -> census element, to name the element when a stored value is refused.
ELEMENT_OF_FIELD: dict[str, str] = {
    "swe_number": "SWENo",
    "employee_number": "SWENo",
    "date_of_birth": "PersonBirthDate",
    "sex": "Sex",
    "ethnicity": "Ethnicity",
    "qualification_level": "QualLevel",
    "qualification_institution": "QualInst",
    "step_up_graduate": "StepUpGrad",
    "frontline_graduate": "FrontlineGrad",
    "census_role": "OrgRole",
    "job_role": "OrgRole",
    "fte": "FTE",
    "start_date": "RoleStartDate",
    "end_date": "RoleEndDate",
    "start_origin": "StartOrigin",
    "reason_for_leaving": "ReasonLeave",
    "leaver_destination": "LeaverDestination",
    "cases": "Cases30",
    "working_days_lost": "WorkingDaysLost",
    "vacancy_fte": "NumberOfVacancies",
    "agency_cover_fte": "NoAgencyFTE",
    "agency_cover_headcount": "NoAgencyHeadcount",
}

_YES_NO = {"1": True, "0": False}


def yes_no(flag: bool | None) -> str | None:
    """A nullable boolean as the census yes/no code (§8)."""
    return None if flag is None else ("1" if flag else "0")


def person_details(worker: CensusWorker) -> dict[str, Any]:
    """Person fields the record gives (absent elements are left out, never blanked)."""
    details: dict[str, Any] = {
        "date_of_birth": worker.person_birth_date,
        "sex": sex_code(worker),
        "ethnicity": worker.ethnicity,
        "qualification_level": worker.qual_level,
        "qualification_institution": "; ".join(worker.qual_inst) or None,
        "step_up_graduate": _YES_NO.get(worker.step_up_grad or ""),
        "frontline_graduate": _YES_NO.get(worker.frontline_grad or ""),
    }
    return {key: value for key, value in details.items() if value is not None} | {
        "is_registered_social_worker": True
    }


def gender_current(sex: str) -> str | None:
    """``Sex`` as the 2021-2023 ``GenderCurrent`` code (§10: M -> 1, F -> 2)."""
    return {"M": "1", "F": "2"}.get(sex)
