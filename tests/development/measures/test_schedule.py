"""The supervision schedule rule (development.md §1.2), its worked example and its settings."""

import datetime as dt
import itertools

import pytest

from workforce_health.development.measures import schedule
from workforce_health.development.measures.schedule import (
    LGA_EXPERIENCED,
    LGA_NEWLY_QUALIFIED,
    Leave,
    PartTime,
    Phase,
    Rule,
    windows,
)

D = dt.date
# development.md §1.2, worked example: start Monday 2 September 2024.
WORKED_EXAMPLE = [
    # weekly
    (D(2024, 9, 2), D(2024, 9, 8)),
    (D(2024, 9, 9), D(2024, 9, 15)),
    (D(2024, 9, 16), D(2024, 9, 22)),
    (D(2024, 9, 23), D(2024, 9, 29)),
    (D(2024, 9, 30), D(2024, 10, 6)),
    (D(2024, 10, 7), D(2024, 10, 13)),
    # fortnightly, the last cut short at the six-month date
    (D(2024, 10, 14), D(2024, 10, 27)),
    (D(2024, 10, 28), D(2024, 11, 10)),
    (D(2024, 11, 11), D(2024, 11, 24)),
    (D(2024, 11, 25), D(2024, 12, 8)),
    (D(2024, 12, 9), D(2024, 12, 22)),
    (D(2024, 12, 23), D(2025, 1, 5)),
    (D(2025, 1, 6), D(2025, 1, 19)),
    (D(2025, 1, 20), D(2025, 2, 2)),
    (D(2025, 2, 3), D(2025, 2, 16)),
    (D(2025, 2, 17), D(2025, 3, 1)),
    # monthly, anchored on the six-month date
    (D(2025, 3, 2), D(2025, 4, 1)),
    (D(2025, 4, 2), D(2025, 5, 1)),
    (D(2025, 5, 2), D(2025, 6, 1)),
    (D(2025, 6, 2), D(2025, 7, 1)),
    (D(2025, 7, 2), D(2025, 8, 1)),
    (D(2025, 8, 2), D(2025, 9, 1)),
]


def test_the_worked_example_has_22_windows_in_the_first_12_months():
    found = windows(D(2024, 9, 2), Rule(LGA_NEWLY_QUALIFIED), until=D(2025, 9, 1))
    assert [(w.start, w.end) for w in found] == WORKED_EXAMPLE
    assert [w.phase for w in found] == [0] * 6 + [1] * 10 + [2] * 6


def test_windows_are_consecutive_and_go_on_monthly():
    found = windows(D(2024, 9, 2), Rule(LGA_NEWLY_QUALIFIED), until=D(2026, 9, 1))
    assert all(b.start == a.end + dt.timedelta(days=1) for a, b in itertools.pairwise(found))
    assert found[-1] == schedule.Window(D(2026, 8, 2), D(2026, 9, 1), 2)


def test_monthly_windows_keep_their_anchor_through_short_months():
    found = windows(D(2025, 1, 31), Rule(LGA_EXPERIENCED), until=D(2025, 5, 31))
    assert [(w.start, w.end) for w in found] == [
        (D(2025, 1, 31), D(2025, 2, 27)),
        (D(2025, 2, 28), D(2025, 3, 30)),
        (D(2025, 3, 31), D(2025, 4, 29)),
        (D(2025, 4, 30), D(2025, 5, 30)),
        (D(2025, 5, 31), D(2025, 6, 29)),  # 30 June starts the next: 31 January + 5 months
    ]


def test_part_time_staff_can_have_their_newly_qualified_phases_extended():
    same = windows(D(2024, 9, 2), Rule(LGA_NEWLY_QUALIFIED), until=D(2025, 9, 1), fte=0.5)
    extended = windows(
        D(2024, 9, 2),
        Rule(LGA_NEWLY_QUALIFIED, part_time=PartTime.EXTEND),
        until=D(2025, 9, 1),
        fte=0.5,
    )
    assert len(same) == 22
    weekly = [w for w in extended if w.phase == 0]
    assert len(weekly) == 12 and weekly[-1].end == D(2024, 11, 24)  # twelve weeks at 0.5 FTE
    # six months (181 days) at 0.5 FTE: 362 days, so fortnightly until 30 August 2025
    assert [w for w in extended if w.phase == 1][-1].end == D(2025, 8, 29)


def test_leave_pauses_the_clock_by_default():
    rule = Rule(LGA_EXPERIENCED)
    leave = [(D(2025, 3, 10), D(2025, 4, 20))]  # six weeks away in the second window
    found = windows(D(2025, 2, 1), rule, until=D(2025, 7, 31), leave=leave)
    assert [(w.start, w.end) for w in found] == [
        (D(2025, 2, 1), D(2025, 2, 28)),
        # the March window held the leave: it starts again in full (31 days) after it, and
        # every later window moves 51 days later with it
        (D(2025, 4, 21), D(2025, 5, 21)),
        (D(2025, 5, 22), D(2025, 6, 20)),
        (D(2025, 6, 21), D(2025, 7, 21)),
        (D(2025, 7, 22), D(2025, 8, 20)),
    ]


def test_short_leave_changes_nothing():
    leave = [(D(2025, 3, 10), D(2025, 3, 21))]  # 12 days: below the 14-day minimum
    rule = Rule(LGA_EXPERIENCED)
    plain = windows(D(2025, 2, 1), rule, until=D(2025, 7, 31))
    assert windows(D(2025, 2, 1), rule, until=D(2025, 7, 31), leave=leave) == plain


def test_leave_can_excuse_windows_instead_or_be_ignored():
    leave = [(D(2025, 3, 1), D(2025, 3, 20))]
    excuse = Rule(LGA_EXPERIENCED, leave=Leave.EXCUSE)
    ignore = Rule(LGA_EXPERIENCED, leave=Leave.IGNORE)
    excused = windows(D(2025, 2, 1), excuse, until=D(2025, 5, 31), leave=leave)
    assert [w.start for w in excused] == [D(2025, 2, 1), D(2025, 4, 1), D(2025, 5, 1)]
    assert len(windows(D(2025, 2, 1), ignore, until=D(2025, 5, 31), leave=leave)) == 4


def test_a_council_cadence_in_words():
    phases = schedule.parse_text("every fortnight until 6 months\nevery month")
    assert phases == (Phase(14, "days", 6, "months"), Phase(1, "months"))
    assert schedule.parse_text(schedule.to_text(LGA_NEWLY_QUALIFIED)) == LGA_NEWLY_QUALIFIED
    found = windows(D(2025, 1, 6), Rule(phases), until=D(2025, 7, 31))
    assert found[0] == schedule.Window(D(2025, 1, 6), D(2025, 1, 19), 0)
    assert found[-1].start == D(2025, 7, 6)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "at least one phase"),
        ("weekly", "must start with"),
        ("every week until 6 weeks", "last phase must go on"),
        ("every month; every week", "only the last phase"),
        ("every week until 6 months; every 2 weeks until 6 weeks; every month", "end after"),
        ("every 2 years", "days, weeks or months"),
        ("every 400 days", "at most a year"),
        ("every week until soon", "until"),
    ],
)
def test_a_cadence_that_makes_no_sense_is_refused(text, message):
    with pytest.raises(ValueError, match=message):
        schedule.parse_text(text)


def test_stored_phases_are_checked():
    with pytest.raises(ValueError, match="whole number"):
        schedule.parse_phases([{"every": "7", "unit": "days"}])
    with pytest.raises(ValueError, match="days or months"):
        schedule.parse_phases([{"every": 1, "unit": "years"}])
    assert schedule.parse_phases(schedule.phases_data(LGA_NEWLY_QUALIFIED)) == LGA_NEWLY_QUALIFIED
