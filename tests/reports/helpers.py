"""A council to report on: two Health Check waves with a small team, and a census year of staff.

Everything is written through the services, like real data. The meeting is in January after
the latest census year that has ended, so the report reads that census year and both waves
whatever the date the tests run.
"""

import datetime
import re
from decimal import Decimal
from typing import Any

from tests import factories
from tests.results.helpers import CHILDREN, answers
from tests.surveys.helpers import builtin
from workforce_health.staffing import services as staffing_services
from workforce_health.staffing.selectors import latest_complete_year
from workforce_health.surveys.models import Wave
from workforce_health.surveys.services import past_waves

YEAR = latest_complete_year()
MEETING = datetime.date(YEAR + 1, 1, 20)
SMALL_TEAM = "Family Support Hub"  # 3 responses: below the smallest group shown (5)
# Respondents per team and their answer level (1-5) in this year's and last year's survey.
CURRENT = {"Assessment North": [4] * 12, "Safeguarding East": [5, 4] * 5, SMALL_TEAM: [1, 1, 1]}
PREVIOUS = {"Assessment North": [2] * 12, "Safeguarding East": [2, 3] * 5, SMALL_TEAM: [3, 3]}
INVITED_EXTRA = 4  # invited per team beyond those who responded
COMMENT = "Supervision with Priya Shah is regular and my workload is manageable now"
REDACTED_NAME = "Priya Shah"


def survey_wave(council, *, year: int, teams: dict[str, list[int]], comments: int = 0) -> Wave:
    """A closed (imported) Social Work Health Check of the children's service."""
    opens_on = datetime.date(year, 2, 1)
    wave = past_waves.past_wave_create(
        organisation=council.organisation,
        questionnaire=builtin(),
        title=f"Children's Social Work Health Check {year}",
        slug=f"sw-{year}",
        services=[council.children],
        opens_on=opens_on,
        closes_on=opens_on + datetime.timedelta(days=30),
    )
    rows: list[tuple[dict[str, str], dict[str, str]]] = []
    for team, levels in teams.items():
        for level in levels:
            extra = {"sw_comments": COMMENT} if len(rows) < comments else {}
            group = {"service": CHILDREN, "team": team, "role_group": "Social worker"}
            rows.append((group, answers(level, **extra)))
    past_waves.invited_counts_record(
        wave=wave,
        counts={
            (CHILDREN, team, "Social worker", "Not known", "Not known"): len(levels) + INVITED_EXTRA
            for team, levels in teams.items()
        },
    )
    past_waves.responses_bulk_create(wave=wave, rows=rows, generalise=False)
    return wave


def staff(council) -> None:
    """In the census year: a starter and a leaver in children's services, and a vacancy."""
    leaver = factories.person(
        council.organisation,
        "991-9",
        "Jo Bloggs",
        swe_number="SW991009",
        is_registered_social_worker=True,
    )
    factories.employment(
        leaver,
        council.safeguarding,
        start_date=datetime.date(2018, 4, 1),
        end_date=datetime.date(YEAR, 3, 31),
        reason_for_leaving="1",
        leaver_destination="3",
    )
    starter = factories.person(
        council.organisation,
        "991-8",
        "Kim Lee",
        swe_number="SW991008",
        is_registered_social_worker=True,
    )
    factories.employment(
        starter, council.assessment, start_date=datetime.date(YEAR, 2, 1), start_origin="2"
    )
    staffing_services.vacancy_snapshot_record(
        organisation=council.organisation,
        date=datetime.date(YEAR, 9, 30),
        vacancy_fte=Decimal("1"),
        agency_cover_fte=Decimal("0"),
    )


def reported(council) -> Any:
    """The council with both waves and the census year's staff records."""
    council.previous_wave = survey_wave(council, year=YEAR - 1, teams=PREVIOUS)
    council.wave = survey_wave(council, year=YEAR, teams=CURRENT, comments=12)
    staff(council)
    return council


def responded() -> int:
    return sum(len(levels) for levels in CURRENT.values())


def invited() -> int:
    return sum(len(levels) + INVITED_EXTRA for levels in CURRENT.values())


PERCENT = re.compile(r"-?\d[\d,]*\.\d%")
