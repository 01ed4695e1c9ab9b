"""Measure names, symbols and geographic levels shared by the benchmark modules.

Measure names are the DfE's own CSV variable names from the 2025-release indicators file
(workforce-measures.md §5 and §8.1); older layouts are mapped onto them in ``layouts.py``.
"""

from __future__ import annotations

from typing import Final

#: Every measure the tidy frame can carry, in the column order of the indicators file (§8.1).
MEASURES: Final[tuple[str, ...]] = (
    "inpost_fte",
    "inpost_headcount",
    "starters_fte",
    "starters_headcount",
    "leavers_fte",
    "leavers_headcount",
    "turnover_rate_fte",
    "turnover_rate_headcount",
    "agency_fte",
    "agency_headcount",
    "agency_rate_fte",
    "agency_rate_headcount",
    "agency_cover_fte",
    "agency_cover_rate_fte",
    "vacancy_fte",
    "vacancy_rate_fte",
    "vacancy_agency_cover_rate_fte",
    "case_holders_fte",
    "cases",
    "caseload_fte",
    "working_days_lost_fte",
    "absence_rate_fte",
)

#: Symbols used in Explore Education Statistics files (§8.4). ``:`` is from older EES guidance.
EES_SYMBOLS: Final[dict[str, str]] = {
    "x": "not available",
    "z": "not applicable",
    "c": "suppressed for confidentiality",
    "low": "rounds to zero but is not zero",
    "u": "low reliability",
    ":": "not available",
}

#: Symbols used in the pre-2017 SFR underlying data (§8.4; meanings are DfE's usual
#: convention, not confirmed in the files themselves).
SFR_SYMBOLS: Final[dict[str, str]] = {
    "x": "suppressed",
    "..": "not available",
    ".": "not applicable",
    "-": "nil or negligible",
}

#: Every symbol the ``symbol`` column may hold.
SYMBOLS: Final[dict[str, str]] = {**SFR_SYMBOLS, **EES_SYMBOLS}

NATIONAL: Final = "National"
REGIONAL: Final = "Regional"
LOCAL_AUTHORITY: Final = "Local authority"
GEOGRAPHIC_LEVELS: Final[tuple[str, ...]] = (NATIONAL, REGIONAL, LOCAL_AUTHORITY)

ENGLAND_CODE: Final = "E92000001"

OGL_ATTRIBUTION: Final = (
    "Contains public sector information licensed under the Open Government Licence v3.0. "
    "Source: Department for Education, Children's social work workforce."
)


def check_measures(measures: list[str] | tuple[str, ...]) -> None:
    """Raise ``ValueError`` naming any measure that is not a DfE variable name."""
    unknown = [m for m in measures if m not in MEASURES]
    if unknown:
        raise ValueError(f"unknown measure(s) {unknown}; expected names from {list(MEASURES)}")
