"""Reads for practice development records, always scoped.

Whose records a reader may see is `core.scope.Scope`, the rule every app shares: like the
people records (organisation-wide roles: everyone in the organisation; a service or team
manager: the people employed in their service or team today; anyone else: nobody). Views build
it with `Scope.of(membership)`; the scrutiny report and the `development` command build one for
a service or the whole organisation. A member of staff also sees their own records (the
scope's ``person``: ``own_person``) and an assessor the enrolments they assess
(``enrolment_list``).
"""

import datetime

from django.db.models import Q, QuerySet

from workforce_health.core import selectors as core_selectors
from workforce_health.core.models import Organisation, Person, Team
from workforce_health.core.scope import Scope
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


def people_in_scope(*, scope: Scope) -> QuerySet[Person]:
    """Everyone whose development records the scope sees (the reader's own aside)."""
    return scope.people()


def _own(scope: Scope) -> Q:
    """The reader's own records (none without a linked staff record)."""
    if scope.person is None:
        return Q(pk__in=[])
    return Q(person_id=scope.person.pk, organisation=scope.organisation)


def development_person_list(*, scope: Scope, search: str = "") -> QuerySet[Person]:
    """People in scope, with ``current_team`` (null when not in post today)."""
    return core_selectors.person_in_scope_list(scope=scope, search=search)


def person_choice_list(*, scope: Scope, search: str = "") -> QuerySet[Person]:
    """People in scope who are in post today: the choices when recording for someone."""
    return core_selectors.person_in_scope_list(scope=scope, search=search, in_post_only=True)


def development_person_get(*, scope: Scope, person_id: int) -> Person | None:
    return people_in_scope(scope=scope).filter(pk=person_id).first()


def own_person(*, scope: Scope) -> Person | None:
    """The reader's own staff record, if their sign-in is linked to one."""
    if scope.person is None:
        return None
    return Person.objects.filter(pk=scope.person.pk, organisation=scope.organisation).first()


def team_all_list(*, organisation: Organisation) -> QuerySet[Team]:
    """Every team of the organisation (host teams of secondments may be outside one's scope)."""
    return Team.objects.filter(organisation=organisation).select_related("service")


def current_staff_list(*, organisation: Organisation) -> QuerySet[Person]:
    """Everyone in post today: the people who may supervise or assess."""
    return core_selectors.person_in_scope_list(scope=Scope.whole(organisation), in_post_only=True)


# --- Supervision --------------------------------------------------------------------------


def cadence_policy_list(*, organisation: Organisation) -> QuerySet[CadencePolicy]:
    return CadencePolicy.objects.filter(organisation=organisation)


def cadence_policy_get(*, scope: Scope, policy_id: int) -> CadencePolicy | None:
    return cadence_policy_list(organisation=scope.organisation).filter(pk=policy_id).first()


def agreement_list(*, scope: Scope, person: Person | None = None) -> QuerySet[SupervisionAgreement]:
    agreements = SupervisionAgreement.objects.filter(person__in=people_in_scope(scope=scope))
    if person is not None:
        agreements = agreements.filter(person=person)
    return agreements.select_related("person", "supervisor", "policy")


def own_agreement_list(*, scope: Scope) -> QuerySet[SupervisionAgreement]:
    return SupervisionAgreement.objects.filter(_own(scope)).select_related("supervisor", "policy")


def agreement_get(*, scope: Scope, agreement_id: int) -> SupervisionAgreement | None:
    return agreement_list(scope=scope).filter(pk=agreement_id).first()


def agreement_on(*, person: Person, day: datetime.date) -> SupervisionAgreement | None:
    """The person's agreement in force on ``day`` (the caller has scoped the person)."""
    return (
        SupervisionAgreement.objects.filter(person=person, starts_on__lte=day)
        .filter(Q(ends_on__isnull=True) | Q(ends_on__gte=day))
        .select_related("supervisor", "policy")
        .first()
    )


def session_list(*, scope: Scope, person: Person | None = None) -> QuerySet[SupervisionSession]:
    sessions = SupervisionSession.objects.filter(person__in=people_in_scope(scope=scope))
    if person is not None:
        sessions = sessions.filter(person=person)
    return sessions.select_related("person", "supervisor", "recorded_by")


def session_get(*, scope: Scope, session_id: int) -> SupervisionSession | None:
    return session_list(scope=scope).filter(pk=session_id).first()


def own_session_list(*, scope: Scope) -> QuerySet[SupervisionSession]:
    return SupervisionSession.objects.filter(_own(scope)).select_related("supervisor")


def own_session_get(*, scope: Scope, session_id: int) -> SupervisionSession | None:
    if scope.person is None:
        return None
    return own_session_list(scope=scope).filter(pk=session_id).first()


def leave_list(*, person: Person) -> QuerySet[LeavePeriod]:
    return LeavePeriod.objects.filter(person=person)


def leave_get(*, scope: Scope, leave_id: int) -> LeavePeriod | None:
    return LeavePeriod.objects.filter(person__in=people_in_scope(scope=scope), pk=leave_id).first()


# --- CPD and the learning offer -----------------------------------------------------------


def cpd_list(*, scope: Scope, person: Person | None = None) -> QuerySet[CpdEntry]:
    entries = CpdEntry.objects.filter(person__in=people_in_scope(scope=scope))
    if person is not None:
        entries = entries.filter(person=person)
    return entries.select_related("person", "event")


def cpd_get(*, scope: Scope, entry_id: int) -> CpdEntry | None:
    return cpd_list(scope=scope).filter(pk=entry_id).first()


def own_cpd_list(*, scope: Scope) -> QuerySet[CpdEntry]:
    return CpdEntry.objects.filter(_own(scope))


def own_cpd_get(*, scope: Scope, entry_id: int) -> CpdEntry | None:
    if scope.person is None:
        return None
    return own_cpd_list(scope=scope).filter(pk=entry_id).first()


def priority_area_list(*, organisation: Organisation) -> QuerySet[PriorityArea]:
    return PriorityArea.objects.filter(organisation=organisation).prefetch_related("events")


def priority_area_get(*, scope: Scope, priority_id: int) -> PriorityArea | None:
    return priority_area_list(organisation=scope.organisation).filter(pk=priority_id).first()


def learning_event_list(*, organisation: Organisation) -> QuerySet[LearningEvent]:
    return LearningEvent.objects.filter(organisation=organisation).select_related("priority")


def learning_event_get(*, scope: Scope, event_id: int) -> LearningEvent | None:
    return learning_event_list(organisation=scope.organisation).filter(pk=event_id).first()


def attendance_list(*, scope: Scope, event: LearningEvent) -> QuerySet[Attendance]:
    """Who is on an event's list, among the people in scope."""
    return event.attendances.filter(person__in=people_in_scope(scope=scope)).select_related(
        "person"
    )


def attended_social_worker_ids(
    *, scope: Scope, start: datetime.date, end: datetime.date
) -> QuerySet[Attendance, int]:
    """The registered social workers in scope who attended an event held in the period, once
    for each event attended."""
    return Attendance.objects.filter(
        status=Attendance.Status.ATTENDED,
        event__held_on__range=(start, end),
        person__in=people_in_scope(scope=scope).filter(is_registered_social_worker=True),
    ).values_list("person_id", flat=True)


# --- Early-career programmes --------------------------------------------------------------


def programme_list(*, organisation: Organisation) -> QuerySet[Programme]:
    return Programme.objects.filter(organisation=organisation)


def programme_get(*, scope: Scope, programme_id: int) -> Programme | None:
    return programme_list(organisation=scope.organisation).filter(pk=programme_id).first()


def enrolment_list(*, scope: Scope) -> QuerySet[Enrolment]:
    """Enrolments of people in scope, and those the reader assesses."""
    mine = Q(assessor_id=scope.person.pk) if scope.person is not None else Q(pk__in=[])
    return (
        Enrolment.objects.filter(organisation=scope.organisation)
        .filter(Q(person__in=people_in_scope(scope=scope)) | mine)
        .select_related("person", "programme", "assessor", "supervisor")
        .prefetch_related("pauses", "reviews", "evidence")
    )


def enrolment_in_period_list(
    *, scope: Scope, start: datetime.date, end: datetime.date
) -> QuerySet[Enrolment]:
    """Enrolments in scope running at some time in the period: started by its end, and not
    decided by a panel or left before its start."""
    return (
        enrolment_list(scope=scope)
        .filter(starts_on__lte=end)
        .filter(
            Q(panel_on__isnull=True) | Q(panel_on__gte=start) | ~Q(decision__in=("pass", "fail"))
        )
        .filter(Q(withdrawn_on__isnull=True) | Q(withdrawn_on__gte=start))
    )


def enrolment_get(*, scope: Scope, enrolment_id: int) -> Enrolment | None:
    return enrolment_list(scope=scope).filter(pk=enrolment_id).first()


def reader_assesses(*, scope: Scope) -> bool:
    """Whether the reader is the assessor of any enrolment (and may open the NQSW pages)."""
    return (
        scope.person is not None
        and Enrolment.objects.filter(
            organisation=scope.organisation, assessor_id=scope.person.pk
        ).exists()
    )


def own_enrolment_list(*, scope: Scope) -> QuerySet[Enrolment]:
    return (
        Enrolment.objects.filter(_own(scope))
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


def secondment_list(*, scope: Scope, person: Person | None = None) -> QuerySet[Secondment]:
    secondments = Secondment.objects.filter(person__in=people_in_scope(scope=scope))
    if person is not None:
        secondments = secondments.filter(person=person)
    return secondments.select_related(
        "person", "home_employment__team__service", "host_team"
    ).order_by("-starts_on", "pk")


def secondment_get(*, scope: Scope, secondment_id: int) -> Secondment | None:
    return secondment_list(scope=scope).filter(pk=secondment_id).first()


def own_secondment_list(*, scope: Scope) -> QuerySet[Secondment]:
    return Secondment.objects.filter(_own(scope)).select_related(
        "home_employment__team", "host_team"
    )
