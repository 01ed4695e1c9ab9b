"""A past wave with a few responses, written through the results services."""

import datetime

from tests.surveys.helpers import builtin
from workforce_health.surveys.models import Wave
from workforce_health.surveys.results import services

CHILDREN = "Children's Services"


def answers(level: int, **extra: str) -> dict[str, str]:
    """Every agree item of the Social Work Health Check answered `level` (1-5)."""
    parsed = builtin().parsed()
    values = {item.code: str(level) for item in parsed.items() if item.type == "agree"}
    return (
        values | {"sw_recommend_0_10": "8", "contracted_hours": "37", "actual_hours": "42"} | extra
    )


def past_wave(council, *, slug: str, year: int, teams: dict[str, list[int]], **settings) -> Wave:
    """A closed wave; `teams` maps a children's team name to each respondent's answer level."""
    opens_on = datetime.date(year, 2, 1)
    wave = services.past_wave_create(
        organisation=council.organisation,
        questionnaire=builtin(),
        title=f"Children's Health Check {year}",
        slug=slug,
        services=[council.children],
        opens_on=opens_on,
        closes_on=opens_on + datetime.timedelta(days=30),
        **settings,
    )
    rows = [
        ({"service": CHILDREN, "team": team, "role_group": "Social worker"}, answers(level))
        for team, levels in teams.items()
        for level in levels
    ]
    services.invited_counts_record(
        wave=wave,
        counts={
            (CHILDREN, team, "Social worker", "Not known", "Not known"): len(levels) + 4
            for team, levels in teams.items()
        },
    )
    services.responses_bulk_create(wave=wave, rows=rows, generalise=False)
    return wave


def results_wave(council) -> Wave:
    """For the URL walk: a few responses, below the minimum, so managers see the message."""
    if not hasattr(council, "results_wave"):
        council.results_wave = past_wave(
            council, slug="results-walk", year=2024, teams={"Assessment North": [4, 3, 5]}
        )
    return council.results_wave
