"""Small builders for spell, case, vacancy and absence frames used by the measures tests."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import polars as pl

SPELL_SCHEMA: dict[str, Any] = {
    "spell_id": pl.String,
    "organisation": pl.String,
    "service": pl.String,
    "team": pl.String,
    "worker_key": pl.String,
    "agency": pl.Boolean,
    "fte": pl.Float64,
    "start_date": pl.Date,
    "end_date": pl.Date,
    "date_of_birth": pl.Date,
    "sex": pl.String,
    "ethnicity": pl.String,
    "census_role": pl.String,
    "start_origin": pl.String,
    "reason_leave": pl.String,
    "leaver_destination": pl.String,
    "is_social_worker": pl.Boolean,
    "casual": pl.Boolean,
}
DEFAULTS: dict[str, Any] = {
    "organisation": "A",
    "service": "S1",
    "team": "T1",
    "agency": False,
    "fte": 1.0,
    "start_date": date(2015, 1, 1),
    "end_date": None,
    "date_of_birth": date(1980, 1, 1),
    "sex": "F",
    "ethnicity": "WBRI",
    "census_role": "5",
    "start_origin": None,
    "reason_leave": None,
    "leaver_destination": None,
    "is_social_worker": True,
    "casual": False,
}


def spells(*rows: dict[str, Any]) -> pl.DataFrame:
    """Spells with defaults; ``spell_id`` and ``worker_key`` default to the row number."""
    records = []
    for i, row in enumerate(rows):
        record = {**DEFAULTS, "spell_id": f"s{i}", "worker_key": f"w{i}", **row}
        records.append({k: record[k] for k in SPELL_SCHEMA})
    return pl.DataFrame(records, schema=SPELL_SCHEMA)


def cases(*rows: tuple[str, date, int]) -> pl.DataFrame:
    return pl.DataFrame(
        rows, schema={"spell_id": pl.String, "date": pl.Date, "cases": pl.Int64}, orient="row"
    )


def absence(*rows: tuple[str, date, float]) -> pl.DataFrame:
    schema = {"spell_id": pl.String, "date": pl.Date, "working_days_lost": pl.Float64}
    return pl.DataFrame(rows, schema=schema, orient="row")


VACANCY_SCHEMA: dict[str, Any] = {
    "organisation": pl.String,
    "date": pl.Date,
    "vacancy_fte": pl.Float64,
    "agency_cover_fte": pl.Float64,
}


def vacancies(*rows: dict[str, Any]) -> pl.DataFrame:
    """Vacancy snapshots on 30 September 2025; a ``team`` column if any row has one."""
    base = {"organisation": "A", "date": date(2025, 9, 30), "agency_cover_fte": 0.0}
    schema = VACANCY_SCHEMA | ({"team": pl.String} if any("team" in r for r in rows) else {})
    return pl.DataFrame([{**base, **r} for r in rows], schema=schema)


def fte_values(headcount: int, total: str) -> list[float]:
    """``headcount`` FTEs in (0, 1] summing exactly (in decimal) to ``total``."""
    deficit = Decimal(headcount) - Decimal(total)
    halves = int(deficit // Decimal("0.5"))
    rest = deficit - halves * Decimal("0.5")
    odd = [float(1 - rest)] if rest else []
    full = headcount - halves - len(odd)
    assert full >= 0 and deficit >= 0, "infeasible FTE block"
    return [0.5] * halves + odd + [1.0] * full


def block(prefix: str, headcount: int, total: str, **fields: Any) -> pl.DataFrame:
    """``headcount`` distinct workers with FTEs summing to ``total``, other fields constant."""
    ftes = fte_values(headcount, total)
    ids = [f"{prefix}{i}" for i in range(headcount)]
    data = {"spell_id": ids, "worker_key": ids, "fte": ftes}
    frame = pl.DataFrame(data, schema={k: SPELL_SCHEMA[k] for k in data})
    consts = {**DEFAULTS, **fields}
    return frame.with_columns(
        pl.lit(consts[k], SPELL_SCHEMA[k]).alias(k) for k in SPELL_SCHEMA if k not in data
    ).select(list(SPELL_SCHEMA))
