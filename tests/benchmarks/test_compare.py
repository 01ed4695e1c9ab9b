"""comparison() and trend(): synthetic cases always, a real council when the DfE file is present."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import polars as pl
import pytest

from workforce_health.benchmarks import (
    MixedReleasesError,
    comparison,
    england_national,
    read_published,
    trend,
)
from workforce_health.benchmarks.compare import COMPARISON_COLUMNS, SERIES

from .synthetic import HEADLINE, INDICATORS, ees_row, indicators_csv

WM = ("E12000005", "West Midlands")
EM = ("E12000004", "East Midlands")


def synthetic_frame() -> pl.DataFrame:
    rows = []
    for year in (2024, 2025):
        bump = str(year - 2024)
        rows += [
            ees_row(year, "National", turnover_rate_fte=f"1{bump}"),
            ees_row(year, "Regional", region=WM, turnover_rate_fte=f"2{bump}"),
            ees_row(year, "Regional", region=EM, turnover_rate_fte="99"),
            ees_row(year, la=("336", "E08000031", "Wolverhampton"), turnover_rate_fte=f"3{bump}"),
            ees_row(year, la=("330", "E08000025", "Birmingham"), turnover_rate_fte="10"),
            ees_row(year, la=("331", "E08000026", "Coventry"), turnover_rate_fte="20"),
            ees_row(year, la=("332", "E08000027", "Dudley"), turnover_rate_fte="60"),
            ees_row(year, la=("333", "E08000028", "Sandwell"), turnover_rate_fte="c"),
            ees_row(
                year,
                region=EM,
                la=("940 / 941", "E06000061 / E06000062", "North / West Northamptonshire"),
                turnover_rate_fte="low",
            ),
        ]
    return read_published(indicators_csv(*rows), filename="synthetic.csv").frame


def test_comparison_rows_columns_and_values() -> None:
    table = comparison(
        synthetic_frame(),
        la_code="336",
        comparators=["330", "331", "332", "333"],
        measures=["turnover_rate_fte", "cases"],
    )
    assert table.columns == list(COMPARISON_COLUMNS)
    assert table.select("measure", "time_period").rows() == [
        ("turnover_rate_fte", 2024),
        ("turnover_rate_fte", 2025),
        ("cases", 2024),
        ("cases", 2025),
    ]
    row = table.row(1, named=True)
    assert row["release"] == "2025 release"
    assert (row["organisation_code"], row["organisation_name"]) == ("336", "Wolverhampton")
    assert (row["region_code"], row["region_name"]) == ("E12000005", "West Midlands")
    assert (row["organisation_value"], row["region_value"], row["england_value"]) == (31, 21, 11)
    assert row["comparator_mean"] == pytest.approx(30.0)  # (10 + 20 + 60) / 3, Sandwell is c
    assert row["comparator_median"] == pytest.approx(20.0)
    assert row["comparator_n"] == 3
    assert row["comparator_excluded"] == ["Sandwell (333): c"]


def test_joint_return_partner_finds_the_joint_row() -> None:
    table = comparison(
        synthetic_frame(), la_code="941", comparators=["940"], measures=["turnover_rate_fte"]
    )
    row = table.row(0, named=True)
    assert row["organisation_code"] == "940 / 941" and row["region_code"] == "E12000004"
    assert (row["organisation_value"], row["organisation_symbol"]) == (None, "low")
    assert row["region_value"] == 99
    assert row["comparator_n"] == 0 and row["comparator_excluded"] == [
        "North / West Northamptonshire (940 / 941): low"
    ]


def test_new_codes_work_as_well_as_old_codes() -> None:
    frame = synthetic_frame()
    by_old = comparison(frame, la_code="336", comparators=["330"], measures=["cases"])
    by_new = comparison(frame, la_code="E08000031", comparators=["E08000025"], measures=["cases"])
    assert by_old.equals(by_new)


def test_mixing_releases_is_refused() -> None:
    frame = synthetic_frame()
    older = frame.with_columns(pl.lit("2022 release").alias("release"))
    with pytest.raises(MixedReleasesError, match=r"\['2022 release', '2025 release'\]"):
        comparison(pl.concat([frame, older]), la_code="336", comparators=[], measures=["cases"])


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"la_code": "999"}, "no council with code '999'"),
        ({"comparators": ["330", "998"]}, r"comparator code\(s\) \['998'\] not found"),
        ({"measures": ["turnover"]}, r"unknown measure\(s\) \['turnover'\]"),
    ],
)
def test_bad_requests_are_errors(kwargs: dict[str, object], message: str) -> None:
    args: dict[str, object] = {
        "la_code": "336",
        "comparators": ["330"],
        "measures": ["cases"],
    } | kwargs
    with pytest.raises(ValueError, match=message):
        comparison(synthetic_frame(), **args)  # type: ignore[arg-type]


def test_trend_is_long_and_starts_at_since() -> None:
    series = trend(
        synthetic_frame(),
        la_code="336",
        comparators=["330", "331"],
        measures=["turnover_rate_fte"],
        since=2025,
    )
    assert series.columns == ["time_period", "measure", "series", "label", "value", "symbol"]
    assert series["series"].to_list() == list(SERIES)
    assert set(series["time_period"]) == {2025}
    assert series["label"].to_list() == [
        "Wolverhampton",
        "West Midlands",
        "England",
        "Comparator mean",
        "Comparator median",
    ]
    assert series["value"].to_list() == [31, 21, 11, 15, 15]


def test_trend_is_empty_before_since() -> None:
    series = trend(synthetic_frame(), la_code="336", comparators=[], measures=["cases"], since=2030)
    assert series.is_empty() and series.columns[2] == "series"


def test_national_fixture_has_no_councils_to_compare() -> None:
    with pytest.raises(ValueError, match="no council"):
        comparison(england_national().frame, la_code="336", comparators=[], measures=["inpost_fte"])


# --- real file ---------------------------------------------------------------------------------

WEST_MIDLANDS_NEIGHBOURS = ["330", "331", "332", "333", "334", "335"]
MEASURES = [
    "vacancy_rate_fte",
    "turnover_rate_fte",
    "agency_rate_fte",
    "caseload_fte",
    "absence_rate_fte",
]


def test_wolverhampton_against_west_midlands_and_england(
    dfe_file: Callable[[str], Path],
) -> None:
    frame = read_published(dfe_file(INDICATORS), filename=INDICATORS).frame
    table = comparison(
        frame, la_code="336", comparators=WEST_MIDLANDS_NEIGHBOURS, measures=MEASURES
    )
    assert table.height == len(MEASURES) * 9  # 2017-2025
    assert set(table["region_name"]) == {"West Midlands"}
    latest = table.filter(pl.col("time_period") == 2025)
    assert latest["measure"].to_list() == MEASURES
    assert latest["organisation_value"].to_list() == [16.3, 10.8, 9.9, 13.8, 4.3]  # §6.1
    assert latest["region_value"].to_list() == [14.0, 11.5, 10.4, 15.3, 4.1]  # §7.4
    assert latest["england_value"].to_list() == [14.2, 11.8, 13.0, 15.2, 3.5]  # §7.2
    assert latest["comparator_n"].to_list() == [6] * len(MEASURES)
    # Birmingham's 2024 caseload is published as u (low reliability): excluded and listed.
    caseload_2024 = table.filter(pl.col("time_period") == 2024, pl.col("measure") == "caseload_fte")
    assert caseload_2024["comparator_excluded"].to_list() == [["Birmingham (330): u"]]
    assert caseload_2024["comparator_n"].to_list() == [5]

    chart = trend(frame, la_code="336", comparators=WEST_MIDLANDS_NEIGHBOURS, measures=MEASURES)
    assert chart.height == len(MEASURES) * 9 * len(SERIES)


def test_real_releases_are_never_mixed(dfe_file: Callable[[str], Path]) -> None:
    new = read_published(dfe_file(INDICATORS), filename=INDICATORS).frame
    old = read_published(dfe_file(HEADLINE), filename=HEADLINE).frame
    with pytest.raises(MixedReleasesError):
        comparison(pl.concat([new, old]), la_code="336", comparators=[], measures=["inpost_fte"])
    with pytest.raises(ValueError, match=r"\['starters_fte'\] are not published"):
        comparison(old, la_code="336", comparators=[], measures=["starters_fte"])
