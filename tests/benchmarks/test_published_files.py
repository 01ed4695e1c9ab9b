"""The four real DfE files (skipped when absent): row counts, checksums, symbols and the
published figures quoted in workforce-measures.md §§6-7."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import polars as pl
import pytest

from workforce_health.benchmarks import Layout, PublishedRelease, read_published

from .synthetic import HEADLINE, INDICATORS, SFR07, SFR08

FileFinder = Callable[[str], Path]

# From the data README: layout, data rows, SHA-256, release label, years.
FILES = {
    INDICATORS: (
        Layout.INDICATORS_2017_2025,
        1463,
        "9e058bac193cc5b03f0d21ebe4259c8935d236dbf59f09d90b3e0916bfbca95f",
        "2025 release",
        list(range(2017, 2026)),
    ),
    HEADLINE: (
        Layout.HEADLINE_2017_2022,
        978,
        "46889430c2b58fcfbb147c9a388bd434c2ee96452fadec2f80e4642a04f54717",
        "2022 release",
        list(range(2017, 2023)),
    ),
    SFR07: (
        Layout.SFR07_2015,
        164,
        "bed50074c6232d30ac6099a7ed6e88eeeea4762dc6a6b46539d757145ebc1b75",
        "SFR 07/2016",
        [2015],
    ),
    SFR08: (
        Layout.SFR08_2016,
        164,
        "288e22c73a1c412528013320c672f1c81d6c2974fa27ba2fb04e358bd9b940cf",
        "SFR 08/2017",
        [2016],
    ),
}

_cache: dict[str, PublishedRelease] = {}


def load(dfe_file: FileFinder, name: str) -> PublishedRelease:
    path = dfe_file(name)  # skips when absent
    if name not in _cache:
        _cache[name] = read_published(path, filename=name)
    return _cache[name]


def published(release: PublishedRelease, area_code: str, year: int) -> dict[str, float | None]:
    rows = release.frame.filter(pl.col("area_code") == area_code, pl.col("time_period") == year)
    return dict(zip(rows["measure"].to_list(), rows["value"].to_list(), strict=True))


@pytest.mark.parametrize("name", list(FILES))
def test_each_file_parses_with_readme_row_counts(dfe_file: FileFinder, name: str) -> None:
    layout, rows, sha256, label, years = FILES[name]
    release = load(dfe_file, name)
    assert (release.layout, release.rows, release.sha256) == (layout, rows, sha256)
    assert (release.release, release.years) == (label, years)
    per_area = release.frame.group_by("time_period", "geographic_level").agg(
        pl.col("area_code").n_unique()
    )
    national = per_area.filter(pl.col("geographic_level") == "National")["area_code"]
    regional = per_area.filter(pl.col("geographic_level") == "Regional")["area_code"]
    assert set(national) == {1} and set(regional) == {11}  # README "Row make-up"


def test_council_rows_per_year(dfe_file: FileFinder) -> None:
    expected = {  # §8.1 and §8.2
        INDICATORS: [151, 151, 150, 150, 150, 150, 151, 151, 151],
        HEADLINE: [151, 151, 150, 150, 152, 152],
    }
    for name, counts in expected.items():
        frame = load(dfe_file, name).frame.filter(pl.col("geographic_level") == "Local authority")
        per_year = frame.group_by("time_period").agg(pl.col("area_code").n_unique())
        assert per_year.sort("time_period")["area_code"].to_list() == counts


@pytest.mark.parametrize(
    ("name", "counts"),
    [
        (INDICATORS, {"x": 98, "z": 81, "c": 8, "low": 12, "u": 51}),
        (HEADLINE, {"x": 34, "z": 88, "c": 8}),
    ],
)
def test_ees_symbol_counts_match_readme(
    dfe_file: FileFinder, name: str, counts: dict[str, int]
) -> None:
    frame = load(dfe_file, name).frame
    got = dict(frame.drop_nulls("symbol").group_by("symbol").len().iter_rows())
    assert got == counts
    assert frame.filter(pl.col("symbol").is_not_null())["value"].null_count() == sum(
        counts.values()
    )


def test_sfr_symbols_in_measure_columns(dfe_file: FileFinder) -> None:
    # Only the key measure columns are imported, so these are subsets of the README's counts.
    sfr07 = load(dfe_file, SFR07).frame
    assert set(sfr07["symbol"].drop_nulls()) == {"x", "..", "-"}
    dash = sfr07.filter(pl.col("symbol") == "-").sort("source_row", "measure")
    assert dash.select("area_name", "measure").rows() == [
        ("Rutland", "absence_rate_fte"),
        ("Rutland", "working_days_lost_fte"),
        ("Cambridgeshire", "absence_rate_fte"),
    ]
    assert set(load(dfe_file, SFR08).frame["symbol"].drop_nulls()) == {"x", "..", "."}


# §7.1 volumes and §7.2 rates for England, 2025 release.
ENGLAND_VOLUMES = {
    # year: inpost fte/hc, starters fte/hc, leavers fte/hc, agency fte/hc, agency cover,
    #       vacancies, case holders, cases, working days lost
    2017: (28482.6, 30646, 5500.5, 5726, 3811.8, 4204, 5343.2, 5689, 3864.7, 5822.6, 17840.6,
           316647, 224856.9),
    2018: (29464.9, 31653, 5209.7, 5426, 4451.6, 4827, 5356.3, 5529, 4166.4, 5812.4, 18787.3,
           327313, 234873.6),
    2019: (30683.8, 32851, 5928.9, 6190, 4607.5, 4963, 5753.5, 6090, 4414.0, 6036.6, 20003.8,
           337202, 241345.6),
    2020: (31852.3, 33928, 5202.4, 5424, 4294.2, 4618, 5800.9, 5969, 4529.0, 6112.6, 20530.8,
           334706, 231354.1),
    2021: (32502.0, 34620, 5518.7, 5758, 4994.5, 5388, 5969.5, 6139, 4557.8, 6521.9, 20548.9,
           335201, 257240.9),
    2022: (31634.1, 33689, 4825.6, 5054, 5422.0, 5796, 6759.7, 6969, 5440.5, 7912.9, 20206.0,
           335563, 283440.5),
    2023: (33119.1, 35199, 6027.5, 6247, 5254.6, 5640, 7178.5, 7429, 5744.2, 7722.7, 21111.4,
           337055, 270451.0),
    2024: (34328.2, 36402, 5613.4, 5822, 4728.7, 5073, 6520.7, 6704, 5313.2, 7188.6, 20803.5,
           320461, 285778.4),
    2025: (36186.3, 38292, 5837.8, 6043, 4276.3, 4611, 5415.9, 5566, 4390.8, 5965.4, 21105.4,
           321661, 322786.3),
}  # fmt: skip
VOLUME_MEASURES = (
    "inpost_fte", "inpost_headcount", "starters_fte", "starters_headcount", "leavers_fte",
    "leavers_headcount", "agency_fte", "agency_headcount", "agency_cover_fte", "vacancy_fte",
    "case_holders_fte", "cases", "working_days_lost_fte",
)  # fmt: skip
ENGLAND_RATES = {
    # turnover fte/hc, agency rate fte/hc, agency cover, vacancy cover, vacancy, caseload, absence
    2017: (13.4, 13.7, 15.8, 15.7, 74.2, 67.5, 17.0, 17.7, 3.1),
    2018: (15.1, 15.2, 15.4, 14.9, 77.8, 72.3, 16.5, 17.4, 3.2),
    2019: (15.0, 15.1, 15.8, 15.6, 76.7, 73.1, 16.4, 16.9, 3.1),
    2020: (13.5, 13.6, 15.4, 15.0, 78.1, 74.1, 16.1, 16.3, 2.9),
    2021: (15.4, 15.6, 15.5, 15.1, 76.4, 69.9, 16.7, 16.3, 3.1),
    2022: (17.2, 17.3, 17.6, 17.1, 80.5, 68.8, 20.0, 16.6, 3.5),
    2023: (15.9, 16.0, 17.9, 17.4, 79.8, 74.4, 18.9, 16.0, 3.3),
    2024: (13.9, 13.9, 16.2, 15.7, 81.3, 76.2, 17.3, 15.4, 3.4),
    2025: (11.8, 12.0, 13.0, 12.7, 81.1, 73.6, 14.2, 15.2, 3.5),
}
RATE_MEASURES = (
    "turnover_rate_fte", "turnover_rate_headcount", "agency_rate_fte", "agency_rate_headcount",
    "agency_cover_rate_fte", "vacancy_agency_cover_rate_fte", "vacancy_rate_fte", "caseload_fte",
    "absence_rate_fte",
)  # fmt: skip


@pytest.mark.parametrize("year", list(ENGLAND_VOLUMES))
def test_england_matches_workforce_measures_tables(dfe_file: FileFinder, year: int) -> None:
    england = published(load(dfe_file, INDICATORS), "E92000001", year)
    assert len(england) == 22
    expected = dict(zip(VOLUME_MEASURES, ENGLAND_VOLUMES[year], strict=True))
    expected |= dict(zip(RATE_MEASURES, ENGLAND_RATES[year], strict=True))
    assert {m: england[m] for m in expected} == pytest.approx(expected)


# §7.4, FTE basis: vacancy, turnover, agency, caseload (2024 and 2025) and absence (2025).
REGIONS_2024_2025 = {
    "E92000001": (17.3, 13.9, 16.2, 15.4, 14.2, 11.8, 13.0, 15.2, 3.5),
    "E12000001": (12.2, 14.0, 10.4, 16.8, 8.9, 11.7, 8.2, 16.5, 3.9),
    "E12000002": (18.4, 15.5, 19.0, 16.6, 15.7, 12.2, 16.6, 15.8, 4.1),
    "E12000003": (13.4, 12.3, 11.6, 15.8, 7.4, 9.9, 7.9, 15.9, 4.1),
    "E12000004": (16.3, 11.4, 15.3, 15.0, 11.8, 9.8, 10.3, 15.3, 4.1),
    "E12000005": (18.2, 11.9, 13.9, 16.2, 14.0, 11.5, 10.4, 15.3, 4.1),
    "E12000006": (12.4, 13.5, 11.0, 14.6, 11.1, 11.5, 9.5, 14.5, 2.9),
    "E12000007": (22.7, 15.3, 21.9, 13.8, 19.4, 13.8, 17.9, 13.8, 2.8),
    "E13000001": (21.8, 14.5, 21.5, 12.9, 18.0, 11.7, 17.3, 12.8, 2.5),
    "E13000002": (23.5, 15.9, 22.3, 14.5, 20.5, 15.7, 18.4, 14.6, 3.1),
    "E12000008": (16.0, 14.4, 15.1, 15.5, 15.1, 12.3, 13.4, 15.6, 2.9),
    "E12000009": (19.3, 14.5, 18.7, 15.0, 16.1, 11.4, 14.9, 15.3, 3.3),
}
FOUR = ("vacancy_rate_fte", "turnover_rate_fte", "agency_rate_fte", "caseload_fte")


@pytest.mark.parametrize("code", list(REGIONS_2024_2025))
def test_regions_match_workforce_measures_table(dfe_file: FileFinder, code: str) -> None:
    release = load(dfe_file, INDICATORS)
    figures = REGIONS_2024_2025[code]
    y2024, y2025 = published(release, code, 2024), published(release, code, 2025)
    assert [y2024[m] for m in FOUR] == pytest.approx(list(figures[:4]))
    assert [y2025[m] for m in (*FOUR, "absence_rate_fte")] == pytest.approx(list(figures[4:]))


def test_wolverhampton_2025_matches_worked_example(dfe_file: FileFinder) -> None:
    release = load(dfe_file, INDICATORS)
    row = release.frame.filter(pl.col("old_la_code") == "336", pl.col("time_period") == 2025)
    assert set(row["area_code"]) == {"E08000031"} and set(row["region_code"]) == {"E12000005"}
    got = dict(zip(row["measure"], row["value"], strict=True))
    expected = {  # §6.1, council-level check
        "inpost_fte": 226.4, "inpost_headcount": 239, "leavers_fte": 24.4,
        "leavers_headcount": 26, "agency_fte": 25, "agency_headcount": 25,
        "agency_cover_fte": 25, "vacancy_fte": 44, "case_holders_fte": 110.3, "cases": 1521,
        "working_days_lost_fte": 2457.2, "turnover_rate_fte": 10.8,
        "turnover_rate_headcount": 10.9, "agency_rate_fte": 9.9, "agency_rate_headcount": 9.5,
        "vacancy_rate_fte": 16.3, "agency_cover_rate_fte": 100.0,
        "vacancy_agency_cover_rate_fte": 56.8, "caseload_fte": 13.8, "absence_rate_fte": 4.3,
    }  # fmt: skip
    assert {m: got[m] for m in expected} == pytest.approx(expected)


def test_headline_file_keeps_the_2022_release_values(dfe_file: FileFinder) -> None:
    england_2017 = published(load(dfe_file, HEADLINE), "E92000001", 2017)  # §7.3
    assert england_2017["inpost_fte"] == pytest.approx(28495.7)
    assert england_2017["leavers_fte"] == pytest.approx(3879.9)
    assert england_2017["turnover_rate_fte"] == pytest.approx(13.6)
    assert england_2017["leavers_headcount"] == 4497
    assert england_2017["turnover_rate_headcount"] == pytest.approx(14.7)


@pytest.mark.parametrize(
    ("name", "year", "expected"),
    [
        (SFR07, 2015, {"inpost_fte": 26500, "inpost_headcount": 28570, "starters_fte": 4440,
                       "starters_headcount": 4640, "leavers_fte": 4200, "leavers_headcount": 4560,
                       "agency_fte": 4860, "agency_headcount": 5070, "agency_cover_fte": 3850,
                       "vacancy_fte": 5470, "working_days_lost_fte": 236760,
                       "turnover_rate_fte": 16, "turnover_rate_headcount": 16,
                       "agency_rate_fte": 16, "agency_rate_headcount": 15,
                       "vacancy_rate_fte": 17, "absence_rate_fte": 4}),
        (SFR08, 2016, {"inpost_fte": 27700, "inpost_headcount": 29930, "starters_fte": 4720,
                       "starters_headcount": 4990, "leavers_fte": 4190, "leavers_headcount": 4730,
                       "agency_fte": 5330, "agency_headcount": 5570, "agency_cover_fte": 3870,
                       "vacancy_fte": 5540, "cases": 326770, "working_days_lost_fte": 244320,
                       "turnover_rate_fte": 15.1, "turnover_rate_headcount": 15.8,
                       "agency_rate_fte": 16.1, "agency_rate_headcount": 15.7,
                       "vacancy_rate_fte": 16.7, "caseload_fte": 16.1, "absence_rate_fte": 3.5}),
    ],
)  # fmt: skip
def test_sfr_england_matches_workforce_measures_tables(
    dfe_file: FileFinder, name: str, year: int, expected: dict[str, float]
) -> None:
    england = published(load(dfe_file, name), "E92000001", year)
    assert england == pytest.approx(expected)  # exactly the mapped measures, nothing else


def test_joint_codes_in_real_files(dfe_file: FileFinder) -> None:
    indicators = load(dfe_file, INDICATORS).frame
    joint = indicators.filter(pl.col("old_la_code").str.contains("/")).unique("source_row")
    by_code = joint.group_by("old_la_code").agg(pl.col("time_period").sort())
    assert dict(by_code.iter_rows()) == {
        "314 / 318": list(range(2017, 2026)),
        "940 / 941": list(range(2021, 2026)),
    }
    nn = joint.filter(pl.col("old_la_code") == "940 / 941").row(0, named=True)
    assert nn["area_code"] == "E06000061 / E06000062"
    assert nn["area_name"] == "North Northamptonshire / West Northamptonshire"
    headline = load(dfe_file, HEADLINE).frame  # §8.2: separate rows, the partner shows z
    partner = headline.filter(pl.col("old_la_code") == "941")
    assert set(partner["symbol"]) == {"z"} and partner["value"].null_count() == partner.height


def test_region_names_differ_but_codes_agree(dfe_file: FileFinder) -> None:
    def regions(name: str) -> dict[str, str]:
        frame = load(dfe_file, name).frame.filter(pl.col("geographic_level") == "Regional")
        return dict(frame.select("area_code", "area_name").unique().iter_rows())

    ees, sfr = regions(INDICATORS), regions(SFR08)
    assert ees.keys() == sfr.keys()
    assert (ees["E12000006"], sfr["E12000006"]) == ("East of England", "East")
    assert (ees["E12000003"], sfr["E12000003"]) == (
        "Yorkshire and The Humber",
        "Yorkshire and the Humber",
    )
