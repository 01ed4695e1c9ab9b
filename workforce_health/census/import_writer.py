"""Storing census worker records as people, employments, caseloads and absence (import side).

Each record is written through the core and staffing services inside a savepoint; a record the
product's models refuse becomes an error finding naming the worker and element, and the caller
rolls the whole import back (all or nothing).
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import transaction
from django.db.models import Q

from workforce_health.census.mapping import ELEMENT_OF_FIELD, JOB_ROLE_OF_ORG_ROLE, person_details
from workforce_health.census.records import CensusWorker, WorkerRecord
from workforce_health.census.rules import Finding, Severity
from workforce_health.census.semantics import (
    FteMapping,
    contracted_fte,
    in_post_fte,
    is_agency,
    leaver_fte,
    reference_date,
)
from workforce_health.core import services as core_services
from workforce_health.core.models import (
    CENSUS_ROLE_OF,
    Employment,
    JobRole,
    Organisation,
    Person,
    Service,
    Team,
)
from workforce_health.staffing import services as staffing_services

UNASSIGNED_TEAM = "Census import – unassigned"
CHILDRENS_SERVICES = "Children's Services"
Agency = Employment.ContractType.AGENCY


def validation_findings(
    error: ValidationError, record: WorkerRecord | None = None
) -> list[Finding]:
    """One error finding per message, naming the census element behind the refused field."""
    out = []
    for name, messages in error.message_dict.items():
        element = None if name == NON_FIELD_ERRORS else ELEMENT_OF_FIELD.get(name, name)
        line = record.line_of(element) if record and element else (record.line if record else None)
        for message in messages:
            out.append(
                Finding(
                    "I01",
                    Severity.ERROR,
                    f"Cannot store this record: {message}",
                    element=element,
                    line=line,
                    worker=record.index if record else None,
                    swe_no=record.values.swe_no if record else None,
                )
            )
    return out


def _changes(instance: Any, wanted: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in wanted.items() if getattr(instance, k) != v}


class WorkerWriter:
    """Writes worker records for one organisation and census year; collects findings."""

    def __init__(self, organisation: Organisation, year: int, fte: FteMapping) -> None:
        self.organisation, self.year, self.fte = organisation, year, fte
        self.reference_date = reference_date(year)
        self.findings: list[Finding] = []
        self.counts = dict.fromkeys(
            ("people_created", "people_updated", "employments_created", "employments_updated"), 0
        )

    def add(self, record: WorkerRecord) -> None:
        try:
            with transaction.atomic():
                self._store(record.values)
        except ValidationError as error:
            self.findings.extend(validation_findings(error, record))

    def _store(self, worker: CensusWorker) -> None:
        person = self._person(worker)
        employment = self._employment(person, worker)
        if worker.cases30 is not None:
            staffing_services.caseload_record(
                employment=employment, date=self.reference_date, cases=worker.cases30
            )
        if worker.working_days_lost is not None:
            staffing_services.sickness_absence_record(
                employment=employment,
                period_end=self.reference_date,
                working_days_lost=worker.working_days_lost,
            )

    def _person(self, worker: CensusWorker) -> Person:
        swe = worker.swe_no.strip().upper()
        people = Person.objects.filter(organisation=self.organisation)
        details = person_details(worker)
        person = people.filter(swe_number=swe).first()
        if person is None:
            taken = people.filter(employee_number=swe).exists()
            self.counts["people_created"] += 1
            return core_services.person_create(
                organisation=self.organisation,
                given_name="Social worker",
                family_name=swe,
                employee_number=f"CENSUS-{swe}" if taken else swe,
                swe_number=swe,
                **details,
            )
        changed = _changes(person, details)
        if changed:
            self.counts["people_updated"] += 1
            core_services.person_update(person=person, **changed)
        return person

    def _fte(self, worker: CensusWorker) -> Decimal:
        for value in (
            contracted_fte(worker, self.fte),
            in_post_fte(worker, self.fte),
            leaver_fte(worker, self.fte),
        ):
            if value is not None and value > 0:
                return value
        raise ValidationError({"fte": "The record gives no FTE above 0 (FTE or FTE30)"})

    def _existing(self, person: Person, worker: CensusWorker) -> Employment | None:
        """Council spells match on start date; agency spells on being active in the year."""
        spells = Employment.objects.filter(person=person)
        if worker.role_start_date is not None:
            spells = spells.filter(start_date=worker.role_start_date)
        elif is_agency(worker):  # agency records have no dates (§6): the spell on 30 September
            spells = spells.filter(start_date__lte=self.reference_date).filter(
                Q(end_date__isnull=True) | Q(end_date__gte=self.reference_date)
            )
        else:
            raise ValidationError({"start_date": "RoleStartDate is needed to store this record"})
        spells = (
            spells.filter(contract_type=Agency)
            if is_agency(worker)
            else spells.exclude(contract_type=Agency)
        )
        found = list(spells.order_by("start_date", "pk")[:5])
        if len(found) > 1 and worker.org_role:
            found = [s for s in found if s.census_role == worker.org_role] or found
        return found[0] if found else None

    def _employment(self, person: Person, worker: CensusWorker) -> Employment:
        role = worker.org_role or ""
        wanted: dict[str, Any] = {
            "census_role": role,
            "fte": self._fte(worker),
            "end_date": worker.role_end_date,
            "start_origin": worker.start_origin or "",
            "reason_for_leaving": worker.reason_leave or "",
            "leaver_destination": worker.leaver_destination or "",
        }
        if is_agency(worker) and worker.role_end_date is None:
            del wanted["end_date"]  # unknown: keep what is recorded
        existing = self._existing(person, worker)
        if existing is None:
            start = worker.role_start_date or self.reference_date
            if is_agency(worker):
                wanted.setdefault("end_date", self._day_before_next(person, start))
            else:
                self._end_agency_spells(person, start)
            self.counts["employments_created"] += 1
            return core_services.employment_create(
                person=person,
                team=self._unassigned_team(),
                job_role=JOB_ROLE_OF_ORG_ROLE.get(role, JobRole.SOCIAL_WORKER),
                contract_type=Agency if is_agency(worker) else Employment.ContractType.PERMANENT,
                start_date=start,
                **wanted,
            )
        if (
            worker.role_end_date is None
            and existing.end_date
            and existing.end_date > self.reference_date
        ):
            for name in ("end_date", "reason_for_leaving", "leaver_destination"):
                wanted.pop(name, None)  # left after this census year: a later fact, keep it
        if role and CENSUS_ROLE_OF.get(existing.job_role) != role:
            wanted["job_role"] = JOB_ROLE_OF_ORG_ROLE[role]
        changed = _changes(existing, wanted)
        if changed:
            self.counts["employments_updated"] += 1
            core_services.employment_update(employment=existing, **changed)
        return existing

    def _day_before_next(self, person: Person, start: date) -> date | None:
        """An undated agency spell ends before the person's next recorded spell, if any."""
        later = Employment.objects.filter(person=person, start_date__gt=start)
        following = later.order_by("start_date").first()
        return following.start_date - timedelta(days=1) if following else None

    def _end_agency_spells(self, person: Person, start: date) -> None:
        """Someone who joins the council from agency work stops being agency staff then."""
        open_agency = Employment.objects.filter(
            person=person, contract_type=Agency, start_date__lt=start
        ).filter(Q(end_date__isnull=True) | Q(end_date__gte=start))
        for spell in open_agency:
            self.counts["employments_updated"] += 1
            core_services.employment_update(employment=spell, end_date=start - timedelta(days=1))

    def _unassigned_team(self) -> Team:
        """Where new census spells go until the lead moves them (created when first needed)."""
        org = self.organisation  # looked up each time: a failed record's savepoint may undo it
        service = Service.objects.filter(organisation=org, kind=Service.Kind.CHILDREN).first()
        service = service or core_services.service_create(
            organisation=org, name=CHILDRENS_SERVICES, kind=Service.Kind.CHILDREN
        )
        team = Team.objects.filter(service=service, name=UNASSIGNED_TEAM).first()
        return team or core_services.team_create(
            organisation=org, service=service, name=UNASSIGNED_TEAM, team_type=Team.TeamType.OTHER
        )
