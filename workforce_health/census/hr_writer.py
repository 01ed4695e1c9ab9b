"""Storing HR extract rows through the core and staffing services (one savepoint per row).

A refused value becomes "Row N, column C: message"; the caller rolls everything back.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import transaction

from workforce_health.census.hr_extract import Row
from workforce_health.core import services as core_services
from workforce_health.core.models import Employment, Organisation, Person, Service, Team
from workforce_health.core.services import PERSON_FIELDS
from workforce_health.staffing import services as staffing_services

COLUMN_OF_FIELD = {"is_registered_social_worker": "registered_social_worker", "person": None}
EMPLOYMENT_COLUMNS = (
    "census_role",
    "fte",
    "contract_type",
    "end_date",
    "start_origin",
    "reason_for_leaving",
    "leaver_destination",
)


class RowError(Exception):
    def __init__(self, column: str | None, message: str) -> None:
        super().__init__(message)
        self.column, self.message = column, message


class HrRowWriter:
    def __init__(self, organisation: Organisation, create_teams: bool, reference: date) -> None:
        self.organisation, self.create_teams, self.reference = organisation, create_teams, reference
        self.errors: list[str] = []
        self.counts = dict.fromkeys(
            (
                "people_created",
                "people_updated",
                "employments_created",
                "employments_updated",
                "services_created",
                "teams_created",
            ),
            0,
        )

    def _error(self, row: Row, column: str | None, message: str) -> None:
        where = f"Row {row.number}, column {column}" if column else f"Row {row.number}"
        self.errors.append(f"{where}: {message}")

    def add(self, row: Row) -> None:
        try:
            with transaction.atomic():
                self._store(row)
        except RowError as error:
            self._error(row, error.column, error.message)
        except ValidationError as error:
            for name, messages in error.message_dict.items():
                column = None if name == NON_FIELD_ERRORS else COLUMN_OF_FIELD.get(name, name)
                for message in messages:
                    self._error(row, column, message)

    def _store(self, row: Row) -> None:
        values = row.values
        person = self._person(values)
        team = self._team(values)
        employment = self._employment(person, team, values)
        on = values.get("reference_date", self.reference)
        if "cases_on_reference_date" in values:
            staffing_services.caseload_record(
                employment=employment, date=on, cases=values["cases_on_reference_date"]
            )
        if "working_days_lost" in values:
            staffing_services.sickness_absence_record(
                employment=employment, period_end=on, working_days_lost=values["working_days_lost"]
            )

    def _person(self, values: dict[str, Any]) -> Person:
        given = {
            name: values[COLUMN_OF_FIELD.get(name) or name]
            for name in PERSON_FIELDS
            if (COLUMN_OF_FIELD.get(name) or name) in values
        }
        if "ethnicity" in given:
            given["ethnicity"] = given["ethnicity"].upper()
        person = Person.objects.filter(
            organisation=self.organisation, employee_number=values["employee_number"]
        ).first()
        if person is None:
            self.counts["people_created"] += 1
            return core_services.person_create(organisation=self.organisation, **given)
        if "swe_number" in given:  # compare as the model stores it
            given["swe_number"] = given["swe_number"].upper().replace(" ", "")
        changed = {k: v for k, v in given.items() if getattr(person, k) != v}
        if changed:
            self.counts["people_updated"] += 1
            core_services.person_update(person=person, **changed)
        return person

    def _team(self, values: dict[str, Any]) -> Team:
        service = Service.objects.filter(
            organisation=self.organisation, name__iexact=values["service"]
        ).first()
        if service is None:
            if not self.create_teams:
                raise RowError(
                    "service",
                    f"There is no service called {values['service']!r}. Add it first, or "
                    "choose to create services and teams that do not exist",
                )
            self.counts["services_created"] += 1
            service = core_services.service_create(
                organisation=self.organisation,
                name=values["service"],
                kind=values.get("service_kind", Service.Kind.CHILDREN),
            )
        team = Team.objects.filter(service=service, name__iexact=values["team"]).first()
        if team is not None:
            return team
        if not self.create_teams:
            raise RowError(
                "team",
                f"{service.name} has no team called {values['team']!r}. Add it first, or "
                "choose to create services and teams that do not exist",
            )
        if "team_type" not in values:
            raise RowError("team_type", "Give the type of team, to create the team")
        self.counts["teams_created"] += 1
        return core_services.team_create(
            organisation=self.organisation,
            service=service,
            name=values["team"],
            team_type=values["team_type"],
        )

    def _employment(self, person: Person, team: Team, values: dict[str, Any]) -> Employment:
        wanted: dict[str, Any] = {c: values.get(c, "") for c in EMPLOYMENT_COLUMNS}
        wanted["end_date"] = values.get("end_date")
        existing = Employment.objects.filter(
            person=person, team=team, job_role=values["job_role"], start_date=values["start_date"]
        ).first()
        if existing is None:
            self.counts["employments_created"] += 1
            census_role = wanted.pop("census_role") or None
            return core_services.employment_create(
                person=person,
                team=team,
                job_role=values["job_role"],
                start_date=values["start_date"],
                census_role=census_role,
                **wanted,
            )
        if not wanted["census_role"]:
            del wanted["census_role"]  # keep the role already recorded
        changed = {k: v for k, v in wanted.items() if getattr(existing, k) != v}
        if changed:
            self.counts["employments_updated"] += 1
            core_services.employment_update(employment=existing, **changed)
        return existing
