"""A past wave with a few responses, written through the results services."""

import datetime

from tests.surveys.helpers import builtin
from workforce_health.surveys.models import Wave
from workforce_health.surveys.services import past_waves

CHILDREN = "Children's Services"
ADULTS = "Adult Social Care"
OWN_TEAM = "Assessment North"  # the test council's team manager's team
SMALL_TEAM = "Team B"  # 3 respondents: below the smallest group shown (5)
# (service, team) -> (answer level, role group, employment type, caseload) of each respondent
RESPONDENTS = {
    (CHILDREN, OWN_TEAM): [(4, "Social worker", "Permanent", "18")] * 8
    + [(3, "Senior practitioner", "Agency", "22")] * 7,
    (CHILDREN, SMALL_TEAM): [(1, "Social worker", "Permanent", "30")] * 3,
    (CHILDREN, "Safeguarding East"): [(5, "Social worker", "Permanent", "15")] * 6
    + [(4, "Senior practitioner", "Permanent", "16")] * 6,
    (ADULTS, "Locality West"): [(2, "Social worker", "Agency", "25")] * 12,
}
COMMENT = {CHILDREN: "My caseload is too high", ADULTS: "Supervision is regular and helpful"}


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
    wave = past_waves.past_wave_create(
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
    past_waves.invited_counts_record(
        wave=wave,
        counts={
            (CHILDREN, team, "Social worker", "Not known", "Not known"): len(levels) + 4
            for team, levels in teams.items()
        },
    )
    past_waves.responses_bulk_create(wave=wave, rows=rows, generalise=False)
    return wave


def results_wave(council) -> Wave:
    """For the URL walk: a few responses, below the minimum, so managers see the message."""
    if not hasattr(council, "results_wave"):
        council.results_wave = past_wave(
            council, slug="results-walk", year=2024, teams={"Assessment North": [4, 3, 5]}
        )
    return council.results_wave


def two_service_wave(council) -> Wave:
    """A closed wave of both services (so there is another service to keep out of a manager's
    view), smallest group 5, comments from groups of 10: RESPONDENTS, each with a comment."""
    opens_on = datetime.date(2025, 2, 1)
    wave = past_waves.past_wave_create(
        organisation=council.organisation,
        questionnaire=builtin(),
        title="Social Work Health Check 2025",
        slug="scope-2025",
        services=[council.children, council.adults],
        opens_on=opens_on,
        closes_on=opens_on + datetime.timedelta(days=30),
        min_group_size=5,
        min_group_size_comments=10,
        min_invited_for_response_rate=5,
    )
    rows = []
    invited: dict[tuple[str, ...], int] = {}
    for (service, team), people in RESPONDENTS.items():
        for level, role_group, employment, caseload in people:
            group = {
                "service": service,
                "team": team,
                "role_group": role_group,
                "employment_type": employment,
            }
            extra = {"current_caseload": caseload, "sw_comments": COMMENT[service]}
            rows.append((group, answers(level, **extra)))
            key = (service, team, role_group, "Not known", employment)
            invited[key] = invited.get(key, 3) + 1
    past_waves.invited_counts_record(wave=wave, counts=invited)
    past_waves.responses_bulk_create(wave=wave, rows=rows, generalise=False)
    return wave
