"""Measures of the offer working (careers/measures.py) on hand-made spells: census year 2025
runs from 1 October 2024 to 30 September 2025."""

import datetime

import polars as pl

from workforce_health.careers import measures

D = datetime.date


def spell(spell_id, worker, start, end=None, origin=None, agency=False):
    return {
        "spell_id": spell_id,
        "organisation": "991",
        "worker_key": worker,
        "agency": agency,
        "fte": 1.0,
        "start_date": start,
        "end_date": end,
        "start_origin": origin,
    }


SPELLS = pl.DataFrame(
    [
        spell("a", "SW1", D(2024, 11, 1), origin="1"),  # newly qualified starter
        spell("b", "SW2", D(2025, 2, 1), D(2025, 8, 31), origin="2"),  # left within a year
        spell("c", "SW3", D(2020, 1, 1), D(2025, 5, 31)),  # left after 5 years
        spell("d", "SW4", D(2015, 1, 1)),  # in post throughout
        spell("e", "SW5", D(2025, 1, 1), agency=True),  # agency: never a starter
        # A move between teams is continuous service: a leaver after over a year, not a starter
        spell("f1", "SW6", D(2024, 6, 1), D(2024, 12, 31), origin="1"),
        spell("f2", "SW6", D(2025, 1, 1), D(2025, 7, 31)),
    ],
    schema_overrides={"start_origin": pl.String, "end_date": pl.Date},
)


def test_starters_newly_qualified_and_first_year_leavers():
    row = measures.offer_measures(SPELLS, years=[2025]).row(0, named=True)
    assert row["starters_headcount"] == 2
    assert row["nqsw_starters_headcount"] == 1 and row["nqsw_share"] == 50.0
    assert row["leavers_headcount"] == 3
    assert row["first_year_leavers_headcount"] == 1
    assert round(row["first_year_leaver_share"], 1) == 33.3


def test_a_year_without_starters_or_leavers_has_no_share():
    row = measures.offer_measures(SPELLS, years=[2019]).row(0, named=True)
    assert (row["starters_headcount"], row["leavers_headcount"]) == (0, 0)
    assert row["nqsw_share"] is None and row["first_year_leaver_share"] is None


def test_starters_by_origin_is_the_engines_breakdown():
    table = measures.origins(SPELLS, year=2025)
    assert dict(zip(table["start_origin"], table["headcount"], strict=True)) == {"1": 1, "2": 1}


def test_time_to_fill_by_census_year_of_the_start():
    vacancies = pl.DataFrame(
        {
            "opened_on": [D(2024, 10, 1), D(2025, 1, 1), D(2025, 3, 1), D(2025, 6, 1)],
            "filled_on": [D(2024, 12, 30), D(2025, 4, 1), None, D(2025, 10, 1)],
        }
    )
    rows = measures.time_to_fill(vacancies, years=[2025, 2026, 2024]).to_dicts()
    assert rows == [
        {"year": 2025, "filled": 2, "median_days_to_fill": 90.0},
        {"year": 2026, "filled": 1, "median_days_to_fill": 122.0},
        {"year": 2024, "filled": 0, "median_days_to_fill": None},
    ]
