"""Rates from stored numerators and denominators (workforce-measures.md §5, §5.9).

Every rate ``r`` has columns ``r_numerator`` and ``r_denominator``; the rate is
``scale x numerator / denominator`` and is null ("not applicable", DfE ``z``) when the
denominator is zero or unknown (§5.9 rule 4). Re-aggregation sums components, never rates.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import polars as pl


@dataclass(frozen=True, slots=True)
class Rate:
    name: str
    numerator: pl.Expr
    denominator: pl.Expr
    scale: float = 100.0
    source: str = ""


def _c(name: str) -> pl.Expr:
    return pl.col(name)


# §5 table rows 4-10. The absence denominator is built by headline.py (a setting, §5.6).
RATES: tuple[Rate, ...] = (
    Rate("turnover_rate_fte", _c("leavers_fte"), _c("inpost_fte"), source="§5.1"),
    Rate("turnover_rate_headcount", _c("leavers_headcount"), _c("inpost_headcount"), 100, "§5.1"),
    Rate("agency_rate_fte", _c("agency_fte"), _c("agency_fte") + _c("inpost_fte"), 100, "§5.2"),
    Rate(
        "agency_rate_headcount",
        _c("agency_headcount"),
        _c("agency_headcount") + _c("inpost_headcount"),
        source="§5.2",
    ),
    Rate("vacancy_rate_fte", _c("vacancy_fte"), _c("vacancy_fte") + _c("inpost_fte"), 100, "§5.3"),
    Rate("agency_cover_rate_fte", _c("agency_cover_fte"), _c("agency_fte"), source="§5.4"),
    Rate("vacancy_agency_cover_rate_fte", _c("agency_cover_fte"), _c("vacancy_fte"), source="§5.4"),
    Rate("caseload_fte", _c("cases"), _c("case_holders_fte"), scale=1.0, source="§5.5"),
)
ABSENCE_RATE = "absence_rate_fte"
RATE_NAMES: tuple[str, ...] = (*(r.name for r in RATES), ABSENCE_RATE)


def ratio(numerator: pl.Expr, denominator: pl.Expr, scale: float = 100.0) -> pl.Expr:
    """``scale x numerator / denominator``; null when the denominator is 0 or null."""
    return pl.when(denominator > 0).then(numerator * scale / denominator).otherwise(None)


def with_rate_components(frame: pl.DataFrame) -> pl.DataFrame:
    """Add ``<rate>_numerator`` / ``<rate>_denominator`` for the §5 rates (not absence)."""
    return frame.with_columns(
        *[r.numerator.cast(pl.Float64).alias(f"{r.name}_numerator") for r in RATES],
        *[r.denominator.cast(pl.Float64).alias(f"{r.name}_denominator") for r in RATES],
    )


def with_rates(frame: pl.DataFrame) -> pl.DataFrame:
    """(Re)compute every rate column from its numerator and denominator columns."""
    scales = {r.name: r.scale for r in RATES} | {ABSENCE_RATE: 100.0}
    return frame.with_columns(
        ratio(_c(f"{name}_numerator"), _c(f"{name}_denominator"), scale).alias(name)
        for name, scale in scales.items()
    )


def sum_or_null(name: str) -> pl.Expr:
    """Sum, but unknown (null) if any part is unknown: never treat a missing item as 0."""
    col = _c(name)
    return pl.when(col.null_count() == 0).then(col.sum()).otherwise(None).alias(name)


def reaggregate(
    measures: pl.DataFrame, by: Sequence[str], *, keep: Sequence[str] = ()
) -> pl.DataFrame:
    """Combine rows of ``compute_measures`` output into coarser groups (§5.9 rule 2).

    Sums every component, numerator and denominator column and recomputes the rates:
    e.g. relabel councils with a ``region`` column and call ``reaggregate(m, ["region"])``.
    A component that is null in any row is null in the combined row (drop such rows first
    to follow §5.9 rule 5). Columns in ``keep`` must be constant within each group.
    """
    label_cols = {"reference_date", "period_start", "basis", *keep}
    numeric = [
        c
        for c, t in measures.schema.items()
        if c not in by and c not in RATE_NAMES and c not in label_cols and t.is_numeric()
    ]
    labels = [c for c in measures.columns if c in label_cols]
    if by:
        grouped = measures.group_by(list(by), maintain_order=True).agg(
            *[pl.first(c) for c in labels], *[sum_or_null(c) for c in numeric]
        )
    else:
        grouped = measures.select(
            *[pl.first(c) for c in labels], *[sum_or_null(c) for c in numeric]
        )
    result = with_rates(grouped)
    rest = [c for c in measures.columns if c in result.columns and c not in {*by, *labels}]
    return result.select(*by, *labels, *rest)
