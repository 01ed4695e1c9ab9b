"""Writes for practice development records: validate fully, then save in a transaction.

Creating functions name every field; updating functions take the fields to change (only those
the record has, listed in ``*_FIELDS``), as ``core.services.person_update`` does.
"""

import datetime
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, TypeVar

from django.contrib.auth.models import User
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import transaction
from django.db.models import Model, Q

from workforce_health.core.models import Employment, Organisation, Person, Team
from workforce_health.development import imports, limits
from workforce_health.development.measures import asye, schedule
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
from workforce_health.development.models.supervision import SessionKind

M = TypeVar("M", bound=Model)
LGA_POLICY_NAME = "LGA Standard 5"
ASYE_PROGRAMME_NAME = "ASYE (12 months)"


def _save(instance: M) -> M:
    instance.full_clean()
    instance.save()
    return instance


def _update(instance: M, allowed: Iterable[str], fields: dict[str, Any]) -> M:
    unknown = set(fields) - set(allowed)
    if unknown:
        raise TypeError(f"cannot change {', '.join(sorted(unknown))} of {type(instance).__name__}")
    for name, value in fields.items():
        setattr(instance, name, value)
    return _save(instance)


# --- Cadence policies ---------------------------------------------------------------------

POLICY_FIELDS = (
    "name",
    "is_default",
    "newly_qualified",
    "experienced",
    "minimum_minutes",
    "must_be_uninterrupted",
    "counted_kinds",
    "part_time",
    "leave",
    "minimum_leave_days",
)


def _only_default(model: type[Model], instance: Any) -> None:
    if instance.is_default:
        model.objects.filter(organisation_id=instance.organisation_id, is_default=True).exclude(  # type: ignore[attr-defined]
            pk=instance.pk
        ).update(is_default=False)


@transaction.atomic
def cadence_policy_create(*, organisation: Organisation, **fields: Any) -> CadencePolicy:
    """A policy; unnamed settings take the LGA default."""
    values: dict[str, Any] = {
        "newly_qualified": schedule.phases_data(schedule.LGA_NEWLY_QUALIFIED),
        "experienced": schedule.phases_data(schedule.LGA_EXPERIENCED),
        "counted_kinds": [SessionKind.ONE_TO_ONE.value],
    } | fields
    policy = CadencePolicy(organisation=organisation)
    for name in set(values) - set(POLICY_FIELDS):
        raise TypeError(f"cannot set {name} of a cadence policy")
    for name, value in values.items():
        setattr(policy, name, value)
    _only_default(CadencePolicy, policy)  # rolled back with the rest if the policy is invalid
    policy.full_clean()
    policy.save()
    return policy


@transaction.atomic
def cadence_policy_update(*, policy: CadencePolicy, **fields: Any) -> CadencePolicy:
    for name, value in fields.items():
        if name not in POLICY_FIELDS:
            raise TypeError(f"cannot change {name} of a cadence policy")
        setattr(policy, name, value)
    _only_default(CadencePolicy, policy)
    policy.full_clean()
    policy.save()
    return policy


@transaction.atomic
def cadence_policy_default(*, organisation: Organisation) -> CadencePolicy:
    """The organisation's default policy, created as the LGA's when it has none."""
    policy = CadencePolicy.objects.filter(organisation=organisation, is_default=True).first()
    return policy or cadence_policy_create(
        organisation=organisation, name=LGA_POLICY_NAME, is_default=True
    )


# --- Supervision --------------------------------------------------------------------------

AGREEMENT_FIELDS = ("supervisor", "policy", "newly_qualified", "starts_on", "ends_on")


@transaction.atomic
def agreement_create(
    *,
    person: Person,
    supervisor: Person,
    starts_on: datetime.date,
    policy: CadencePolicy | None = None,
    newly_qualified: bool = False,
    ends_on: datetime.date | None = None,
) -> SupervisionAgreement:
    organisation = person.organisation
    return _save(
        SupervisionAgreement(
            organisation=organisation,
            person=person,
            supervisor=supervisor,
            policy=policy or cadence_policy_default(organisation=organisation),
            newly_qualified=newly_qualified,
            starts_on=starts_on,
            ends_on=ends_on,
        )
    )


@transaction.atomic
def agreement_update(*, agreement: SupervisionAgreement, **fields: Any) -> SupervisionAgreement:
    return _update(agreement, AGREEMENT_FIELDS, fields)


def _agreement_on(person: Person, day: datetime.date) -> SupervisionAgreement | None:
    return (
        SupervisionAgreement.objects.filter(person=person, starts_on__lte=day)
        .filter(Q(ends_on__isnull=True) | Q(ends_on__gte=day))
        .select_related("supervisor")
        .first()
    )


SESSION_FIELDS = ("held_on", "minutes", "kind", "uninterrupted", "topics", "supervisor")


@transaction.atomic
def session_record(
    *,
    person: Person,
    held_on: datetime.date,
    minutes: int,
    kind: str,
    uninterrupted: bool,
    topics: list[str],
    recorded_by: User | None,
    supervisor: Person | None = None,
) -> SupervisionSession:
    """Record a session. The supervisor is the person's supervisor under their agreement on the
    day, unless given."""
    if supervisor is None:
        agreement = _agreement_on(person, held_on)
        supervisor = agreement.supervisor if agreement else None
    return _save(
        SupervisionSession(
            organisation_id=person.organisation_id,
            person=person,
            supervisor=supervisor,
            held_on=held_on,
            minutes=minutes,
            kind=kind,
            uninterrupted=uninterrupted,
            topics=list(topics),
            recorded_by=recorded_by,
        )
    )


@transaction.atomic
def session_update(*, session: SupervisionSession, **fields: Any) -> SupervisionSession:
    return _update(session, SESSION_FIELDS, fields)


@transaction.atomic
def session_delete(*, session: SupervisionSession) -> None:
    session.delete()


@transaction.atomic
def session_rate(*, session: SupervisionSession, quality: int | None) -> SupervisionSession:
    """The supervisee's own rating of a session (the one change a practitioner makes to it)."""
    return _update(session, ("quality",), {"quality": quality})


@transaction.atomic
def leave_record(
    *, person: Person, starts_on: datetime.date, ends_on: datetime.date, reason: str
) -> LeavePeriod:
    return _save(
        LeavePeriod(
            organisation_id=person.organisation_id,
            person=person,
            starts_on=starts_on,
            ends_on=ends_on,
            reason=reason,
        )
    )


@transaction.atomic
def leave_delete(*, leave: LeavePeriod) -> None:
    leave.delete()


# --- CPD and the learning offer -----------------------------------------------------------

CPD_FIELDS = (
    "done_on",
    "activity_type",
    "title",
    "hours",
    "learnt",
    "impact",
    "peer_reflection",
    "recorded_with_swe",
    "event",
)


@transaction.atomic
def cpd_entry_create(
    *,
    person: Person,
    done_on: datetime.date,
    activity_type: str,
    title: str,
    hours: Decimal,
    learnt: str,
    impact: str,
    peer_reflection: bool,
    recorded_with_swe: bool,
    recorded_by: User | None,
    event: LearningEvent | None = None,
) -> CpdEntry:
    return _save(
        CpdEntry(
            organisation_id=person.organisation_id,
            person=person,
            done_on=done_on,
            activity_type=activity_type,
            title=title.strip(),
            hours=hours,
            learnt=learnt.strip(),
            impact=impact.strip(),
            peer_reflection=peer_reflection,
            recorded_with_swe=recorded_with_swe,
            event=event,
            recorded_by=recorded_by,
        )
    )


@transaction.atomic
def cpd_entry_update(*, entry: CpdEntry, **fields: Any) -> CpdEntry:
    return _update(entry, CPD_FIELDS, fields)


@transaction.atomic
def cpd_entry_delete(*, entry: CpdEntry) -> None:
    entry.delete()


PRIORITY_FIELDS = ("title", "description", "standard", "active")


@transaction.atomic
def priority_area_create(
    *, organisation: Organisation, title: str, description: str = "", standard: str = ""
) -> PriorityArea:
    return _save(
        PriorityArea(
            organisation=organisation,
            title=title.strip(),
            description=description.strip(),
            standard=standard,
        )
    )


@transaction.atomic
def priority_area_update(*, priority: PriorityArea, **fields: Any) -> PriorityArea:
    return _update(priority, PRIORITY_FIELDS, fields)


EVENT_FIELDS = ("priority", "title", "kind", "held_on", "hours", "places")


@transaction.atomic
def learning_event_create(
    *,
    priority: PriorityArea,
    title: str,
    kind: str,
    held_on: datetime.date,
    hours: Decimal,
    places: int | None = None,
) -> LearningEvent:
    return _save(
        LearningEvent(
            organisation_id=priority.organisation_id,
            priority=priority,
            title=title.strip(),
            kind=kind,
            held_on=held_on,
            hours=hours,
            places=places,
        )
    )


@transaction.atomic
def learning_event_update(*, event: LearningEvent, **fields: Any) -> LearningEvent:
    return _update(event, EVENT_FIELDS, fields)


@transaction.atomic
def attendance_set(*, event: LearningEvent, person: Person, status: str) -> Attendance:
    """Book someone on an event, or record whether they came (one row per person)."""
    attendance = Attendance.objects.filter(event=event, person=person).first()
    if attendance is None:
        return _save(Attendance(event=event, person=person, status=status))
    return _update(attendance, ("status",), {"status": status})


# --- Early-career programmes --------------------------------------------------------------

PROGRAMME_FIELDS = (
    "name",
    "is_default",
    "length_months",
    "review_months",
    "requirements",
    "workload",
    "protected_hours_per_week",
)


def requirements_data(requirements: Iterable[asye.Requirement]) -> list[dict[str, Any]]:
    return [
        {"code": r.code, "label": r.label, "minimum": r.minimum, "due_months": list(r.due_months)}
        for r in requirements
    ]


def workload_data(steps: Iterable[asye.WorkloadStep]) -> list[dict[str, Any]]:
    return [{"start": s.start, "end": s.end, "percent": s.percent} for s in steps]


@transaction.atomic
def programme_create(*, organisation: Organisation, **fields: Any) -> Programme:
    """A programme; unnamed settings take the ASYE's."""
    default = asye.Programme()
    values: dict[str, Any] = {
        "review_months": list(default.review_months),
        "requirements": requirements_data(default.requirements),
        "workload": workload_data(default.workload),
    } | fields
    programme = Programme(organisation=organisation)
    for name, value in values.items():
        if name not in PROGRAMME_FIELDS:
            raise TypeError(f"cannot set {name} of a programme")
        setattr(programme, name, value)
    _only_default(Programme, programme)
    programme.full_clean()
    programme.save()
    return programme


@transaction.atomic
def programme_update(*, programme: Programme, **fields: Any) -> Programme:
    for name, value in fields.items():
        if name not in PROGRAMME_FIELDS:
            raise TypeError(f"cannot change {name} of a programme")
        setattr(programme, name, value)
    _only_default(Programme, programme)
    programme.full_clean()
    programme.save()
    return programme


@transaction.atomic
def programme_default(*, organisation: Organisation) -> Programme:
    programme = Programme.objects.filter(organisation=organisation, is_default=True).first()
    return programme or programme_create(
        organisation=organisation, name=ASYE_PROGRAMME_NAME, is_default=True
    )


ENROLMENT_FIELDS = (
    "programme",
    "assessor",
    "supervisor",
    "starts_on",
    "planned_end",
    "protected_hours_per_week",
    "recommendation",
    "panel_on",
    "decision",
    "extended_to",
    "record_updated_on",
    "withdrawn_on",
)


@transaction.atomic
def enrolment_create(
    *,
    person: Person,
    assessor: Person,
    supervisor: Person,
    starts_on: datetime.date,
    programme: Programme | None = None,
    planned_end: datetime.date | None = None,
    protected_hours_per_week: Decimal | None = None,
) -> Enrolment:
    """Enrol an NQSW; the planned end and protected time default to the programme's."""
    programme = programme or programme_default(organisation=person.organisation)
    return _save(
        Enrolment(
            organisation_id=person.organisation_id,
            person=person,
            programme=programme,
            assessor=assessor,
            supervisor=supervisor,
            starts_on=starts_on,
            planned_end=planned_end
            or schedule.add_months(starts_on, programme.length_months) - datetime.timedelta(1),
            protected_hours_per_week=programme.protected_hours_per_week
            if protected_hours_per_week is None
            else protected_hours_per_week,
        )
    )


@transaction.atomic
def enrolment_update(*, enrolment: Enrolment, **fields: Any) -> Enrolment:
    return _update(enrolment, ENROLMENT_FIELDS, fields)


@transaction.atomic
def pause_record(
    *,
    enrolment: Enrolment,
    starts_on: datetime.date,
    reason: str,
    ends_on: datetime.date | None = None,
) -> Pause:
    return _save(
        Pause(enrolment=enrolment, starts_on=starts_on, ends_on=ends_on, reason=reason.strip())
    )


@transaction.atomic
def pause_update(*, pause: Pause, **fields: Any) -> Pause:
    return _update(pause, ("starts_on", "ends_on", "reason"), fields)


@transaction.atomic
def review_record(
    *,
    enrolment: Enrolment,
    point: int,
    held_on: datetime.date,
    present: str,
    judgement: str,
    notes: str = "",
) -> Review:
    """Record the review at a point (months), or change the one already recorded there."""
    review = Review.objects.filter(enrolment=enrolment, point=point).first() or Review(
        enrolment=enrolment, point=point
    )
    review.held_on, review.present = held_on, present.strip()
    review.judgement, review.notes = judgement, notes.strip()
    return _save(review)


EVIDENCE_FIELDS = ("requirement", "done_on", "assessor", "status", "held_at")


@transaction.atomic
def evidence_record(
    *,
    enrolment: Enrolment,
    requirement: str,
    status: str,
    held_at: str,
    done_on: datetime.date | None = None,
    assessor: Person | None = None,
) -> EvidenceItem:
    return _save(
        EvidenceItem(
            enrolment=enrolment,
            requirement=requirement,
            status=status,
            held_at=held_at.strip(),
            done_on=done_on,
            assessor=assessor,
        )
    )


@transaction.atomic
def evidence_update(*, item: EvidenceItem, **fields: Any) -> EvidenceItem:
    return _update(item, EVIDENCE_FIELDS, fields)


# --- Secondments --------------------------------------------------------------------------

SECONDMENT_FIELDS = (
    "home_employment",
    "host_team",
    "host_organisation",
    "starts_on",
    "planned_end",
    "actual_end",
    "fte",
    "purpose",
    "backfill",
    "outcome",
    "census_treatment",
)


@transaction.atomic
def secondment_create(
    *,
    home_employment: Employment,
    starts_on: datetime.date,
    planned_end: datetime.date,
    fte: Decimal,
    purpose: str,
    backfill: str,
    census_treatment: str,
    host_team: Team | None = None,
    host_organisation: str = "",
    actual_end: datetime.date | None = None,
    outcome: str = Secondment.Outcome.ONGOING,
) -> Secondment:
    return _save(
        Secondment(
            organisation_id=home_employment.organisation_id,
            person_id=home_employment.person_id,
            home_employment=home_employment,
            host_team=host_team,
            host_organisation=host_organisation.strip(),
            starts_on=starts_on,
            planned_end=planned_end,
            actual_end=actual_end,
            fte=fte,
            purpose=purpose.strip(),
            backfill=backfill,
            outcome=outcome,
            census_treatment=census_treatment,
        )
    )


@transaction.atomic
def secondment_update(*, secondment: Secondment, **fields: Any) -> Secondment:
    return _update(secondment, SECONDMENT_FIELDS, fields)


# --- Bulk import --------------------------------------------------------------------------


@dataclass
class ImportResult:
    kind: str
    created: int = 0
    already_recorded: int = 0
    errors: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


def _existing_keys(kind: str, organisation: Organisation) -> set[tuple[Any, ...]]:
    if kind == "supervision":
        rows = SupervisionSession.objects.filter(organisation=organisation).values_list(
            "person_id", "held_on", "kind", "minutes"
        )
        return set(rows)
    if kind == "cpd":
        return {
            (person, day, title.casefold())
            for person, day, title in CpdEntry.objects.filter(
                organisation=organisation
            ).values_list("person_id", "done_on", "title")
        }
    model: Any = Enrolment if kind == "asye" else Secondment
    return set(
        model.objects.filter(organisation=organisation).values_list("person_id", "starts_on")
    )


def _key(kind: str, values: dict[str, Any]) -> tuple[Any, ...]:
    person = values["person"].pk
    if kind == "supervision":
        return (person, values["held_on"], values["kind"], values["minutes"])
    if kind == "cpd":
        return (person, values["done_on"], values["title"].casefold())
    return (person, values["starts_on"])


def _write_row(
    kind: str, values: dict[str, Any], row: imports.ParsedRow, user: User | None
) -> None:
    if kind == "supervision":
        quality = values.pop("quality", None)
        session = session_record(**{"topics": [], **values}, recorded_by=user)
        if quality is not None:
            session_rate(session=session, quality=int(quality))
    elif kind == "cpd":
        cpd_entry_create(**values, recorded_by=user)
    elif kind == "asye":
        outcome = {
            k: values.pop(k)
            for k in list(values)
            if k in ENROLMENT_FIELDS
            and k not in ("programme", "assessor", "supervisor", "starts_on", "planned_end")
        }
        enrolment = enrolment_create(**values)
        if outcome:
            enrolment_update(enrolment=enrolment, **outcome)
        for point, review in sorted(row.reviews.items()):
            review_record(
                enrolment=enrolment,
                point=point,
                held_on=review["date"],
                present="Not recorded (imported)",
                judgement=review["judgement"],
            )
    else:
        person, team = values.pop("person"), values.pop("home_team")
        post = imports.home_post(person, team, values["starts_on"])
        if post is None:
            raise ValidationError(
                {"home_team": f"{person.full_name} had no post in {team.name} on the start date"}
            )
        secondment_create(home_employment=post, **values)


def records_import(
    *, organisation: Organisation, kind: str, name: str, data: bytes, user: User | None
) -> ImportResult:
    """Import a file of one kind of record, all or nothing: every error is listed with its row
    and column and nothing is stored unless every row is valid. Rows already recorded (the same
    person, date and kind) are left as they are, so importing a file again changes nothing."""
    spec = imports.KINDS[kind]
    result = ImportResult(kind)
    lookup = imports.Lookup.of(organisation)
    try:
        rows, errors = imports.read_file(spec, name, data, lookup)
    except imports.ImportRefused as refused:
        result.errors = [str(refused)]
        return result
    if errors:
        result.errors = errors[: limits.MAX_ERRORS]
        return result
    column_of = {argument: column for column, (argument, _, _) in spec.columns.items()}
    seen = _existing_keys(kind, organisation)
    with transaction.atomic():
        for row in rows:
            key = _key(kind, row.values)
            if key in seen:
                result.already_recorded += 1
                continue
            seen.add(key)
            try:
                with transaction.atomic():
                    _write_row(kind, dict(row.values), row, user)
                result.created += 1
            except ValidationError as error:
                for field_name, messages in error.message_dict.items():
                    column = column_of.get(field_name, field_name)
                    where = "" if field_name == NON_FIELD_ERRORS else f", column {column}"
                    result.errors += [f"Row {row.number}{where}: {m}" for m in messages]
        if result.errors:
            result.errors = result.errors[: limits.MAX_ERRORS]
            result.created = result.already_recorded = 0
            transaction.set_rollback(True)
    return result
