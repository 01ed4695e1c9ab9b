"""The demo council's employer standards self-assessments (docs/self-assessment.md).

Children's Services rated itself for 2024 (the 2020 standards, published in January 2025) and
for 2025 (the 2025 revision, a draft the lead can finish and publish). In 2024 it rated Safe
workloads "Largely met" while staff scored it low in the Health Check and caseloads were above
England's: the self-assessment says so, and the lead raised an action from that gap, completed
before the 2025 Health Check (whose workload score rose).
"""

import datetime

from django.contrib.auth.models import User

from workforce_health.assessments import selectors, services
from workforce_health.assessments.models import Assessment
from workforce_health.core.models import Membership, Organisation, Service
from workforce_health.listening.models import Action
from workforce_health.listening.services.actions import action_progress

SERVICE = "Children's Services"
PUBLISHED_ON = datetime.date(2025, 1, 20)
CONTRADICTED = "S3"
# (level, commentary) per standard, on the default scale: 1 Not met ... 4 Fully met.
RATINGS: dict[int, dict[str, tuple[int | None, str]]] = {
    2024: {
        "S1": (3, "Our practice framework is published; the Health Check ran in February."),
        "S2": (2, "Vacancies are falling but agency use is still high in the assessment teams."),
        "S3": (3, "Cases are allocated at the weekly allocation meeting, agreed with staff."),
        "S4": (2, "Wellbeing offer in place; absence is above the England average."),
        "S5": (3, "Supervision policy: monthly, weekly for the first six weeks of the ASYE."),
        "S6": (3, "Every NQSW has protected development time and a reduced caseload."),
        "S7": (3, "CPD recording sessions run before each renewal window."),
        "S8": (3, "Teaching partnership with two universities; 14 student placements."),
    },
    2025: {
        "S1": (3, "Leadership forum with practitioners each quarter; Health Check published."),
        "S2": (2, "Recruitment campaign under way; agency rate falling."),
        "S3": (3, "Caseload cap agreed with staff and monitored at allocation."),
        "S4": (3, "Wellbeing champions in every team; hybrid working policy agreed."),
        "S5": (4, "Supervision compliance is reported monthly to the leadership team."),
        "S6": (3, "Digital skills added to the learning offer."),
        "S7": (None, ""),
        "S8": (None, ""),
    },
}


def _lead(organisation: Organisation) -> tuple[User | None, Membership | None]:
    user = User.objects.filter(username="lead", memberships__organisation=organisation).first()
    manager = (
        Membership.objects.filter(
            organisation=organisation, role=Membership.Role.SERVICE_MANAGER, service__name=SERVICE
        )
        .exclude(person=None)
        .select_related("person")
        .first()
    )
    return user, manager


def demo_assessments_load(*, organisation: Organisation) -> list[Assessment]:
    service = Service.objects.get(organisation=organisation, name=SERVICE)
    user, manager = _lead(organisation)
    made = []
    for year, framework in ((2024, "2020"), (2025, "2025")):
        assessment = services.assessment_create(
            organisation=organisation, service=service, year=year, framework=framework
        )
        ratings = selectors.rating_map(assessment=assessment)
        for code, (level, commentary) in RATINGS[year].items():
            services.rating_update(rating=ratings[code], level=level, commentary=commentary)
        made.append(assessment)
    earlier = made[0]
    if manager is not None and manager.person is not None:
        action = services.gap_action_raise(
            assessment=earlier,
            standard=CONTRADICTED,
            title="Safe workloads: review the caseload cap with practitioners",
            description=(
                "The 2024 self-assessment rated safe workloads largely met, but staff scored "
                "the standard low and caseloads were above England's."
            ),
            owner=manager.person,
            due_on=datetime.date(2025, 1, 31),
            raised_on=datetime.date(2025, 1, 13),
        )
        action_progress(
            action=action,
            status=Action.Status.COMPLETE,
            note="Caseload cap of 18 agreed at the practitioners' forum.",
            author=None,
            evidence="Caseload cap agreed and reported at allocation meetings.",
            completed_on=datetime.date(2025, 1, 29),
            written_on=datetime.date(2025, 1, 29),
        )
    services.assessment_publish(
        assessment=earlier,
        published_by=user,
        published_on=PUBLISHED_ON,
    )
    return made
