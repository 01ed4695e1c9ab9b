"""The key finding on significant changes says better or worse for each question, reverse-scored
questions (where less agreement is better) included."""

from workforce_health.reports.sections.change_words import (
    Change,
    changes_finding,
    largest_change_words,
)

STRESS = Change("I often feel stressed because of my work", 65.9, 33.3, reverse=True)
SUPPORT = Change("I get the support I need", 46.9, 72.4, reverse=False)
TRUST = Change("I trust senior leaders", 60.0, 40.0, reverse=False)


def test_less_agreement_with_a_reverse_scored_question_is_better():
    assert STRESS.better and SUPPORT.better and not TRUST.better
    assert not Change("Admin takes too much time", 30.0, 45.0, reverse=True).better


def test_the_finding_counts_better_and_worse_not_up_and_down():
    finding = changes_finding("Wider 2025", "Wider 2024", [STRESS, SUPPORT, TRUST])
    assert finding == (
        "Wider 2025: agreement changed significantly on 3 questions since Wider 2024: 2 for the "
        "better and 1 for the worse. The largest change: “I often feel stressed because of my "
        "work”, from 65.9% to 33.3% agreeing: better, as on this question less agreement is "
        "better."
    )
    assert " up" not in finding and "down" not in finding


def test_each_direction_is_said_and_none_is_a_word():
    assert largest_change_words(TRUST).endswith("from 60.0% to 40.0% agreeing: worse")
    one = changes_finding("HC", "HC 2024", [SUPPORT])
    assert "on 1 question since HC 2024: 1 for the better and none for the worse" in one
    assert changes_finding("HC", "HC 2024", []) == (
        "HC: no question's agreement changed significantly since HC 2024."
    )
