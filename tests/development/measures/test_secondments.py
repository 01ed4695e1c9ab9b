"""A secondment's census treatment changes the DfE measures' inputs, never their formulas."""

import datetime as dt

import polars as pl

from workforce_health.development.measures import secondments
from workforce_health.staffing import measures

D = dt.date
REFERENCE = D(2025, 9, 30)


def spells():
    rows = [
        (f"{i}", "990", f"SW{i:06d}", False, 1.0, D(2020, 1, 1), None, "5", None, None, None)
        for i in range(1, 11)
    ]
    return pl.DataFrame(
        rows,
        schema={
            "spell_id": pl.String,
            "organisation": pl.String,
            "worker_key": pl.String,
            "agency": pl.Boolean,
            "fte": pl.Float64,
            "start_date": pl.Date,
            "end_date": pl.Date,
            "census_role": pl.String,
            "start_origin": pl.String,
            "reason_leave": pl.String,
            "leaver_destination": pl.String,
        },
        orient="row",
    )


VACANCIES = pl.DataFrame(
    {
        "organisation": ["990"],
        "service": [None],
        "team": [None],
        "date": [REFERENCE],
        "vacancy_fte": [2.0],
        "agency_cover_fte": [1.0],
    },
    schema={
        "organisation": pl.String,
        "service": pl.String,
        "team": pl.String,
        "date": pl.Date,
        "vacancy_fte": pl.Float64,
        "agency_cover_fte": pl.Float64,
    },
)


STARTS, ENDS = D(2025, 4, 1), D(2026, 3, 31)


def secondment(treatment, backfill="none", starts=STARTS, ends=ENDS):
    return pl.DataFrame(
        [("3", starts, ends, 1.0, treatment, backfill)],
        schema={
            "home_spell_id": pl.String,
            "starts_on": pl.Date,
            "ends_on": pl.Date,
            "fte": pl.Float64,
            "treatment": pl.String,
            "backfill": pl.String,
        },
        orient="row",
    )


def figures(spell_frame, vacancy_frame):
    row = measures.compute_measures(
        spell_frame, period=2025, by=[], vacancies=vacancy_frame
    ).to_dicts()[0]
    return row


def test_a_secondee_still_in_children_and_family_social_work_changes_nothing():
    frame = secondment("in_post")
    treated = secondments.treated_spells(spells(), frame)
    vacancies = secondments.treated_vacancies(
        VACANCIES, frame, reference_date=REFERENCE, level={"service": None, "team": None}
    )
    assert figures(treated, vacancies) == figures(spells(), VACANCIES)


def test_a_secondee_treated_as_a_leaver_leaves_and_their_post_is_vacant():
    frame = secondment("leaver", backfill="agency")
    treated = secondments.treated_spells(spells(), frame)
    away = treated.filter(pl.col("spell_id").str.starts_with("3")).sort("start_date")
    assert away.select("start_date", "end_date", "reason_leave").rows() == [
        (D(2020, 1, 1), D(2025, 3, 31), "7"),
        (D(2026, 4, 1), None, None),  # back the day after the planned end
    ]
    vacancies = secondments.treated_vacancies(
        VACANCIES, frame, reference_date=REFERENCE, level={"service": None, "team": None}
    )
    before, after = figures(spells(), VACANCIES), figures(treated, vacancies)
    assert (before["leavers_fte"], after["leavers_fte"]) == (0, 1)
    assert (before["inpost_fte"], after["inpost_fte"]) == (10, 9)
    assert (before["vacancy_fte"], after["vacancy_fte"]) == (2, 3)
    assert after["agency_cover_fte"] == 2
    assert after["turnover_rate_fte"] == 100 * 1 / 9
    assert after["vacancy_rate_fte"] == 100 * 3 / 12


def test_a_returner_starts_again_and_council_backfill_fills_the_post():
    frame = secondment("leaver", backfill="council", ends=D(2025, 6, 30))
    treated = secondments.treated_spells(spells(), frame)
    parts = treated.filter(pl.col("spell_id").str.starts_with("3")).sort("start_date")
    assert parts.select("start_date", "end_date", "start_origin").rows() == [
        (D(2020, 1, 1), D(2025, 3, 31), None),
        (D(2025, 7, 1), None, "6"),
    ]
    vacancies = secondments.treated_vacancies(
        VACANCIES, frame, reference_date=REFERENCE, level={"service": None, "team": None}
    )
    after = figures(treated, vacancies)
    assert after["inpost_fte"] == 10 and after["vacancy_fte"] == 2
    assert after["leavers_fte"] == 1 and after["starters_fte"] == 1


def test_no_vacancy_figure_on_the_day_means_not_known_either_way():
    found = secondments.treated_vacancies(
        VACANCIES,
        secondment("leaver"),
        reference_date=D(2024, 9, 30),
        level={"service": None, "team": None},
    )
    assert found is None
