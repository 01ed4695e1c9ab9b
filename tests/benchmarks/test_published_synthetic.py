"""Parser edge cases on small synthetic files (run with or without the real DfE files)."""

from __future__ import annotations

import hashlib
import io
from pathlib import Path

import polars as pl
import pytest

from workforce_health.benchmarks import (
    Layout,
    PublishedFileError,
    detect_layout,
    la_code_matches,
    read_published,
)
from workforce_health.benchmarks.published import TIDY_COLUMNS

from .synthetic import HEADLINE_HEADER, SFR_IDS, ees_row, indicators_csv

NATIONAL = ees_row(level="National")


def value(frame: pl.DataFrame, measure: str, **where: str) -> tuple[float | None, str | None]:
    rows = frame.filter(pl.col("measure") == measure, **where)
    assert rows.height == 1, rows
    return rows["value"][0], rows["symbol"][0]


def sfr08_csv(*rows: str, unnamed: int = 2, blank_rows: int = 3) -> bytes:
    """An SFR08-shaped file: key columns only, two unnamed trailing columns, blank rows after."""
    measures = [
        "A1_FTE_ChildrensSocialWorkers_2016",
        "B1_FTE_Starters_2016",
        "B2_FTE_Leavers_2016",
        "B3_FTE_TurnoverRate_2016",
        "D1_FTE_AgencyWorkers_2016",
        "D1a_FTE_AgencyWorkers_2016",
        "D2_FTE_AgencyWorkerRate_2016",
        "A2_FTE_Vacancies_2016",
        "A3_FTE_VacancyRate_2016",
        "C1_FTE_Absence_2016",
        "C2_FTE_AbsenceRate_2016",
        "Number_of_cases",
        "Average_caseload",
        "A1_Headcount_ChildrensSocialWorkers_2016",
        "B1_Headcount_Starters_2016",
        "B2_Headcount_Leavers_2016",
        "B3_Headcount_TurnoverRate_2016",
        "D1_Headcount_AgencyWorkers_2016",
        "D1a_Headcount_AgencyWorkers_2016",
        "D2_Headcount_AgencyWorkerRate_2016",
    ]
    header = ",".join([SFR_IDS, *measures]) + "," * unnamed
    width = 7 + len(measures) + unnamed
    lines = [header, *rows, *[("," * (width - 1))] * blank_rows]
    return ("\n".join(lines) + "\n").encode()


def sfr_row(ids: str, *cells: str, fill: str = "1") -> str:
    values = list(cells) + [fill] * (20 - len(cells))
    return ids + "," + ",".join(values) + ",,"


SFR_ENGLAND = "E92000001,England,,,,,"
SFR_EAST = "E92000001,England,E12000006,East,,,"
SFR_ESSEX = "E92000001,England,E12000006,East,E10000012,Essex,881"


# --- layout detection -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "layout"),
    [
        (indicators_csv(NATIONAL), Layout.INDICATORS_2017_2025),
        (b"\xef\xbb\xbf" + HEADLINE_HEADER.encode() + b"\n", Layout.HEADLINE_2017_2022),
        (sfr08_csv(), Layout.SFR08_2016),
        (
            (SFR_IDS + ",A1_FTE_ChildrensSocialWorkers_2015,B1_FTE_Starters_2015").encode(),
            None,  # SFR07 signature but key columns missing: a clear error, not a guess
        ),
    ],
)
def test_detect_layout_from_header(data: bytes, layout: Layout | None) -> None:
    if layout is None:
        with pytest.raises(PublishedFileError, match=r"SFR 07/2016.*lacks columns"):
            detect_layout(data, filename="old.csv")
    else:
        assert detect_layout(data, filename="f.csv") is layout


def test_detect_layout_reads_a_path(tmp_path: Path) -> None:
    path = tmp_path / "download.csv"
    path.write_bytes(indicators_csv(NATIONAL))
    assert detect_layout(path) is Layout.INDICATORS_2017_2025


def test_unknown_header_names_the_file_and_what_was_expected() -> None:
    with pytest.raises(PublishedFileError) as caught:
        detect_layout(b"year,council,turnover\n2025,336,10\n", filename="my_export.csv")
    message = str(caught.value)
    assert message.startswith("my_export.csv: unrecognised header row 'year,council,turnover'")
    assert "EES indicators file" in message and "SFR 08/2017" in message


# --- cells ------------------------------------------------------------------------------------


def test_tidy_columns_provenance_and_release_label() -> None:
    data = indicators_csv(NATIONAL, ees_row(year=2024, level="National"))
    release = read_published(data, filename="upload.csv")
    assert release.frame.columns == list(TIDY_COLUMNS)
    assert release.release == "2025 release"  # latest year in an EES file
    assert release.sha256 == hashlib.sha256(data).hexdigest()
    assert release.rows == 2 and release.years == [2024, 2025]
    row = release.frame.row(0, named=True)
    assert row["source_file"] == "upload.csv" and row["source_row"] == 2
    assert row["area_code"] == "E92000001" and row["area_name"] == "England"
    assert row["region_code"] is None and row["old_la_code"] is None
    assert read_published(data, filename="u.csv", release="Feb 2026").release == "Feb 2026"


def test_reads_paths_and_file_objects(tmp_path: Path) -> None:
    data = indicators_csv(NATIONAL)
    path = tmp_path / "x.csv"
    path.write_bytes(data)
    from_path = read_published(path, filename="x.csv")
    from_str = read_published(str(path), filename="x.csv")
    from_io = read_published(io.BytesIO(data), filename="x.csv")
    assert from_path.frame.equals(from_io.frame) and from_str.frame.equals(from_io.frame)


def test_numbers_without_trailing_zeros_and_spaces() -> None:
    row = ees_row(inpost_fte="17", caseload_fte=" 16.25 ", cases="0", leavers_fte="-0.5")
    frame = read_published(indicators_csv(row), filename="f.csv").frame
    assert value(frame, "inpost_fte") == (17.0, None)
    assert value(frame, "caseload_fte") == (16.25, None)
    assert value(frame, "cases") == (0.0, None)  # a published 0 is a real zero
    assert value(frame, "leavers_fte") == (-0.5, None)


@pytest.mark.parametrize("symbol", ["x", "z", "c", "low", "u", ":"])
def test_every_ees_symbol_is_null_with_its_symbol(symbol: str) -> None:
    frame = read_published(indicators_csv(ees_row(agency_rate_fte=symbol)), filename="f").frame
    assert value(frame, "agency_rate_fte") == (None, symbol)
    assert frame["symbol"].drop_nulls().to_list() == [symbol]


def test_low_is_not_zero() -> None:
    frame = read_published(indicators_csv(ees_row(starters_fte="low")), filename="f").frame
    got, symbol = value(frame, "starters_fte")
    assert got is None and symbol == "low"


@pytest.mark.parametrize("symbol", ["x", "..", ".", "-"])
def test_every_sfr_symbol_is_null_with_its_symbol(symbol: str) -> None:
    data = sfr08_csv(sfr_row(SFR_ESSEX, "100", symbol))
    frame = read_published(data, filename="f").frame
    assert value(frame, "starters_fte") == (None, symbol)


def test_symbols_belong_to_their_file_family() -> None:
    with pytest.raises(PublishedFileError, match=r"column 'vacancy_fte': '\.\.'"):
        read_published(indicators_csv(ees_row(vacancy_fte="..")), filename="f.csv")


def test_bom_is_removed() -> None:
    data = indicators_csv(NATIONAL, bom=True)
    release = read_published(data, filename="bom.csv")
    assert release.frame["time_period"].unique().to_list() == [2025]


def test_headline_file_with_bom_maps_percent_columns() -> None:
    cells = ["2022", "Reporting year", "National", "E92000001", "England", "", "", "", "", ""]
    measures = [str(i) for i in range(1, 21)]
    data = b"\xef\xbb\xbf" + f"{HEADLINE_HEADER}\n{','.join(cells + measures)}\n".encode()
    release = read_published(data, filename="headline.csv")
    assert release.layout is Layout.HEADLINE_2017_2022 and release.release == "2022 release"
    frame = release.frame
    assert value(frame, "inpost_fte") == (1.0, None)  # social_worker_fte
    assert value(frame, "turnover_rate_fte") == (3.0, None)  # turnover_rate_fte_%
    assert value(frame, "agency_rate_headcount") == (20.0, None)
    assert "starters_fte" not in frame["measure"].to_list()


def test_thousands_separators_blank_rows_and_unnamed_columns() -> None:
    data = sfr08_csv(
        sfr_row(SFR_ENGLAND, '"27,700"', '"4,720"', fill='"2,551.0"'),
        sfr_row(SFR_EAST, "2910", "12.5"),
        sfr_row(SFR_ESSEX, "312.4"),
    )
    release = read_published(data, filename="SFR08_2017_UD.csv")
    assert release.rows == 3 and release.release == "SFR 08/2017" and release.years == [2016]
    frame = release.frame
    england = {"geographic_level": "National"}
    assert value(frame, "inpost_fte", **england) == (27700.0, None)
    assert value(frame, "starters_fte", **england) == (4720.0, None)
    assert value(frame, "cases", **england) == (2551.0, None)
    levels = frame.unique("source_row").sort("source_row")
    assert levels["geographic_level"].to_list() == ["National", "Regional", "Local authority"]
    assert levels["area_code"].to_list() == ["E92000001", "E12000006", "E10000012"]
    assert levels["old_la_code"].to_list() == [None, None, "881"]
    assert levels["region_name"].to_list() == [None, "East", "East"]  # SFR name; join on code


@pytest.mark.parametrize("bad", ['"27,70"', '"2,7000"', '",100"'])
def test_badly_grouped_thousands_are_errors(bad: str) -> None:
    with pytest.raises(PublishedFileError, match="A1_FTE_ChildrensSocialWorkers_2016"):
        read_published(sfr08_csv(sfr_row(SFR_ENGLAND, bad)), filename="f.csv")


def test_malformed_cell_error_names_row_column_and_text() -> None:
    rows = [NATIONAL, ees_row(turnover_rate_fte="12.3%"), ees_row(year=2024, cases="n/a")]
    with pytest.raises(PublishedFileError) as caught:
        read_published(indicators_csv(*rows), filename="indicators.csv")
    error = caught.value
    assert error.filename == "indicators.csv"
    assert [(p.row, p.column, p.text) for p in error.problems] == [
        (3, "turnover_rate_fte", "12.3%"),
        (4, "cases", "n/a"),
    ]
    assert "row 3, column 'turnover_rate_fte': '12.3%'" in str(error)
    assert "2 cell(s) could not be read" in str(error)


def test_headline_error_names_the_files_own_column() -> None:
    cells = ["2022", "Reporting year", "National", "E92000001", "England", "", "", "", "", ""]
    measures = ["1"] * 20
    measures[2] = "abc"  # turnover_rate_fte_%
    data = f"{HEADLINE_HEADER}\n{','.join(cells + measures)}\n".encode()
    with pytest.raises(PublishedFileError, match=r"row 2, column 'turnover_rate_fte_%': 'abc'"):
        read_published(data, filename="h.csv")


def test_empty_measure_cell_is_an_error() -> None:
    with pytest.raises(PublishedFileError, match=r"row 2, column 'cases': '' \(empty cell\)"):
        read_published(indicators_csv(ees_row(cases="")), filename="f.csv")


def test_bad_year_and_level_are_errors() -> None:
    row = ees_row(level="County").replace("2025", "25", 1)
    with pytest.raises(PublishedFileError) as caught:
        read_published(indicators_csv(row), filename="f.csv")
    columns = {p.column for p in caught.value.problems}
    assert {"time_period", "geographic_level"} <= columns


def test_duplicate_area_in_a_year_is_an_error() -> None:
    with pytest.raises(PublishedFileError, match="E08000031 appears twice for 2025"):
        read_published(indicators_csv(ees_row(), ees_row()), filename="f.csv")


def test_unquoted_comma_in_a_name_is_an_error_not_a_shift() -> None:
    row = ees_row(la=("810", "E06000010", "Kingston upon Hull, City of")).replace('"', "")
    with pytest.raises(PublishedFileError, match="not a readable CSV"):
        read_published(indicators_csv(row), filename="f.csv")


def test_header_only_file_is_an_error() -> None:
    with pytest.raises(PublishedFileError, match="no data rows"):
        read_published(indicators_csv(), filename="f.csv")


# --- joint codes ------------------------------------------------------------------------------


def test_joint_codes_are_kept_whole() -> None:
    joint = ("940 / 941", "E06000061 / E06000062", "North Northamptonshire / West Northamptonshire")
    row = ees_row(region=("E12000004", "East Midlands"), la=joint)
    frame = read_published(indicators_csv(row), filename="f.csv").frame
    assert frame["old_la_code"].unique().to_list() == ["940 / 941"]
    assert frame["area_code"].unique().to_list() == ["E06000061 / E06000062"]


@pytest.mark.parametrize(
    ("joint", "code", "expected"),
    [
        ("940 / 941", "940", True),
        ("940 / 941", "941", True),
        ("940 / 941", " 941 ", True),
        ("940 / 941", "928", False),
        ("940 / 941", "94", False),
        ("314 / 318", "314/318", True),
        ("E06000061 / E06000062", "e06000062", True),
        ("336", "336", True),
        ("336", "", False),
        (None, "336", False),
        ("", "", False),
    ],
)
def test_la_code_matches(joint: str | None, code: str, expected: bool) -> None:
    assert la_code_matches(joint, code) is expected
