"""Gaps between the rating, the records and the staff view, in plain English."""

from workforce_health.assessments.gaps import gaps


def _gaps(level, score, band, concerns=()):
    return gaps(
        standard="Supervision",
        level=level,
        level_label={1: "Not met", 2: "Partly met", 3: "Largely met", 4: "Fully met"}.get(
            level, ""
        ),
        staff_score=score,
        staff_band=band,
        concerns=list(concerns),
    )


def test_a_claim_staff_score_low_is_a_gap():
    (gap,) = _gaps(4, 48, "low")
    assert gap.kind == "staff"
    assert gap.text == (
        "You rated Supervision “Fully met”, but staff scored it 48 out of 100 in the Health "
        "Check, a low score."
    )


def test_a_claim_the_records_question_is_a_gap():
    (gap,) = _gaps(3, 80, "high", ["Only 61.0% of supervision windows were met"])
    assert gap.kind == "evidence"
    assert "the records say: Only 61.0% of supervision windows were met." in gap.text


def test_a_low_rating_staff_score_high_is_a_gap():
    (gap,) = _gaps(1, 81, "high")
    assert gap.kind == "underrated"


def test_agreement_and_no_rating_are_not_gaps():
    assert _gaps(4, 80, "high") == []
    assert _gaps(2, 60, "moderate") == []
    assert _gaps(None, 20, "low", ["anything"]) == []
    assert _gaps(4, None, "", []) == []  # a hidden staff view is no gap
