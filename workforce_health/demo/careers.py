"""The demo council's careers offer, vacancies, published careers page and agency records.

Written through careers.services after the rest of the demo is loaded (inside its transaction),
from a random stream of its own (``SEED``), so no other demo figure changes. The story: the
council offers market supplements and a protected first year to newly qualified social workers;
a dozen posts are advertised, with closing dates after the load date; the page shows facts from
the demo's own records and Health Checks; earlier vacancies were filled in 40 to 120 days. Agency
social workers in children's services since the DfE's rules came into force have records, most
complete and within the rules, some with references, notice or a rate still missing, some
above the cap (some of those approved) and some with under 3 years' experience.
"""

from __future__ import annotations

import datetime
import random
from decimal import Decimal

from django.contrib.auth import get_user_model

from workforce_health.careers import services
from workforce_health.careers.models import AgencyRole, CareersSite, OfferItem, OfferRole, Vacancy
from workforce_health.careers.selectors import AGENCY_ROLE_OF
from workforce_health.core.models import Employment, Organisation, Service, Team
from workforce_health.staffing.models import VacancySnapshot

SEED = 20160
RULES_IN_FORCE = datetime.date(2024, 10, 31)
WEBSITE = "https://www.northmoor.example"  # .example is reserved (RFC 2606)
RECRUITMENT_SITE = "https://jobs.northmoor.example/social-work"

INTRODUCTION = (
    "Northmoor is a place where social workers stay. Caseloads are protected for newly "
    "qualified social workers, and every social worker has regular, reflective supervision.\n\n"
    "Below is what we offer in each service, what our own figures and staff survey say, "
    "and the posts open now."
)
PAY_BANDS: dict[str, tuple[tuple[str, str, int, int], ...]] = {
    Service.Kind.CHILDREN: (
        (OfferRole.NQSW, "Grade 8", 33366, 35235),
        (OfferRole.SOCIAL_WORKER, "Grade 9", 37280, 41418),
        (OfferRole.SENIOR, "Grade 10", 42403, 45718),
        (OfferRole.ADVANCED_PRACTITIONER, "Grade 11", 46731, 49764),
        (OfferRole.TEAM_MANAGER, "Grade 12", 50788, 54928),
    ),
    Service.Kind.ADULTS: (
        (OfferRole.NQSW, "Grade 8", 33366, 35235),
        (OfferRole.SOCIAL_WORKER, "Grade 9", 37280, 41418),
        (OfferRole.SENIOR, "Grade 10", 42403, 45718),
        (OfferRole.TEAM_MANAGER, "Grade 12", 50788, 54928),
    ),
}
OFFER_TEXT: dict[str, dict[str, str]] = {
    Service.Kind.CHILDREN: {
        "summary": (
            "Twenty-five teams, from the Multi-Agency Safeguarding Hub to fostering, adoption "
            "and our Social Work Academy, all working to one practice model."
        ),
        "nqsw_programme": (
            "Your first year is in the Social Work Academy: 80% of a full caseload at most, "
            "protected learning time every week, and reviews at 3, 6 and 12 months with your "
            "practice educator."
        ),
        "caseload_promise": (
            "We keep caseloads below 18 children for a full-time social worker, and team "
            "managers review every caseload each month."
        ),
        "supervision_promise": (
            "Reflective supervision every 4 weeks, at least 90 minutes, uninterrupted, with "
            "a written record you agree."
        ),
        "learning_offer": (
            "Five protected learning days a year, post-qualifying courses funded, and a "
            "route to advanced practitioner through our practice development programme."
        ),
        "flexible_working": "Hybrid working, compressed hours and term-time contracts.",
        "secondments": "Secondments into fostering, the academy and quality assurance.",
        "wellbeing": "An employee assistance programme and trauma-informed team debriefs.",
    },
    Service.Kind.ADULTS: {
        "summary": (
            "Locality teams, hospital discharge, mental health and AMHP, learning disabilities "
            "and safeguarding adults, working with health partners across Northmoor."
        ),
        "nqsw_programme": "A supported first year with a reduced caseload and the ASYE.",
        "supervision_promise": "Supervision every 4 to 6 weeks, with a written record.",
        "learning_offer": "Funded AMHP and best interests assessor training.",
        "flexible_working": "Hybrid working and flexible hours.",
        "wellbeing": "An employee assistance programme and wellbeing champions in every team.",
    },
}
EXTRA_ITEMS: dict[str, tuple[tuple[str, str, str, int], ...]] = {
    Service.Kind.CHILDREN: (
        (
            OfferItem.Kind.MARKET_SUPPLEMENT,
            "Market supplement",
            "For social workers, senior social workers and advanced practitioners in "
            "frontline teams.",
            3000,
        ),
    ),
    Service.Kind.ADULTS: (),
}
FACTS: dict[str, list[str]] = {
    Service.Kind.CHILDREN: [
        "vacancy_trend",
        "turnover_trend",
        "average_caseload",
        "health_check_recommend",
        "health_check_supervision",
        "health_check_pride",
        "nqsw_starters",
        # Two standards of the published 2024 self-assessment (demo/assessments.py).
        "self_assessment_s6",
        "self_assessment_s8",
    ],
    # The demo records no vacancy figures for adult services: the preview says the vacancy
    # trend is not supported, and the page leaves it off.
    Service.Kind.ADULTS: [
        "vacancy_trend",
        "turnover_trend",
        "health_check_recommend",
        "health_check_supervision",
    ],
}
JOBS: dict[str, str] = {
    OfferRole.NQSW: "Newly qualified social worker",
    OfferRole.SOCIAL_WORKER: "Social worker",
    OfferRole.SENIOR: "Senior social worker",
    OfferRole.ADVANCED_PRACTITIONER: "Advanced practitioner",
    OfferRole.TEAM_MANAGER: "Team manager",
}
# (service, team name, role) of the live vacancies: a dozen posts open on the load date.
LIVE = (
    (Service.Kind.CHILDREN, "Assessment Team North", OfferRole.SOCIAL_WORKER),
    (Service.Kind.CHILDREN, "Assessment Team South", OfferRole.SENIOR),
    (Service.Kind.CHILDREN, "Safeguarding and Family Support East", OfferRole.SOCIAL_WORKER),
    (
        Service.Kind.CHILDREN,
        "Safeguarding and Family Support West",
        OfferRole.ADVANCED_PRACTITIONER,
    ),
    (Service.Kind.CHILDREN, "Children in Care 2", OfferRole.SOCIAL_WORKER),
    (Service.Kind.CHILDREN, "Social Work Academy", OfferRole.NQSW),
    (Service.Kind.CHILDREN, "Fostering Support", OfferRole.SOCIAL_WORKER),
    (Service.Kind.CHILDREN, "Multi-Agency Safeguarding Hub", OfferRole.TEAM_MANAGER),
    (Service.Kind.ADULTS, "Hospital Discharge Team", OfferRole.SOCIAL_WORKER),
    (Service.Kind.ADULTS, "Mental Health and AMHP Team", OfferRole.SENIOR),
    (Service.Kind.ADULTS, "Community Locality North", OfferRole.SOCIAL_WORKER),
    (Service.Kind.ADULTS, "Learning Disabilities Team", OfferRole.NQSW),
)
FILLED_PER_YEAR = 6
CAPS: tuple[
    tuple[str, str], ...
] = (  # illustrative caps for the demo, not any region's agreed figures
    (AgencyRole.SOCIAL_WORKER, "40.00"),
    (AgencyRole.SENIOR, "43.00"),
    (AgencyRole.ADVANCED_PRACTITIONER, "46.00"),
    (AgencyRole.TEAM_MANAGER, "50.00"),
    (AgencyRole.IRO, "48.00"),
)
AGENCIES = ("Northern Social Care Recruitment", "Midlands Locums", "Castlegate Social Work")


def demo_careers_load(*, organisation: Organisation, today: datetime.date) -> None:
    rng = random.Random(SEED)  # noqa: S311 - demo data, not security
    site = services.careers_site_save(
        organisation=organisation,
        introduction=INTRODUCTION,
        town="Northmoor",
        postcode="NM1 1AA",
        website=WEBSITE,
        recruitment_site=RECRUITMENT_SITE,
    )
    for service in Service.objects.filter(organisation=organisation).order_by("name"):
        _offer(service)
    _vacancies(organisation, today, rng)
    lead = get_user_model().objects.filter(username="lead").first()
    services.careers_publish(site=site, user=lead, today=today)
    _agency(organisation, today, rng)


def _offer(service: Service) -> None:
    offer = services.offer_start(service=service)  # adds the census return's items
    services.offer_update(offer=offer, **OFFER_TEXT[service.kind])
    services.offer_facts_choose(offer=offer, kinds=FACTS[service.kind])
    for role, grade, low, high in PAY_BANDS[service.kind]:
        services.pay_band_save(
            offer=offer,
            role=role,
            grade=grade,
            salary_min=Decimal(low),
            salary_max=Decimal(high),
        )
    for kind, title, description, amount in EXTRA_ITEMS[service.kind]:
        services.offer_item_save(
            offer=offer, kind=kind, title=title, description=description, amount=Decimal(amount)
        )


def _band(kind: str, role: str) -> tuple[int, int, str]:
    band = next(b for b in PAY_BANDS[kind] if b[0] == role)
    return band[2], band[3], band[1]


def _vacancies(organisation: Organisation, today: datetime.date, rng: random.Random) -> None:
    teams = {t.name: t for t in Team.objects.filter(organisation=organisation)}
    record = (
        VacancySnapshot.objects.filter(
            organisation=organisation, service__isnull=True, team__isnull=True, date__lte=today
        )
        .order_by("-date")
        .first()
    )
    for number, (_, team_name, role) in enumerate(LIVE, start=1):
        team = teams[team_name]
        low, high, grade = _band(team.service.kind, role)
        posted = today - datetime.timedelta(days=rng.randint(2, 20))
        vacancy = services.vacancy_save(
            organisation=organisation,
            service=team.service,
            team=team,
            title=f"{JOBS[role]}, {team_name}",
            role=role,
            grade=grade,
            salary_min=Decimal(low),
            salary_max=Decimal(high),
            hours_per_week=Decimal("37") if rng.random() < 0.8 else Decimal("22.2"),
            contract=Vacancy.Contract.PERMANENT,
            description=_description(team, role),
            reference=f"NM-{today.year}-{number:03d}",
            posts=1 if rng.random() < 0.75 else 2,
            opened_on=posted - datetime.timedelta(days=rng.randint(0, 30)),
            closing_date=today + datetime.timedelta(days=rng.randint(7, 35)),
            apply_url=f"{RECRUITMENT_SITE}/{today.year}-{number:03d}",
            first_published_on=posted,
            source_record=record if team.service.kind == Service.Kind.CHILDREN else None,
        )
        services.vacancy_publish(vacancy=vacancy, today=today)
    _filled_vacancies(organisation, teams, today, rng)


def _description(team: Team, role: str) -> str:
    return (
        f"Join {team.name} as a {JOBS[role].lower()}. You will work with children, adults and "
        "families alongside a stable team, with reflective supervision every 4 weeks.\n\n"
        "You need to be registered with Social Work England (or about to be, for newly "
        "qualified social workers)."
    )


def _filled_vacancies(
    organisation: Organisation, teams: dict[str, Team], today: datetime.date, rng: random.Random
) -> None:
    """Earlier vacancies, filled after 40 to 120 days: the data behind time to fill."""
    frontline = [t for t in teams.values() if t.service.kind == Service.Kind.CHILDREN]
    frontline.sort(key=lambda t: t.name)
    for year in range(today.year - 3, today.year):
        for number in range(FILLED_PER_YEAR):
            team = rng.choice(frontline)
            opened = datetime.date(year, 1, 1) + datetime.timedelta(days=rng.randint(0, 200))
            filled = opened + datetime.timedelta(days=rng.randint(40, 120))
            low, high, grade = _band(Service.Kind.CHILDREN, OfferRole.SOCIAL_WORKER)
            services.vacancy_save(
                organisation=organisation,
                service=team.service,
                team=team,
                title=f"Social worker, {team.name}",
                role=OfferRole.SOCIAL_WORKER,
                grade=grade,
                salary_min=Decimal(low),
                salary_max=Decimal(high),
                hours_per_week=Decimal("37"),
                contract=Vacancy.Contract.PERMANENT,
                description=_description(team, OfferRole.SOCIAL_WORKER),
                reference=f"NM-{year}-F{number + 1:02d}",
                opened_on=opened,
                closing_date=opened + datetime.timedelta(days=28),
                apply_url=RECRUITMENT_SITE,
                filled_on=filled,
            )


def _agency(organisation: Organisation, today: datetime.date, rng: random.Random) -> None:
    for job_type, amount in CAPS:
        services.rate_cap_save(
            organisation=organisation,
            role=job_type,
            hourly_cap=Decimal(amount),
            effective_from=RULES_IN_FORCE,
        )
    caps = {job_type: Decimal(amount) for job_type, amount in CAPS}
    spells = (
        Employment.objects.filter(
            organisation=organisation,
            contract_type=Employment.ContractType.AGENCY,
            team__service__kind=Service.Kind.CHILDREN,
            job_role__in=list(AGENCY_ROLE_OF),
            start_date__gte=RULES_IN_FORCE,
            start_date__lte=today,
        )
        .select_related("team")
        .order_by("start_date", "pk")
    )
    for index, spell in enumerate(spells):
        role = AGENCY_ROLE_OF[spell.job_role]
        cap = caps[role]
        case = index % 10  # a fixed mix: 6 complete and within the rules, 4 not
        rate = cap - Decimal(rng.randint(50, 400)) / 100
        fields: dict[str, object] = {
            "agency": AGENCIES[rng.randrange(len(AGENCIES))],
            "role": role,
            "hourly_charge_rate": rate,
            "experience_years": Decimal(rng.randint(30, 150)) / 10,
            "references_received_on": spell.start_date
            - datetime.timedelta(days=rng.randint(5, 30)),
            "notice_weeks": 4,
            "permanent_post_checked": True,
        }
        if case == 6:  # references not yet received, notice not recorded
            fields["references_received_on"] = None
            fields["notice_weeks"] = None
        elif case == 7:  # above the cap, approved by the director
            fields["hourly_charge_rate"] = cap + Decimal("4.50")
            fields["cap_exception_approved_by"] = "Director of Children's Services"
        elif case == 8:  # rate not yet recorded, permanent post not checked
            fields["hourly_charge_rate"] = None
            fields["permanent_post_checked"] = False
        elif case == 9:  # under 3 years' experience, above the cap without approval
            fields["experience_years"] = Decimal("2.0")
            fields["hourly_charge_rate"] = cap + Decimal("2.00")
        services.agency_assignment_save(employment=spell, **fields)


def demo_careers_republish(*, organisation: Organisation) -> None:
    """Publish the demo's careers page again, once the DfE's figures are loaded (after the
    demo itself), so its facts compare with England."""
    site = CareersSite.objects.filter(organisation=organisation).first()
    if site is not None:
        lead = get_user_model().objects.filter(username="lead").first()
        services.careers_publish(site=site, user=lead)
