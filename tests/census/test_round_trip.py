"""The demo council's own census returns round-trip, every year 2021-2025.

Exporting a return and importing it again changes nothing (the import page promises it), and a
return imported into an empty database exports as the same records. Workers who moved team or
role within the year are one record whose ``RoleStartDate`` is the start of the first spell
(csww-census.md §6), so the import must find that run of spells, not a single spell.
"""

import datetime
from collections.abc import Iterator
from dataclasses import asdict
from typing import Any

import pytest

from workforce_health.census import read_return
from workforce_health.census.services import census_return_export, census_return_import
from workforce_health.core import services as core_services
from workforce_health.core.models import Employment, Organisation, Person
from workforce_health.demo import council as demo_council
from workforce_health.demo.loader import demo_load, demo_reset
from workforce_health.staffing.models import CaseloadSnapshot, SicknessAbsence, VacancySnapshot

TODAY = datetime.date(2025, 11, 14)
YEARS = range(2021, 2026)
pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def returns(django_db_setup, django_db_blocker) -> Iterator[dict[int, bytes]]:
    """The demo council's return for each year, as ``export-census`` writes it."""
    with django_db_blocker.unblock():
        demo_load(today=TODAY, report_files=False)
        organisation = Organisation.objects.get(la_code=demo_council.LA_CODE)
        exported = {}
        for year in YEARS:
            outcome = census_return_export(organisation=organisation, year=year, user=None)
            assert outcome.data is not None, [f.message for f in outcome.errors[:5]]
            exported[year] = outcome.data
        yield exported
        demo_reset()


def _stored() -> dict[str, list[tuple[Any, ...]]]:
    """Every row the import could add or change, field by field."""
    return {
        model.__name__: list(model.objects.order_by("pk").values_list())
        for model in (Person, Employment, CaseloadSnapshot, SicknessAbsence, VacancySnapshot)
    }


def _records(data: bytes) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """The council block and the worker records of a return, in a stable order."""
    parsed = read_return(data)
    assert parsed.council is not None
    workers = [asdict(w.values) for w in parsed.workers]
    key = lambda w: (w["swe_no"], w["agency_worker"], str(w["role_start_date"]))  # noqa: E731
    return asdict(parsed.council.values), sorted(workers, key=key)


def test_the_returns_hold_workers_who_changed_role_in_the_same_team(returns):
    """The case the round trip must survive: one record over two spells in one team."""
    organisation = Organisation.objects.get(la_code=demo_council.LA_CODE)
    spells = list(
        Employment.objects.filter(organisation=organisation).values_list(
            "person_id", "team_id", "job_role", "start_date", "end_date"
        )
    )
    starts = {(p, t, start): role for p, t, role, start, _ in spells}
    moved = [
        (p, t)
        for p, t, role, _, end in spells
        if end is not None and starts.get((p, t, end + datetime.timedelta(days=1)), role) != role
    ]
    assert len(moved) >= 10


@pytest.mark.parametrize("year", YEARS)
def test_exporting_then_importing_a_return_changes_nothing(returns, year):
    organisation = Organisation.objects.get(la_code=demo_council.LA_CODE)
    before = _stored()
    result = census_return_import(source=returns[year], user=None, organisation=organisation)
    assert result.ok, [f"{f.swe_no} {f.element}: {f.message}" for f in result.errors[:5]]
    assert result.log is not None
    counts = {
        name: getattr(result.log, name)
        for name in ("people_created", "people_updated", "employments_created")
    }
    assert counts == dict.fromkeys(counts, 0)
    assert result.log.employments_updated == 0
    assert _stored() == before


@pytest.mark.parametrize("year", YEARS)
def test_a_return_imported_into_an_empty_database_exports_the_same_records(returns, year):
    demo_reset()  # inside this test's transaction: the module's demo comes back afterwards
    organisation = core_services.organisation_create(
        name=demo_council.NAME, la_code=demo_council.LA_CODE, region=demo_council.REGION
    )
    imported = census_return_import(source=returns[year], user=None, organisation=organisation)
    assert imported.ok, [f"{f.swe_no} {f.element}: {f.message}" for f in imported.errors[:5]]
    outcome = census_return_export(organisation=organisation, year=year, user=None)
    assert outcome.data is not None, [f.message for f in outcome.errors[:5]]
    assert _records(outcome.data) == _records(returns[year])
