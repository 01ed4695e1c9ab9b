"""Load the demo council into the database in one transaction, with a sign-in for every role.

Organisation, services, teams and sign-ins go through core.services. People, employments and the
staffing records (vacancy, caseload and sickness absence: tens of thousands of rows) are validated
without per-row queries, then bulk-created: each row runs clean_fields() (choices, validators,
lengths) and, for people and vacancies, clean(); the rules that need a query per row (uniqueness,
overlapping spells, foreign keys) are checked in memory by checks.demo_problems(), and the
database constraints apply on insert. Full per-row full_clean()
took about 30 s for the demo on SQLite.
"""

import datetime
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from auditlog.context import disable_auditlog
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.db.models import Model
from django.utils import timezone

from workforce_health.benchmarks.services import demo_comparators_set
from workforce_health.census import services as census_services
from workforce_health.core import services
from workforce_health.core.models import Employment, Membership, Organisation, Person, Team
from workforce_health.demo import council
from workforce_health.demo.assessments import demo_assessments_load
from workforce_health.demo.careers import demo_careers_load
from workforce_health.demo.checks import demo_problems
from workforce_health.demo.development import demo_development_load
from workforce_health.demo.errors import DemoError
from workforce_health.demo.generator import generate
from workforce_health.demo.listening import demo_listening_load
from workforce_health.demo.mfa import demo_mfa_load
from workforce_health.demo.records import DemoCouncil, EmploymentRecord
from workforce_health.demo.reports import demo_reports_load
from workforce_health.demo.surveys import demo_surveys_delete, demo_surveys_load
from workforce_health.staffing.models import CaseloadSnapshot, SicknessAbsence, VacancySnapshot

# For the demo only: anyone who reads this can sign in, so never load the demo on a live server.
DEMO_PASSWORD = "demo-council-2026"  # noqa: S105
Role = Membership.Role
DEMO_USERNAMES: dict[str, str] = {
    "admin": Role.ADMINISTRATOR,
    "lead": Role.WORKFORCE_LEAD,
    "children-manager": Role.SERVICE_MANAGER,
    "adults-manager": Role.SERVICE_MANAGER,
    "team-manager": Role.TEAM_MANAGER,
    "practitioner": Role.PRACTITIONER,
    "scrutiny": Role.SCRUTINY_MEMBER,
}
FRONTLINE_TEAM_TYPES = ("safeguarding", "assessment", "children_in_care", "front_door")


@dataclass(frozen=True)
class DemoSignIn:
    username: str
    role: str
    scope: str
    password: str = DEMO_PASSWORD


@dataclass(frozen=True)
class DemoResult:
    organisation: Organisation
    people: int
    employments: int
    sign_ins: tuple[DemoSignIn, ...]


def demo_organisation() -> Organisation | None:
    return Organisation.objects.filter(la_code=council.LA_CODE).first()


def demo_is_loaded() -> bool:
    return demo_organisation() is not None


@disable_auditlog()  # generated records, not anyone's change: no audit trail
def demo_load(
    *,
    today: datetime.date | None = None,
    seed: int = council.DEFAULT_SEED,
    report_files: bool = True,
) -> DemoResult:
    """Create the demo council and its sign-ins; raise DemoError if it is already loaded.
    ``report_files=False`` skips rendering the published reports' files (about a third of the
    load), which are then rendered when downloaded: for tests that never download them."""
    with transaction.atomic():
        if demo_is_loaded():
            raise DemoError(
                f"The demo council ({council.NAME}, LA code {council.LA_CODE}) is already loaded. "
                "Use --reset to delete it and load it again."
            )
        taken = sorted(
            get_user_model()
            .objects.filter(username__in=DEMO_USERNAMES)
            .values_list("username", flat=True)
        )
        if taken:
            raise DemoError(f"Demo not loaded: these usernames are taken: {', '.join(taken)}")
        today = today or timezone.localdate()
        demo = generate(today=today, seed=seed)
        problems = demo_problems(demo)
        if problems:
            raise DemoError("The generated demo is inconsistent: " + "; ".join(problems[:5]))
        organisation = _Loader(demo).load()
        demo_comparators_set(organisation=organisation)  # from the DfE releases imported, if any
        # The 2025 census return's council-level incentive items (csww-census.md §5).
        census_services.council_incentives_record(
            organisation=organisation, year=2025, other_allowances="", **council.INCENTIVES_2025
        )
        demo_surveys_load(organisation=organisation)  # Health Check waves with results
        demo_listening_load(organisation=organisation, today=today, seed=seed)  # own stream
        demo_development_load(organisation=organisation, today=demo.today, seed=seed)
        demo_assessments_load(organisation=organisation)  # self-assessments 2024 and 2025
        # Scrutiny reports: 2 published, 1 draft.
        demo_reports_load(organisation=organisation, store_files=report_files)
        demo_mfa_load(organisation=organisation)  # admin and lead: the published demo key
        demo_careers_load(organisation=organisation, today=today)  # offer, vacancies, agency
    return DemoResult(
        organisation=organisation,
        people=len(demo.people),
        employments=len(demo.employments),
        sign_ins=demo_sign_ins(),
    )


@disable_auditlog()
@transaction.atomic
def demo_reset() -> None:
    """Delete the demo organisation, everything in it and its demo sign-ins (nothing else)."""
    organisation = demo_organisation()
    if organisation is None:
        return
    get_user_model().objects.filter(
        username__in=DEMO_USERNAMES, memberships__organisation=organisation
    ).delete()
    demo_surveys_delete(organisation=organisation)  # responses protect their waves
    Employment.objects.filter(organisation=organisation).delete()  # caseloads, absences too
    Team.objects.filter(organisation=organisation).delete()
    organisation.delete()


def demo_sign_ins() -> tuple[DemoSignIn, ...]:
    """The demo sign-ins present in the database, in the order of DEMO_USERNAMES."""
    memberships = Membership.objects.filter(
        organisation__la_code=council.LA_CODE, user__username__in=DEMO_USERNAMES
    ).select_related("user", "service", "team", "person")
    by_username = {m.user.username: m for m in memberships}
    return tuple(
        DemoSignIn(username, membership.get_role_display(), _scope(membership))
        for username in DEMO_USERNAMES
        if (membership := by_username.get(username))
    )


def _scope(membership: Membership) -> str:
    person = f" ({membership.person.full_name})" if membership.person else ""
    if membership.role == Role.SERVICE_MANAGER and membership.service:
        return f"{membership.service.name}{person}"
    if membership.role == Role.TEAM_MANAGER and membership.team:
        return f"{membership.team.name}{person}"
    if membership.role == Role.PRACTITIONER:
        return f"Own record{person}"
    if membership.role == Role.SCRUTINY_MEMBER:
        return "Published reports"
    return f"Whole council{person}"


class _Loader:
    def __init__(self, demo: DemoCouncil) -> None:
        self.demo = demo
        self.service_key_of = {team.key: team.service_key for team in demo.teams}
        self.password_hash = make_password(DEMO_PASSWORD)

    def load(self) -> Organisation:
        demo = self.demo
        self.organisation = services.organisation_create(
            name=demo.name, la_code=demo.la_code, region=demo.region, ons_code=demo.ons_code
        )
        self.services = {
            record.key: services.service_create(
                organisation=self.organisation, name=record.name, kind=record.kind
            )
            for record in demo.services
        }
        self.teams = {
            record.key: services.team_create(
                organisation=self.organisation,
                service=self.services[record.service_key],
                name=record.name,
                team_type=record.team_type,
            )
            for record in demo.teams
        }
        self.people = self._create_people()
        employments = self._create_employments()
        self._create_staffing_records(employments)
        self._create_sign_ins()
        return self.organisation

    def _create_people(self) -> dict[int, Person]:
        people = {
            record.key: Person(
                organisation=self.organisation,
                given_name=record.given_name,
                family_name=record.family_name,
                employee_number=record.employee_number,
                email=record.email,
                swe_number=record.swe_number,
                date_of_birth=record.date_of_birth,
                sex=record.sex,
                ethnicity=record.ethnicity,
                qualification_level=record.qualification_level,
                is_registered_social_worker=record.is_registered_social_worker,
                qualification_institution=record.qualification_institution,
                step_up_graduate=record.step_up_graduate,
                frontline_graduate=record.frontline_graduate,
            )
            for record in self.demo.people
        }
        for person in people.values():
            _validate(
                person,
                person.full_clean,
                exclude=["organisation"],
                validate_unique=False,
                validate_constraints=False,
            )
        Person.objects.bulk_create(people.values(), batch_size=500)
        return people

    def _create_employments(self) -> list[Employment]:
        employments = [
            Employment(
                organisation=self.organisation,
                person=self.people[record.person_key],
                team=self.teams[record.team_key],
                job_role=record.job_role,
                census_role=record.census_role,
                fte=record.fte,
                contract_type=record.contract_type,
                start_date=record.start_date,
                end_date=record.end_date,
                start_origin=record.start_origin,
                reason_for_leaving=record.reason_for_leaving,
                leaver_destination=record.leaver_destination,
            )
            for record in self.demo.employments
        ]
        for employment in employments:
            _validate(
                employment, employment.clean_fields, exclude=["organisation", "person", "team"]
            )
        Employment.objects.bulk_create(employments, batch_size=500)
        return employments

    def _create_staffing_records(self, employments: list[Employment]) -> None:
        """Vacancies (the organisation's and each adult service's), caseloads and sickness
        absence (bulk_create has set the employments' primary keys, which these rows refer to)."""
        vacancies = [
            VacancySnapshot(
                organisation=self.organisation,
                service=self.services[record.service_key] if record.service_key else None,
                date=record.date,
                vacancy_fte=record.vacancy_fte,
                agency_cover_fte=record.agency_cover_fte,
                agency_cover_headcount=record.agency_cover_headcount,
            )
            for record in self.demo.vacancies
        ]
        for vacancy in vacancies:
            _validate(vacancy, vacancy.full_clean, exclude=["organisation"], validate_unique=False)
        caseloads = [
            CaseloadSnapshot(employment=employments[r.employment], date=r.date, cases=r.cases)
            for r in self.demo.caseloads
        ]
        absences = [
            SicknessAbsence(
                employment=employments[r.employment],
                period_end=r.period_end,
                working_days_lost=r.working_days_lost,
            )
            for r in self.demo.absences
        ]
        for row in (*caseloads, *absences):
            _validate(row, row.clean_fields, exclude=["employment"])
        VacancySnapshot.objects.bulk_create(vacancies, batch_size=500)
        CaseloadSnapshot.objects.bulk_create(caseloads, batch_size=1000)
        SicknessAbsence.objects.bulk_create(absences, batch_size=1000)
        _analyze(Person, Employment, VacancySnapshot, CaseloadSnapshot, SicknessAbsence)

    def _current(self, service_key: str, job_roles: tuple[str, ...]) -> list[EmploymentRecord]:
        """Council-employed spells in ``service_key`` current today, in ``job_roles`` order."""
        found = [
            e
            for e in self.demo.employments
            if e.job_role in job_roles
            and e.contract_type != "agency"
            and self.service_key_of[e.team_key] == service_key
            and e.is_current(self.demo.today)
        ]
        return sorted(found, key=lambda e: (job_roles.index(e.job_role), e.person_key))

    def _create_sign_ins(self) -> None:
        c = council
        lead = self._current(c.CHILDREN, (c.PSW, c.HOS, c.SM)) or self._current(c.ADULTS, (c.PSW,))
        children_head = self._current(c.CHILDREN, (c.HOS, c.SM))
        adults_head = self._current(c.ADULTS, (c.HOS, c.SM))
        manager, practitioner = self._team_manager_and_practitioner()
        team = self.teams[manager.team_key]
        self._sign_in("admin", Role.ADMINISTRATOR, name=("Demo", "Administrator"))
        self._sign_in("lead", Role.WORKFORCE_LEAD, person=lead[0] if lead else None)
        self._sign_in(
            "children-manager",
            Role.SERVICE_MANAGER,
            service=c.CHILDREN,
            person=children_head[0] if children_head else None,
        )
        self._sign_in(
            "adults-manager",
            Role.SERVICE_MANAGER,
            service=c.ADULTS,
            person=adults_head[0] if adults_head else None,
        )
        self._sign_in("team-manager", Role.TEAM_MANAGER, team=team, person=manager)
        self._sign_in("practitioner", Role.PRACTITIONER, person=practitioner)
        self._sign_in("scrutiny", Role.SCRUTINY_MEMBER, name=("Jean", "Holloway"))

    def _team_manager_and_practitioner(self) -> tuple[EmploymentRecord, EmploymentRecord]:
        """The first frontline children's team with a team manager and a social worker in post."""
        team_keys = [t.key for t in self.demo.teams if t.team_type in FRONTLINE_TEAM_TYPES]
        managers = self._current(council.CHILDREN, (council.TM,))
        workers = self._current(council.CHILDREN, (council.SW, council.SP, council.ASYE))
        for team_key in team_keys:
            manager = next((e for e in managers if e.team_key == team_key), None)
            worker = next((e for e in workers if e.team_key == team_key), None)
            if manager and worker:
                return manager, worker
        raise DemoError("No children's team has both a team manager and a social worker today")

    def _sign_in(
        self,
        username: str,
        role: str,
        *,
        person: EmploymentRecord | None = None,
        service: str | None = None,
        team: Team | None = None,
        name: tuple[str, str] = ("", ""),
    ) -> None:
        linked = self.people[person.person_key] if person else None
        first_name, last_name = (linked.given_name, linked.family_name) if linked else name
        # One password hash shared by every demo sign-in: hashing costs up to a second or more
        # each, so this creates the user itself rather than through user_with_membership_create.
        user = get_user_model()(
            username=username,
            first_name=first_name,
            last_name=last_name,
            password=self.password_hash,
        )
        user.full_clean()
        user.save()
        services.membership_create(
            user=user,
            organisation=self.organisation,
            role=role,
            service=self.services[service] if service else None,
            team=team,
            person=linked,
        )


def _analyze(*models: type[Model]) -> None:
    """Refresh PostgreSQL's planner statistics for the tables just filled. The demo's reports are
    built in the same transaction: statistics from before it (a table analysed while empty) made
    the planner expect no rows and choose nested loops that took minutes on the caseloads."""
    if connection.vendor != "postgresql":
        return
    tables = ", ".join(connection.ops.quote_name(m._meta.db_table) for m in models)
    with connection.cursor() as cursor:
        cursor.execute(f"ANALYZE {tables}")


def _validate(instance: Model, check: Callable[..., None], **options: Any) -> None:
    try:
        check(**options)
    except ValidationError as error:
        raise DemoError(f"Demo record {instance!r} is invalid: {error}") from error
