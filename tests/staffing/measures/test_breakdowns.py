"""Breakdowns of §5.8 and the stability measure."""

from __future__ import annotations

from datetime import date

import pytest

from workforce_health.staffing.measures import (
    AGE_BANDS,
    age_bands,
    census_role_mix,
    leavers_by_destination,
    leavers_by_reason,
    stability,
    starters_by_origin,
    time_in_service_bands,
)

from .builders import spells

Y = 2025
IN_YEAR = date(2025, 3, 1)


def test_starters_by_origin() -> None:
    frame = spells(
        {"start_date": IN_YEAR, "start_origin": "1", "fte": 0.5},
        {"start_date": IN_YEAR, "start_origin": "1"},
        {"start_date": IN_YEAR, "start_origin": None},
        {"start_origin": "2"},  # started years ago: not a starter
    )
    out = starters_by_origin(frame, period=Y, by=[])
    assert out.select("start_origin", "fte", "headcount").rows() == [
        ("1", 1.5, 2),
        ("unknown", 1.0, 1),
    ]
    assert out["percent_headcount"].to_list() == pytest.approx([200 / 3, 100 / 3])
    assert out["percent_fte"].to_list() == pytest.approx([60.0, 40.0])


def test_leavers_by_reason_and_destination_by_team() -> None:
    left = date(2025, 6, 30)
    frame = spells(
        {"team": "T1", "end_date": left, "reason_leave": "1", "leaver_destination": "3"},
        {"team": "T1", "end_date": left, "reason_leave": "7", "leaver_destination": "5"},
        {"team": "T2", "end_date": left, "reason_leave": "1", "leaver_destination": "3"},
    )
    reasons = leavers_by_reason(frame, period=Y, by=["team"])
    assert reasons.select("team", "reason_leave", "headcount").rows() == [
        ("T1", "1", 1),
        ("T1", "7", 1),
        ("T2", "1", 1),
    ]
    destinations = leavers_by_destination(frame, period=Y, by=[])
    assert destinations.select("leaver_destination", "headcount").rows() == [("3", 2), ("5", 1)]


def test_age_bands_use_completed_years_on_the_reference_date() -> None:
    frame = spells(
        {"date_of_birth": date(1995, 9, 30)},  # 30 on 30 Sep 2025
        {"date_of_birth": date(1995, 10, 1)},  # 29
        {"date_of_birth": date(2006, 1, 1)},  # 19
        {"date_of_birth": date(1965, 9, 30)},  # 60
        {"date_of_birth": None},
    )
    out = age_bands(frame, period=Y, by=[])
    assert [str(b) for b in out["age_band"]] == [
        "under 20", "20 to 29", "30 to 39", "60 and over", "unknown",
    ]  # fmt: skip
    assert out.schema["age_band"].categories.to_list() == list(AGE_BANDS)  # type: ignore[attr-defined]


def test_time_in_service_follows_continuous_service_across_moves() -> None:
    frame = spells(
        {"worker_key": "p", "start_date": date(2015, 1, 1), "end_date": date(2023, 12, 31)},
        {"worker_key": "p", "start_date": date(2024, 1, 1)},  # moved team: 10 years' service
        {"start_date": date(2023, 9, 30)},  # exactly 2 years
        {"start_date": date(2023, 10, 1)},  # 1 year 364 days
    )
    out = time_in_service_bands(frame, period=Y, by=[])
    assert out.select("service_band", "headcount").rows() == [
        ("under 2", 1),
        ("2 to 5", 1),
        ("10 to 20", 1),
    ]


def test_time_in_service_of_leavers_is_at_leaving() -> None:
    frame = spells({"start_date": date(2020, 1, 1), "end_date": date(2024, 12, 31)})
    out = time_in_service_bands(frame, period=Y, by=[], population="leavers")
    assert out.select("service_band", "headcount").rows() == [("2 to 5", 1)]


def test_census_role_mix_puts_a_person_in_their_senior_role() -> None:
    frame = spells(
        {"worker_key": "p", "census_role": "5", "fte": 0.5},
        {"worker_key": "p", "census_role": "3", "fte": 0.5},
        {"census_role": "5"},
    )
    out = census_role_mix(frame, period=Y, by=[])
    assert out.select("census_role", "fte", "headcount").rows() == [("3", 0.5, 1), ("5", 1.5, 1)]


def test_stability_counts_people_still_in_post_a_year_later() -> None:
    frame = spells(
        {"worker_key": "stay", "team": "T1"},
        {"worker_key": "move", "team": "T1", "end_date": date(2025, 1, 31), "fte": 0.5},
        {"worker_key": "move", "team": "T2", "start_date": date(2025, 2, 1), "fte": 0.5},
        {"worker_key": "gone", "team": "T1", "end_date": date(2025, 5, 31)},
        {"worker_key": "new", "team": "T1", "start_date": IN_YEAR},  # not in the cohort
        {"worker_key": "temp", "team": "T1", "agency": True},  # agency: not in the cohort
    )
    out = stability(frame, period=Y, by=["team"])
    row = out.row(0, named=True)
    assert out["team"].to_list() == ["T1"]  # cohort grouped where it was a year earlier
    assert row["stability_headcount_numerator"] == 2
    assert row["stability_headcount_denominator"] == 3
    assert row["stability_rate_headcount"] == pytest.approx(200 / 3)
    assert row["stability_rate_fte"] == pytest.approx(100 * 1.5 / 2.5)
    assert row["cohort_date"] == date(2024, 9, 30)
