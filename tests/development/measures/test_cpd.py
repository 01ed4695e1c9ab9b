"""Social Work England renewal readiness (development.md §3.2)."""

import datetime as dt

import polars as pl
import pytest

from workforce_health.development.measures import cpd

D = dt.date
PEOPLE = pl.DataFrame(
    {"person_id": [1, 2, 3, 4], "team": ["North", "North", "South", None]},
    schema={"person_id": pl.Int64, "team": pl.String},
)


def entries(rows):
    return pl.DataFrame(
        rows,
        schema={
            "person_id": pl.Int64,
            "done_on": pl.Date,
            "hours": pl.Float64,
            "peer_reflection": pl.Boolean,
            "recorded_with_swe": pl.Boolean,
        },
        orient="row",
    )


def test_the_registration_year_runs_from_december_to_november():
    assert cpd.registration_year(D(2024, 12, 1)) == 2025
    assert cpd.registration_year(D(2025, 11, 30)) == 2025
    assert cpd.registration_year_bounds(2025) == (D(2024, 12, 1), D(2025, 11, 30))
    assert cpd.renewal_window(2025) == (D(2025, 9, 1), D(2025, 11, 30))


def test_two_pieces_one_with_a_peer_reflection_in_the_year_is_ready():
    found = entries(
        [
            (1, D(2024, 12, 1), 2.0, True, True),
            (1, D(2025, 11, 30), 3.0, False, False),
            (2, D(2025, 3, 1), 1.0, False, True),
            (2, D(2025, 4, 1), 1.0, False, True),
            (3, D(2025, 6, 1), 6.0, True, True),
            (3, D(2024, 11, 30), 6.0, True, True),  # the year before: not counted
        ]
    )
    people = cpd.person_readiness(PEOPLE, found, year=2025).sort("person_id")
    assert people["ready"].to_list() == [True, False, False, False]
    assert people["fewer_than_two"].to_list() == [False, False, True, True]
    assert people["no_peer_reflection"].to_list() == [False, True, False, True]
    by_team = cpd.readiness(PEOPLE, found, year=2025, by=["team"]).to_dicts()
    assert [(r["team"], r["people"], r["ready"]) for r in by_team] == [
        ("North", 2, 1),
        ("South", 1, 0),
        (None, 1, 0),
    ]
    total = cpd.readiness(PEOPLE, found, year=2025).to_dicts()[0]
    assert total["share_ready"] == pytest.approx(25.0) and total["pieces"] == 5


def test_nobody_to_count():
    total = cpd.readiness(PEOPLE.clear(), entries([]), year=2025).to_dicts()[0]
    assert total["people"] == 0 and total["share_ready"] is None


def test_activity_in_any_period():
    found = entries([(1, D(2025, 1, 5), 2.0, True, True), (3, D(2025, 2, 5), 4.0, False, True)])
    table = cpd.activity(PEOPLE, found, start=D(2025, 1, 1), end=D(2025, 1, 31), by=["team"])
    north = table.filter(pl.col("team") == "North").to_dicts()[0]
    assert (north["people"], north["people_with_cpd"], north["pieces"]) == (2, 1, 1)
    assert north["pieces_per_person"] == 0.5
