"""Grouping by organisation, service, team and census role; additivity (§5.9 rule 2)."""

from __future__ import annotations

import random
from datetime import date, timedelta

import polars as pl
import pytest

from workforce_health.staffing.measures import (
    MEASURES,
    RATE_NAMES,
    compute_measures,
    reaggregate,
)

from .builders import DEFAULTS, SPELL_SCHEMA, absence, cases, vacancies

ADDITIVE = [m for m in MEASURES if m not in RATE_NAMES]


def synthetic(seed: int, people: int = 400) -> pl.DataFrame:
    """A few councils with moves, second posts, agency staff, leavers and missing FTE."""
    rng = random.Random(seed)
    rows = []
    for p in range(people):
        org = rng.choice("ABC")
        start = date(2015, 1, 1) + timedelta(days=rng.randrange(3900))
        for post in range(rng.choice([1, 1, 1, 2, 3])):
            end = start + timedelta(days=rng.randrange(30, 1500)) if rng.random() < 0.5 else None
            rows.append(
                {
                    **DEFAULTS,
                    "spell_id": f"{p}-{post}",
                    "worker_key": f"w{p}",
                    "organisation": org,
                    "service": rng.choice(["S1", "S2"]),
                    "team": rng.choice(["T1", "T2", "T3"]),
                    "agency": rng.random() < 0.15,
                    "fte": None if rng.random() < 0.03 else rng.choice([0.5, 0.8, 1.0]),
                    "census_role": rng.choice(["1", "3", "4", "5", "5", "6", None]),
                    "start_date": start,
                    "end_date": end,
                    "start_origin": rng.choice(["1", "2", "4", None]),
                    "reason_leave": rng.choice(["1", "5", "7"]) if end else None,
                    "leaver_destination": rng.choice(["1", "3", "8"]) if end else None,
                    "date_of_birth": date(1960, 1, 1) + timedelta(days=rng.randrange(14000)),
                }
            )
            start = (end or start) + timedelta(days=rng.choice([1, 1, 40]))
    return pl.DataFrame(rows, schema=SPELL_SCHEMA)


def inputs(frame: pl.DataFrame) -> dict[str, pl.DataFrame]:
    ref = date(2025, 9, 30)
    ids = frame["spell_id"].to_list()
    return {
        "cases": cases(*[(s, ref, i % 23) for i, s in enumerate(ids)]),
        "absence": absence(*[(s, date(2025, 1, 1), float(i % 7)) for i, s in enumerate(ids)]),
        "vacancies": vacancies(
            *[
                {"organisation": o, "team": t, "vacancy_fte": 1.5, "agency_cover_fte": 0.5}
                for o in "ABC"
                for t in ("T1", "T2", "T3")
            ]
        ),
    }


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_team_components_add_up_to_the_organisation(seed: int) -> None:
    frame = synthetic(seed)
    x = inputs(frame)
    by_team, by_org = (
        compute_measures(
            frame,
            period=2025,
            by=by,
            cases=x["cases"],
            absence=x["absence"],
            vacancies=x["vacancies"],
        )
        for by in (["organisation", "team"], ["organisation"])
    )
    rolled = reaggregate(by_team, ["organisation"]).sort("organisation")
    assert rolled.columns == by_org.columns
    for name in by_org.columns:
        if by_org[name].dtype.is_numeric():
            assert rolled[name].to_list() == pytest.approx(by_org[name].to_list(), nan_ok=True)
        else:
            assert rolled[name].to_list() == by_org[name].to_list()


@pytest.mark.parametrize("by", [["service"], ["census_role"], ["organisation", "service", "team"]])
def test_any_grouping_sums_to_the_total(by: list[str]) -> None:
    frame = synthetic(7)
    total = compute_measures(frame, period=2025, by=[], cases=inputs(frame)["cases"])
    grouped = compute_measures(frame, period=2025, by=by, cases=inputs(frame)["cases"])
    assert set(grouped.columns) >= set(by)
    for name in [*ADDITIVE, "turnover_rate_fte_numerator", "agency_rate_headcount_denominator"]:
        if total[name].dtype.is_numeric() and total[name][0] is not None:
            assert grouped[name].sum() == pytest.approx(total[name][0]), name


def test_a_set_of_organisations_is_a_relabelling() -> None:
    frame = synthetic(11)
    cluster = pl.when(pl.col("organisation") == "C").then(pl.lit("other")).otherwise(pl.lit("AB"))
    direct = compute_measures(frame.with_columns(cluster=cluster), period=2025, by=["cluster"])
    by_org = compute_measures(frame, period=2025, by=["organisation"])
    via_org = reaggregate(by_org.with_columns(cluster=cluster), ["cluster"]).sort("cluster")
    for name in ("inpost_headcount", "leavers_fte", "turnover_rate_headcount", "agency_rate_fte"):
        assert via_org[name].to_list() == pytest.approx(direct[name].to_list()), name


def test_empty_by_gives_one_row_and_rates_are_never_averaged() -> None:
    frame = synthetic(5)
    total = compute_measures(frame, period=2025, by=[])
    teams = compute_measures(frame, period=2025, by=["team"])
    assert total.height == 1
    expected = 100 * float(teams["leavers_fte"].sum()) / float(teams["inpost_fte"].sum())
    assert total["turnover_rate_fte"][0] == pytest.approx(expected)
