"""benchmark_series and benchmark_latest: one release per measure, the right areas."""

import polars as pl
import pytest

from tests.benchmarks.conftest import headline, indicators
from workforce_health.benchmarks import selectors, services

pytestmark = pytest.mark.django_db

TURNOVER = ["turnover_rate_fte"]


def _series(frame: pl.DataFrame, name: str) -> dict[int, float | None]:
    rows = frame.filter(pl.col("series") == name).select("time_period", "value").rows()
    return dict(rows)


def test_series_compares_england_region_comparators_and_own_figures(council):
    services.published_release_import(source=indicators(), filename="i.csv")
    services.comparators_set(organisation=council.organisation, la_codes=["330", "331", "941"])
    frame = selectors.benchmark_series(organisation=council.organisation, measures=TURNOVER)
    assert frame.columns == ["time_period", "measure", "series", "value", "symbol", "release"]
    assert frame["series"].unique(maintain_order=True).to_list() == [
        "England",
        "West Midlands",
        "Comparator mean",
        "Testshire Council (published)",
    ]
    assert _series(frame, "England") == {2023: 10.0, 2024: 10.0, 2025: 10.0}
    assert _series(frame, "West Midlands")[2025] == 11.0
    assert _series(frame, "Testshire Council (published)")[2025] == 12.0
    # Birmingham 13 and Coventry 14; Northamptonshire's "c" is left out (§8.4).
    assert _series(frame, "Comparator mean")[2025] == 13.5


def test_series_never_mixes_releases(council):
    services.published_release_import(source=indicators(range(2019, 2026)), filename="i.csv")
    services.published_release_import(source=headline(range(2015, 2023)), filename="h.csv")
    frame = selectors.benchmark_series(
        organisation=council.organisation, measures=TURNOVER, since=2015
    )
    assert frame["release"].unique().to_list() == ["2025 release"]
    assert min(_series(frame, "England")) == 2019  # not filled from the 2022 release
    only_old = selectors.benchmark_series(
        organisation=council.organisation, measures=["leavers_fte"], since=2015
    )
    assert only_old["release"].unique().to_list() == ["2025 release"]


def test_older_release_is_used_when_the_newest_lacks_the_measure(council):
    services.published_release_import(source=indicators(range(2017, 2020)), filename="i.csv")
    services.published_release_import(source=headline(), filename="h.csv")  # newer, no starters
    frame = selectors.benchmark_series(organisation=council.organisation, measures=["starters_fte"])
    assert frame["release"].unique().to_list() == ["2019 release"]  # as the synthetic file says
    assert sorted(frame["time_period"].unique().to_list()) == [2017, 2018, 2019]
    newest = selectors.benchmark_series(organisation=council.organisation, measures=TURNOVER)
    assert newest["release"].unique().to_list() == ["2022 release"]
    assert newest["series"].unique().to_list() == ["England"]


def test_series_with_no_data_is_empty_with_the_columns(council):
    frame = selectors.benchmark_series(organisation=council.organisation, measures=TURNOVER)
    assert frame.is_empty() and frame.columns[-1] == "release"


def test_unknown_measure_is_refused(council):
    with pytest.raises(ValueError, match="unknown measure"):
        selectors.benchmark_series(organisation=council.organisation, measures=["turnover"])


def test_latest_gives_england_and_region_with_release_and_attribution(council):
    services.published_release_import(source=indicators(), filename="i.csv")
    latest = selectors.benchmark_latest(organisation=council.organisation, measures=TURNOVER)
    assert (latest["release"], latest["time_period"], latest["region_name"]) == (
        "2025 release",
        2025,
        "West Midlands",
    )
    assert "Open Government Licence" in latest["attribution"]
    value = latest["measures"]["turnover_rate_fte"]
    assert (value["england"], value["region"], value["england_symbol"]) == (10.0, 11.0, None)


def test_latest_from_an_england_only_release_has_no_region(council):
    services.published_release_import(source=headline(), filename="h.csv")
    latest = selectors.benchmark_latest(
        organisation=council.organisation, measures=["turnover_rate_fte", "starters_fte"]
    )
    assert latest["measures"]["turnover_rate_fte"]["england"] == 50.0
    assert latest["measures"]["turnover_rate_fte"]["region"] is None
    assert "starters_fte" not in latest["measures"]
