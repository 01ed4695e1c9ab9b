"""Writes for organisations, structure, people and users: validate fully, then save atomically."""

import datetime
from decimal import Decimal
from typing import Any

from django.contrib.auth import password_validation
from django.contrib.auth.models import User
from django.db import transaction

from workforce_health.core import codes
from workforce_health.core.models import (
    CENSUS_ROLE_OF,
    Employment,
    Membership,
    Organisation,
    Person,
    Service,
    Team,
)
from workforce_health.core.versioning import version_check


def region_code(region: str) -> str:
    """Accept a region's ONS code or its name (any case); return the code, or raise ValueError."""
    wanted = region.strip().casefold()
    for code, name in codes.REGIONS:
        if wanted in (code.casefold(), name.casefold()):
            return code
    names = ", ".join(name for _, name in codes.REGIONS)
    raise ValueError(f"Unknown region {region!r}: use one of {names}")


def _save(instance: Any) -> Any:
    instance.full_clean()
    instance.save()
    return instance


@transaction.atomic
def organisation_create(
    *, name: str, la_code: str, region: str = "", ons_code: str = ""
) -> Organisation:
    return _save(
        Organisation(
            name=name.strip(),
            la_code=la_code.strip(),
            region=region_code(region) if region else "",
            ons_code=ons_code.strip(),
        )
    )


@transaction.atomic
def service_create(*, organisation: Organisation, name: str, kind: str) -> Service:
    return _save(Service(organisation=organisation, name=name.strip(), kind=kind))


@transaction.atomic
def team_create(*, organisation: Organisation, service: Service, name: str, team_type: str) -> Team:
    return _save(
        Team(organisation=organisation, service=service, name=name.strip(), team_type=team_type)
    )


@transaction.atomic
def team_update(
    *, team: Team, service: Service, name: str, team_type: str, version: int | None = None
) -> Team:
    """`version`: the team's lock_version when the form was opened (core.versioning)."""
    version_check(team, version)
    team.service, team.name, team.team_type = service, name.strip(), team_type
    return _save(team)


PERSON_FIELDS = (
    "given_name",
    "family_name",
    "employee_number",
    "email",
    "swe_number",
    "date_of_birth",
    "sex",
    "ethnicity",
    "qualification_level",
    "is_registered_social_worker",
    "qualification_institution",
    "step_up_graduate",
    "frontline_graduate",
)


@transaction.atomic
def person_create(
    *,
    organisation: Organisation,
    given_name: str,
    family_name: str,
    employee_number: str,
    email: str = "",
    swe_number: str = "",
    date_of_birth: datetime.date | None = None,
    sex: str = "",
    ethnicity: str = "",
    qualification_level: str = "",
    is_registered_social_worker: bool = False,
    qualification_institution: str = "",
    step_up_graduate: bool | None = None,
    frontline_graduate: bool | None = None,
) -> Person:
    return _save(
        Person(
            organisation=organisation,
            given_name=given_name.strip(),
            family_name=family_name.strip(),
            employee_number=employee_number,
            email=email,
            swe_number=swe_number,
            date_of_birth=date_of_birth,
            sex=sex,
            ethnicity=ethnicity,
            qualification_level=qualification_level,
            is_registered_social_worker=is_registered_social_worker,
            qualification_institution=qualification_institution.strip(),
            step_up_graduate=step_up_graduate,
            frontline_graduate=frontline_graduate,
        )
    )


@transaction.atomic
def person_update(*, person: Person, version: int | None = None, **fields: Any) -> Person:
    unknown = set(fields) - set(PERSON_FIELDS)
    if unknown:
        raise TypeError(f"person_update() got unexpected fields: {', '.join(sorted(unknown))}")
    version_check(person, version)
    for name, value in fields.items():
        setattr(person, name, value)
    return _save(person)


EMPLOYMENT_FIELDS = (
    "team",
    "job_role",
    "census_role",
    "fte",
    "contract_type",
    "start_date",
    "end_date",
    "start_origin",
    "reason_for_leaving",
    "leaver_destination",
)


@transaction.atomic
def employment_create(
    *,
    person: Person,
    team: Team,
    job_role: str,
    fte: Decimal,
    contract_type: str,
    start_date: datetime.date,
    end_date: datetime.date | None = None,
    census_role: str | None = None,
    start_origin: str = "",
    reason_for_leaving: str = "",
    leaver_destination: str = "",
) -> Employment:
    """Record a spell; the census role defaults to the usual one for the job role."""
    return _save(
        Employment(
            organisation_id=person.organisation_id,
            person=person,
            team=team,
            job_role=job_role,
            census_role=CENSUS_ROLE_OF.get(job_role, "") if census_role is None else census_role,
            fte=fte,
            contract_type=contract_type,
            start_date=start_date,
            end_date=end_date,
            start_origin=start_origin,
            reason_for_leaving=reason_for_leaving,
            leaver_destination=leaver_destination,
        )
    )


@transaction.atomic
def employment_update(
    *, employment: Employment, version: int | None = None, **fields: Any
) -> Employment:
    unknown = set(fields) - set(EMPLOYMENT_FIELDS)
    if unknown:
        raise TypeError(f"employment_update() got unexpected fields: {', '.join(sorted(unknown))}")
    version_check(employment, version)
    for name, value in fields.items():
        setattr(employment, name, value)
    return _save(employment)


@transaction.atomic
def user_with_membership_create(
    *,
    username: str,
    password: str,
    organisation: Organisation,
    role: str,
    first_name: str = "",
    last_name: str = "",
    email: str = "",
    service: Service | None = None,
    team: Team | None = None,
    person: Person | None = None,
) -> User:
    """Create a sign-in and its role in ``organisation`` (managers need their service or team).

    The password must pass the AUTH_PASSWORD_VALIDATORS (length, common, like the username).
    """
    user = User(username=username, first_name=first_name, last_name=last_name, email=email)
    password_validation.validate_password(password, user)
    user.set_password(password)
    _save(user)
    membership_create(
        user=user, organisation=organisation, role=role, service=service, team=team, person=person
    )
    return user


@transaction.atomic
def membership_create(
    *,
    user: User,
    organisation: Organisation,
    role: str,
    service: Service | None = None,
    team: Team | None = None,
    person: Person | None = None,
) -> Membership:
    return _save(
        Membership(
            user=user,
            organisation=organisation,
            role=role,
            service=service,
            team=team,
            person=person,
        )
    )


@transaction.atomic
def membership_update(
    *,
    membership: Membership,
    role: str,
    service: Service | None = None,
    team: Team | None = None,
) -> Membership:
    membership.role, membership.service, membership.team = role, service, team
    return _save(membership)
