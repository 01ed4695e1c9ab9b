"""Reads for the workforce measures: the viewer's records as the measures engine's input frames.

The frames follow the input contract in ``staffing/measures/__init__.py``. Only children's
services count in the DfE measures (workforce-measures.md §2); adult services get the same
formulas as local measures.
"""

import datetime
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import polars as pl
from django.db.models import Q, QuerySet

from workforce_health.core.models import Employment, Membership, Service
from workforce_health.core.permissions import ORGANISATION_WIDE_ROLES
from workforce_health.staffing import measures
from workforce_health.staffing.models import CaseloadSnapshot, SicknessAbsence, VacancySnapshot

Role = Membership.Role

DType = pl.DataType | type[pl.DataType]
Fields = Mapping[str, tuple[str, DType]]

# ORM lookups -> (engine column, dtype). Decimals arrive as text-exact Decimals: cast to floats.
SPELL_FIELDS: Fields = {
    "pk": ("spell_id", pl.String),
    "organisation__la_code": ("organisation", pl.String),
    "team__service__name": ("service", pl.String),
    "team__name": ("team", pl.String),
    "person__swe_number": ("swe_number", pl.String),
    "person_id": ("person_id", pl.Int64),
    "contract_type": ("contract_type", pl.String),
    "fte": ("fte", pl.Float64),
    "start_date": ("start_date", pl.Date),
    "end_date": ("end_date", pl.Date),
    "person__date_of_birth": ("date_of_birth", pl.Date),
    "person__sex": ("sex", pl.String),
    "person__ethnicity": ("ethnicity", pl.String),
    "census_role": ("census_role", pl.String),
    "start_origin": ("start_origin", pl.String),
    "reason_for_leaving": ("reason_leave", pl.String),
    "leaver_destination": ("leaver_destination", pl.String),
    "person__is_registered_social_worker": ("is_social_worker", pl.Boolean),
}
CODED = (
    "swe_number",
    "sex",
    "ethnicity",
    "census_role",
    "start_origin",
    "reason_leave",
    "leaver_destination",
)
CASE_FIELDS: Fields = {
    "employment_id": ("spell_id", pl.String),
    "date": ("date", pl.Date),
    "cases": ("cases", pl.Int64),
}
ABSENCE_FIELDS: Fields = {
    "employment_id": ("spell_id", pl.String),
    "period_end": ("date", pl.Date),
    "working_days_lost": ("working_days_lost", pl.Float64),
}
VACANCY_FIELDS: Fields = {
    "organisation__la_code": ("organisation", pl.String),
    "service__name": ("service", pl.String),
    "team__name": ("team", pl.String),
    "date": ("date", pl.Date),
    "vacancy_fte": ("vacancy_fte", pl.Float64),
    "agency_cover_fte": ("agency_cover_fte", pl.Float64),
}


def _frame(queryset: QuerySet[Any], fields: Fields) -> pl.DataFrame:
    """One query's rows as a frame typed as ``fields`` says (decimals become floats)."""
    columns = list(zip(*queryset.values_list(*fields), strict=True)) or [()] * len(fields)
    return pl.DataFrame(
        [
            pl.Series(name, [_plain(v, dtype) for v in values], dtype=dtype)
            for (name, dtype), values in zip(fields.values(), columns, strict=True)
        ]
    )


def _plain(value: object, dtype: DType) -> object:
    if isinstance(value, Decimal):
        return float(value)
    if dtype == pl.String and isinstance(value, int):
        return str(value)  # primary keys as text: the engine's spell_id
    return value


@dataclass(frozen=True)
class MeasureInputs:
    """The four input frames of the measures engine for one viewer's scope."""

    spells: pl.DataFrame
    vacancies: pl.DataFrame
    cases: pl.DataFrame
    absence: pl.DataFrame


def _scope(viewer: Membership, service_kind: str) -> Q:
    scope = Q(organisation=viewer.organisation, team__service__kind=service_kind)
    if viewer.role == Role.SERVICE_MANAGER:
        scope &= Q(team__service=viewer.service)
    elif viewer.role == Role.TEAM_MANAGER:
        scope &= Q(team=viewer.team)
    elif viewer.role not in ORGANISATION_WIDE_ROLES:
        scope &= Q(pk__in=[])
    return scope


def employment_spells(
    *, viewer: Membership, service_kind: str = Service.Kind.CHILDREN
) -> QuerySet[Employment]:
    return Employment.objects.filter(_scope(viewer, service_kind))


def service_kind_list(*, viewer: Membership) -> list[str]:
    """The kinds of service (children's, adults') whose workforce the viewer can see, children's
    first: those with staff in the viewer's scope, else the kind of the viewer's own service or
    team (a service with no staff recorded yet), else children's."""
    kinds: list[str] = [Service.Kind.CHILDREN, Service.Kind.ADULTS]
    found = [k for k in kinds if employment_spells(viewer=viewer, service_kind=k).exists()]
    own = viewer.team.service if viewer.team else viewer.service
    if found:
        return found
    return [own.kind] if own is not None and own.kind in kinds else [Service.Kind.CHILDREN]


def measure_inputs_get(
    *, viewer: Membership, service_kind: str = Service.Kind.CHILDREN
) -> MeasureInputs:
    """The viewer's records in services of ``service_kind`` as the engine's input frames."""
    spells_qs = employment_spells(viewer=viewer, service_kind=service_kind)
    raw = _frame(spells_qs, SPELL_FIELDS).with_columns(pl.col(CODED).replace("", None))
    spells = raw.with_columns(
        # Headcount identity: the SWE number, or the person for someone without one.
        worker_key=pl.coalesce("swe_number", pl.format("person-{}", "person_id")),
        agency=pl.col("contract_type") == Employment.ContractType.AGENCY,
    ).drop("swe_number", "person_id", "contract_type")
    cases = _frame(CaseloadSnapshot.objects.filter(employment__in=spells_qs), CASE_FIELDS)
    absence = _frame(SicknessAbsence.objects.filter(employment__in=spells_qs), ABSENCE_FIELDS)
    return MeasureInputs(spells, _vacancies(viewer, service_kind), cases, absence)


def _is_only_childrens_service(service: Service) -> bool:
    """The organisation-level vacancy figure (the census's, children and family social work) is
    this service's own when it is the organisation's only children's service."""
    children = Service.objects.filter(organisation=service.organisation_id, kind=service.kind)
    return service.kind == Service.Kind.CHILDREN and not children.exclude(pk=service.pk).exists()


def _vacancies(viewer: Membership, service_kind: str) -> pl.DataFrame:
    """Vacancy snapshots in the viewer's scope: organisation-level figures (children's social
    work, as in the census) and those recorded for services or teams of ``service_kind``."""
    snapshots = VacancySnapshot.objects.filter(organisation=viewer.organisation)
    if viewer.role == Role.SERVICE_MANAGER and viewer.service is not None:
        own = Q(service=viewer.service) | Q(team__service=viewer.service)
        if _is_only_childrens_service(viewer.service):
            own |= Q(service__isnull=True, team__isnull=True)
        snapshots = (
            snapshots.filter(own) if viewer.service.kind == service_kind else snapshots.none()
        )
    elif viewer.role == Role.TEAM_MANAGER:
        snapshots = snapshots.filter(team=viewer.team, team__service__kind=service_kind)
    elif viewer.role in ORGANISATION_WIDE_ROLES:
        # Organisation-level figures are the census's: children and family social work only.
        in_kind = Q(service__kind=service_kind)
        if service_kind == Service.Kind.CHILDREN:
            in_kind |= Q(service__isnull=True, team__isnull=True)
        snapshots = snapshots.filter(in_kind)
    else:
        snapshots = snapshots.none()
    return _frame(snapshots, VACANCY_FIELDS)


def _unless_empty(frame: pl.DataFrame) -> pl.DataFrame | None:
    """No records means "not known" (null measures), not zero."""
    return frame if frame.height else None


def _vacancies_at_level(vacancies: pl.DataFrame, by: list[str]) -> pl.DataFrame:
    """The snapshots of one level only, so no vacancy is counted twice: the broadest level
    recorded that the grouping can use. A breakdown by team needs team figures; by service,
    the services' figures, else their teams'; a total, the organisation's figure, else the
    services', else the teams' (adult social care has no organisation-level census figure)."""
    level = (
        pl.when(pl.col("team").is_not_null())
        .then(2)
        .when(pl.col("service").is_not_null())
        .then(1)
        .otherwise(0)
    )
    finest = 2 if "team" in by else 1 if "service" in by else 0
    tagged = vacancies.with_columns(_level=level)
    usable = sorted(x for x in tagged["_level"].unique().to_list() if x >= finest)
    if not usable:
        return vacancies.clear()
    return tagged.filter(pl.col("_level") == usable[0]).drop("_level")


def workforce_measures(
    *,
    inputs: MeasureInputs,
    year: int | None = None,
    reference_date: datetime.date | None = None,
    by: list[str] | None = None,
) -> pl.DataFrame:
    """Every measure for a census year (DfE basis) or any reference date (local basis)."""
    if (year is None) == (reference_date is None):
        raise ValueError("Give a census year or a reference date, not both")
    period = (
        measures.ReportingPeriod.census_year(year)
        if year is not None
        else measures.ReportingPeriod.ending(reference_date)  # type: ignore[arg-type]
    )
    return measures.compute_measures(
        inputs.spells,
        period=period,
        by=by or [],
        vacancies=_unless_empty(_vacancies_at_level(inputs.vacancies, by or [])),
        cases=_unless_empty(inputs.cases),
        absence=_unless_empty(inputs.absence),
    )


def vacancy_snapshot_list(*, viewer: Membership, limit: int = 20) -> QuerySet[VacancySnapshot]:
    """The organisation's latest vacancy figures, newest first."""
    return (
        VacancySnapshot.objects.filter(organisation=viewer.organisation)
        .select_related("service", "team")
        .order_by("-date", "team__name")[:limit]
    )
