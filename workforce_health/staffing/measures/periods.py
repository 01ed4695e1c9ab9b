"""Reference dates and census years (workforce-measures.md §1)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

import polars as pl

DFE_REFERENCE_MONTH = 9
DFE_REFERENCE_DAY = 30


def census_year_bounds(year: int) -> tuple[date, date]:
    """First and last day of census year ``year``: 1 Oct ``year - 1`` to 30 Sep ``year``."""
    return date(year - 1, 10, 1), date(year, DFE_REFERENCE_MONTH, DFE_REFERENCE_DAY)


def _one_year_before(day: date) -> date:
    try:
        return day.replace(year=day.year - 1)
    except ValueError:  # 29 February
        return day.replace(year=day.year - 1, day=28)


@dataclass(frozen=True, slots=True)
class ReportingPeriod:
    """A 12-month flow period ending on the reference date, inclusive at both ends.

    Stock measures (in post, agency, vacancies, cases) are taken on ``reference_date``;
    flow measures (starters, leavers, working days lost) cover ``start``..``reference_date``.
    """

    start: date
    reference_date: date

    def __post_init__(self) -> None:
        if self.start > self.reference_date:
            raise ValueError("the period must start on or before the reference date")

    @classmethod
    def census_year(cls, year: int) -> ReportingPeriod:
        """The DfE census year ``year`` (reference date 30 September ``year``)."""
        start, end = census_year_bounds(year)
        return cls(start=start, reference_date=end)

    @classmethod
    def ending(cls, reference_date: date) -> ReportingPeriod:
        """The 12 months ending on ``reference_date`` (a local measure unless 30 September)."""
        return cls(
            start=_one_year_before(reference_date) + timedelta(days=1),
            reference_date=reference_date,
        )

    @property
    def is_dfe(self) -> bool:
        """True when this is a DfE census year; anything else must be labelled local (§1)."""
        ref = self.reference_date
        return (ref.month, ref.day) == (DFE_REFERENCE_MONTH, DFE_REFERENCE_DAY) and (
            self.start == census_year_bounds(ref.year)[0]
        )

    @property
    def basis(self) -> str:
        """``"dfe"`` or ``"local"``: stored with every result row."""
        return "dfe" if self.is_dfe else "local"

    @property
    def previous_reference_date(self) -> date:
        """The reference date one period earlier (the stability cohort date)."""
        return self.start - timedelta(days=1)

    @property
    def days(self) -> int:
        return (self.reference_date - self.start).days + 1


def as_period(period: ReportingPeriod | int) -> ReportingPeriod:
    """Accept a census year number as shorthand for ``ReportingPeriod.census_year``."""
    if isinstance(period, ReportingPeriod):
        return period
    return ReportingPeriod.census_year(period)


def completed_years(earlier: pl.Expr, on: date | pl.Expr) -> pl.Expr:
    """Whole years from ``earlier`` to ``on`` (dates): age, or time in service."""
    later = pl.lit(on, pl.Date) if isinstance(on, date) else on

    def month_day(day: pl.Expr) -> pl.Expr:
        return day.dt.month().cast(pl.Int32) * 100 + day.dt.day().cast(pl.Int32)

    return (
        later.dt.year().cast(pl.Int32)
        - earlier.dt.year().cast(pl.Int32)
        - (month_day(earlier) > month_day(later)).cast(pl.Int32)
    )
