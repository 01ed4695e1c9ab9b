"""The demo's staff comments: varied, deterministic, following the waves' story (pure)."""

from collections import Counter

import pytest

from workforce_health.demo.comments import (
    ADULTS,
    CHILDREN,
    DUTY_ROTA_QUOTE,
    Comment,
    CommentWriter,
)
from workforce_health.demo.surveys import SOCIAL_WORK, WAVES
from workforce_health.surveys.comments import load_dictionary, themes

SEED = 2025


def _wave_comments(service: str, year: int, count: int = 400, seed: int = SEED) -> list[Comment]:
    spec = next(
        w
        for w in WAVES
        if (w.questionnaire, w.service_name, w.year) == (SOCIAL_WORK, service, year)
    )
    writer = CommentWriter(seed)
    return [
        writer.write(service=service, year=year, levels=spec.levels, outlook=(i % 5 - 2) / 4)
        for i in range(count)
    ]


def test_the_same_seed_writes_the_same_comments():
    assert _wave_comments(CHILDREN, 2024, 50) == _wave_comments(CHILDREN, 2024, 50)
    assert _wave_comments(CHILDREN, 2024, 50) != _wave_comments(CHILDREN, 2024, 50, seed=1)


@pytest.mark.parametrize("service", [CHILDREN, ADULTS])
def test_comments_are_varied(service):
    comments = [c.text for c in _wave_comments(service, 2025)]
    assert len(set(comments)) >= 200
    assert Counter(comments).most_common(1)[0][1] <= 0.15 * len(comments)


def _complaint_share(comments: list[Comment], topic: str) -> float:
    views = [praise for c in comments for name, praise in c.topics if name == topic]
    return sum(not praise for praise in views) / len(views)


@pytest.mark.parametrize("service", [CHILDREN, ADULTS])
def test_supervision_complaints_give_way_to_praise_as_supervision_improves(service):
    shares = [
        _complaint_share(_wave_comments(service, y), "supervision") for y in (2023, 2024, 2025)
    ]
    assert shares[0] > 0.55 and shares[0] > shares[1] > shares[2] and shares[2] < 0.35


def test_workload_complaints_ease_in_2025():
    before, after = (_wave_comments(CHILDREN, y) for y in (2024, 2025))
    assert _complaint_share(after, "workload") < _complaint_share(before, "workload") - 0.2


def test_childrens_staff_credit_the_duty_rota_in_2025_only():
    assert DUTY_ROTA_QUOTE in [c.text for c in _wave_comments(CHILDREN, 2025)]
    for service, year in ((CHILDREN, 2024), (ADULTS, 2025)):
        assert all("duty rota" not in c.text for c in _wave_comments(service, year))


def test_the_tagger_finds_the_themes_each_comment_was_written_about():
    dictionary = load_dictionary()
    comments = [c for year in (2023, 2025) for c in _wave_comments(CHILDREN, year, 200)]
    found = [set(themes(c.text, dictionary)) for c in comments]
    assert all(c.themes <= f for c, f in zip(comments, found, strict=True))
    exact = sum(c.themes == f for c, f in zip(comments, found, strict=True))
    assert exact >= 0.9 * len(comments)
