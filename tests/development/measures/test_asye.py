"""Early-career programme progress (development.md §2): reviews and evidence due, pauses,
extensions, protected caseload, and a two-year programme."""

import datetime as dt
from typing import Any

import pytest

from workforce_health.development.measures import asye

D = dt.date
START = D(2024, 9, 2)


def enrolment(**changes: Any) -> asye.Enrolment:
    values: dict[str, Any] = {
        "key": 1,
        "programme": asye.Programme(),
        "starts_on": START,
        "planned_end": D(2025, 9, 1),
    } | changes
    return asye.Enrolment(**values)


def test_reviews_and_evidence_fall_due_through_the_year():
    found = asye.progress(enrolment(), as_of=D(2025, 3, 10))
    assert [(r.point, r.due_on, r.late) for r in found.reviews] == [
        (3, D(2024, 12, 2), True),
        (6, D(2025, 3, 2), True),
        (9, D(2025, 6, 2), False),
        (12, D(2025, 9, 2), False),
    ]
    observations = found.evidence[0]
    assert (observations.code, observations.due_now, observations.late) == (
        "direct_observation",
        1,
        True,
    )
    assert observations.next_due_on == D(2025, 5, 2)
    reflection = found.evidence[-1]
    assert reflection.due_now == 1 and reflection.late  # the 6-month critical reflection
    assert found.month == 6 and found.status == "in_progress" and not found.on_track


def test_held_reviews_and_done_evidence_keep_it_on_track():
    found = asye.progress(
        enrolment(
            reviews={3: (D(2024, 12, 3), "on_track"), 6: (D(2025, 3, 4), "on_track")},
            evidence={
                "direct_observation": 1,
                "feedback_people": 1,
                "feedback_professionals": 1,
                "written_work": 1,
                "critical_reflection": 1,
            },
        ),
        as_of=D(2025, 3, 10),
    )
    assert found.on_track and not found.late_reviews and not found.late_evidence


def test_a_pause_moves_everything_later():
    paused = enrolment(pauses=((D(2025, 1, 6), D(2025, 2, 2)),))  # 28 days
    found = asye.progress(paused, as_of=D(2025, 3, 10))
    assert [r.due_on for r in found.reviews] == [
        D(2024, 12, 2),  # before the pause
        D(2025, 3, 30),
        D(2025, 6, 30),
        D(2025, 9, 30),
    ]
    assert found.expected_end == D(2025, 9, 29) and found.paused_days == 28
    assert [r.point for r in found.late_reviews] == [3]
    during = asye.progress(enrolment(pauses=((D(2025, 1, 6), None),)), as_of=D(2025, 6, 1))
    assert during.status == "paused" and not [r for r in during.reviews if r.point > 3 and r.late]


def test_the_panel_decides_and_an_extension_moves_the_end():
    extended = asye.progress(
        enrolment(decision="extension", extended_to=D(2025, 12, 1)), as_of=D(2025, 10, 1)
    )
    assert extended.status == "extended" and extended.expected_end == D(2025, 12, 1)
    assert not extended.awaiting_decision
    passed = asye.progress(enrolment(decision="pass"), as_of=D(2025, 10, 1))
    assert passed.status == "passed" and not passed.active and not passed.late_reviews
    waiting = asye.progress(enrolment(), as_of=D(2025, 10, 1))
    assert waiting.awaiting_decision and not waiting.on_track
    left = asye.progress(enrolment(withdrawn_on=D(2025, 2, 1)), as_of=D(2025, 3, 1))
    assert left.status == "withdrawn" and not left.late_reviews


def test_protected_caseload_is_a_share_of_the_team_average():
    within = asye.progress(enrolment(cases=14, team_caseload=16.0), as_of=D(2025, 3, 10))
    assert within.caseload_target == pytest.approx(14.4) and not within.caseload_breach
    above = asye.progress(enrolment(cases=15, team_caseload=16.0), as_of=D(2025, 3, 10))
    assert above.caseload_breach and not above.on_track
    part_time = asye.progress(enrolment(cases=8, team_caseload=16.0, fte=0.5), as_of=D(2025, 3, 10))
    assert part_time.caseload_target == pytest.approx(7.2) and part_time.caseload_breach
    graduated = asye.Programme(workload=asye.parse_workload("0:25, 3:50, 6:70, 9:90"))
    early = asye.progress(
        enrolment(programme=graduated, cases=5, team_caseload=16.0), as_of=D(2024, 11, 1)
    )
    assert early.caseload_target == pytest.approx(4.0) and early.caseload_breach


def test_a_two_year_programme_is_data():
    two_years = asye.Programme(
        length_months=24,
        review_months=(3, 6, 9, 12, 18, 24),
        requirements=asye.parse_requirements(
            "Direct observations of practice: 6\nCritical reflection: 4 by months 6, 12, 18, 24",
            length=24,
        ),
    )
    found = asye.progress(
        enrolment(programme=two_years, planned_end=D(2026, 9, 1)), as_of=D(2026, 1, 10)
    )
    assert [r.point for r in found.reviews] == [3, 6, 9, 12, 18, 24]
    assert [r.point for r in found.late_reviews] == [3, 6, 9, 12]
    # 6 observations spread over 24 months: due at 4, 8, 12, 16, 20 and 24 months
    assert found.evidence[0].minimum == 6 and found.evidence[0].due_now == 4


def test_the_summary_counts_each_group():
    on_track = asye.progress(enrolment(), as_of=D(2024, 10, 1))
    late = asye.progress(enrolment(), as_of=D(2025, 3, 10))
    table = asye.summary(
        [({"team": "North"}, on_track), ({"team": "North"}, late), ({"team": "South"}, late)],
        by=["team"],
    ).to_dicts()
    assert table[0]["team"] == "North" and table[0]["nqsws"] == 2 and table[0]["on_track"] == 1
    assert table[1]["late_review"] == 1 and table[1]["late_evidence"] == 1
    assert asye.summary([]).to_dicts()[0]["nqsws"] == 0


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("Observations 3", "colon"),
        ("Observations: 3 by months 4, 8", "one month for each"),
        ("Observations: 2 by months 8, 4", "rising"),
        ("Observations: 1\nobservations: 2", "once"),
    ],
)
def test_evidence_in_words_is_checked(text, message):
    with pytest.raises(ValueError, match=message):
        asye.parse_requirements(text, length=12)


def test_the_asye_defaults_read_back():
    text = asye.requirements_text(asye.DEFAULT_REQUIREMENTS)
    assert asye.parse_requirements(text, length=12) == asye.DEFAULT_REQUIREMENTS
    assert asye.spread(3, 12) == (4, 8, 12) and asye.spread(2, 12) == (6, 12)
    with pytest.raises(ValueError, match="month 0"):
        asye.parse_workload("3:50")
