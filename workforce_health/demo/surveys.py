"""Demo Health Check waves for the demo council: deterministic synthetic responses.

The Social Work Health Check and the Wider Workforce Health Check, for Children's Services and
for Adult Social Care, in 2023, 2024 and 2025 (12 waves), all closed, written through the results
services (the same path as an import). Invitees are the staff of each questionnaire's groups in
post on the opening day, with the groups the collection side would snapshot; about 60% of social
work staff and 65% of the wider workforce respond. The story: supervision and learning and
development improve each year, workload and wellbeing improve in 2025, and a clear majority are
proud of their job and would recommend the council. The waves use the sector minimum group of 5
(the product default is 10) so that a small council's team results show, and a few small teams
are still hidden.
"""

import datetime
import random
from dataclasses import dataclass
from typing import Any

from django.db.models import Min

from workforce_health.core.models import Employment, Organisation, Person, Service
from workforce_health.surveys import groups
from workforce_health.surveys import questionnaire as qn
from workforce_health.surveys.models import Questionnaire, Response, Wave
from workforce_health.surveys.services import past_waves

SOCIAL_WORK = "social-work-health-check"
WIDER = "wider-workforce-health-check"
SEED = 2025
RESPONSE_RATE = {SOCIAL_WORK: 0.6, WIDER: 0.65}
STAFF_GROUPS: dict[str, list[str]] = {
    SOCIAL_WORK: list(groups.SOCIAL_WORK_GROUPS),
    WIDER: [groups.RoleGroup.OTHER_PRACTITIONER],
}
DISCLOSURE: dict[str, Any] = {
    "min_group_size": 5,
    "min_group_size_comments": 10,
    "min_invited_for_response_rate": 5,
}
COMMENTS = (
    "More time for direct work with families would help.",
    "Supervision has been much more regular this year.",
    "Caseloads are still too high in our team.",
    "The new duty rota has made a real difference.",
    "I would like more protected time for training.",
)
# Some comments name a colleague, give an email address or a phone number, as real ones do, so
# the demo shows them redacted (docs/survey-analysis.md section 6). They come from a random
# stream of their own, so every other demo answer stays as it is.
MENTIONS_SEED = 20251
MENTION_SHARE = 0.25
MENTIONS = (
    "{full} has been a brilliant manager this year and is the reason I stayed.",
    "Since the vacancy {given} is doing the work of two people in our team.",
    "Email me at {email} about flexible working: my request has had no reply.",
    "Please call me on 07700 900123 to hear more about the duty rota.",
)


@dataclass(frozen=True)
class DemoWave:
    questionnaire: str
    service_name: str
    year: int
    # Mean answer (1-5) by standard or theme; "stress" is the reverse-worded stress item and
    # "proud" the pride and recommending items.
    levels: dict[str, float]


SHORT_NAMES = {
    "Children's Services": ("Children's", "childrens"),
    "Adult Social Care": ("Adults'", "adults"),
}
TITLES = {
    SOCIAL_WORK: ("Social Work Health Check", ""),
    WIDER: ("Wider Workforce Health Check", "wider-"),
}
_BASE = {"S1": 3.5, "S2": 3.0, "S7": 3.8, "S8": 3.3, "workplace": 3.3, "proud": 4.3}
_BASE |= {"engagement": 3.6, "equality": 3.7}
# Supervision (S5) and learning and development (S6) improve every year; workload (S3) and
# wellbeing (S4) in 2025.
_YEARS = {
    2023: {"S3": 2.7, "S4": 3.0, "S5": 3.1, "S6": 3.0, "stress": 3.9},
    2024: {"S3": 2.6, "S4": 3.0, "S5": 3.5, "S6": 3.45, "stress": 3.9},
    2025: {"S3": 3.3, "S4": 3.4, "S5": 3.9, "S6": 3.9, "stress": 3.4},
}
_ADULTS = {2025: {"S3": 3.2, "S4": 3.3, "stress": 3.5}}
# The wider questionnaire's themes follow the nearest standards.
_THEME_OF = {"leadership": "S1", "workload": "S3", "wellbeing": "S4", "support": "S5"}
_THEME_OF |= {"development": "S6"}


def _levels(questionnaire: str, service: str, year: int) -> dict[str, float]:
    levels = (
        _BASE | _YEARS[year] | (_ADULTS.get(year, {}) if service == "Adult Social Care" else {})
    )
    if questionnaire == WIDER:
        levels |= {theme: levels[standard] for theme, standard in _THEME_OF.items()}
    return levels


WAVES = tuple(
    DemoWave(questionnaire, service, year, _levels(questionnaire, service, year))
    for questionnaire in (SOCIAL_WORK, WIDER)
    for service in SHORT_NAMES
    for year in _YEARS
)


def demo_surveys_load(*, organisation: Organisation, seed: int = SEED) -> list[Wave]:
    """Create the demo waves and their responses (call inside the demo's transaction)."""
    questionnaires = {
        code: Questionnaire.objects.filter(code=code, organisation__isnull=True).latest("version")
        for code in (SOCIAL_WORK, WIDER)
    }
    parsed = {code: q.parsed() for code, q in questionnaires.items()}
    rng = random.Random(seed)  # noqa: S311 - deterministic synthetic data, not secrets
    mentions = _Mentions(organisation, seed)
    team_effect: dict[str, float] = {}
    waves = []
    for spec in WAVES:
        service = Service.objects.get(organisation=organisation, name=spec.service_name)
        opens_on = datetime.date(spec.year, 2, 3)
        short, prefix = SHORT_NAMES[spec.service_name]
        title, kind = TITLES[spec.questionnaire]
        wave = past_waves.past_wave_create(
            organisation=organisation,
            questionnaire=questionnaires[spec.questionnaire],
            title=f"{short} {title} {spec.year}",
            slug=f"{prefix}-{kind}health-check-{spec.year}",
            services=[service],
            staff_groups=STAFF_GROUPS[spec.questionnaire],
            opens_on=opens_on,
            closes_on=opens_on + datetime.timedelta(days=32),
            **DISCLOSURE,
        )
        invitees = groups.generalise(_invitees(service, opens_on, STAFF_GROUPS[spec.questionnaire]))
        past_waves.invited_counts_record(wave=wave, counts=past_waves.invited_counts_from(invitees))
        for team in sorted({i["team"] for i in invitees} - set(team_effect)):
            team_effect[team] = rng.gauss(0, 0.3)  # kept from year to year
        rows = [
            (
                snapshot,
                mentions.add(
                    _answers(rng, parsed[spec.questionnaire], spec, team_effect[snapshot["team"]])
                ),
            )
            for snapshot in invitees
            if rng.random() < RESPONSE_RATE[spec.questionnaire]
        ]
        past_waves.responses_bulk_create(wave=wave, rows=rows, generalise=False)
        waves.append(wave)
    return waves


class _Mentions:
    """Turns a share of the comments into ones naming staff from the people records."""

    def __init__(self, organisation: Organisation, seed: int) -> None:
        self.rng = random.Random(seed + MENTIONS_SEED)  # noqa: S311 - synthetic data
        self.people = list(Person.objects.filter(organisation=organisation).order_by("pk")[:40])
        self.made = 0

    def add(self, answers: dict[str, Any]) -> dict[str, Any]:
        for code, value in answers.items():
            if value in COMMENTS and self.people and self.rng.random() < MENTION_SHARE:
                person = self.rng.choice(self.people)
                self.made += 1  # each kind in turn, so every wave has each
                answers[code] = MENTIONS[self.made % len(MENTIONS)].format(
                    full=person.full_name,
                    given=person.given_name,
                    email=person.email or f"{person.given_name.lower()}@example.gov.uk",
                )
        return answers


def _invitees(service: Service, on: datetime.date, staff_groups: list[str]) -> list[dict[str, str]]:
    """Group snapshots of the staff groups in post on ``on`` (as the collection side takes)."""
    first_start = dict(
        Employment.objects.filter(organisation=service.organisation)
        .values_list("person_id")
        .annotate(first=Min("start_date"))
    )
    current = (
        Employment.objects.filter(team__service=service, start_date__lte=on)
        .exclude(end_date__lt=on)
        .select_related("team")
        .order_by("person_id", "-start_date", "-pk")
    )
    chosen: dict[int, dict[str, str]] = {}
    for employment in current:
        role_group = groups.ROLE_GROUP_OF.get(employment.job_role, "")
        if employment.person_id in chosen or role_group not in staff_groups:
            continue
        chosen[employment.person_id] = {
            "service": service.name,
            "team": employment.team.name,
            "role_group": groups.RoleGroup(role_group).label,
            "tenure_band": groups.tenure_band(first_start[employment.person_id], on),
            "employment_type": employment.get_contract_type_display(),
        }
    return list(chosen.values())


def _level_key(item: qn.Item) -> str:
    if item.code.endswith("_stress"):
        return "stress"
    if item.code.endswith(("_pride", "_recommend_employer")):
        return "proud"
    return item.standard or item.theme or ""


def _agree(rng: random.Random, level: float) -> str:
    if rng.random() < 0.04:
        return "dont_know"
    return str(min(5, max(1, round(level + rng.gauss(0, 0.9)))))


def _answers(
    rng: random.Random, parsed: qn.Questionnaire, spec: DemoWave, team: float
) -> dict[str, Any]:
    person = rng.gauss(0, 0.6) + team
    improved = spec.year >= 2025
    contracted = 37.0 if rng.random() < 0.85 else 22.5
    numbers = {
        "contracted_hours": contracted,
        "actual_hours": contracted + round(rng.gauss(4.0 if improved else 6.0, 3.0) * 2) / 2,
        "current_caseload": max(0, round(rng.gauss(17 if improved else 19, 4))),
        "new_cases_next_month": max(0, round(rng.gauss(4, 2))),
    }
    answers: dict[str, Any] = {}
    for item in parsed.items():
        if rng.random() < 0.02 and item.type != qn.TEXT:
            continue  # skipped
        if item.type == qn.AGREE:
            key = _level_key(item)
            shift = -person if item.reverse else person
            answers[item.code] = _agree(rng, spec.levels.get(key, 3.4) + shift)
        elif item.type == qn.SCALE_0_10:
            answers[item.code] = str(min(10, max(0, round(7.6 + 2 * person + rng.gauss(0, 1.5)))))
        elif item.type == qn.NUMBER and item.code in numbers:
            answers[item.code] = str(numbers[item.code])
        elif item.type == qn.CHOICE:
            answers[item.code] = rng.choice(item.options).value
        elif item.type == qn.TEXT and rng.random() < 0.2:
            answers[item.code] = rng.choice(COMMENTS)
    return answers


def demo_surveys_delete(*, organisation: Organisation) -> None:
    """Delete the organisation's responses (they protect their waves from cascading deletes)."""
    Response.objects.filter(wave__organisation=organisation).delete()
