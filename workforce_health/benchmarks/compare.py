"""Compare one council with England, its region and chosen comparator councils.

Works on the tidy frame from :func:`~.published.read_published` (or the shipped file), one
release at a time: releases revise earlier years, so values from two releases are never mixed in
one comparison (workforce-measures.md §7.3).

The comparator mean and median are unweighted over the comparators' *published* values; councils
whose cell is a symbol are left out and listed in ``comparator_excluded``. Note this is a summary
of published council figures, not a pooled rate (§5.9 rule 2 pools numerators and denominators).
"""

from __future__ import annotations

from typing import Final

import polars as pl

from .errors import MixedReleasesError
from .measures import LOCAL_AUTHORITY, NATIONAL, REGIONAL, check_measures
from .published import la_code_matches

COMPARISON_COLUMNS: Final = (
    "release",
    "time_period",
    "measure",
    "organisation_code",
    "organisation_name",
    "organisation_value",
    "organisation_symbol",
    "region_code",
    "region_name",
    "region_value",
    "region_symbol",
    "england_value",
    "england_symbol",
    "comparator_mean",
    "comparator_median",
    "comparator_n",
    "comparator_excluded",
)

#: Series keys in :func:`trend` output, in legend order.
SERIES: Final = ("organisation", "region", "england", "comparator_mean", "comparator_median")


def single_release(frame: pl.DataFrame) -> str:
    """The frame's one release label; :class:`MixedReleasesError` if there are several."""
    releases = frame["release"].unique().drop_nulls().sort().to_list()
    if len(releases) != 1:
        raise MixedReleasesError(
            f"a comparison needs values from exactly one release, found {releases or 'none'}; "
            "filter the frame to one release first (workforce-measures.md §7.3)"
        )
    return str(releases[0])


def matching_areas(frame: pl.DataFrame, la_code: str) -> list[str]:
    """Area codes of council rows matching ``la_code`` (old or new code, joint codes allowed)."""
    councils = (
        frame.filter(pl.col("geographic_level") == LOCAL_AUTHORITY)
        .select("old_la_code", "area_code")
        .unique()
    )
    return sorted(
        {
            area
            for old, area in councils.iter_rows()
            if la_code_matches(old, la_code) or la_code_matches(area, la_code)
        }
    )


def comparison(
    frame: pl.DataFrame, *, la_code: str, comparators: list[str], measures: list[str]
) -> pl.DataFrame:
    """One row per year per measure: the council, its region, England and its comparators.

    ``la_code`` and ``comparators`` may be old 3-digit or new 9-character codes; a council in a
    joint return (e.g. ``941``) matches the joint row (``940 / 941``). Columns:
    :data:`COMPARISON_COLUMNS`. ``*_value`` is null where the published cell is a symbol, and the
    matching ``*_symbol`` says which.
    """
    release = single_release(frame)
    check_measures(measures)
    absent = sorted(set(measures) - set(frame["measure"].unique().to_list()))
    if absent:
        raise ValueError(f"measure(s) {absent} are not published in the {release} file")
    data = frame.filter(pl.col("measure").is_in(measures))

    org_areas = matching_areas(data, la_code)
    if not org_areas:
        raise ValueError(f"no council with code {la_code!r} in the {release} file")
    org = data.filter(pl.col("area_code").is_in(org_areas))
    clash = org.group_by("time_period", "measure").len().filter(pl.col("len") > 1)
    if clash.height:
        raise ValueError(f"code {la_code!r} matches several councils: {org_areas}")
    latest = org.sort("time_period").row(-1, named=True)  # region from the frame itself
    region_code = latest["region_code"]

    comparator_areas: set[str] = set()
    unknown = []
    for code in comparators:
        found = matching_areas(data, code)
        comparator_areas.update(found)
        if not found:
            unknown.append(code)
    if unknown:
        raise ValueError(f"comparator code(s) {unknown} not found in the {release} file")

    keys = ["time_period", "measure"]
    grid = data.select(keys).unique()

    def series(rows: pl.DataFrame, prefix: str) -> pl.DataFrame:
        return rows.select(
            *keys,
            pl.col("value").alias(f"{prefix}_value"),
            pl.col("symbol").alias(f"{prefix}_symbol"),
        )

    region = data.filter(
        (pl.col("geographic_level") == REGIONAL) & (pl.col("area_code") == region_code)
    )
    england = data.filter(pl.col("geographic_level") == NATIONAL)
    comp = (
        data.filter(pl.col("area_code").is_in(sorted(comparator_areas)))
        .group_by(keys)
        .agg(
            pl.col("value").mean().alias("comparator_mean"),
            pl.col("value").median().alias("comparator_median"),
            pl.col("value").count().cast(pl.Int64).alias("comparator_n"),
            pl.format("{} ({}): {}", "area_name", "old_la_code", "symbol")
            .filter(pl.col("symbol").is_not_null())
            .sort()
            .alias("comparator_excluded"),
        )
    )
    out = (
        grid.join(series(org, "organisation"), on=keys, how="left")
        .join(series(region, "region"), on=keys, how="left")
        .join(series(england, "england"), on=keys, how="left")
        .join(comp, on=keys, how="left")
        .with_columns(
            pl.lit(release).alias("release"),
            pl.lit(latest["old_la_code"] or latest["area_code"]).alias("organisation_code"),
            pl.lit(latest["area_name"]).alias("organisation_name"),
            pl.lit(region_code, pl.String).alias("region_code"),
            pl.lit(latest["region_name"], pl.String).alias("region_name"),
            pl.col("comparator_n").fill_null(0),
            pl.col("comparator_excluded").fill_null(pl.lit([], pl.List(pl.String))),
        )
    )
    order = {m: i for i, m in enumerate(measures)}
    return out.sort(
        pl.col("measure").replace_strict(order, return_dtype=pl.Int64), "time_period"
    ).select(COMPARISON_COLUMNS)


def trend(
    frame: pl.DataFrame,
    *,
    la_code: str,
    comparators: list[str],
    measures: list[str],
    since: int = 2017,
) -> pl.DataFrame:
    """Long series for charting: ``time_period, measure, series, label, value, symbol``.

    ``series`` is one of :data:`SERIES`; ``label`` is the display name (council, region,
    "England", "Comparator mean"/"median"). Years before ``since`` are dropped (default 2017,
    the first year of the per-worker census; §1 and §5.5 on the 2016 caseload method).
    """
    table = comparison(frame, la_code=la_code, comparators=comparators, measures=measures)
    table = table.filter(pl.col("time_period") >= since)
    if table.is_empty():
        return pl.DataFrame(
            schema={
                "time_period": pl.Int64,
                "measure": pl.String,
                "series": pl.String,
                "label": pl.String,
                "value": pl.Float64,
                "symbol": pl.String,
            }
        )
    first = table.row(0, named=True)
    labels = {
        "organisation": first["organisation_name"],
        "region": first["region_name"],
        "england": "England",
        "comparator_mean": "Comparator mean",
        "comparator_median": "Comparator median",
    }
    parts = []
    for key in SERIES:
        value = f"{key}_value" if key in ("organisation", "region", "england") else key
        symbol = (
            pl.col(f"{key}_symbol")
            if key in ("organisation", "region", "england")
            else pl.lit(None, pl.String)
        )
        parts.append(
            table.select(
                "time_period",
                "measure",
                pl.lit(key).alias("series"),
                pl.lit(labels[key], pl.String).alias("label"),
                pl.col(value).alias("value"),
                symbol.alias("symbol"),
            )
        )
    return pl.concat(parts)
