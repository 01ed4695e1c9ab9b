"""Reads for the workforce measures: a scope's records as the measures engine's input frames,
and the figures the workforce dashboard shows (`workforce_context_get`), which the scrutiny
report reads too, so both show the same numbers.

The frames follow the input contract in ``staffing/measures/__init__.py``. Only children's
services count in the DfE measures (workforce-measures.md §2); adult services get the same
formulas as local measures.
"""

import datetime
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import polars as pl
from django.db.models import Q, QuerySet
from django.utils import timezone

from workforce_health.core.models import Employment, Membership, Service
from workforce_health.core.scope import Level, Scope
from workforce_health.staffing import measures
from workforce_health.staffing.models import CaseloadSnapshot, SicknessAbsence, VacancySnapshot

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
            pl.Series(name, _plain(values, dtype), dtype=dtype)
            for (name, dtype), values in zip(fields.values(), columns, strict=True)
        ]
    )


def _plain(values: tuple[object, ...], dtype: DType) -> Sequence[object]:
    """A column's values as polars takes them: only decimals and keys need converting (tens
    of thousands of values on a whole council's pages)."""
    if dtype == pl.Float64:
        return [float(v) if isinstance(v, Decimal) else v for v in values]
    if dtype == pl.String and isinstance(next((v for v in values if v is not None), ""), int):
        return [None if v is None else str(v) for v in values]  # keys: the engine's spell_id
    return values


@dataclass(frozen=True)
class MeasureInputs:
    """The four input frames of the measures engine for one viewer's scope."""

    spells: pl.DataFrame
    vacancies: pl.DataFrame
    cases: pl.DataFrame
    absence: pl.DataFrame


def employment_spells(
    *, scope: Scope, service_kind: str = Service.Kind.CHILDREN
) -> QuerySet[Employment]:
    return scope.employments().filter(team__service__kind=service_kind)


def service_kind_list(*, scope: Scope) -> list[str]:
    """The kinds of service (children's, adults') whose workforce the scope can see, children's
    first: those with staff in the scope, else the kind of the scope's own service (a team's
    service for a team; a service with no staff recorded yet), else children's."""
    kinds: list[str] = [Service.Kind.CHILDREN, Service.Kind.ADULTS]
    found = [k for k in kinds if employment_spells(scope=scope, service_kind=k).exists()]
    if found:
        return found
    own = scope.service
    return [own.kind] if own is not None and own.kind in kinds else [Service.Kind.CHILDREN]


def measure_inputs_get(*, scope: Scope, service_kind: str = Service.Kind.CHILDREN) -> MeasureInputs:
    """The scope's records in services of ``service_kind`` as the engine's input frames."""
    spells_qs = employment_spells(scope=scope, service_kind=service_kind)
    raw = _frame(spells_qs, SPELL_FIELDS).with_columns(pl.col(CODED).replace("", None))
    spells = raw.with_columns(
        # Headcount identity: the SWE number, or the person for someone without one.
        worker_key=pl.coalesce("swe_number", pl.format("person-{}", "person_id")),
        agency=pl.col("contract_type") == Employment.ContractType.AGENCY,
    ).drop("swe_number", "person_id", "contract_type")
    cases = _frame(CaseloadSnapshot.objects.filter(employment__in=spells_qs), CASE_FIELDS)
    absence = _frame(SicknessAbsence.objects.filter(employment__in=spells_qs), ABSENCE_FIELDS)
    return MeasureInputs(spells, _vacancies(scope, service_kind), cases, absence)


def _is_only_childrens_service(service: Service) -> bool:
    """The organisation-level vacancy figure (the census's, children and family social work) is
    this service's own when it is the organisation's only children's service."""
    children = Service.objects.filter(organisation=service.organisation_id, kind=service.kind)
    return service.kind == Service.Kind.CHILDREN and not children.exclude(pk=service.pk).exists()


def _vacancies(scope: Scope, service_kind: str) -> pl.DataFrame:
    """Vacancy snapshots in the scope: a team's own; a service's and its teams' (and the
    organisation-level figure when it is the only children's service); or for the whole
    organisation the organisation-level figures (children's social work, as in the census)
    and those recorded for services or teams of ``service_kind``. `_vacancies_at_level`
    then keeps one level of them."""
    snapshots = VacancySnapshot.objects.filter(organisation=scope.organisation)
    if scope.level == Level.SERVICE and scope.service is not None:
        own = Q(service=scope.service) | Q(team__service=scope.service)
        if _is_only_childrens_service(scope.service):
            own |= Q(service__isnull=True, team__isnull=True)
        same_kind = scope.service.kind == service_kind
        snapshots = snapshots.filter(own) if same_kind else snapshots.none()
    elif scope.level == Level.TEAM:
        snapshots = snapshots.filter(team=scope.team, team__service__kind=service_kind)
    elif scope.level == Level.ORGANISATION:
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


FIRST_YEAR = 2017  # one record per social worker from 2017 (workforce-measures.md §1)


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


def latest_complete_year(today: datetime.date | None = None) -> int:
    """The latest census year (ending 30 September) that has ended."""
    today = today or timezone.localdate()
    return today.year if today > datetime.date(today.year, 9, 30) else today.year - 1


def census_years() -> list[int]:
    return list(range(FIRST_YEAR, latest_complete_year() + 1))


def reference_date_text(year: int) -> str:
    return f"30 September {year}"


def _has_data(row: Mapping[str, object] | None) -> bool:
    if row is None:
        return False
    counts = ("inpost_headcount", "agency_headcount", "starters_headcount", "leavers_headcount")
    return any(isinstance(row.get(c), int) and row[c] for c in counts)


@dataclass(frozen=True)
class Context:
    """What the workforce dashboard shows for a scope and kind of service: the engine's inputs,
    one total row of every measure per census year, and the year shown."""

    scope: Scope
    kind: ServiceKind
    inputs: MeasureInputs
    totals: Mapping[int, dict[str, object]]
    year: int
    kinds: tuple[ServiceKind, ...] = ()  # the staff groups the scope can see (`service_kind_list`)

    @property
    def years(self) -> list[int]:
        return sorted(self.totals)

    def has_data(self, year: int) -> bool:
        """Whether anyone was in post, started or left in the census year ``year``."""
        return _has_data(self.totals.get(year))

    def query(self) -> dict[str, str]:
        return {"service": self.kind.slug, "year": str(self.year)}


def _total(frame: pl.DataFrame) -> dict[str, object]:
    return frame.row(0, named=True) if frame.height else {}


def _stability(inputs: MeasureInputs, year: int) -> dict[str, object]:
    """The local stability measure (`measures.stability`), keyed as the dashboard's rates are."""
    row = _total(measures.stability(inputs.spells, period=year, by=[]))
    return {
        "stability_rate_fte": row.get("stability_rate_fte"),
        "stability_rate_fte_numerator": row.get("stability_fte_numerator"),
        "stability_rate_fte_denominator": row.get("stability_fte_denominator"),
    }


def workforce_context_get(
    *, scope: Scope, service_kind: str | None = None, year: int | None = None
) -> Context:
    """Every census year's totals for the scope's services of ``service_kind`` (a key of
    `SERVICE_KINDS`; by default the first staff group the scope's records fill, so a manager's
    own service's), showing ``year``, or else the latest year with data."""
    kinds = tuple(SERVICE_KINDS[k] for k in service_kind_list(scope=scope))
    kind = SERVICE_KINDS[service_kind] if service_kind is not None else kinds[0]
    years = census_years()
    inputs = measure_inputs_get(scope=scope, service_kind=kind.slug)
    totals = {
        y: _total(workforce_measures(inputs=inputs, year=y)) | _stability(inputs, y) for y in years
    }
    with_data = [y for y in years if _has_data(totals[y])]
    shown = year if year is not None else (with_data[-1] if with_data else years[-1])
    return Context(scope, kind, inputs, totals, shown, kinds)
