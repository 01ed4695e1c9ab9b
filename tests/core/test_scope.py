"""One scope rule (core/scope.py): what each role's scope reaches, built from a membership or for
a service, team or the whole organisation, never across organisations."""

import datetime

import pytest
from django.utils import timezone

from tests import factories
from workforce_health.core.models import Employment, Membership, Service, Team
from workforce_health.core.scope import Level, Scope
from workforce_health.surveys.models import Wave

Role = Membership.Role
pytestmark = pytest.mark.django_db


def scope_of(council, role) -> Scope:
    return Scope.of(council.users[role].memberships.get())


@pytest.mark.parametrize(
    ("role", "level", "label"),
    [
        (Role.ADMINISTRATOR, Level.ORGANISATION, "Testshire Council"),
        (Role.WORKFORCE_LEAD, Level.ORGANISATION, "Testshire Council"),
        (Role.SERVICE_MANAGER, Level.SERVICE, "Children's Services"),
        (Role.TEAM_MANAGER, Level.TEAM, "Assessment North"),
        (Role.PRACTITIONER, Level.NONE, "Testshire Council"),
        (Role.SCRUTINY_MEMBER, Level.NONE, "Testshire Council"),
    ],
)
def test_each_roles_scope(council, role, level, label):
    scope = scope_of(council, role)
    assert (scope.level, scope.label) == (level, label)
    assert scope.organisation == council.organisation
    assert scope.whole_organisation == (level == Level.ORGANISATION)
    assert scope.sees_records == (level != Level.NONE)


def test_a_team_managers_scope_names_the_teams_service_and_their_own_record(council):
    scope = scope_of(council, Role.TEAM_MANAGER)
    assert (scope.service, scope.team, scope.person) == (
        council.children,
        council.assessment,
        council.manager,
    )


def test_what_each_scope_reaches(council, other_council):
    whole = scope_of(council, Role.WORKFORCE_LEAD)
    service = scope_of(council, Role.SERVICE_MANAGER)
    team = scope_of(council, Role.TEAM_MANAGER)
    nobody = scope_of(council, Role.PRACTITIONER)
    assert set(whole.teams()) == {council.assessment, council.safeguarding, council.adults_locality}
    assert set(service.teams()) == {council.assessment, council.safeguarding}
    assert set(team.teams()) == {council.assessment}
    assert not nobody.teams().exists()
    assert set(whole.services()) == {council.children, council.adults}
    assert set(service.services()) == set(team.services()) == {council.children}
    assert not nobody.services().exists()
    assert set(whole.people()) == {council.social_worker, council.manager, council.adult_worker}
    assert set(service.people()) == set(team.people()) == {council.social_worker, council.manager}
    assert not nobody.people().exists()
    assert {e.person for e in service.employments()} == {council.social_worker, council.manager}
    assert not nobody.employments().exists()
    for scope in (whole, service, team):  # never another organisation's rows
        assert other_council.assessment not in set(scope.teams())
        assert other_council.social_worker not in set(scope.people())


def test_people_are_in_a_managers_scope_only_while_employed_there(council):
    ended = timezone.localdate() - datetime.timedelta(days=1)
    leaver = factories.person(council.organisation, "991-9", "Lee Vane")
    factories.employment(
        leaver,
        council.assessment,
        start_date=ended - datetime.timedelta(days=400),
        end_date=ended,
        reason_for_leaving="1",
    )
    assert leaver not in set(scope_of(council, Role.TEAM_MANAGER).people())
    assert leaver in set(scope_of(council, Role.TEAM_MANAGER).people(on=ended))
    assert leaver in set(scope_of(council, Role.WORKFORCE_LEAD).people())


def test_scopes_built_for_a_reader_that_is_not_a_person_equal_a_managers(council):
    manager = scope_of(council, Role.SERVICE_MANAGER)
    assert Scope.of_service(council.children) == Scope(
        council.organisation, Level.SERVICE, service=council.children
    )
    assert (manager.level, manager.service) == (Level.SERVICE, council.children)
    assert set(Scope.of_service(council.children).people()) == set(
        scope_of(council, Role.SERVICE_MANAGER).people()
    )
    assert set(Scope.of_team(council.assessment).teams()) == {council.assessment}
    assert Scope.whole(council.organisation).whole_organisation
    assert Scope.whole(council.organisation) == Scope.whole(council.organisation)


def test_filter_reaches_any_model_by_its_lookups(council):
    """A model with no team (a survey wave covers services) is seen by a team manager through
    the team's service; one with a team, through the team."""
    team = scope_of(council, Role.TEAM_MANAGER)
    waves = Wave.objects.filter(team.filter(service="services"))
    assert str(waves.query).count("JOIN") >= 1
    in_team = Employment.objects.filter(
        team.filter(service="team__service", team="team")
    ).values_list("person", flat=True)
    assert set(in_team) == {council.social_worker.pk, council.manager.pk}
    assert set(Team.objects.filter(team.filter(service="service", team="pk"))) == {
        council.assessment
    }
    assert set(Service.objects.filter(scope_of(council, Role.WORKFORCE_LEAD).filter())) == {
        council.children,
        council.adults,
    }
    with pytest.raises(ValueError, match="lookup to the service"):
        team.filter()


def test_a_manager_membership_without_its_service_or_team_sees_nothing(council):
    membership = council.users[Role.SERVICE_MANAGER].memberships.get()
    membership.service = None  # the model's rules refuse this; the scope does not widen
    assert Scope.of(membership).level == Level.NONE
    assert not Scope.of(membership).people().exists()
