"""Builders for listening tests, written through the services like real writes."""

import datetime
import random
from typing import Any

from django.utils import timezone

from tests import factories
from workforce_health.listening import services, survey_adapter
from workforce_health.listening.models import ActionLink, LeaderSession, PulseSeries
from workforce_health.surveys.models import Questionnaire, Wave
from workforce_health.surveys.services import past_waves

SWHC = "social-work-health-check"


def session(council, **fields: Any) -> LeaderSession:
    values: dict[str, Any] = {
        "kind": LeaderSession.Kind.COFFEE,
        "title": "Coffee and catch up with the director",
        "starts_at": timezone.now() + datetime.timedelta(days=7),
        "duration_minutes": 45,
        "format": LeaderSession.Format.IN_PERSON,
        "location": "Room 1",
        "hosts": [LeaderSession.Host.DIRECTOR],
        "audience_role_groups": [],
        "standards": ["S3"],
        "topics": "Caseloads",
        "mandatory": False,
        "keeps_register": False,
    } | fields
    return services.session_create(organisation=council.organisation, **values)


def more_staff(council, count: int = 12, team=None) -> None:
    """Social workers in a team (the assessment team by default), with email addresses."""
    for n in range(count):
        person = factories.person(
            council.organisation, f"{council.organisation.la_code}-x{n}", f"Sam Worker{n}"
        )
        person.email = f"worker{n}@example.org"
        person.save(update_fields=["email"])
        factories.employment(person, team or council.assessment)


def past_health_check(
    council, *, slug: str, year: int, agree_share: float, item: str, teams: dict[str, int]
) -> Wave:
    """A closed Children's Social Work Health Check with `teams` (name -> respondents), where
    `agree_share` of each team agree with `item`."""
    questionnaire = Questionnaire.objects.filter(code=SWHC, organisation__isnull=True).latest(
        "version"
    )
    opens_on = datetime.date(year, 2, 1)
    wave = past_waves.past_wave_create(
        organisation=council.organisation,
        questionnaire=questionnaire,
        title=f"Children's Social Work Health Check {year}",
        slug=slug,
        services=[council.children],
        opens_on=opens_on,
        closes_on=opens_on + datetime.timedelta(days=28),
        min_group_size=5,
        min_group_size_comments=10,
        min_invited_for_response_rate=5,
    )
    rng = random.Random(year)
    rows = []
    for team, n in teams.items():
        for index in range(n):
            agree = index < round(n * agree_share)
            labels = {
                "service": "Children's Services",
                "team": team,
                "role_group": "Social worker",
                "tenure_band": "Not known",
                "employment_type": "Not known",
            }
            rows.append((labels, {item: "4" if agree else "2", "sw_pride": str(rng.randint(3, 5))}))
    past_waves.responses_bulk_create(wave=wave, rows=rows, generalise=False)
    return wave


def action(council, **fields: Any):
    values: dict[str, Any] = {
        "title": "Review caseloads",
        "owner": council.manager,
        "due_on": timezone.localdate() + datetime.timedelta(days=90),
        "prompts": [{"kind": ActionLink.Kind.CONVERSATION_THEME, "theme": "Caseload"}],
    } | fields
    return services.action_create(organisation=council.organisation, **values)


def series(council, reference: Wave, **fields: Any) -> PulseSeries:
    values: dict[str, Any] = {
        "title": "Children's pulse",
        "questionnaire": survey_adapter.packaged(survey_adapter.ENGAGEMENT_PULSE),
        "reference_wave": reference,
        "every": PulseSeries.Every.QUARTER,
        "starts_on": timezone.localdate(),
    } | fields
    return services.pulse_series_create(organisation=council.organisation, **values)
