"""Worker records as a polars DataFrame for the measures engine (csww-census.md §7).

``to_frame(workers, year=...)`` gives one row per worker record with these columns:

================================  ===============  ==========================================
column                            dtype            meaning
================================  ===============  ==========================================
``census_year``                   Int32            the census year the flags are judged against
``swe_no``                        String           SWENo as given (personal data)
``agency_worker``                 String           ``AgencyWorker`` code (``"0"``/``"1"``)
``fte``, ``fte30``                Float64          ``FTE`` and ``FTE30`` as given
``person_birth_date``             Date
``age``                           Int32            age in whole years on 30 September
``gender_current``                String           ``GenderCurrent`` (2021-2023)
``sex``                           String           ``Sex``, or GenderCurrent mapped 1→M, 2→F (§10)
``ethnicity``, ``qual_level``,    String           codes as given
``step_up_grad``, ``org_role``,
``start_origin``,
``leaver_destination``,
``reason_leave``,
``frontline_grad``
``qual_inst``                     List(String)     repeatable ``QualInst``
``role_start_date``,              Date
``role_end_date``
``cases30``                       Int64
``working_days_lost``             Float64
``contract_weeks``                List(Float64)
``absat30_sept``,                 List(String)
``reason_absence``,
``cfkss_status``
``base_salary``, ``rr_payments``,  Float64          2025 pay items
``other_payments``
``is_agency``, ``is_leaver``,     Boolean          §7 flags (see ``semantics``)
``is_starter``, ``is_in_post``,
``is_case_holder``,
``is_newly_qualified_starter``
``in_post_fte``, ``leaver_fte``   Float64          per the ``FteMapping`` (§7); null if absent
================================  ===============  ==========================================
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import fields
from decimal import Decimal
from typing import Any

import polars as pl

from workforce_health.census import semantics as sem
from workforce_health.census.records import CensusWorker

_STRING = pl.String()
_DATE = pl.Date()
_FLOAT = pl.Float64()
_TYPES: dict[str, pl.DataType] = {
    "fte": _FLOAT,
    "fte30": _FLOAT,
    "person_birth_date": _DATE,
    "role_start_date": _DATE,
    "role_end_date": _DATE,
    "cases30": pl.Int64(),
    "working_days_lost": _FLOAT,
    "contract_weeks": pl.List(_FLOAT),
    "qual_inst": pl.List(_STRING),
    "absat30_sept": pl.List(_STRING),
    "reason_absence": pl.List(_STRING),
    "cfkss_status": pl.List(_STRING),
    "base_salary": _FLOAT,
    "rr_payments": _FLOAT,
    "other_payments": _FLOAT,
}
_FLAGS = (
    "is_agency",
    "is_leaver",
    "is_starter",
    "is_in_post",
    "is_case_holder",
    "is_newly_qualified_starter",
)


def _plain(value: Any) -> Any:
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, tuple):
        return [_plain(v) for v in value]
    return value


def _row(w: CensusWorker, year: int, fte: sem.FteMapping) -> dict[str, Any]:
    row = {f.name: _plain(getattr(w, f.name)) for f in fields(w)}
    birth = w.person_birth_date
    in_post, leaver = sem.in_post_fte(w, fte), sem.leaver_fte(w, fte)
    row.update(
        census_year=year,
        sex=sem.sex_code(w),
        age=sem.age_on(birth, sem.reference_date(year)) if birth else None,
        is_agency=sem.is_agency(w),
        is_leaver=sem.is_leaver(w, year),
        is_starter=sem.is_starter(w, year),
        is_in_post=sem.is_in_post(w, year),
        is_case_holder=sem.is_case_holder(w),
        is_newly_qualified_starter=sem.is_newly_qualified_starter(w, year),
        in_post_fte=_plain(in_post),
        leaver_fte=_plain(leaver),
    )
    return row


def frame_schema() -> dict[str, pl.DataType]:
    """Column names and dtypes of ``to_frame`` output, in order."""
    columns: dict[str, pl.DataType] = {"census_year": pl.Int32()}
    for f in fields(CensusWorker):
        columns[f.name] = _TYPES.get(f.name, _STRING)
    columns["age"] = pl.Int32()
    columns.update({flag: pl.Boolean() for flag in _FLAGS})
    columns.update(in_post_fte=_FLOAT, leaver_fte=_FLOAT)
    return columns


def to_frame(
    workers: Iterable[CensusWorker], *, year: int, fte: sem.FteMapping = sem.DEFAULT_FTE
) -> pl.DataFrame:
    """One row per worker record, columns as in the module docstring."""
    schema = frame_schema()
    rows = [_row(w, year, fte) for w in workers]
    return pl.DataFrame(rows, schema=schema)
