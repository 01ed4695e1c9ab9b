"""Which vacancy figures a dashboard total uses: the broadest level recorded in the viewer's
scope, so a service manager and adult social care get a vacancy rate and nothing counts twice."""

import datetime
from decimal import Decimal

import pytest

from tests.factories import Role
from workforce_health.core import services as core_services
from workforce_health.core.scope import Scope
from workforce_health.staffing import services
from workforce_health.staffing.selectors import (
    measure_inputs_get,
    service_kind_list,
    workforce_measures,
)

pytestmark = pytest.mark.django_db
YEAR = 2024
CENSUS_DAY = datetime.date(YEAR, 9, 30)


def _vacancies(council, fte: str, **scope) -> None:
    services.vacancy_snapshot_record(
        organisation=council.organisation, date=CENSUS_DAY, vacancy_fte=Decimal(fte), **scope
    )


def _vacancy_fte(scope: Scope, kind: str, by: list[str] | None = None) -> list[float | None]:
    inputs = measure_inputs_get(scope=scope, service_kind=kind)
    return workforce_measures(inputs=inputs, year=YEAR, by=by)["vacancy_fte"].to_list()


def _scope(council, role: str) -> Scope:
    return Scope.of(council.users[role].memberships.get())


def test_the_organisation_figure_is_the_only_childrens_service_figure(council):
    _vacancies(council, "4")  # the census figure: children's social work, whole organisation
    assert _vacancy_fte(_scope(council, Role.SERVICE_MANAGER), "children") == [4.0]
    assert _vacancy_fte(_scope(council, Role.WORKFORCE_LEAD), "children") == [4.0]
    assert _vacancy_fte(_scope(council, Role.WORKFORCE_LEAD), "adults") in ([], [None])


def test_a_second_childrens_service_has_its_own_figures(council):
    core_services.service_create(
        organisation=council.organisation, name="Early Help", kind="children"
    )
    _vacancies(council, "4")
    manager = _scope(council, Role.SERVICE_MANAGER)
    assert _vacancy_fte(manager, "children") == [None]  # no figure recorded for the service
    _vacancies(council, "3", service=council.children)
    assert _vacancy_fte(manager, "children") == [3.0]


def test_adult_social_care_totals_its_teams_or_its_service(council):
    second = core_services.team_create(
        organisation=council.organisation,
        service=council.adults,
        name="Hospital Team",
        team_type="hospital",
    )
    _vacancies(council, "2", service=council.adults, team=council.adults_locality)
    _vacancies(council, "1.5", service=council.adults, team=second)
    _vacancies(council, "9")  # children's, organisation-wide: never in the adults' figures
    lead = _scope(council, Role.WORKFORCE_LEAD)
    assert _vacancy_fte(lead, "adults") == [3.5]
    assert _vacancy_fte(lead, "adults", by=["team"]) != [3.5]  # each team its own
    _vacancies(council, "4", service=council.adults)  # the service's own figure wins
    assert _vacancy_fte(lead, "adults") == [4.0]
    assert _vacancy_fte(lead, "children") == [9.0]


def test_staff_groups_offered_are_those_the_viewer_has_staff_in(council):
    assert service_kind_list(scope=_scope(council, Role.WORKFORCE_LEAD)) == [
        "children",
        "adults",
    ]
    assert service_kind_list(scope=_scope(council, Role.SERVICE_MANAGER)) == ["children"]
    assert service_kind_list(scope=Scope.of_service(council.adults)) == ["adults"]
    assert service_kind_list(scope=Scope.of_team(council.adults_locality)) == ["adults"]
    empty = core_services.service_create(
        organisation=council.organisation, name="Adults East", kind="adults"
    )
    # No staff yet: its own kind.
    assert service_kind_list(scope=Scope.of_service(empty)) == ["adults"]
