"""Storing census worker records as people, employments, caseloads and absence (import side).

Each record is validated by the product's model rules as the core and staffing services would
(``full_clean``) and staged in memory (``import_cache``); a record the models refuse becomes an
error finding naming the worker and element and leaves nothing staged, and the caller rolls the
whole import back (all or nothing). The caller calls ``finish()`` after the last record, which
writes the staged rows in bulk unless a record was refused.

A council record describes a run of spells (``runs``): the one starting on its ``RoleStartDate``
among the person's spells in children's services, as the export builds it. Its start origin is
the first spell's; its role, FTE, leaving details and caseload the last one's; its days lost the
sum over the run.

Per file, the organisation's people, spells, caseloads and absence are read once (four queries)
instead of about ten queries per record; see docs/performance.md, "Census returns at national
scale".
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError

from workforce_health.census.import_cache import OrganisationRows, spell_order
from workforce_health.census.mapping import ELEMENT_OF_FIELD, JOB_ROLE_OF_ORG_ROLE, person_details
from workforce_health.census.records import CensusWorker, WorkerRecord
from workforce_health.census.rules import Finding, Severity
from workforce_health.census.runs import runs
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
from workforce_health.staffing.models import CaseloadSnapshot, SicknessAbsence

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


def _check(instance: Any, exclude: list[str]) -> None:
    """``full_clean`` without the parts that query per call: the excluded foreign keys are set
    by the writer (a person may not be saved yet), uniqueness is checked by the caller in memory,
    and the check constraints repeat rules ``clean_fields``/``clean`` already apply. The
    database constraints still guard the bulk writes."""
    instance.full_clean(exclude=exclude, validate_unique=False, validate_constraints=False)


class WorkerWriter:
    """Writes worker records for one organisation and census year; collects findings."""

    def __init__(self, organisation: Organisation, year: int, fte: FteMapping) -> None:
        self.organisation, self.year, self.fte = organisation, year, fte
        self.reference_date = reference_date(year)
        self.findings: list[Finding] = []
        self.counts = dict.fromkeys(
            ("people_created", "people_updated", "employments_created", "employments_updated"), 0
        )
        self.rows = OrganisationRows(organisation, self.reference_date)
        self._team: Team | None = None
        self._children_teams = set(
            Team.objects.filter(
                organisation=organisation, service__kind=Service.Kind.CHILDREN
            ).values_list("pk", flat=True)
        )

    def finish(self) -> None:
        """Write the staged rows, unless a record was refused (the caller then rolls back, so
        nothing need be written). Safe to call more than once."""
        if not any(finding.is_error for finding in self.findings):
            self.rows.write()

    def add(self, record: WorkerRecord) -> None:
        try:
            self._store(record.values)
        except ValidationError as error:
            self.rows.journal.undo()  # as the record's savepoint was rolled back
            self.findings.extend(validation_findings(error, record))
        else:
            self.rows.journal.forget()

    def _store(self, worker: CensusWorker) -> None:
        person = self._person(worker)
        run = self._employment(person, worker)
        employment = run[-1]
        if worker.cases30 is not None:  # as staffing_services.caseload_record
            caseload = self.rows.caseloads.get(id(employment))
            if caseload is None:
                caseload = CaseloadSnapshot(
                    employment=employment, date=self.reference_date, cases=worker.cases30
                )
                _check(caseload, exclude=["employment"])
                self.rows.add_caseload(employment, caseload)
            else:
                self.rows.change(caseload, {"cases": worker.cases30})
                _check(caseload, exclude=["employment"])
        if worker.working_days_lost is not None:
            self._days_lost(run, worker.working_days_lost)

    def _days_lost(self, run: list[Employment], days: Decimal) -> None:
        """The record's days lost are the run's total (as the export sums them): unchanged when
        its spells already add up to them, else the last spell holds what the others do not."""
        held = [a for s in run if (a := self.rows.absences.get(id(s))) is not None]
        if held and sum((a.working_days_lost for a in held), Decimal(0)) == days:
            return
        employment = run[-1]
        absence = self.rows.absences.get(id(employment))
        earlier = sum((a.working_days_lost for a in held if a is not absence), Decimal(0))
        if earlier > days:
            raise ValidationError(
                {
                    "working_days_lost": f"The record gives {days} days lost, fewer than the "
                    f"{earlier} already recorded on this worker's earlier spells in the year"
                }
            )
        if absence is None:  # as staffing_services.sickness_absence_record
            absence = SicknessAbsence(
                employment=employment, period_end=self.reference_date, working_days_lost=days
            )
            _check(absence, exclude=["employment"])
            self.rows.add_absence(employment, absence)
        else:
            self.rows.change(absence, {"working_days_lost": days - earlier})
            _check(absence, exclude=["employment"])

    def _person(self, worker: CensusWorker) -> Person:
        swe = worker.swe_no.strip().upper()
        details = person_details(worker)
        person = self.rows.by_swe.get(swe)
        if person is None:  # as core_services.person_create
            taken = swe in self.rows.by_employee_number
            self.counts["people_created"] += 1
            institution = details.pop("qualification_institution", "").strip()
            person = Person(
                organisation=self.organisation,
                given_name="Social worker",
                family_name=swe,
                employee_number=f"CENSUS-{swe}" if taken else swe,
                swe_number=swe,
                qualification_institution=institution,
                **details,
            )
            self._check_person(person)
            self.rows.add_person(person)
            return person
        changed = _changes(person, details)
        if changed:  # as core_services.person_update
            self.counts["people_updated"] += 1
            numbers = person.swe_number, person.employee_number
            self.rows.change(person, changed)
            self._check_person(person)
            self.rows.reindex(person, *numbers)
        return person

    def _check_person(self, person: Person) -> None:
        """``Person.full_clean()``, its two uniqueness constraints checked against the people in
        memory (they include those this file adds) instead of one query each."""
        errors: dict[str, Any] = {}
        try:
            _check(person, exclude=["organisation"])
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        for constraint in self.rows.unique_conflicts(person, skip=errors.keys()):
            message = ValidationError(
                constraint.get_violation_error_message(), code=constraint.violation_error_code
            )
            errors.setdefault(NON_FIELD_ERRORS, []).append(message)
        if errors:
            raise ValidationError(errors)

    def _check_spell(self, spell: Employment) -> None:
        """``Employment.full_clean()`` with its overlap rule read from the person's spells in
        memory: they hold this file's staged changes (an agency spell just ended, a spell added
        by an earlier record), which the rule's own query would not see. The instance attribute
        shadows the method only while ``clean()`` runs, so the model's messages are kept."""
        setattr(spell, "overlapping_spells_in_same_post", lambda: self.rows.overlapping(spell))  # noqa: B010
        try:
            _check(spell, exclude=["organisation", "person", "team"])
        finally:
            delattr(spell, "overlapping_spells_in_same_post")

    def _fte(self, worker: CensusWorker) -> Decimal:
        for value in (
            contracted_fte(worker, self.fte),
            in_post_fte(worker, self.fte),
            leaver_fte(worker, self.fte),
        ):
            if value is not None and value > 0:
                return value
        raise ValidationError({"fte": "The record gives no FTE above 0 (FTE or FTE30)"})

    def _existing(self, person: Person, worker: CensusWorker) -> list[Employment]:
        """The spells the record describes, first to last; empty if none is recorded.

        A council record: the run (``runs``) of the person's children's services spells up to 30
        September that starts on its ``RoleStartDate``. An agency record (no dates, §6): the
        person's agency spell on 30 September."""
        ref = self.reference_date
        agency = is_agency(worker)
        spells = sorted(
            (s for s in self.rows.spells_of(person) if s.is_agency == agency),
            key=spell_order,
        )
        if worker.role_start_date is not None:
            in_return = [
                s for s in spells if s.start_date <= ref and s.team_id in self._children_teams
            ]
            found = [r for r in runs(in_return) if r[0].start_date == worker.role_start_date]
        elif agency:
            found = [
                [s]
                for s in spells
                if s.start_date <= ref and (s.end_date is None or s.end_date >= ref)
            ]
        else:
            raise ValidationError({"start_date": "RoleStartDate is needed to store this record"})
        found = found[:5]
        if len(found) > 1 and worker.org_role:
            found = [r for r in found if r[-1].census_role == worker.org_role] or found
        return found[0] if found else []

    def _employment(self, person: Person, worker: CensusWorker) -> list[Employment]:
        """The record's run of spells, changed as the record says (or one new spell)."""
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
        run = self._existing(person, worker)
        if not run:  # as core_services.employment_create
            start = worker.role_start_date or self.reference_date
            if is_agency(worker):
                wanted.setdefault("end_date", self._day_before_next(person, start))
            else:
                self._end_agency_spells(person, start)
            self.counts["employments_created"] += 1
            spell = Employment(
                organisation_id=person.organisation_id,
                person=person,
                team=self._unassigned_team(),
                job_role=JOB_ROLE_OF_ORG_ROLE.get(role, JobRole.SOCIAL_WORKER),
                contract_type=Agency if is_agency(worker) else Employment.ContractType.PERMANENT,
                start_date=start,
                **wanted,
            )
            self._check_spell(spell)
            self.rows.add_spell(spell)
            return [spell]
        first, existing = run[0], run[-1]
        if first is not existing:  # the first spell's start origin; the rest is the last one's
            self._update(first, {"start_origin": wanted.pop("start_origin")})
        if (
            worker.role_end_date is None
            and existing.end_date
            and existing.end_date > self.reference_date
        ):
            for name in ("end_date", "reason_for_leaving", "leaver_destination"):
                wanted.pop(name, None)  # left after this census year: a later fact, keep it
        if role and CENSUS_ROLE_OF.get(existing.job_role) != role:
            wanted["job_role"] = JOB_ROLE_OF_ORG_ROLE[role]
        self._update(existing, wanted)
        return run

    def _update(self, spell: Employment, wanted: dict[str, Any]) -> None:
        changed = _changes(spell, wanted)
        if changed:  # as core_services.employment_update
            self.counts["employments_updated"] += 1
            self.rows.change(spell, changed)
            self._check_spell(spell)

    def _day_before_next(self, person: Person, start: date) -> date | None:
        """An undated agency spell ends before the person's next recorded spell, if any."""
        later = [s.start_date for s in self.rows.spells_of(person) if s.start_date > start]
        return min(later) - timedelta(days=1) if later else None

    def _end_agency_spells(self, person: Person, start: date) -> None:
        """Someone who joins the council from agency work stops being agency staff then."""
        open_agency = [
            s
            for s in self.rows.spells_of(person)
            if s.is_agency and s.start_date < start and (s.end_date is None or s.end_date >= start)
        ]
        for spell in sorted(open_agency, key=lambda s: s.start_date, reverse=True):  # Meta order
            self.counts["employments_updated"] += 1
            self.rows.change(spell, {"end_date": start - timedelta(days=1)})
            self._check_spell(spell)

    def _unassigned_team(self) -> Team:
        """Where new census spells go until the lead moves them (created when first needed).

        Looked up once per file: if the record that created it is refused, the whole import is
        rolled back, so keeping it for later records changes nothing that is stored."""
        if self._team is None:
            org = self.organisation
            service = Service.objects.filter(organisation=org, kind=Service.Kind.CHILDREN).first()
            service = service or core_services.service_create(
                organisation=org, name=CHILDRENS_SERVICES, kind=Service.Kind.CHILDREN
            )
            team = Team.objects.filter(service=service, name=UNASSIGNED_TEAM).first()
            self._team = team or core_services.team_create(
                organisation=org,
                service=service,
                name=UNASSIGNED_TEAM,
                team_type=Team.TeamType.OTHER,
            )
            self._children_teams.add(self._team.pk)
        return self._team
