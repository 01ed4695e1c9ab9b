"""Reads for practice development records, always scoped to the viewer.

Whose records a viewer may see is decided in one place, ``_people``: like the people records
(organisation-wide roles: everyone in the organisation; a service or team manager: the people
employed in their service or team today; anyone else: nobody). A member of staff also sees their
own records (``own_person``) and an assessor the enrolments they assess (``enrolment_list``).
"""

import datetime

from django.db.models import Q, QuerySet

from workforce_health.core import selectors as core_selectors
from workforce_health.core.models import Membership, Organisation, Person, Team
from workforce_health.core.permissions import ORGANISATION_WIDE_ROLES
from workforce_health.development.models import (
    Attendance,
    CadencePolicy,
    CpdEntry,
    Enrolment,
    EvidenceItem,
    LearningEvent,
    LeavePeriod,
    Pause,
    PriorityArea,
    Programme,
    Review,
    Secondment,
    SupervisionAgreement,
    SupervisionSession,
)

Role = Membership.Role


def _people(viewer: Membership) -> QuerySet[Person]:
    """Everyone whose development records the viewer may see (their own aside)."""
    if viewer.role in ORGANISATION_WIDE_ROLES:
        return Person.objects.filter(organisation=viewer.organisation)
    if viewer.role in (Role.SERVICE_MANAGER, Role.TEAM_MANAGER):
        return Person.objects.filter(pk__in=core_selectors.person_list(viewer=viewer).values("pk"))
    return Person.objects.none()


def _own(viewer: Membership) -> Q:
    """The viewer's own records (none without a linked staff record)."""
    if viewer.person_id is None:
        return Q(pk__in=[])
    return Q(person_id=viewer.person_id, organisation=viewer.organisation)


def development_person_list(*, viewer: Membership, search: str = "") -> QuerySet[Person]:
    """People in scope, with ``current_team`` (null when not in post today)."""
    people = core_selectors.person_list(viewer=viewer, search=search)
    if viewer.role not in ORGANISATION_WIDE_ROLES:
        people = people.filter(pk__in=_people(viewer).values("pk"))
    return people


def person_choice_list(*, viewer: Membership, search: str = "") -> QuerySet[Person]:
    """People in scope who are in post today: the choices when recording for someone."""
    people = core_selectors.person_list(viewer=viewer, search=search, in_post_only=True)
    if viewer.role not in ORGANISATION_WIDE_ROLES:
        people = people.filter(pk__in=_people(viewer).values("pk"))
    return people


def development_person_get(*, viewer: Membership, person_id: int) -> Person | None:
    return _people(viewer).filter(pk=person_id).first()


def own_person(*, viewer: Membership) -> Person | None:
    """The viewer's own staff record, if their sign-in is linked to one."""
    if viewer.person_id is None:
        return None
    return Person.objects.filter(pk=viewer.person_id, organisation=viewer.organisation).first()


def team_all_list(*, organisation: Organisation) -> QuerySet[Team]:
    """Every team of the organisation (host teams of secondments may be outside one's scope)."""
    return Team.objects.filter(organisation=organisation).select_related("service")


def current_staff_list(*, organisation: Organisation) -> QuerySet[Person]:
    """Everyone in post today: the people who may supervise or assess."""
    return core_selectors.person_list(
        viewer=Membership(organisation=organisation, role=Role.ADMINISTRATOR), in_post_only=True
    )


# --- Supervision --------------------------------------------------------------------------


def cadence_policy_list(*, organisation: Organisation) -> QuerySet[CadencePolicy]:
    return CadencePolicy.objects.filter(organisation=organisation)


def cadence_policy_get(*, viewer: Membership, policy_id: int) -> CadencePolicy | None:
    return cadence_policy_list(organisation=viewer.organisation).filter(pk=policy_id).first()


def agreement_list(
    *, viewer: Membership, person: Person | None = None
) -> QuerySet[SupervisionAgreement]:
    agreements = SupervisionAgreement.objects.filter(person__in=_people(viewer))
    if person is not None:
        agreements = agreements.filter(person=person)
    return agreements.select_related("person", "supervisor", "policy")


def own_agreement_list(*, viewer: Membership) -> QuerySet[SupervisionAgreement]:
    return SupervisionAgreement.objects.filter(_own(viewer)).select_related("supervisor", "policy")


def agreement_get(*, viewer: Membership, agreement_id: int) -> SupervisionAgreement | None:
    return agreement_list(viewer=viewer).filter(pk=agreement_id).first()


def agreement_on(*, person: Person, day: datetime.date) -> SupervisionAgreement | None:
    """The person's agreement in force on ``day`` (the caller has scoped the person)."""
    return (
        SupervisionAgreement.objects.filter(person=person, starts_on__lte=day)
        .filter(Q(ends_on__isnull=True) | Q(ends_on__gte=day))
        .select_related("supervisor", "policy")
        .first()
    )


def session_list(
    *, viewer: Membership, person: Person | None = None
) -> QuerySet[SupervisionSession]:
    sessions = SupervisionSession.objects.filter(person__in=_people(viewer))
    if person is not None:
        sessions = sessions.filter(person=person)
    return sessions.select_related("person", "supervisor", "recorded_by")


def session_get(*, viewer: Membership, session_id: int) -> SupervisionSession | None:
    return session_list(viewer=viewer).filter(pk=session_id).first()


def own_session_list(*, viewer: Membership) -> QuerySet[SupervisionSession]:
    return SupervisionSession.objects.filter(_own(viewer)).select_related("supervisor")


def own_session_get(*, viewer: Membership, session_id: int) -> SupervisionSession | None:
    if viewer.person_id is None:
        return None
    return own_session_list(viewer=viewer).filter(pk=session_id).first()


def leave_list(*, person: Person) -> QuerySet[LeavePeriod]:
    return LeavePeriod.objects.filter(person=person)


def leave_get(*, viewer: Membership, leave_id: int) -> LeavePeriod | None:
    return LeavePeriod.objects.filter(person__in=_people(viewer), pk=leave_id).first()


# --- CPD and the learning offer -----------------------------------------------------------


def cpd_list(*, viewer: Membership, person: Person | None = None) -> QuerySet[CpdEntry]:
    entries = CpdEntry.objects.filter(person__in=_people(viewer))
    if person is not None:
        entries = entries.filter(person=person)
    return entries.select_related("person", "event")


def cpd_get(*, viewer: Membership, entry_id: int) -> CpdEntry | None:
    return cpd_list(viewer=viewer).filter(pk=entry_id).first()


def own_cpd_list(*, viewer: Membership) -> QuerySet[CpdEntry]:
    return CpdEntry.objects.filter(_own(viewer))


def own_cpd_get(*, viewer: Membership, entry_id: int) -> CpdEntry | None:
    if viewer.person_id is None:
        return None
    return own_cpd_list(viewer=viewer).filter(pk=entry_id).first()


def priority_area_list(*, organisation: Organisation) -> QuerySet[PriorityArea]:
    return PriorityArea.objects.filter(organisation=organisation).prefetch_related("events")


def priority_area_get(*, viewer: Membership, priority_id: int) -> PriorityArea | None:
    return priority_area_list(organisation=viewer.organisation).filter(pk=priority_id).first()


def learning_event_list(*, organisation: Organisation) -> QuerySet[LearningEvent]:
    return LearningEvent.objects.filter(organisation=organisation).select_related("priority")


def learning_event_get(*, viewer: Membership, event_id: int) -> LearningEvent | None:
    return learning_event_list(organisation=viewer.organisation).filter(pk=event_id).first()


def attendance_list(*, viewer: Membership, event: LearningEvent) -> QuerySet[Attendance]:
    """Who is on an event's list, among the people the viewer may see."""
    return event.attendances.filter(person__in=_people(viewer)).select_related("person")


# --- Early-career programmes --------------------------------------------------------------


def programme_list(*, organisation: Organisation) -> QuerySet[Programme]:
    return Programme.objects.filter(organisation=organisation)


def programme_get(*, viewer: Membership, programme_id: int) -> Programme | None:
    return programme_list(organisation=viewer.organisation).filter(pk=programme_id).first()


def enrolment_list(*, viewer: Membership) -> QuerySet[Enrolment]:
    """Enrolments of people in scope, and those the viewer assesses."""
    mine = Q(assessor_id=viewer.person_id) if viewer.person_id else Q(pk__in=[])
    return (
        Enrolment.objects.filter(organisation=viewer.organisation)
        .filter(Q(person__in=_people(viewer)) | mine)
        .select_related("person", "programme", "assessor", "supervisor")
        .prefetch_related("pauses", "reviews", "evidence")
    )


def enrolment_in_period_list(
    *, viewer: Membership, start: datetime.date, end: datetime.date
) -> QuerySet[Enrolment]:
    """Enrolments in scope running at some time in the period: started by its end, and not
    decided by a panel or left before its start."""
    return (
        enrolment_list(viewer=viewer)
        .filter(starts_on__lte=end)
        .filter(
            Q(panel_on__isnull=True) | Q(panel_on__gte=start) | ~Q(decision__in=("pass", "fail"))
        )
        .filter(Q(withdrawn_on__isnull=True) | Q(withdrawn_on__gte=start))
    )


def enrolment_get(*, viewer: Membership, enrolment_id: int) -> Enrolment | None:
    return enrolment_list(viewer=viewer).filter(pk=enrolment_id).first()


def viewer_assesses(*, viewer: Membership) -> bool:
    """Whether the viewer is the assessor of any enrolment (and may open the NQSW pages)."""
    return (
        viewer.person_id is not None
        and Enrolment.objects.filter(
            organisation=viewer.organisation, assessor_id=viewer.person_id
        ).exists()
    )


def own_enrolment_list(*, viewer: Membership) -> QuerySet[Enrolment]:
    return (
        Enrolment.objects.filter(_own(viewer))
        .select_related("programme", "assessor", "supervisor")
        .prefetch_related("pauses", "reviews", "evidence")
    )


def pause_get(*, enrolment: Enrolment, pause_id: int) -> Pause | None:
    return enrolment.pauses.filter(pk=pause_id).first()


def review_get(*, enrolment: Enrolment, point: int) -> Review | None:
    return enrolment.reviews.filter(point=point).first()


def evidence_get(*, enrolment: Enrolment, item_id: int) -> EvidenceItem | None:
    return enrolment.evidence.filter(pk=item_id).first()


# --- Secondments --------------------------------------------------------------------------


def secondment_list(*, viewer: Membership, person: Person | None = None) -> QuerySet[Secondment]:
    secondments = Secondment.objects.filter(person__in=_people(viewer))
    if person is not None:
        secondments = secondments.filter(person=person)
    return secondments.select_related(
        "person", "home_employment__team__service", "host_team"
    ).order_by("-starts_on", "pk")


def secondment_get(*, viewer: Membership, secondment_id: int) -> Secondment | None:
    return secondment_list(viewer=viewer).filter(pk=secondment_id).first()


def own_secondment_list(*, viewer: Membership) -> QuerySet[Secondment]:
    return Secondment.objects.filter(_own(viewer)).select_related(
        "home_employment__team", "host_team"
    )
