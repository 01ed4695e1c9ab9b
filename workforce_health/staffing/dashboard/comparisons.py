"""England and region figures published by the DfE, from the benchmarks app."""

from __future__ import annotations

from dataclasses import dataclass, field

import polars as pl

from workforce_health.benchmarks import selectors as benchmarks
from workforce_health.benchmarks.measures import OGL_ATTRIBUTION as OGL
from workforce_health.core.models import Organisation


@dataclass(frozen=True)
class Comparisons:
    """Published values: ``values[measure][series][year]``; series are England and the region."""

    region_name: str | None = None
    values: dict[str, dict[str, dict[int, float | None]]] = field(default_factory=dict)
    releases: tuple[str, ...] = ()
    attribution: str = OGL

    def value(self, measure: str, series: str | None, year: int) -> float | None:
        if series is None:
            return None
        return self.values.get(measure, {}).get(series, {}).get(year)

    def has(self, measure: str, series: str | None, year: int | None = None) -> bool:
        points = self.values.get(measure, {}).get(series or "", {})
        return bool(points) if year is None else year in points

    def latest_year(self, measure: str, series: str, *, up_to: int) -> int | None:
        """The latest year up to ``up_to`` with a published value of ``measure``, if any."""
        points = self.values.get(measure, {}).get(series, {})
        years = [y for y, v in points.items() if y <= up_to and v is not None]
        return max(years, default=None)

    @property
    def any(self) -> bool:
        return bool(self.values)


ENGLAND = "England"
COMPARATOR_MEAN = "Comparator mean"  # unweighted mean of the chosen comparator councils


def comparisons_get(*, organisation: Organisation, measures: list[str]) -> Comparisons:
    """England and the organisation's region for ``measures`` since 2017; empty if none held."""
    frame = benchmarks.benchmark_series(organisation=organisation, measures=measures)
    latest = benchmarks.benchmark_latest(organisation=organisation, measures=measures)
    region = latest["region_name"]
    wanted = [ENGLAND, COMPARATOR_MEAN] + ([region] if region else [])
    rows = frame.filter(pl.col("series").is_in(wanted))
    values: dict[str, dict[str, dict[int, float | None]]] = {}
    for row in rows.iter_rows(named=True):
        by_series = values.setdefault(row["measure"], {})
        by_series.setdefault(row["series"], {})[row["time_period"]] = row["value"]
    releases = tuple(sorted(set(rows["release"].to_list())))
    return Comparisons(region, values, releases, latest["attribution"] or OGL)
