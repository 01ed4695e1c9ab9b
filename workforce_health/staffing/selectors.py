"""Reads for the workforce measures: the viewer's records as the measures engine's input frames.

The frames follow the input contract in ``staffing/measures/__init__.py``. Only children's
services count in the DfE measures (workforce-measures.md §2); adult services get the same
formulas as local measures.
"""

import datetime
from dataclasses import dataclass

import polars as pl
from django.db.models import Q, QuerySet

from workforce_health.core.models import Employment, Membership, Service
from workforce_health.core.permissions import ORGANISATION_WIDE_ROLES
from workforce_health.staffing import measures
from workforce_health.staffing.models import CaseloadSnapshot, SicknessAbsence, VacancySnapshot

Role = Membership.Role

SPELL_SCHEMA = {
    "spell_id": pl.String,
    "organisation": pl.String,
    "service": pl.String,
    "team": pl.String,
    "worker_key": pl.String,
    "agency": pl.Boolean,
    "fte": pl.Float64,
    "start_date": pl.Date,
    "end_date": pl.Date,
    "date_of_birth": pl.Date,
    "sex": pl.String,
    "ethnicity": pl.String,
    "census_role": pl.String,
    "start_origin": pl.String,
    "reason_leave": pl.String,
    "leaver_destination": pl.String,
    "is_social_worker": pl.Boolean,
}


@dataclass(frozen=True)
class MeasureInputs:
    """The four input frames of the measures engine for one viewer's scope."""

    spells: pl.DataFrame
    vacancies: pl.DataFrame
    cases: pl.DataFrame
    absence: pl.DataFrame


def _blank_to_null(column: str) -> pl.Expr:
    return pl.when(pl.col(column) == "").then(None).otherwise(pl.col(column)).alias(column)


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


def measure_inputs_get(
    *, viewer: Membership, service_kind: str = Service.Kind.CHILDREN
) -> MeasureInputs:
    """The viewer's records in services of ``service_kind`` as the engine's input frames."""
    spells_qs = employment_spells(viewer=viewer, service_kind=service_kind)
    rows = spells_qs.values_list(
        "pk",
        "organisation__la_code",
        "team__service__name",
        "team__name",
        "person__swe_number",
        "person_id",
        "contract_type",
        "fte",
        "start_date",
        "end_date",
        "person__date_of_birth",
        "person__sex",
        "person__ethnicity",
        "census_role",
        "start_origin",
        "reason_for_leaving",
        "leaver_destination",
        "person__is_registered_social_worker",
    )
    spells = pl.DataFrame(
        [
            (
                str(pk),
                la_code,
                service,
                team,
                swe or f"person-{person_id}",
                contract == Employment.ContractType.AGENCY,
                float(fte),
                start,
                end,
                dob,
                sex,
                ethnicity,
                role,
                origin,
                reason,
                destination,
                registered,
            )
            for (
                pk,
                la_code,
                service,
                team,
                swe,
                person_id,
                contract,
                fte,
                start,
                end,
                dob,
                sex,
                ethnicity,
                role,
                origin,
                reason,
                destination,
                registered,
            ) in rows
        ],
        schema=SPELL_SCHEMA,
        orient="row",
    ).with_columns(
        [
            _blank_to_null(c)
            for c in (
                "sex",
                "ethnicity",
                "census_role",
                "start_origin",
                "reason_leave",
                "leaver_destination",
            )
        ]
    )
    cases = pl.DataFrame(
        [
            (str(e), d, c)
            for e, d, c in CaseloadSnapshot.objects.filter(employment__in=spells_qs).values_list(
                "employment_id", "date", "cases"
            )
        ],
        schema={"spell_id": pl.String, "date": pl.Date, "cases": pl.Int64},
        orient="row",
    )
    absence = pl.DataFrame(
        [
            (str(e), d, float(days))
            for e, d, days in SicknessAbsence.objects.filter(employment__in=spells_qs).values_list(
                "employment_id", "period_end", "working_days_lost"
            )
        ],
        schema={"spell_id": pl.String, "date": pl.Date, "working_days_lost": pl.Float64},
        orient="row",
    )
    return MeasureInputs(spells, _vacancies(viewer, service_kind), cases, absence)


def _vacancies(viewer: Membership, service_kind: str) -> pl.DataFrame:
    """Vacancy snapshots in the viewer's scope: organisation-level figures (children's social
    work, as in the census) and those recorded for services or teams of ``service_kind``."""
    snapshots = VacancySnapshot.objects.filter(organisation=viewer.organisation)
    if viewer.role == Role.SERVICE_MANAGER:
        snapshots = snapshots.filter(service=viewer.service, team__isnull=True)
    elif viewer.role == Role.TEAM_MANAGER:
        snapshots = snapshots.filter(team=viewer.team)
    elif viewer.role in ORGANISATION_WIDE_ROLES:
        # Organisation-level figures are the census's: children and family social work only.
        in_kind = Q(service__kind=service_kind)
        if service_kind == Service.Kind.CHILDREN:
            in_kind |= Q(service__isnull=True, team__isnull=True)
        snapshots = snapshots.filter(in_kind)
    else:
        snapshots = snapshots.none()
    rows = snapshots.values_list(
        "organisation__la_code",
        "service__name",
        "team__name",
        "date",
        "vacancy_fte",
        "agency_cover_fte",
    )
    return pl.DataFrame(
        [
            (la, service, team, date, float(vacant), None if cover is None else float(cover))
            for la, service, team, date, vacant, cover in rows
        ],
        schema={
            "organisation": pl.String,
            "service": pl.String,
            "team": pl.String,
            "date": pl.Date,
            "vacancy_fte": pl.Float64,
            "agency_cover_fte": pl.Float64,
        },
        orient="row",
    )


def _unless_empty(frame: pl.DataFrame) -> pl.DataFrame | None:
    """No records means "not known" (null measures), not zero."""
    return frame if frame.height else None


def _vacancies_at_level(vacancies: pl.DataFrame, by: list[str]) -> pl.DataFrame:
    """Only the snapshots recorded at the grouping's level, so no vacancy is counted twice."""
    service_level = "service" in by and "team" not in by
    return vacancies.filter(
        pl.col("team").is_not_null()
        if "team" in by
        else (pl.col("team").is_null() & (pl.col("service").is_not_null() == service_level))
    )


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
