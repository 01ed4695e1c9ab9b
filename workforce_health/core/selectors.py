"""Reads for organisations, structure and people, always scoped to the viewer's membership.

Who sees what is `scope.Scope` (built here from the viewer's membership): organisation-wide
roles see the whole organisation; a service manager the teams of their service and the people
currently employed there; a team manager their team likewise.
"""

import datetime

from django.contrib.auth.models import User
from django.db.models import Count, OuterRef, Q, QuerySet, Subquery

from workforce_health.core.models import Employment, Membership, Organisation, Person, Service, Team
from workforce_health.core.scope import Scope, current_employment


def organisation_list() -> QuerySet[Organisation]:
    return Organisation.objects.order_by("name")


def organisation_get(*, la_code: str) -> Organisation | None:
    return Organisation.objects.filter(la_code=la_code).first()


def membership_list(*, user: User) -> QuerySet[Membership]:
    return Membership.objects.filter(user=user).select_related(
        "organisation", "service", "team", "person"
    )


def membership_active(*, user: User, organisation_id: int | None) -> Membership | None:
    """The membership for the organisation chosen in the session, else the user's first."""
    memberships = membership_list(user=user)
    chosen = (
        memberships.filter(organisation_id=organisation_id).first() if organisation_id else None
    )
    return chosen or memberships.first()


def service_list(*, viewer: Membership) -> QuerySet[Service]:
    scope = Scope.of(viewer)
    teams = scope.teams()
    return scope.services().annotate(
        team_count=Count("teams", filter=Q(teams__in=teams), distinct=True)
    )


def team_list(*, viewer: Membership, service: Service | None = None) -> QuerySet[Team]:
    teams = Scope.of(viewer).teams().select_related("service")
    if service is not None:
        teams = teams.filter(service=service)
    return teams.annotate(
        current_headcount=Count(
            "employments__person", filter=current_employment("employments__"), distinct=True
        )
    )


def team_get(*, viewer: Membership, team_id: int) -> Team | None:
    return team_list(viewer=viewer).filter(pk=team_id).first()


def person_list(
    *, viewer: Membership, search: str = "", in_post_only: bool = False
) -> QuerySet[Person]:
    """People in the viewer's scope, with ``current_team`` (null for someone not in post today)."""
    return person_in_scope_list(scope=Scope.of(viewer), search=search, in_post_only=in_post_only)


def person_in_scope_list(
    *, scope: Scope, search: str = "", in_post_only: bool = False
) -> QuerySet[Person]:
    """People in a scope (for apps whose selectors take a `Scope`), as `person_list`."""
    current = Employment.objects.filter(current_employment(), person=OuterRef("pk")).order_by(
        "-start_date"
    )
    people = scope.people().annotate(
        current_team=Subquery(current.values("team__name")[:1]),
        current_job_role=Subquery(current.values("job_role")[:1]),
    )
    if in_post_only:
        people = people.filter(current_team__isnull=False)
    for term in search.split():
        people = people.filter(
            Q(given_name__icontains=term)
            | Q(family_name__icontains=term)
            | Q(employee_number__iexact=term)
            | Q(swe_number__iexact=term)
        )
    return people.order_by("family_name", "given_name", "pk")


def person_get(*, viewer: Membership, person_id: int) -> Person | None:
    return person_list(viewer=viewer).filter(pk=person_id).first()


def employment_list(*, person: Person) -> QuerySet[Employment]:
    """A person's employment history, newest first (the caller has already scoped the person)."""
    return person.employments.select_related("team", "team__service").order_by("-start_date", "-pk")


def employment_get(*, viewer: Membership, employment_id: int) -> Employment | None:
    people = person_list(viewer=viewer)
    return (
        Employment.objects.filter(organisation=viewer.organisation, person__in=people)
        .select_related("person", "team")
        .filter(pk=employment_id)
        .first()
    )


def team_member_list(*, team: Team, on: datetime.date | None = None) -> QuerySet[Employment]:
    """Employments in ``team`` current on the date ``on`` (today by default)."""
    return (
        team.employments.filter(current_employment(on=on))
        .select_related("person")
        .order_by("person__family_name", "person__given_name")
    )


def organisation_summary(*, organisation: Organisation) -> dict[str, int]:
    """Counts that are not personal data: services, teams, and staff currently employed."""
    current = Employment.objects.filter(current_employment(), organisation=organisation)
    return {
        "services": organisation.services.count(),
        "teams": organisation.teams.count(),
        "staff": current.values("person_id").distinct().count(),
        "agency_staff": current.filter(contract_type=Employment.ContractType.AGENCY)
        .values("person_id")
        .distinct()
        .count(),
    }
