"""Careers test data, written through the careers services like real writes."""

import datetime
from decimal import Decimal
from typing import Any

from django.utils import timezone

from tests import factories
from workforce_health.careers import services
from workforce_health.careers.models import (
    AgencyAssignment,
    AgencyRateCap,
    CareersSite,
    ServiceOffer,
    Vacancy,
)
from workforce_health.core.models import Employment, Team


def site(council: factories.Council, **fields: Any) -> CareersSite:
    values = {
        "town": "Testshire",
        "postcode": "TS1 1AA",
        "website": "https://www.testshire.example",
        "recruitment_site": "https://jobs.testshire.example",
        "introduction": "Come and work with us.",
    } | fields
    return services.careers_site_save(organisation=council.organisation, **values)


def offer(council: factories.Council, **fields: Any) -> ServiceOffer:
    started = services.offer_start(service=council.children)
    values = {"summary": "Our children's teams.", "supervision_promise": "Every 4 weeks."} | fields
    started = services.offer_update(offer=started, **values)
    services.pay_band_save(
        offer=started,
        role="social_worker",
        grade="Grade 9",
        salary_min=Decimal("37000"),
        salary_max=Decimal("41000"),
    )
    services.offer_item_save(
        offer=started, kind="market_supplement", title="Market supplement", amount=Decimal("3000")
    )
    return started


def vacancy(
    council: factories.Council,
    *,
    publish: bool = True,
    team: Team | None = None,
    **fields: Any,
) -> Vacancy:
    today = timezone.localdate()
    team = team or council.assessment
    values: dict[str, Any] = {
        "service": team.service,
        "team": team,
        "title": "Social worker",
        "role": "social_worker",
        "grade": "Grade 9",
        "salary_min": Decimal("37000"),
        "salary_max": Decimal("41000"),
        "hours_per_week": Decimal("37"),
        "contract": Vacancy.Contract.PERMANENT,
        "description": "Join our assessment team.",
        "reference": "TS-001",
        "opened_on": today - datetime.timedelta(days=10),
        "closing_date": today + datetime.timedelta(days=14),
        "apply_url": "https://jobs.testshire.example/ts-001",
    } | fields
    saved = services.vacancy_save(organisation=council.organisation, **values)
    if publish:
        saved = services.vacancy_publish(vacancy=saved)
    return saved


def published(council: factories.Council) -> CareersSite:
    """A live careers page with the children's offer and one advertised vacancy."""
    page = site(council)
    offer(council)
    vacancy(council)
    services.careers_publish(site=page, user=None)
    page.refresh_from_db()
    return page


def agency_spell(
    council: factories.Council,
    number: str = "9",
    *,
    start: datetime.date = datetime.date(2025, 1, 6),
    job_role: str = "social_worker",
    team: Team | None = None,
    name: str = "Jo Agency",
) -> Employment:
    worker = factories.person(
        council.organisation,
        f"{council.organisation.la_code}-A{number}",
        name,
        swe_number=f"SW9{council.organisation.la_code}{number}",
        is_registered_social_worker=True,
    )
    return factories.employment(
        worker,
        team or council.assessment,
        job_role=job_role,
        contract_type=Employment.ContractType.AGENCY,
        start_date=start,
    )


def cap(
    council: factories.Council, role: str = "social_worker", amount: str = "40"
) -> AgencyRateCap:
    return services.rate_cap_save(
        organisation=council.organisation,
        role=role,
        hourly_cap=Decimal(amount),
        effective_from=datetime.date(2024, 10, 31),
    )


def compliant_record(employment: Employment, **fields: Any) -> AgencyAssignment:
    values: dict[str, Any] = {
        "agency": "Good Agency",
        "role": "social_worker",
        "hourly_charge_rate": Decimal("38.50"),
        "experience_years": Decimal("5"),
        "references_received_on": employment.start_date - datetime.timedelta(days=10),
        "notice_weeks": 4,
        "permanent_post_checked": True,
    } | fields
    return services.agency_assignment_save(employment=employment, **values)


def staff(council: factories.Council, count: int = 8) -> None:
    """More children's social workers in post: with the council's two, enough for figures."""
    for number in range(count):
        worker = factories.person(
            council.organisation,
            f"{council.organisation.la_code}-S{number}",
            "Staff Member",
            is_registered_social_worker=True,
        )
        factories.employment(worker, council.safeguarding, census_role="5")
