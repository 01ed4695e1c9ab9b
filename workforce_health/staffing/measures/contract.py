"""The input contract: column names, dtypes and normalisation of the four input frames.

Documented in full in the package docstring and docs/measures.md ("Input contract").
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import polars as pl

# Spells: one row per employment spell (one person, one post, one FTE) — §9 "Assignment".
SPELL_REQUIRED: Mapping[str, pl.DataType] = {
    "spell_id": pl.String(),
    "organisation": pl.String(),
    "worker_key": pl.String(),
    "agency": pl.Boolean(),
    "fte": pl.Float64(),
    "start_date": pl.Date(),
    "end_date": pl.Date(),
}
SPELL_OPTIONAL: Mapping[str, tuple[pl.DataType, object]] = {
    "date_of_birth": (pl.Date(), None),
    "sex": (pl.String(), None),
    "ethnicity": (pl.String(), None),
    "census_role": (pl.String(), None),
    "start_origin": (pl.String(), None),
    "reason_leave": (pl.String(), None),
    "leaver_destination": (pl.String(), None),
    "is_social_worker": (pl.Boolean(), True),
    "casual": (pl.Boolean(), False),
}
SPELL_NOT_NULL = ("spell_id", "organisation", "worker_key", "agency", "start_date")

# De-duplication key for headcounts (workforce-measures.md §3): council + SWE number +
# date of birth + gender/sex + ethnicity. Starters add the start date, leavers the end date.
DEDUP_KEY = ("organisation", "worker_key", "date_of_birth", "sex", "ethnicity")

VACANCY_REQUIRED: Mapping[str, pl.DataType] = {
    "organisation": pl.String(),
    "date": pl.Date(),
    "vacancy_fte": pl.Float64(),
    "agency_cover_fte": pl.Float64(),
}
CASE_REQUIRED: Mapping[str, pl.DataType] = {
    "spell_id": pl.String(),
    "date": pl.Date(),
    "cases": pl.Int64(),
}
ABSENCE_REQUIRED: Mapping[str, pl.DataType] = {
    "spell_id": pl.String(),
    "date": pl.Date(),
    "working_days_lost": pl.Float64(),
}

RESERVED = frozenset(
    {*SPELL_REQUIRED, *SPELL_OPTIONAL, "date", "vacancy_fte", "agency_cover_fte", "cases"}
)


# Input columns that may also be used as grouping columns.
GROUPABLE = frozenset({"organisation", "census_role", "sex", "ethnicity"})


class InputContractError(ValueError):
    """An input frame does not meet the documented contract."""


def _check_columns(frame: pl.DataFrame, required: Sequence[str], name: str) -> None:
    missing = [c for c in required if c not in frame.columns]
    if missing:
        raise InputContractError(f"{name} frame is missing columns: {', '.join(missing)}")


def _check_by(by: Sequence[str]) -> None:
    bad = [c for c in by if c in RESERVED and c not in GROUPABLE]
    if bad:
        raise InputContractError(f"cannot group by measure input columns: {', '.join(bad)}")


def _cast(name: str, dtype: pl.DataType) -> pl.Expr:
    # Codes may arrive as integers (census XML) or strings (Django choices): strings here.
    return pl.col(name).cast(dtype)


def normalise_spells(spells: pl.DataFrame, by: Sequence[str]) -> pl.DataFrame:
    """Check and cast the spells frame; fill optional columns with their defaults."""
    _check_by(by)
    _check_columns(spells, [*SPELL_REQUIRED, *by], "spells")
    extra = [c for c in by if c not in SPELL_REQUIRED and c not in SPELL_OPTIONAL]
    exprs = [_cast(c, t) for c, t in SPELL_REQUIRED.items()]
    for col, (dtype, default) in SPELL_OPTIONAL.items():
        if col in spells.columns:
            expr = _cast(col, dtype)
            exprs.append(expr.fill_null(default) if default is not None else expr)
        else:
            exprs.append(pl.lit(default, dtype).alias(col))
    out = spells.select(*exprs, *[pl.col(c) for c in extra])
    nulls = out.select(pl.col(c).null_count() for c in SPELL_NOT_NULL).row(0)
    bad = [c for c, n in zip(SPELL_NOT_NULL, nulls, strict=True) if n]
    if bad:
        raise InputContractError(f"spells has nulls in: {', '.join(bad)}")
    if out.height and out.select(pl.col("spell_id").n_unique()).item() != out.height:
        raise InputContractError("spells.spell_id must be unique")
    if out.select((pl.col("end_date") < pl.col("start_date")).any()).item():
        raise InputContractError("spells has an end_date before its start_date")
    return out


def normalise_snapshot(
    frame: pl.DataFrame, required: Mapping[str, pl.DataType], name: str, keep: Sequence[str] = ()
) -> pl.DataFrame:
    """Check and cast a vacancies, cases or absence frame; keep extra (grouping) columns."""
    _check_columns(frame, list(required), name)
    extra = [c for c in keep if c in frame.columns and c not in required]
    return frame.select(*[_cast(c, t) for c, t in required.items()], *extra)
