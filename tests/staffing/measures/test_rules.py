"""Each counting rule of workforce-measures.md §§2-5, with the configurable edge rules."""

from __future__ import annotations

from datetime import date
from typing import Any

import polars as pl
import pytest

from workforce_health.rounding import format_rate
from workforce_health.staffing.measures import (
    AbsenceDenominator,
    InputContractError,
    MeasureSettings,
    ReportingPeriod,
    compute_measures,
)

from .builders import absence, cases, spells, vacancies

Y = 2025
IN_YEAR = date(2025, 3, 1)


def total(frame: pl.DataFrame, **kwargs: Any) -> dict[str, Any]:
    out = compute_measures(frame, period=kwargs.pop("period", Y), by=[], **kwargs)
    return out.row(0, named=True)


def test_headcount_deduplicates_two_posts_to_the_more_senior_role() -> None:
    frame = spells(
        {"worker_key": "p", "team": "T1", "census_role": "5", "fte": 0.5},
        {"worker_key": "p", "team": "T2", "census_role": "3", "fte": 0.5},
    )
    row = total(frame)
    assert row["inpost_headcount"] == 1
    assert row["inpost_fte"] == pytest.approx(1.0)  # FTE duplicates are not removed (§3)
    by_team = compute_measures(frame, period=Y, by=["team"])
    assert by_team.select("team", "inpost_headcount", "inpost_fte").rows() == [
        ("T1", 0, 0.5),
        ("T2", 1, 0.5),
    ]


def test_deduplication_key_includes_date_of_birth_sex_and_ethnicity() -> None:
    frame = spells(
        {"worker_key": "p", "census_role": "5"},
        {"worker_key": "p", "census_role": "5", "ethnicity": "WIRI"},
    )
    assert total(frame)["inpost_headcount"] == 2


def test_same_person_in_two_councils_counts_in_each() -> None:
    frame = spells({"worker_key": "p"}, {"worker_key": "p", "organisation": "B"})
    assert total(frame)["inpost_headcount"] == 2


def test_agency_records_are_never_deduplicated_and_not_in_post() -> None:
    frame = spells(
        {"worker_key": "p", "agency": True, "fte": 0.6},
        {"worker_key": "p", "agency": True, "fte": 0.4},
        {"worker_key": "q"},
    )
    row = total(frame)
    assert row["agency_headcount"] == 2
    assert row["agency_fte"] == pytest.approx(1.0)
    assert row["inpost_headcount"] == 1
    assert row["agency_rate_headcount"] == pytest.approx(100 * 2 / 3)


def test_agency_spells_are_never_starters_or_leavers() -> None:
    frame = spells({"agency": True, "start_date": IN_YEAR, "end_date": date(2025, 6, 1)})
    row = total(frame)
    assert (row["starters_headcount"], row["leavers_headcount"]) == (0, 0)


def test_missing_fte_is_left_out_of_fte_figures_only() -> None:
    frame = spells({"fte": None}, {"fte": 0.8})
    row = total(frame)
    assert row["inpost_headcount"] == 2
    assert row["inpost_fte"] == pytest.approx(0.8)
    assert row["inpost_fte_unknown_headcount"] == 1


def test_not_registered_and_casual_staff_are_not_counted() -> None:
    frame = spells({"is_social_worker": False}, {"casual": True}, {})
    assert total(frame)["inpost_headcount"] == 1
    keep = MeasureSettings(exclude_casual=False)
    assert total(frame, settings=keep)["inpost_headcount"] == 2


STARTS_AND_LEAVES = {"start_date": date(2024, 12, 1), "end_date": date(2025, 5, 31)}


def test_starter_who_leaves_counts_as_both_by_default() -> None:
    row = total(spells(STARTS_AND_LEAVES))
    assert (row["starters_headcount"], row["leavers_headcount"]) == (1, 1)


def test_starter_who_leaves_setting_counts_neither() -> None:
    row = total(spells(STARTS_AND_LEAVES), settings=MeasureSettings(count_starter_who_leaves=False))
    assert (row["starters_headcount"], row["leavers_headcount"]) == (0, 0)


RETURNER = (
    {"worker_key": "p", "end_date": date(2025, 1, 31)},
    {"worker_key": "p", "start_date": date(2025, 5, 1)},
)


def test_leaver_who_returns_counts_as_leaver_and_starter_by_default() -> None:
    row = total(spells(*RETURNER))
    assert (row["leavers_headcount"], row["starters_headcount"]) == (1, 1)
    assert row["inpost_headcount"] == 1


def test_leaver_who_returns_setting_cancels_both() -> None:
    settings = MeasureSettings(count_leaver_who_returns=False)
    row = total(spells(*RETURNER), settings=settings)
    assert (row["leavers_headcount"], row["starters_headcount"]) == (0, 0)


def test_leaver_returning_next_year_is_still_a_leaver() -> None:
    frame = spells(
        {"worker_key": "p", "end_date": date(2025, 8, 31)},
        {"worker_key": "p", "start_date": date(2025, 10, 1)},
    )
    row = total(frame, settings=MeasureSettings(count_leaver_who_returns=False))
    assert row["leavers_headcount"] == 1


def test_last_working_day_of_30_september_is_a_leaver_not_in_post() -> None:
    frame = spells({"end_date": date(2025, 9, 30)})
    row = total(frame)
    assert (row["leavers_headcount"], row["inpost_headcount"]) == (1, 0)
    row = total(frame, settings=MeasureSettings(reference_day_leaver_in_post=True))
    assert (row["leavers_headcount"], row["inpost_headcount"]) == (1, 1)


def test_leaving_on_1_october_belongs_to_the_next_year() -> None:
    frame = spells({"end_date": date(2024, 9, 30)}, {"end_date": date(2025, 10, 1)})
    row = total(frame)
    assert row["leavers_headcount"] == 0
    assert row["inpost_headcount"] == 1


MOVE = (
    {"worker_key": "p", "team": "T1", "end_date": date(2025, 3, 31), "fte": 0.6},
    {"worker_key": "p", "team": "T2", "start_date": date(2025, 4, 1), "fte": 0.6},
)


def test_internal_move_is_neither_leaver_nor_starter_at_any_level() -> None:
    by_team = compute_measures(spells(*MOVE), period=Y, by=["team"])
    assert by_team["leavers_headcount"].sum() == 0
    assert by_team["starters_headcount"].sum() == 0


def test_internal_moves_can_be_counted_as_team_flows() -> None:
    settings = MeasureSettings(count_internal_moves=True)
    by_team = compute_measures(spells(*MOVE), period=Y, by=["team"], settings=settings)
    assert by_team.select("team", "leavers_fte", "starters_fte").rows() == [
        ("T1", 0.6, 0.0),
        ("T2", 0.0, 0.6),
    ]


def test_a_gap_longer_than_the_continuity_allowance_is_a_leaver_and_starter() -> None:
    gap = (MOVE[0], {**MOVE[1], "start_date": date(2025, 4, 3)})
    row = total(spells(*gap))
    assert (row["leavers_headcount"], row["starters_headcount"]) == (1, 1)
    row = total(spells(*gap), settings=MeasureSettings(continuity_gap_days=3))
    assert (row["leavers_headcount"], row["starters_headcount"]) == (0, 0)


def test_starters_deduplicate_on_key_and_start_date() -> None:
    frame = spells(
        {"worker_key": "p", "start_date": IN_YEAR, "fte": 0.5, "team": "T1"},
        {"worker_key": "p", "start_date": IN_YEAR, "fte": 0.5, "team": "T2"},
    )
    row = total(frame)
    assert (row["starters_headcount"], row["starters_fte"]) == (1, 1.0)


def test_zero_denominators_give_null_rates_not_errors() -> None:
    frame = spells({"agency": True, "fte": None})  # no council staff, agency FTE unknown
    row = total(frame, vacancies=vacancies(), cases=cases(), absence=absence())
    for name in (
        "turnover_rate_fte",
        "turnover_rate_headcount",
        "vacancy_rate_fte",
        "agency_cover_rate_fte",
        "vacancy_agency_cover_rate_fte",
        "caseload_fte",
        "absence_rate_fte",
    ):
        assert row[name] is None, name
        assert format_rate(row[name]) == "z"
    assert row["agency_rate_headcount"] == 100.0


def test_groups_with_nothing_in_the_period_have_no_row() -> None:
    frame = spells({"end_date": date(2020, 1, 1)}, {"team": "T2"})
    out = compute_measures(frame, period=Y, by=["team"])
    assert out["team"].to_list() == ["T2"]


def test_team_with_vacancies_but_no_staff_gets_a_row() -> None:
    vac = vacancies({"team": "T9", "vacancy_fte": 2.0, "agency_cover_fte": 1.0})
    out = compute_measures(spells({}), period=Y, by=["team"], vacancies=vac)
    t9 = out.filter(pl.col("team") == "T9").row(0, named=True)
    assert t9["vacancy_rate_fte"] == 100.0
    assert t9["agency_cover_rate_fte"] is None  # no agency FTE: not applicable (§5.4)
    assert t9["inpost_headcount"] == 0


def test_vacancies_cannot_be_split_by_census_role() -> None:
    vac = vacancies({"vacancy_fte": 2.0})
    out = compute_measures(spells({}), period=Y, by=["census_role"], vacancies=vac)
    assert out["vacancy_fte"].to_list() == [None]


def test_unknown_agency_cover_stays_unknown() -> None:
    vac = vacancies({"team": "T1", "vacancy_fte": 2.0, "agency_cover_fte": None})
    row = total(spells({}), vacancies=vac)
    assert row["agency_cover_fte"] is None
    assert row["vacancy_fte"] == 2.0


def test_caseload_counts_council_and_agency_case_holders_only() -> None:
    frame = spells(
        {"fte": 0.5},
        {"agency": True},
        {},  # holds no cases: not a case holder
        {"end_date": date(2025, 6, 1)},  # a leaver: not in post
    )
    ref = date(2025, 9, 30)
    held = cases(("s0", ref, 6), ("s1", ref, 12), ("s2", ref, 0), ("s3", ref, 9))
    row = total(frame, cases=held)
    assert row["cases"] == 18
    assert row["case_holders_fte"] == pytest.approx(1.5)
    assert row["caseload_fte"] == pytest.approx(12.0)


def test_case_snapshots_use_the_reference_date_or_a_lookback() -> None:
    held = cases(("s0", date(2025, 9, 1), 6), ("s0", date(2025, 8, 1), 3))
    assert total(spells({}), cases=held)["cases"] == 0
    settings = MeasureSettings(snapshot_lookback_days=31)
    assert total(spells({}), cases=held, settings=settings)["cases"] == 6


def test_case_holders_with_unknown_fte_are_reported_separately() -> None:
    held = cases(("s0", date(2025, 9, 30), 6), ("s1", date(2025, 9, 30), 4))
    row = total(spells({}, {"fte": None}), cases=held)
    assert (row["cases"], row["cases_fte_unknown"]) == (6, 4)


def test_absence_counts_council_days_in_the_period_including_leavers() -> None:
    frame = spells({}, {"end_date": date(2025, 3, 31)}, {"agency": True})
    days = absence(
        ("s0", date(2025, 1, 10), 5.0),
        ("s1", date(2025, 2, 10), 3.0),  # a leaver's days still count
        ("s2", date(2025, 2, 10), 7.0),  # agency: not counted
        ("s0", date(2024, 9, 30), 11.0),  # previous year
    )
    row = total(frame, absence=days)
    assert row["working_days_lost_fte"] == 8.0
    assert row["absence_rate_fte"] == pytest.approx(100 * 8 / 253)


def test_absence_denominator_settings() -> None:
    frame = spells({}, {"end_date": date(2025, 3, 31)})
    days = absence(("s0", date(2025, 1, 10), 10.0))
    days_250 = MeasureSettings(working_days_per_fte_year=250)
    assert total(frame, absence=days, settings=days_250)["absence_rate_fte"] == pytest.approx(4.0)
    exposure = MeasureSettings(absence_denominator=AbsenceDenominator.FTE_EXPOSURE)
    row = total(frame, absence=days, settings=exposure)
    fte_years = 1 + 182 / 365  # a full year plus 1 Oct 2024 - 31 Mar 2025
    assert row["fte_years"] == pytest.approx(fte_years)
    assert row["absence_rate_fte_denominator"] == pytest.approx(fte_years * 253)


def test_any_reference_date_is_a_local_measure() -> None:
    period = ReportingPeriod.ending(date(2025, 3, 31))
    assert period.start == date(2024, 4, 1)
    frame = spells(
        {"end_date": date(2025, 2, 28)},  # leaver in the year to 31 March 2025
        {"start_date": date(2025, 4, 1)},  # not yet started
        {"end_date": date(2025, 9, 30)},  # in post on 31 March 2025
    )
    row = total(frame, period=period)
    assert row["basis"] == "local"
    assert row["reference_date"] == date(2025, 3, 31)
    assert (row["leavers_headcount"], row["inpost_headcount"]) == (1, 1)
    assert total(frame, period=ReportingPeriod.census_year(2025))["basis"] == "dfe"


def test_input_contract_errors() -> None:
    with pytest.raises(InputContractError, match="missing columns: fte"):
        compute_measures(spells({}).drop("fte"), period=Y, by=[])
    with pytest.raises(InputContractError, match="unique"):
        compute_measures(spells({"spell_id": "x"}, {"spell_id": "x"}), period=Y, by=[])
    with pytest.raises(InputContractError, match="before its start"):
        compute_measures(spells({"end_date": date(2014, 1, 1)}), period=Y, by=[])
    with pytest.raises(InputContractError, match="missing columns: region"):
        compute_measures(spells({}), period=Y, by=["region"])
    with pytest.raises(InputContractError, match="cannot group"):
        compute_measures(spells({}), period=Y, by=["fte"])


def test_codes_may_be_integers_and_optional_columns_absent() -> None:
    minimal = spells({"census_role": "3"}, {}).select(
        "spell_id", "organisation", "worker_key", "agency", "fte", "start_date", "end_date",
        pl.col("census_role").cast(pl.Int64),
    )  # fmt: skip
    row = total(minimal)
    assert row["inpost_headcount"] == 2
