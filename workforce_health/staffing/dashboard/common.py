"""What every dashboard page shares: the service kind, the census year and the viewer's scope."""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from dataclasses import dataclass

import polars as pl
from django.http import Http404
from django.utils import timezone

from workforce_health.core.models import Membership, Service
from workforce_health.staffing import selectors
from workforce_health.web.tables import Table

FIRST_YEAR = 2017  # one record per social worker from 2017 (workforce-measures.md §1)
Role = Membership.Role


@dataclass(frozen=True)
class ServiceKind:
    slug: str
    label: str
    is_dfe: bool

    @property
    def basis(self) -> str:
        return "DfE basis" if self.is_dfe else "local measure"


SERVICE_KINDS: dict[str, ServiceKind] = {
    Service.Kind.CHILDREN: ServiceKind(Service.Kind.CHILDREN, "Children's social workers", True),
    Service.Kind.ADULTS: ServiceKind(Service.Kind.ADULTS, "Adult social care", False),
}


@dataclass(frozen=True)
class Section:
    """A chart (SVG markup) and the table of the same data."""

    heading: str
    chart: str
    table: Table
    intro: str = ""


def latest_complete_year(today: datetime.date | None = None) -> int:
    """The latest census year (ending 30 September) that has ended."""
    today = today or timezone.localdate()
    return today.year if today > datetime.date(today.year, 9, 30) else today.year - 1


def census_years() -> list[int]:
    return list(range(FIRST_YEAR, latest_complete_year() + 1))


def scope_label(viewer: Membership) -> str:
    if viewer.role == Role.TEAM_MANAGER and viewer.team is not None:
        return viewer.team.name
    if viewer.role == Role.SERVICE_MANAGER and viewer.service is not None:
        return viewer.service.name
    return viewer.organisation.name


def reference_date_text(year: int) -> str:
    return f"30 September {year}"


@dataclass(frozen=True)
class Context:
    """The viewer's inputs and one total row of every measure per census year."""

    viewer: Membership
    kind: ServiceKind
    inputs: selectors.MeasureInputs
    totals: Mapping[int, dict[str, object]]
    year: int
    kinds: tuple[ServiceKind, ...] = ()  # the staff groups offered to the viewer

    @property
    def scope(self) -> str:
        return scope_label(self.viewer)

    @property
    def years(self) -> list[int]:
        return sorted(self.totals)

    def query(self) -> dict[str, str]:
        return {"service": self.kind.slug, "year": str(self.year)}


def _has_data(row: Mapping[str, object] | None) -> bool:
    if row is None:
        return False
    counts = ("inpost_headcount", "agency_headcount", "starters_headcount", "leavers_headcount")
    return any(isinstance(row.get(c), int) and row[c] for c in counts)


def _total(frame: pl.DataFrame) -> dict[str, object]:
    return frame.row(0, named=True) if frame.height else {}


def context_get(*, viewer: Membership, params: Mapping[str, str]) -> Context:
    """Parse ``?service=`` and ``?year=`` (404 if not valid) and compute each year's totals.

    Without ``?service=``, the first staff group the viewer's records fill (their own service's
    for a manager): ``kinds`` lists those offered."""
    kinds = tuple(SERVICE_KINDS[k] for k in selectors.service_kind_list(viewer=viewer))
    kind = SERVICE_KINDS.get(params.get("service") or kinds[0].slug)
    if kind is None:
        raise Http404("There is no dashboard for that service")
    years = census_years()
    requested = params.get("year")
    if requested is not None and not (requested.isdigit() and int(requested) in years):
        raise Http404(f"Choose a census year from {years[0]} to {years[-1]}")
    inputs = selectors.measure_inputs_get(viewer=viewer, service_kind=kind.slug)
    totals = {y: _total(selectors.workforce_measures(inputs=inputs, year=y)) for y in years}
    with_data = [y for y in years if _has_data(totals[y])]
    year = int(requested) if requested else (with_data[-1] if with_data else years[-1])
    return Context(viewer, kind, inputs, totals, year, kinds)
