"""Development records for the test council, written through the services, made once."""

import datetime
from dataclasses import dataclass
from decimal import Decimal

from tests.factories import Council
from workforce_health.development import services
from workforce_health.development.models import (
    CadencePolicy,
    CpdEntry,
    Enrolment,
    EvidenceItem,
    LearningEvent,
    LeavePeriod,
    Pause,
    PriorityArea,
    Programme,
    Secondment,
    SupervisionAgreement,
    SupervisionSession,
)

START = datetime.date(2024, 9, 2)


@dataclass
class Records:
    policy: CadencePolicy
    agreement: SupervisionAgreement
    session: SupervisionSession
    leave: LeavePeriod
    entry: CpdEntry
    priority: PriorityArea
    event: LearningEvent
    programme: Programme
    enrolment: Enrolment
    pause: Pause
    evidence: EvidenceItem
    secondment: Secondment


def records(council: Council) -> Records:
    """The social worker (the practitioner's own record) supervised and assessed by the team
    manager's person, with one of every kind of record."""
    found = getattr(council, "development_records", None)
    if found is not None:
        return found
    worker, manager = council.social_worker, council.manager
    policy = services.cadence_policy_default(organisation=council.organisation)
    agreement = services.agreement_create(
        person=worker, supervisor=manager, starts_on=START, newly_qualified=True
    )
    session = services.session_record(
        person=worker,
        held_on=START,
        minutes=90,
        kind="one_to_one",
        uninterrupted=True,
        topics=["workload", "wellbeing"],
        recorded_by=None,
    )
    leave = services.leave_record(
        person=worker,
        starts_on=datetime.date(2025, 7, 1),
        ends_on=datetime.date(2025, 7, 21),
        reason="annual",
    )
    priority = services.priority_area_create(
        organisation=council.organisation, title="Direct work with children", standard="S6"
    )
    event = services.learning_event_create(
        priority=priority,
        title="Life story work",
        kind="course",
        held_on=datetime.date(2025, 2, 3),
        hours=Decimal("6"),
    )
    services.attendance_set(event=event, person=worker, status="attended")
    entry = services.cpd_entry_create(
        person=worker,
        done_on=datetime.date(2025, 2, 3),
        activity_type="course",
        title="Life story work",
        hours=Decimal("6"),
        learnt="Ways to help children make sense of their history",
        impact="I plan life story sessions with the child",
        peer_reflection=True,
        recorded_with_swe=True,
        recorded_by=None,
        event=event,
    )
    programme = services.programme_default(organisation=council.organisation)
    enrolment = services.enrolment_create(
        person=worker, assessor=manager, supervisor=manager, starts_on=START
    )
    pause = services.pause_record(
        enrolment=enrolment,
        starts_on=datetime.date(2025, 1, 6),
        ends_on=datetime.date(2025, 2, 2),
        reason="Sickness",
    )
    evidence = services.evidence_record(
        enrolment=enrolment,
        requirement="direct_observation",
        status="assessed",
        held_at="Case system, ASYE folder",
        done_on=datetime.date(2024, 12, 10),
        assessor=manager,
    )
    secondment = services.secondment_create(
        home_employment=worker.employments.get(),
        host_team=council.safeguarding,
        starts_on=datetime.date(2025, 4, 7),
        planned_end=datetime.date(2025, 10, 3),
        fte=Decimal("1"),
        purpose="Experience of child protection work",
        backfill="agency",
        census_treatment="leaver",
    )
    made = Records(
        policy,
        agreement,
        session,
        leave,
        entry,
        priority,
        event,
        programme,
        enrolment,
        pause,
        evidence,
        secondment,
    )
    council.development_records = made  # type: ignore[attr-defined]
    return made
