"""Who may see which rows: the one scope rule, built from a membership.

A `Scope` names the organisation and, within it, the service or team whose records a viewer
may read. Every selector and page reads through it, so the rule is written once:

============================  ======================  =========================================
role                          level                   sees
============================  ======================  =========================================
administrator, workforce lead  ``ORGANISATION``       the whole organisation
service manager                ``SERVICE``            their service, its teams and its staff
team manager                   ``TEAM``               their team and its staff (and the team's
                                                      service where a record belongs only to
                                                      a service, such as a survey wave)
practitioner, scrutiny member  ``NONE``               no one's records through a scope (their
                                                      own record is reached through ``person``)
============================  ======================  =========================================

What a role may *do* is the capability table in `permissions.py`; a scope says only *which rows*.

Building one: `Scope.of(membership)` for a signed-in member; `Scope.whole(organisation)`,
`Scope.of_service(service)` or `Scope.of_team(team)` for a reader that is not a person, such
as the scrutiny report (a service as its manager sees it) or the `measures` command. No unsaved
`Membership` is needed.

Reading through one: `filter()` gives a `Q` for any model that reaches the organisation, service
and team by lookups you name; `teams()`, `services()`, `employments()` and `people()` give the
querysets the structure pages list. A new app scopes its own model with `filter()`, e.g. a
supervision record reached through its employment::

    SupervisionRecord.objects.filter(
        scope.filter(
            organisation="organisation",
            service="employment__team__service",
            team="employment__team",
        )
    )
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from enum import StrEnum

from django.db.models import Q, QuerySet
from django.utils import timezone

from workforce_health.core.models import Employment, Membership, Organisation, Person, Service, Team

Role = Membership.Role

ORGANISATION_WIDE_ROLES = frozenset({Role.ADMINISTRATOR, Role.WORKFORCE_LEAD})


class Level(StrEnum):
    ORGANISATION = "organisation"
    SERVICE = "service"
    TEAM = "team"
    NONE = "none"


def current_employment(prefix: str = "", on: datetime.date | None = None) -> Q:
    """Employments (reached through ``prefix``, e.g. "employments__") that have started and not
    ended on ``on`` (today by default)."""
    on = on or timezone.localdate()
    return Q(**{f"{prefix}start_date__lte": on}) & (
        Q(**{f"{prefix}end_date__isnull": True}) | Q(**{f"{prefix}end_date__gte": on})
    )


@dataclass(frozen=True)
class Scope:
    """The rows one reader may see. Build with `of`, `whole` or `of_service`; never by hand."""

    organisation: Organisation
    level: Level
    service: Service | None = None  # SERVICE and TEAM (the team's service)
    team: Team | None = None  # TEAM
    person: Person | None = None  # the reader's own staff record, if their sign-in has one

    @classmethod
    def of(cls, membership: Membership) -> Scope:
        """The scope of a member's role. A service or team manager whose membership names no
        service or team sees no one's records (the model's rules refuse such a membership)."""
        organisation, person = membership.organisation, membership.person
        if membership.role in ORGANISATION_WIDE_ROLES:
            return cls(organisation, Level.ORGANISATION, person=person)
        if membership.role == Role.SERVICE_MANAGER and membership.service is not None:
            return cls(organisation, Level.SERVICE, service=membership.service, person=person)
        if membership.role == Role.TEAM_MANAGER and membership.team is not None:
            team = membership.team
            return cls(organisation, Level.TEAM, service=team.service, team=team, person=person)
        return cls(organisation, Level.NONE, person=person)

    @classmethod
    def whole(cls, organisation: Organisation) -> Scope:
        """The whole organisation (as its workforce lead sees it)."""
        return cls(organisation, Level.ORGANISATION)

    @classmethod
    def of_service(cls, service: Service) -> Scope:
        """One service (as its manager sees it)."""
        return cls(service.organisation, Level.SERVICE, service=service)

    @classmethod
    def of_team(cls, team: Team) -> Scope:
        """One team (as its manager sees it)."""
        return cls(team.organisation, Level.TEAM, service=team.service, team=team)

    @property
    def whole_organisation(self) -> bool:
        return self.level == Level.ORGANISATION

    @property
    def sees_records(self) -> bool:
        """Whether the scope reaches anyone's records (not only the reader's own)."""
        return self.level != Level.NONE

    @property
    def label(self) -> str:
        """The team's, service's or organisation's name."""
        if self.team is not None:
            return self.team.name
        if self.service is not None:
            return self.service.name
        return self.organisation.name

    def filter(
        self,
        *,
        organisation: str = "organisation",
        service: str | None = None,
        team: str | None = None,
    ) -> Q:
        """The rows of a model this scope sees, given the lookups from that model to its
        organisation, service and team. A model with no ``team`` lookup (a survey wave covers
        services, not teams) is seen by a team manager through the team's service."""
        if self.level == Level.NONE:
            return Q(pk__in=[])
        rows = Q(**{organisation: self.organisation.pk})
        if self.level == Level.TEAM and team is not None:
            assert self.team is not None
            return rows & Q(**{team: self.team.pk})
        if self.level in (Level.SERVICE, Level.TEAM):
            if service is None:
                raise ValueError("A service or team scope needs the lookup to the service")
            assert self.service is not None
            return rows & Q(**{service: self.service.pk})
        return rows

    def team_filter(self) -> Q:
        """Teams in scope."""
        return self.filter(service="service", team="pk")

    def employment_filter(self, prefix: str = "") -> Q:
        """Employments (reached through ``prefix``) in teams in scope."""
        return self.filter(
            organisation=f"{prefix}organisation",
            service=f"{prefix}team__service",
            team=f"{prefix}team",
        )

    def teams(self) -> QuerySet[Team]:
        return Team.objects.filter(self.team_filter())

    def services(self) -> QuerySet[Service]:
        """The organisation's services; for a manager, those with a team in scope."""
        services = Service.objects.filter(organisation=self.organisation)
        if self.whole_organisation:
            return services
        return services.filter(pk__in=self.teams().values("service_id"))

    def employments(self) -> QuerySet[Employment]:
        return Employment.objects.filter(self.employment_filter())

    def people(self, on: datetime.date | None = None) -> QuerySet[Person]:
        """The organisation's people; for a manager, those employed in scope on ``on`` (today)."""
        people = Person.objects.filter(organisation=self.organisation)
        if self.whole_organisation:
            return people
        in_scope = self.employments().filter(current_employment(on=on))
        return people.filter(pk__in=in_scope.values("person_id"))
