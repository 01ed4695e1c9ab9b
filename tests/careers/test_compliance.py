"""Agency assignments against the DfE's rules: the pure assessment (careers/compliance.py)."""

import datetime

import polars as pl
import pytest

from workforce_health.careers import compliance as c

START = datetime.date(2025, 4, 7)
REGION = "E12000005"


def assignment(**fields):
    row = {
        "assignment_id": 1,
        "service": "Children's Services",
        "team": "Assessment",
        "role": "social_worker",
        "start_date": START,
        "end_date": None,
        "hourly_charge_rate": 39.0,
        "experience_years": 4.0,
        "references_received_on": START - datetime.timedelta(days=7),
        "notice_weeks": 4,
        "permanent_post_checked": True,
        "left_permanent_post_on": None,
        "left_permanent_post_region": None,
        "council_region": REGION,
        "own_permanent_end": None,
        "cap_exception_approved_by": "",
    }
    return row | fields


def assess(*rows, caps=None):
    frame = pl.DataFrame(list(rows), schema=c.ASSIGNMENT_SCHEMA, orient="row")
    caps = caps if caps is not None else [("social_worker", datetime.date(2024, 10, 31), 40.0)]
    cap_frame = pl.DataFrame(caps, schema=c.CAP_SCHEMA, orient="row")
    return c.assess(frame, cap_frame)


def one(**fields):
    return assess(assignment(**fields)).row(0, named=True)


def test_a_complete_record_within_every_rule_is_compliant():
    row = one()
    assert [row[r] for r in c.RULES] == [c.MET] * 5
    assert row["compliant"] and row["missing"] == [] and row["problems"] == []
    assert row["hourly_cap"] == 40.0


@pytest.mark.parametrize(
    ("fields", "rule", "status"),
    [
        ({"hourly_charge_rate": 40.0}, "price_cap", c.MET),  # at the cap is within it
        ({"hourly_charge_rate": 40.01}, "price_cap", c.NOT_MET),
        (
            {"hourly_charge_rate": 44.0, "cap_exception_approved_by": "Director"},
            "price_cap",
            c.EXCEPTION,
        ),
        ({"hourly_charge_rate": None}, "price_cap", c.MISSING),
        ({"role": "iro"}, "price_cap", c.MISSING),  # no cap for the job type
        ({"experience_years": 3.0}, "experience", c.MET),
        ({"experience_years": 2.9}, "experience", c.NOT_MET),
        ({"experience_years": None}, "experience", c.MISSING),
        ({"references_received_on": None}, "references", c.MISSING),
        ({"notice_weeks": 3}, "notice", c.NOT_MET),
        ({"notice_weeks": None}, "notice", c.MISSING),
        ({"permanent_post_checked": False}, "gap", c.MISSING),
    ],
)
def test_each_rule(fields, rule, status):
    row = one(**fields)
    assert row[rule] == status
    assert row["compliant"] is (status in (c.MET, c.EXCEPTION))


def test_what_is_missing_is_said_in_words():
    row = one(hourly_charge_rate=None, references_received_on=None, permanent_post_checked=False)
    assert row["missing"] == [
        "hourly charge rate",
        "references",
        "check of a recent permanent post",
    ]
    assert one(role="iro")["missing"] == [c.NO_CAP]


def test_the_cap_in_force_on_the_start_date_applies():
    caps = [
        ("social_worker", datetime.date(2024, 10, 31), 40.0),
        ("social_worker", datetime.date(2025, 4, 1), 42.0),
    ]
    before = assignment(
        assignment_id=1, start_date=datetime.date(2025, 3, 31), hourly_charge_rate=41
    )
    after = assignment(assignment_id=2, start_date=datetime.date(2025, 4, 1), hourly_charge_rate=41)
    early = assignment(assignment_id=3, start_date=datetime.date(2024, 9, 1), hourly_charge_rate=41)
    rows = assess(before, after, early, caps=caps).to_dicts()
    assert [(r["hourly_cap"], r["price_cap"]) for r in rows] == [
        (40.0, c.NOT_MET),
        (42.0, c.MET),
        (None, c.MISSING),  # started before any cap
    ]


@pytest.mark.parametrize(
    ("left_on", "region", "status"),
    [
        (START - datetime.timedelta(days=30), REGION, c.NOT_MET),
        (datetime.date(2025, 1, 7), REGION, c.NOT_MET),  # exactly 3 months before
        (datetime.date(2025, 1, 6), REGION, c.MET),  # more than 3 months before
        (START - datetime.timedelta(days=30), "E12000007", c.MET),  # another region
    ],
)
def test_a_permanent_post_left_in_the_region_within_3_months(left_on, region, status):
    row = one(left_permanent_post_on=left_on, left_permanent_post_region=region)
    assert row["gap"] == status


def test_the_councils_own_records_show_a_recent_permanent_post_even_unchecked():
    row = one(permanent_post_checked=False, own_permanent_end=START - datetime.timedelta(days=40))
    assert row["gap"] == c.NOT_MET
    assert one(own_permanent_end=datetime.date(2024, 1, 1))["gap"] == c.MET


def test_by_team_counts_and_words():
    rows = [
        assignment(assignment_id=1),
        assignment(assignment_id=2, references_received_on=None, notice_weeks=None),
        assignment(assignment_id=3, references_received_on=None, experience_years=1.0),
        assignment(assignment_id=4, team="Fostering"),
    ]
    teams = {t["team"]: t for t in c.by_team(assess(*rows)).to_dicts()}
    assessment = teams["Assessment"]
    assert (assessment["assignments"], assessment["compliant"]) == (3, 1)
    assert assessment["references_missing"] == 2 and assessment["experience_not_met"] == 1
    assert assessment["missing_summary"] == "references (2); notice period (1)"
    assert assessment["problems_summary"] == "under 3 years' experience (1)"
    assert teams["Fostering"]["missing_summary"] == ""


def test_nothing_to_assess():
    assessed = assess()
    assert assessed.height == 0 and c.by_team(assessed).height == 0


def test_quarters():
    assert c.quarter_bounds("2025-Q1") == (datetime.date(2025, 1, 1), datetime.date(2025, 3, 31))
    assert c.quarter_bounds("2025-q4") == (datetime.date(2025, 10, 1), datetime.date(2025, 12, 31))
    assert c.previous_quarter(datetime.date(2026, 1, 14)) == "2025-Q4"
    assert c.previous_quarter(datetime.date(2025, 4, 1)) == "2025-Q1"
    with pytest.raises(ValueError, match="like 2025-Q1"):
        c.quarter_bounds("2025-Q5")
