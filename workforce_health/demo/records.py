"""Plain, frozen records the demo generator produces (no Django: the loader maps them to models)."""

import datetime
from dataclasses import dataclass
from decimal import Decimal


@dataclass(frozen=True)
class ServiceRecord:
    key: str
    name: str
    kind: str  # Service.Kind value: "children" or "adults"


@dataclass(frozen=True)
class PostRecord:
    """One established (budgeted) post, filled or vacant: the basis for vacancy measures."""

    team_key: str
    job_role: str  # the role the post is graded at (ASYE social workers fill social worker posts)
    fte: Decimal
    opened_on: datetime.date


@dataclass(frozen=True)
class TeamRecord:
    key: str
    service_key: str
    name: str
    team_type: str  # Team.TeamType value


@dataclass(frozen=True)
class PersonRecord:
    key: int
    given_name: str
    family_name: str
    employee_number: str
    swe_number: str
    date_of_birth: datetime.date
    sex: str
    ethnicity: str
    qualification_level: str
    is_registered_social_worker: bool
    email: str = ""  # given.family@northmoor.example, unique in the demo
    # Census extras, for registered social workers only (blank or None for everyone else).
    qualification_institution: str = ""
    step_up_graduate: bool | None = None
    frontline_graduate: bool | None = None


@dataclass(frozen=True)
class EmploymentRecord:
    person_key: int
    team_key: str
    job_role: str
    census_role: str
    fte: Decimal
    contract_type: str  # Employment.ContractType value
    start_date: datetime.date
    end_date: datetime.date | None
    start_origin: str
    reason_for_leaving: str
    leaver_destination: str

    def is_current(self, on: datetime.date) -> bool:
        return self.start_date <= on and (self.end_date is None or self.end_date >= on)


@dataclass(frozen=True)
class VacancyRecord:
    """Vacancies in a social work establishment on a date: the organisation's (the census
    figure: children's social work) when ``service_key`` is empty, else that service's."""

    date: datetime.date
    vacancy_fte: Decimal  # posts not filled by a council employee (agency-covered included)
    agency_cover_fte: Decimal  # agency workers filling vacant posts
    agency_cover_headcount: int
    service_key: str = ""


@dataclass(frozen=True)
class CaseloadRecord:
    employment: int  # index into DemoCouncil.employments
    date: datetime.date
    cases: int


@dataclass(frozen=True)
class AbsenceRecord:
    employment: int  # index into DemoCouncil.employments
    period_end: datetime.date  # 30 September: the census year's total
    working_days_lost: Decimal  # FTE-adjusted


@dataclass(frozen=True)
class DemoCouncil:
    name: str
    la_code: str
    ons_code: str
    region: str
    seed: int
    today: datetime.date
    services: tuple[ServiceRecord, ...]
    teams: tuple[TeamRecord, ...]
    posts: tuple[PostRecord, ...]
    people: tuple[PersonRecord, ...]
    employments: tuple[EmploymentRecord, ...]
    vacancies: tuple[VacancyRecord, ...] = ()
    caseloads: tuple[CaseloadRecord, ...] = ()
    absences: tuple[AbsenceRecord, ...] = ()
