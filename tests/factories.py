"""Builders for test data, written through the services layer like real writes."""

import datetime
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.contrib.auth.models import User

from workforce_health.core import services
from workforce_health.core.models import Employment, Membership, Organisation, Person, Service, Team

PASSWORD = "a-long-test-password-42"
Role = Membership.Role


@dataclass
class Council:
    organisation: Organisation
    children: Service
    adults: Service
    assessment: Team
    safeguarding: Team
    adults_locality: Team
    social_worker: Person
    manager: Person
    adult_worker: Person
    users: dict[str, User]


def person(organisation: Organisation, number: str, name: str = "Sam Taylor", **fields) -> Person:
    given, family = name.split(" ", 1)
    return services.person_create(
        organisation=organisation,
        given_name=given,
        family_name=family,
        employee_number=number,
        **fields,
    )


def employment(person: Person, team: Team, **fields) -> Employment:
    values: dict[str, Any] = {
        "job_role": "social_worker",
        "fte": Decimal("1"),
        "contract_type": Employment.ContractType.PERMANENT,
        "start_date": datetime.date(2020, 1, 6),
    } | fields
    return services.employment_create(person=person, team=team, **values)


def council(la_code: str = "991", name: str = "Testshire Council") -> Council:
    """A small council with two services, three teams, three staff and a user for every role."""
    organisation = services.organisation_create(name=name, la_code=la_code, region="West Midlands")
    children = services.service_create(
        organisation=organisation, name="Children's Services", kind="children"
    )
    adults = services.service_create(
        organisation=organisation, name="Adult Social Care", kind="adults"
    )
    assessment = services.team_create(
        organisation=organisation, service=children, name="Assessment North", team_type="assessment"
    )
    safeguarding = services.team_create(
        organisation=organisation,
        service=children,
        name="Safeguarding East",
        team_type="safeguarding",
    )
    locality = services.team_create(
        organisation=organisation, service=adults, name="Locality West", team_type="locality"
    )
    social_worker = person(
        organisation,
        f"{la_code}-1",
        "Alex Morgan",
        swe_number=f"SW{la_code}001",
        date_of_birth=datetime.date(1990, 5, 1),
        sex="F",
        ethnicity="WBRI",
        is_registered_social_worker=True,
    )
    manager = person(organisation, f"{la_code}-2", "Priya Shah", is_registered_social_worker=True)
    adult_worker = person(organisation, f"{la_code}-3", "Owen Jones")
    employment(social_worker, assessment)
    employment(manager, assessment, job_role="team_manager")
    employment(adult_worker, locality, job_role="occupational_therapist")
    scopes: dict[str, dict[str, Any]] = {
        Role.ADMINISTRATOR: {},
        Role.WORKFORCE_LEAD: {},
        Role.SERVICE_MANAGER: {"service": children},
        Role.TEAM_MANAGER: {"team": assessment, "person": manager},
        Role.PRACTITIONER: {"person": social_worker},
        Role.SCRUTINY_MEMBER: {},
    }
    users = {
        role: services.user_with_membership_create(
            username=f"{role}-{la_code}",
            password=PASSWORD,
            organisation=organisation,
            role=role,
            **scope,
        )
        for role, scope in scopes.items()
    }
    return Council(
        organisation,
        children,
        adults,
        assessment,
        safeguarding,
        locality,
        social_worker,
        manager,
        adult_worker,
        users,
    )
