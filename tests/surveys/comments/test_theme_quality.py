"""How well the packaged dictionary finds themes, on labelled comments it was not tuned on.

A quality gate (docs/survey-analysis.md, "How well the themes are found"): on the held-out part
of labelled_comments.csv, precision and recall of every theme are at least 0.85.
"""

import pytest

from tests.surveys.comments.labelled import (
    DEVELOPMENT,
    HELD_OUT,
    labelled_comments,
    part_of,
    scores,
)
from workforce_health.surveys.comments import load_dictionary

GATE = 0.85


def test_the_labelled_set_is_large_and_covers_every_theme_in_both_parts():
    rows = labelled_comments()
    names = set(load_dictionary().names)
    assert len(rows) >= 300 and len({r.comment for r in rows}) == len(rows)
    assert set().union(*(r.themes for r in rows)) == names  # no label outside the dictionary
    for part in (DEVELOPMENT, HELD_OUT):
        mine = [r for r in rows if r.part == part]
        assert all(sum(name in r.themes for r in mine) >= 10 for name in names)
        assert sum(not r.themes for r in mine) >= 5  # comments with no theme


def test_each_comment_is_in_the_part_its_text_gives():
    """The split is not chosen by hand: a comment cannot be moved to the easier part."""
    assert all(r.part == part_of(r.comment) for r in labelled_comments())


@pytest.mark.parametrize(
    "score", scores(labelled_comments(HELD_OUT), load_dictionary()), ids=lambda s: s.theme
)
def test_every_theme_is_found_with_precision_and_recall_of_at_least_085(score):
    assert score.labelled >= 10
    assert score.precision >= GATE, f"{score.theme}: precision {score.precision:.2f}"
    assert score.recall >= GATE, f"{score.theme}: recall {score.recall:.2f}"
