"""Reads for the careers app: the lead's offer, vacancies and agency records, and the public
careers pages.

Who may see which rows is the one rule, ``core.scope.Scope``: scoped reads take one and read
through it. The offer, vacancies and agency records are the organisation's: pages for them need
an organisation-wide capability (``MANAGE_CAREERS``, ``MANAGE_AGENCY_COMPLIANCE``), and every
read is still narrowed to the scope's teams and services. Public reads take no scope and return
only what a live careers page shows.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

import polars as pl
from django.db.models import Count, Max, OuterRef, Q, QuerySet, Subquery

from workforce_health.careers import compliance
from workforce_health.careers.models import (
    AgencyAssignment,
    AgencyRateCap,
    AgencyRole,
    CareersSite,
    OfferItem,
    PayBand,
    Publication,
    ServiceOffer,
    Vacancy,
)
from workforce_health.census import selectors as census_selectors
from workforce_health.census.models import CouncilIncentives
from workforce_health.core.models import (
    Employment,
    JobRole,
    Organisation,
    Service,
    Team,
)
from workforce_health.core.scope import Scope
from workforce_health.staffing.models import VacancySnapshot

# The job roles the DfE's agency rules cover, and the DfE job type each maps to.
AGENCY_ROLE_OF: dict[str, str] = {
    JobRole.NEWLY_QUALIFIED_SOCIAL_WORKER: AgencyRole.SOCIAL_WORKER,
    JobRole.SOCIAL_WORKER: AgencyRole.SOCIAL_WORKER,
    JobRole.SENIOR_PRACTITIONER: AgencyRole.SENIOR,
    JobRole.ADVANCED_PRACTITIONER: AgencyRole.ADVANCED_PRACTITIONER,
    JobRole.PRINCIPAL_SOCIAL_WORKER: AgencyRole.ADVANCED_PRACTITIONER,
    JobRole.TEAM_MANAGER: AgencyRole.TEAM_MANAGER,
    JobRole.SERVICE_MANAGER: AgencyRole.TEAM_MANAGER,
    JobRole.HEAD_OF_SERVICE: AgencyRole.TEAM_MANAGER,
    JobRole.INDEPENDENT_REVIEWING_OFFICER: AgencyRole.IRO,
}


# The lead's careers pages ----------------------------------------------------------------


def site_get(*, scope: Scope) -> CareersSite | None:
    return CareersSite.objects.filter(organisation=scope.organisation).first()


@dataclass(frozen=True)
class ServiceWithOffer:
    service: Service
    offer: ServiceOffer | None


def offer_list(*, scope: Scope) -> list[ServiceWithOffer]:
    """Every service in the scope with its offer (None until one is written)."""
    offers = {
        o.service_id: o
        for o in ServiceOffer.objects.filter(service__in=scope.services()).prefetch_related(
            "pay_bands", "items"
        )
    }
    return [
        ServiceWithOffer(service, offers.get(service.pk))
        for service in scope.services().order_by("name")
    ]


def service_get(*, scope: Scope, service_id: int) -> Service | None:
    return scope.services().filter(pk=service_id).first()


def offer_get(*, scope: Scope, service_id: int) -> ServiceOffer | None:
    return (
        ServiceOffer.objects.filter(service__in=scope.services(), service_id=service_id)
        .select_related("service")
        .prefetch_related("pay_bands", "items")
        .first()
    )


def pay_band_get(*, scope: Scope, pay_band_id: int) -> PayBand | None:
    return (
        PayBand.objects.filter(offer__service__in=scope.services(), pk=pay_band_id)
        .select_related("offer", "offer__service")
        .first()
    )


def offer_item_get(*, scope: Scope, item_id: int) -> OfferItem | None:
    return (
        OfferItem.objects.filter(offer__service__in=scope.services(), pk=item_id)
        .select_related("offer", "offer__service")
        .first()
    )


def council_incentives_get(*, organisation: Organisation) -> CouncilIncentives | None:
    """The census return's council-level incentive items the offer is prefilled from."""
    return census_selectors.council_incentives_latest(organisation=organisation)


def publication_latest(*, organisation: Organisation) -> Publication | None:
    return (
        Publication.objects.filter(organisation=organisation).select_related("published_by").first()
    )


def vacancy_list(*, scope: Scope) -> QuerySet[Vacancy]:
    return (
        Vacancy.objects.filter(organisation=scope.organisation, service__in=scope.services())
        .select_related("service", "team")
        .order_by("-is_published", "closing_date", "title", "pk")
    )


def vacancy_get(*, scope: Scope, vacancy_id: int) -> Vacancy | None:
    return vacancy_list(scope=scope).filter(pk=vacancy_id).first()


def vacancy_record_list(*, scope: Scope) -> list[VacancySnapshot]:
    """The latest vacancy figures the staffing records hold with posts vacant: a vacancy can be
    advertised from one (its team, service and the date the posts were vacant)."""
    snapshots = (
        VacancySnapshot.objects.filter(scope.filter(service="service", team="team"))
        .select_related("service", "team")
        .order_by("-date", "team__name")[:50]
    )
    latest: dict[tuple[int | None, int | None], VacancySnapshot] = {}
    for snapshot in snapshots:  # newest first: keep each place's latest figure
        latest.setdefault((snapshot.service_id, snapshot.team_id), snapshot)
    return [s for s in latest.values() if s.vacancy_fte > 0]


def vacancy_record_get(*, scope: Scope, record_id: int) -> VacancySnapshot | None:
    return next((s for s in vacancy_record_list(scope=scope) if s.pk == record_id), None)


def team_choices(*, scope: Scope) -> QuerySet[Team]:
    return scope.teams().order_by("service__name", "name")


# Measures of the offer working -----------------------------------------------------------


def service_scope(*, service: Service) -> Scope:
    """One service's records, as its manager sees them; the whole organisation's records of
    that kind of service when it is the only one (vacancies are often recorded for the
    organisation, not a service), as the scrutiny report does."""
    organisation = service.organisation
    if Service.objects.filter(organisation=organisation, kind=service.kind).count() == 1:
        return Scope.whole(organisation)
    return Scope.of_service(service)


def vacancy_fill_frame(*, service: Service) -> pl.DataFrame:
    """The service's vacancies' dates, for time to fill."""
    rows = Vacancy.objects.filter(service=service).values_list("opened_on", "filled_on")
    return pl.DataFrame(
        list(rows), schema={"opened_on": pl.Date, "filled_on": pl.Date}, orient="row"
    )


# Agency staff ------------------------------------------------------------------------------


def agency_employment_list(*, scope: Scope) -> QuerySet[Employment]:
    """Agency spells in children's services social work roles in the scope's teams (the DfE
    rules are for child and family social workers), newest first, with their records."""
    return (
        Employment.objects.filter(
            scope.employment_filter(),
            team__service__kind=Service.Kind.CHILDREN,
            contract_type=Employment.ContractType.AGENCY,
            job_role__in=list(AGENCY_ROLE_OF),
        )
        .select_related("person", "team", "team__service", "agency_assignment")
        .order_by("-start_date", "person__family_name", "pk")
    )


def agency_employment_get(*, scope: Scope, employment_id: int) -> Employment | None:
    return agency_employment_list(scope=scope).filter(pk=employment_id).first()


def rate_cap_list(*, scope: Scope) -> QuerySet[AgencyRateCap]:
    return AgencyRateCap.objects.filter(organisation=scope.organisation)


def rate_cap_get(*, scope: Scope, cap_id: int) -> AgencyRateCap | None:
    return rate_cap_list(scope=scope).filter(pk=cap_id).first()


def _caps_frame(scope: Scope) -> pl.DataFrame:
    rows = rate_cap_list(scope=scope).values_list("role", "effective_from", "hourly_cap")
    return pl.DataFrame(
        [(r, d, float(c)) for r, d, c in rows], schema=compliance.CAP_SCHEMA, orient="row"
    )


@dataclass(frozen=True)
class AgencyRecords:
    """Each agency spell assessed against the rules (``compliance.assess``), row ``i`` being
    ``employments[i]``."""

    employments: list[Employment]
    assessed: pl.DataFrame


def agency_compliance_get(*, scope: Scope) -> AgencyRecords:
    """Every agency spell in the scope, with or without a record, assessed."""
    employments: list[Employment] = list(
        agency_employment_list(scope=scope).annotate(
            own_permanent_end=Subquery(
                Employment.objects.filter(
                    person=OuterRef("person"), end_date__lt=OuterRef("start_date")
                )
                .exclude(contract_type=Employment.ContractType.AGENCY)
                .order_by("-end_date")
                .values("end_date")[:1]
            )
        )
    )
    region = scope.organisation.region or None
    rows = []
    for e in employments:
        record: AgencyAssignment | None = getattr(e, "agency_assignment", None)
        rows.append(
            {
                "assignment_id": e.pk,
                "service": e.team.service.name,
                "team": e.team.name,
                "role": record.role if record else AGENCY_ROLE_OF[e.job_role],
                "start_date": e.start_date,
                "end_date": e.end_date,
                "hourly_charge_rate": _float(record.hourly_charge_rate if record else None),
                "experience_years": _float(record.experience_years if record else None),
                "references_received_on": record.references_received_on if record else None,
                "notice_weeks": record.notice_weeks if record else None,
                "permanent_post_checked": record.permanent_post_checked if record else False,
                "left_permanent_post_on": record.left_permanent_post_on if record else None,
                "left_permanent_post_region": (
                    record.left_permanent_post_region or None if record else None
                ),
                "council_region": region,
                "own_permanent_end": getattr(e, "own_permanent_end", None),
                "cap_exception_approved_by": record.cap_exception_approved_by if record else "",
            }
        )
    frame = pl.DataFrame(rows, schema=compliance.ASSIGNMENT_SCHEMA, orient="row")
    return AgencyRecords(employments, compliance.assess(frame, _caps_frame(scope)))


def _float(value: object) -> float | None:
    return None if value is None else float(value)  # type: ignore[arg-type]


# The public careers pages -----------------------------------------------------------------


def public_site_get(*, la_code: str) -> CareersSite | None:
    """A live careers site by its organisation's LA code."""
    return (
        CareersSite.objects.filter(organisation__la_code=la_code, is_live=True)
        .select_related("organisation")
        .first()
    )


def public_site_list() -> QuerySet[CareersSite]:
    return (
        CareersSite.objects.filter(is_live=True)
        .select_related("organisation")
        .order_by("organisation__name")
    )


def public_content(*, site: CareersSite) -> dict[str, object] | None:
    """The latest published content of a live site."""
    publication = Publication.objects.filter(organisation_id=site.organisation_id).first()
    return publication.content if publication else None


def public_vacancy_list(
    *,
    today: datetime.date,
    site: CareersSite | None = None,
    service_id: int | None = None,
    preview: bool = False,
) -> QuerySet[Vacancy]:
    """Live vacancies (published, not filled, closing date not passed) of live sites; with
    ``preview``, those that will be live once the site is."""
    vacancies = Vacancy.objects.filter(
        is_published=True, filled_on__isnull=True, closing_date__gte=today
    )
    if not preview:
        vacancies = vacancies.filter(organisation__careers_site__is_live=True)
    if site is not None:
        vacancies = vacancies.filter(organisation_id=site.organisation_id)
    if service_id is not None:
        vacancies = vacancies.filter(service_id=service_id)
    return vacancies.select_related("organisation", "service", "team").order_by(
        "organisation__name", "closing_date", "title", "pk"
    )


def public_vacancy_get(
    *, site: CareersSite, vacancy_id: int, today: datetime.date
) -> Vacancy | None:
    return public_vacancy_list(today=today, site=site).filter(pk=vacancy_id).first()


def public_version(*, la_code: str | None = None) -> str:
    """A key that changes whenever anything a public page shows changes: the site's last
    change (or, for the page of every council, every live site's)."""
    sites = CareersSite.objects.filter(is_live=True)
    if la_code is not None:
        sites = CareersSite.objects.filter(organisation__la_code=la_code)
    summary = sites.aggregate(changed=Max("changed_at"), live=Count("pk", filter=Q(is_live=True)))
    changed = summary["changed"]
    return f"{summary['live']}-{changed.timestamp() if changed else 0}"
