"""Reads for benchmarks: an organisation compared with England, its region and comparators.

The workforce dashboard calls the two selectors below; keep their names and output stable.

``benchmark_series(*, organisation, measures, since=2017) -> polars.DataFrame``
    Long frame for charts and tables, one row per year, measure and series. Columns:
    ``time_period`` (Int64), ``measure`` (String, a DfE variable name from ``MEASURES``),
    ``series`` (String: ``"England"``, the region's name, ``"Comparator mean"`` and
    ``"<organisation name> (published)"``), ``value`` (Float64, null where the DfE published a
    symbol), ``symbol`` (String: the DfE symbol, §8.4, else null) and ``release`` (String).
    Sorted by the order of ``measures``, then series in that order, then year.

``benchmark_latest(*, organisation, measures) -> LatestBenchmarks``
    England's and the region's values in the latest year of the chosen release, with the release
    label and the attribution to show beside them (see :class:`LatestBenchmarks`).

Releases (workforce-measures.md §7.3, data README): later releases revise earlier years, so one
release is chosen per measure, the newest one (latest year covered, then latest import) that
publishes the measure for a year from ``since`` onwards, and every series of that measure comes
from it. Years that release does not cover are left out rather than filled from an older
release, so no series, and no chart of one measure, mixes releases.

The region is the one the organisation's own published row gives (London boroughs sit in Inner
or Outer London in EES files), else the organisation's region. The comparator mean is
unweighted over the comparators' published values; symbol cells are left out (§8.4).
"""

from typing import Final, TypedDict

import polars as pl
from django.db.models import QuerySet

from workforce_health.benchmarks.measures import (
    LOCAL_AUTHORITY,
    NATIONAL,
    OGL_ATTRIBUTION,
    REGIONAL,
    check_measures,
)
from workforce_health.benchmarks.models import ComparatorSet, PublishedRelease
from workforce_health.benchmarks.packaged import PACKAGED_SHA256
from workforce_health.benchmarks.published import la_code_matches
from workforce_health.core.models import Organisation

SERIES_SCHEMA: Final[dict[str, pl.DataType]] = {
    "time_period": pl.Int64(),
    "measure": pl.String(),
    "series": pl.String(),
    "value": pl.Float64(),
    "symbol": pl.String(),
    "release": pl.String(),
}
ENGLAND: Final = "England"
COMPARATOR_MEAN: Final = "Comparator mean"
_FIELDS: Final = (
    "time_period",
    "geographic_level",
    "area_code",
    "old_la_code",
    "area_name",
    "region_code",
    "measure",
    "value",
    "symbol",
)


class LatestValue(TypedDict):
    time_period: int
    release: str
    england: float | None
    england_symbol: str | None
    region: float | None
    region_symbol: str | None


class LatestBenchmarks(TypedDict):
    #: Release and year of the first measure found (all measures, usually).
    release: str | None
    time_period: int | None
    attribution: str
    region_name: str | None
    #: Measure -> its values; measures no imported release publishes are absent.
    measures: dict[str, LatestValue]


def release_list() -> QuerySet[PublishedRelease]:
    """Every imported release, newest first."""
    return PublishedRelease.objects.select_related("imported_by")


def packaged_release_loaded() -> bool:
    """Whether the DfE file shipped with the package (or a downloaded copy of it) is imported."""
    return PublishedRelease.objects.filter(sha256=PACKAGED_SHA256, is_fixture=False).exists()


def comparator_codes(*, organisation: Organisation) -> list[str]:
    comparators = ComparatorSet.objects.filter(organisation=organisation).first()
    return comparators.codes if comparators else []


def comparator_lock_version(*, organisation: Organisation) -> int:
    """The comparator set's lock_version (core.versioning), 0 before one is saved."""
    comparators = ComparatorSet.objects.filter(organisation=organisation).first()
    return comparators.lock_version if comparators else 0


def _release_for(measure: str, since: int) -> PublishedRelease | None:
    """The newest release publishing ``measure`` for a year from ``since`` (§7.3)."""
    for release in PublishedRelease.objects.all():
        if release.values.filter(measure=measure, time_period__gte=since).exists():
            return release
    return None


def _frame(release: PublishedRelease, measure: str, since: int) -> pl.DataFrame:
    rows = release.values.filter(measure=measure, time_period__gte=since).values_list(*_FIELDS)
    schema = {name: pl.String() for name in _FIELDS} | {
        "time_period": pl.Int64(),
        "value": pl.Float64(),
    }
    frame = pl.DataFrame(list(rows), schema=schema, orient="row")
    return frame.with_columns(pl.col("symbol").replace("", None))


def _areas(frame: pl.DataFrame, codes: list[str]) -> list[str]:
    """Area codes of council rows whose old LA code matches any of ``codes`` (joint codes too)."""
    councils = frame.filter(pl.col("geographic_level") == LOCAL_AUTHORITY)
    pairs = councils.select("old_la_code", "area_code").unique().iter_rows()
    return sorted({area for old, area in pairs if any(la_code_matches(old, c) for c in codes)})


def _region(frame: pl.DataFrame, organisation: Organisation) -> tuple[str, str | None]:
    own = frame.filter(pl.col("area_code").is_in(_areas(frame, [organisation.la_code])))
    code = own.sort("time_period")["region_code"][-1] if own.height else organisation.region
    regional = frame.filter(
        (pl.col("geographic_level") == REGIONAL) & (pl.col("area_code") == code)
    )
    return code, (regional["area_name"][0] if regional.height else None)


def _series(rows: pl.DataFrame, label: str, release: str) -> pl.DataFrame:
    return rows.select(
        "time_period",
        "measure",
        pl.lit(label, pl.String).alias("series"),
        "value",
        "symbol",
        pl.lit(release, pl.String).alias("release"),
    ).sort("time_period")


def benchmark_series(
    *, organisation: Organisation, measures: list[str], since: int = 2017
) -> pl.DataFrame:
    """England, region, comparator mean and the organisation's published figures (see above)."""
    check_measures(measures)
    comparators = comparator_codes(organisation=organisation)
    parts = [pl.DataFrame(schema=SERIES_SCHEMA)]
    for measure in dict.fromkeys(measures):
        release = _release_for(measure, since)
        if release is None:
            continue
        frame = _frame(release, measure, since)
        label = release.release
        region_code, region_name = _region(frame, organisation)
        parts.append(_series(frame.filter(pl.col("geographic_level") == NATIONAL), ENGLAND, label))
        if region_name is not None:
            region = frame.filter(
                (pl.col("geographic_level") == REGIONAL) & (pl.col("area_code") == region_code)
            )
            parts.append(_series(region, region_name, label))
        comparator_rows = frame.filter(pl.col("area_code").is_in(_areas(frame, comparators)))
        if comparators and comparator_rows.height:
            mean = comparator_rows.group_by("time_period", "measure").agg(
                pl.col("value").mean(), pl.lit(None, pl.String).alias("symbol")
            )
            parts.append(_series(mean, COMPARATOR_MEAN, label))
        own = frame.filter(pl.col("area_code").is_in(_areas(frame, [organisation.la_code])))
        parts.append(_series(own, f"{organisation.name} (published)", label))
    return pl.concat([part.cast(SERIES_SCHEMA) for part in parts], how="vertical")  # type: ignore[arg-type]


def benchmark_latest(*, organisation: Organisation, measures: list[str]) -> LatestBenchmarks:
    """England's and the region's values for the latest year of each measure's release."""
    check_measures(measures)
    result: LatestBenchmarks = {
        "release": None,
        "time_period": None,
        "attribution": OGL_ATTRIBUTION,
        "region_name": None,
        "measures": {},
    }
    for measure in dict.fromkeys(measures):
        release = _release_for(measure, 0)
        if release is None:
            continue
        frame = _frame(release, measure, 0)
        year = int(frame["time_period"].max())  # type: ignore[arg-type]
        latest = frame.filter(pl.col("time_period") == year)
        region_code, region_name = _region(frame, organisation)
        england = latest.filter(pl.col("geographic_level") == NATIONAL)
        region = latest.filter(
            (pl.col("geographic_level") == REGIONAL) & (pl.col("area_code") == region_code)
        )
        result["measures"][measure] = {
            "time_period": year,
            "release": release.release,
            "england": england["value"][0] if england.height else None,
            "england_symbol": england["symbol"][0] if england.height else None,
            "region": region["value"][0] if region.height else None,
            "region_symbol": region["symbol"][0] if region.height else None,
        }
        if result["release"] is None:
            result["release"], result["time_period"] = release.release, year
            result["attribution"] = release.attribution
            result["region_name"] = region_name
    return result


class Council(TypedDict):
    code: str
    name: str
    region_name: str
    in_region: bool


def council_list(*, organisation: Organisation) -> list[Council]:
    """Councils in the newest release with council rows, the organisation's region first.

    Joint returns are listed once under their joint code (e.g. "940 / 941").
    """
    release = (
        PublishedRelease.objects.filter(values__geographic_level=LOCAL_AUTHORITY).distinct().first()
    )
    if release is None:
        return []
    rows = (
        release.values.filter(geographic_level=LOCAL_AUTHORITY, time_period=release.last_year)
        .exclude(old_la_code="")
        .values_list("old_la_code", "area_name", "region_code", "region_name")
        .distinct()
    )
    own_region = organisation.region
    for old, _, region, _ in rows:
        if la_code_matches(old, organisation.la_code):
            own_region = region
    councils: dict[str, Council] = {}
    for old, name, region, region_name in rows:
        if la_code_matches(old, organisation.la_code):
            continue
        councils[old] = {
            "code": old,
            "name": name,
            "region_name": region_name,
            "in_region": region == own_region,
        }
    return sorted(councils.values(), key=lambda c: (not c["in_region"], c["name"]))
