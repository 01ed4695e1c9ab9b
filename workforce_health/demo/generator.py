"""Simulate the demo council's workforce month by month, from October 2016 to ``today``.

Pure Python, no Django: the same seed and ``today`` always give the same records. Each established
post is either held by a council employee or vacant, and a vacant social work post may be covered
by an agency worker. Every month staff may leave (with census reason and destination codes),
retire, finish their ASYE year, move team or be promoted; vacant posts may be filled by starters
(with census origin codes) or covered by agency workers, following ``council.SOCIAL_WORK_PARAMS``
for the census year. Vacancy, caseload and sickness absence records of each service's social
workers are then derived from the posts and spells (``snapshots``): the children's vacancies for
the organisation (the census figure), the adults' for their service. Measures are never set
directly: they arise from these records.
"""

import datetime
import random
import re
from dataclasses import dataclass
from decimal import Decimal

from workforce_health.demo import council as c
from workforce_health.demo import snapshots
from workforce_health.demo.names import draw_name, email_address
from workforce_health.demo.records import (
    AbsenceRecord,
    CaseloadRecord,
    DemoCouncil,
    EmploymentRecord,
    PersonRecord,
    PostRecord,
    ServiceRecord,
    TeamRecord,
    VacancyRecord,
)

ONE_DAY = datetime.timedelta(days=1)
YEAR = datetime.timedelta(days=365)


def generate(*, today: datetime.date, seed: int = c.DEFAULT_SEED) -> DemoCouncil:
    """The demo council with its workforce history up to and including ``today``."""
    return _Simulation(today, seed).run()


def census_year(on: datetime.date) -> int:
    """The DfE census (reporting) year containing ``on``: 1 October to 30 September."""
    return on.year + 1 if on.month >= 10 else on.year


@dataclass
class _Spell:
    """An employment while it is being simulated (frozen into an EmploymentRecord at the end)."""

    person_key: int
    team_key: str
    job_role: str
    fte: Decimal
    contract_type: str
    start_date: datetime.date
    start_origin: str = ""
    end_date: datetime.date | None = None
    reason_for_leaving: str = ""
    leaver_destination: str = ""
    fixed_term_end: datetime.date | None = None


@dataclass
class _Post:
    record: PostRecord
    service_key: str
    holder: _Spell | None = None
    agency: _Spell | None = None
    vacant_since: datetime.date = c.SIMULATION_START
    agency_free_from: datetime.date = c.SIMULATION_START

    @property
    def role(self) -> str:
        return self.record.job_role


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def _month_starts(until: datetime.date) -> list[datetime.date]:
    months, month = [], c.SIMULATION_START
    while month <= until:
        months.append(month)
        month = datetime.date(month.year + month.month // 12, month.month % 12 + 1, 1)
    return months


def _month_end(first: datetime.date) -> datetime.date:
    following = datetime.date(first.year + first.month // 12, first.month % 12 + 1, 1)
    return following - ONE_DAY


def _age(date_of_birth: datetime.date, on: datetime.date) -> int:
    before_birthday = (on.month, on.day) < (date_of_birth.month, date_of_birth.day)
    return on.year - date_of_birth.year - before_birthday


class _Simulation:
    def __init__(self, today: datetime.date, seed: int) -> None:
        self.today, self.seed = today, seed
        # Separate streams, so the census extras and snapshots never change the spells.
        self.rng = random.Random(seed)  # noqa: S311 (fictional demo data, not security)
        self.extras_rng = random.Random(f"{seed}:people")  # noqa: S311
        self.caseload_rng = random.Random(f"{seed}:caseloads")  # noqa: S311
        self.absence_rng = random.Random(f"{seed}:absence")  # noqa: S311
        # Redraws a name already given, so no two people share one (its own stream: the
        # other records stay as they were).
        self.names_rng = random.Random(f"{seed}:names")  # noqa: S311
        self.names: set[tuple[str, str]] = set()
        self.adults_caseload_rng = random.Random(f"{seed}:adults:caseloads")  # noqa: S311
        self.adults_absence_rng = random.Random(f"{seed}:adults:absence")  # noqa: S311
        self.people: list[PersonRecord] = []
        self.spells: list[_Spell] = []
        self.swe_numbers: set[str] = set()
        self.emails: set[str] = set()
        self.next_employee_number = 100_000
        self.services = tuple(ServiceRecord(key, name, kind) for key, name, kind in c.SERVICES)
        self.teams = tuple(
            TeamRecord(
                f"{spec.service_key}-{_slug(spec.name)}",
                spec.service_key,
                spec.name,
                spec.team_type,
            )
            for spec in c.TEAMS
        )
        self.posts = [
            post
            for team, spec in zip(self.teams, c.TEAMS, strict=True)
            for post in self._establish(team, spec)
        ]

    # --- set-up -------------------------------------------------------------------------------

    def _establish(self, team: TeamRecord, spec: c.TeamSpec) -> list[_Post]:
        posts = []
        for role, count in spec.posts:
            for _ in range(count):
                part_time = self.rng.random() < c.PART_TIME_SHARE
                fte = Decimal(self.rng.choice(c.PART_TIME_FTES) if part_time else "1")
                opened_on = c.SIMULATION_START
                if (
                    team.service_key == c.CHILDREN
                    and role == c.SW
                    and self.rng.random() < c.RESTRUCTURE_SHARE
                ):
                    opened_on = c.RESTRUCTURE_DATE
                record = PostRecord(team.key, role, fte, opened_on)
                posts.append(_Post(record, team.service_key, vacant_since=opened_on))
        return posts

    def _staff_initial_post(self, post: _Post) -> None:
        """Fill or leave vacant a post on the first day, with history from before 2016."""
        start = c.SIMULATION_START
        is_social_work = post.role in c.CENSUS_ROLE_OF
        vacancy = c.INITIAL_VACANCY[post.service_key] if is_social_work else 0.05
        if self.rng.random() < vacancy:
            post.vacant_since = start - datetime.timedelta(days=self.rng.randint(1, 180))
            if (
                post.role in c.AGENCY_COVERED_ROLES
                and self.rng.random() < c.INITIAL_AGENCY_COVER[post.service_key]
            ):
                self._place_agency(post, self._day_between(post.vacant_since, start - ONE_DAY))
            return
        age = int(self.rng.triangular(24, 64, 41))
        years_in_post = min(age - 22, self.rng.triangular(0, 20, 2))
        days_in_post = int(years_in_post * 365.25) + self.rng.randint(1, 60)
        hired = start - datetime.timedelta(days=days_in_post)
        self._hire_external(post, hired, age=age - int(years_in_post))
        holder = post.holder
        if holder and holder.job_role == c.ASYE and holder.start_date + YEAR <= start:
            self._complete_asye(post, holder.start_date + YEAR)

    # --- the simulation -----------------------------------------------------------------------

    def run(self) -> DemoCouncil:
        for post in self.posts:
            if post.record.opened_on == c.SIMULATION_START:
                self._staff_initial_post(post)
        for first in _month_starts(self.today):
            last = min(_month_end(first), self.today)
            for post in self.posts:
                if post.record.opened_on <= last:
                    self._step(post, first, last)
        employments = tuple(self._freeze(spell) for spell in self.spells)
        children = self._snapshots(employments, c.CHILDREN, self.caseload_rng, self.absence_rng)
        adults = self._snapshots(
            employments, c.ADULTS, self.adults_caseload_rng, self.adults_absence_rng
        )
        vacancies, caseloads, absences = (
            children[0] + adults[0],
            children[1] + adults[1],
            children[2] + adults[2],
        )
        return DemoCouncil(
            name=c.NAME,
            la_code=c.LA_CODE,
            ons_code=c.ONS_CODE,
            region=c.REGION,
            seed=self.seed,
            today=self.today,
            services=self.services,
            teams=self.teams,
            posts=tuple(post.record for post in self.posts),
            people=tuple(self.people),
            employments=employments,
            vacancies=vacancies,
            caseloads=caseloads,
            absences=absences,
        )

    def _snapshots(
        self,
        employments: tuple[EmploymentRecord, ...],
        service_key: str,
        caseload_rng: random.Random,
        absence_rng: random.Random,
    ) -> tuple[tuple[VacancyRecord, ...], tuple[CaseloadRecord, ...], tuple[AbsenceRecord, ...]]:
        """Vacancies, caseloads and sickness absence of one service's social workers, each
        service with its own random streams (so one never changes the other's records)."""
        teams = {team.key for team in self.teams if team.service_key == service_key}
        posts = [
            post.record
            for post in self.posts
            if post.service_key == service_key and post.role in c.CENSUS_ROLE_OF
        ]
        social_work = [
            i for i, e in enumerate(employments) if e.team_key in teams and e.census_role
        ]
        dates = snapshots.month_ends(self.today)
        holders = [i for i in social_work if employments[i].job_role in c.CASE_HOLDER_ROLES]
        council = [i for i in social_work if employments[i].contract_type != "agency"]
        spells = [employments[i] for i in social_work]
        # The organisation-level figure is the census's: children and family social work.
        level = "" if service_key == c.CHILDREN else service_key
        return (
            snapshots.vacancies(posts, spells, dates, level),
            snapshots.caseloads(
                caseload_rng, employments, holders, dates, c.OPEN_CASES[service_key]
            ),
            snapshots.absences(
                absence_rng, employments, council, self.today, c.SICKNESS_DAYS[service_key]
            ),
        )

    def _params(self, post: _Post, on: datetime.date) -> c.YearParams:
        if post.role not in c.CENSUS_ROLE_OF:
            return c.OTHER_ROLE_PARAMS
        by_year = c.SOCIAL_WORK_PARAMS[post.service_key]
        return by_year[min(max(census_year(on), min(by_year)), max(by_year))]

    def _step(self, post: _Post, first: datetime.date, last: datetime.date) -> None:
        params = self._params(post, first)
        self._maybe_leave(post, params, first, last)
        holder = post.holder
        if holder and holder.job_role == c.ASYE and holder.start_date + YEAR <= last:
            self._complete_asye(post, max(first, holder.start_date + YEAR))
        if post.holder and post.holder.job_role in (c.SW, c.SP):
            if self.rng.random() < c.TEAM_MOVE_MONTHLY:
                self._move_to_vacancy(post, first, last, same_service=True)
        if post.agency and self.rng.random() < c.AGENCY_MONTHLY_END:
            end = self._day_between(max(first, post.agency.start_date), last)
            self._end(post.agency, end)
            post.agency, post.agency_free_from = None, end + ONE_DAY
        fill_probability = 1.0 if post.role in c.ALWAYS_FILLED else params.fill_probability
        if post.holder is None and self.rng.random() < fill_probability:
            self._fill(post, params, first, last)
        if (
            post.holder is None
            and post.agency is None
            and post.role in c.AGENCY_COVERED_ROLES
            and self.rng.random() < params.agency_probability
        ):
            earliest = max(first, post.vacant_since, post.agency_free_from)
            if earliest <= last:
                self._place_agency(post, self._day_between(earliest, last))

    def _maybe_leave(
        self, post: _Post, params: c.YearParams, first: datetime.date, last: datetime.date
    ) -> None:
        holder = post.holder
        if holder is None:
            return
        if holder.fixed_term_end and holder.fixed_term_end <= last:
            contract_ends = max(holder.fixed_term_end, holder.start_date, first)
            self._vacate(post, contract_ends, reason="8", destination="8")
            return
        age = _age(self._date_of_birth(holder.person_key), last)
        end = self._day_between(max(first, holder.start_date), last)
        if age >= 66 or (age >= 62 and self.rng.random() < 0.02):
            self._vacate(post, end, reason="5", destination="6")
            return
        monthly_hazard = 1 - (1 - params.leave_probability) ** (1 / 12)
        if self.rng.random() >= monthly_hazard:
            return
        if (
            post.service_key == c.CHILDREN
            and post.role in (c.SW, c.SP)
            and self.rng.random() < c.CROSS_SERVICE_MOVE
            and self._move_to_vacancy(post, first, last, same_service=False)
        ):
            return
        reason, destination = self._leaving_codes(params, age)
        self._vacate(post, end, reason=reason, destination=destination)

    def _fill(
        self, post: _Post, params: c.YearParams, first: datetime.date, last: datetime.date
    ) -> None:
        earliest = max(first, post.vacant_since, post.agency_free_from)
        if post.agency:
            earliest = max(earliest, post.agency.start_date + ONE_DAY)
        if earliest > last:
            return
        start = self._day_between(earliest, last)
        if post.role in c.PROMOTED_FROM and self.rng.random() < c.INTERNAL_FILL:
            candidate = self._promotion_candidate(post, start)
            if candidate:
                self._release_agency(post, start)
                self._take_over(candidate, post, start, job_role=post.role)
                return
        if post.agency and self.rng.random() < c.AGENCY_CONVERSION:
            agency = post.agency
            self._release_agency(post, start)
            self._add_spell(post, agency.person_key, post.role, "permanent", start, origin="4")
            return
        self._release_agency(post, start)
        self._hire_external(post, start, age=None, params=params)

    # --- events -------------------------------------------------------------------------------

    def _hire_external(
        self,
        post: _Post,
        start: datetime.date,
        *,
        age: int | None,
        params: c.YearParams | None = None,
    ) -> None:
        params = params or self._params(post, start)
        is_social_work = post.role in c.CENSUS_ROLE_OF
        newly_qualified = post.role == c.SW and self.rng.random() < params.newly_qualified_share
        if newly_qualified:
            origin, role = "1", c.ASYE
            age = 21 + int(self.rng.triangular(1, 14, 2)) if age is None else max(age, 22)
        else:
            weights = c.EXPERIENCED_ORIGINS if is_social_work else c.OTHER_ROLE_ORIGINS
            origin, role = self._weighted(weights), post.role
            if age is None:
                low, mode = (30, 44) if post.role in c.SENIOR_ROLES else (23, 37)
                age = int(self.rng.triangular(low, 60, mode))
        person = self._new_person(
            on=start,
            age=age,
            social_worker=is_social_work,
            children=post.service_key == c.CHILDREN,
            newly_qualified=newly_qualified,
        )
        temporary = self.rng.random() < c.TEMPORARY_SHARE
        spell = self._add_spell(
            post, person, role, "temporary" if temporary else "permanent", start, origin=origin
        )
        if temporary:
            spell.fixed_term_end = start + datetime.timedelta(days=self.rng.randint(180, 540))

    def _place_agency(self, post: _Post, start: datetime.date) -> None:
        person = self._new_person(
            on=start,
            age=int(self.rng.triangular(26, 62, 40)),
            social_worker=True,
            children=post.service_key == c.CHILDREN,
        )
        spell = _Spell(person, post.record.team_key, post.role, post.record.fte, "agency", start)
        self.spells.append(spell)
        post.agency = spell

    def _release_agency(self, post: _Post, start: datetime.date) -> None:
        """The agency worker covering ``post`` leaves the day before its new holder starts."""
        if post.agency:
            self._end(post.agency, start - ONE_DAY)
            post.agency, post.agency_free_from = None, start

    def _complete_asye(self, post: _Post, on: datetime.date) -> None:
        assert post.holder
        asye = post.holder
        self._end(asye, on - ONE_DAY)
        spell = self._add_spell(post, asye.person_key, c.SW, asye.contract_type, on)
        spell.fixed_term_end = asye.fixed_term_end

    def _take_over(
        self, from_post: _Post, to_post: _Post, start: datetime.date, *, job_role: str
    ) -> None:
        """The holder of ``from_post`` moves into ``to_post`` on ``start`` (a promotion or move)."""
        assert from_post.holder
        mover = from_post.holder
        self._end(mover, start - ONE_DAY)
        from_post.holder, from_post.vacant_since = None, start
        spell = self._add_spell(to_post, mover.person_key, job_role, mover.contract_type, start)
        spell.fixed_term_end = mover.fixed_term_end

    def _move_to_vacancy(
        self, post: _Post, first: datetime.date, last: datetime.date, *, same_service: bool
    ) -> bool:
        """Move the holder to a vacant post in the same role in another team; False if none."""
        holder = post.holder
        assert holder
        targets = [
            other
            for other in self.posts
            if other.holder is None
            and other.role == post.role
            and other.record.team_key != post.record.team_key
            and (other.service_key == post.service_key) == same_service
            and other.record.opened_on <= last
        ]
        if not targets:
            return False
        target = self.rng.choice(targets)
        earliest = max(
            first, target.vacant_since, target.agency_free_from, holder.start_date + ONE_DAY
        )
        if target.agency:
            earliest = max(earliest, target.agency.start_date + ONE_DAY)
        if earliest > last:
            return False
        start = self._day_between(earliest, last)
        if not same_service:
            holder.reason_for_leaving, holder.leaver_destination = "7", "5"
        self._release_agency(target, start)
        self._take_over(post, target, start, job_role=holder.job_role)
        return True

    def _promotion_candidate(self, post: _Post, start: datetime.date) -> _Post | None:
        """A post whose holder could step up into ``post``, preferring the same team."""
        feeders = c.PROMOTED_FROM[post.role]
        candidates = [
            other
            for other in self.posts
            if other.holder
            and other.holder.job_role in feeders
            and other.holder.contract_type == "permanent"
            and other.service_key == post.service_key
            and other.holder.start_date + YEAR <= start
        ]
        same_team = [other for other in candidates if other.record.team_key == post.record.team_key]
        pool = same_team if same_team and self.rng.random() < 0.6 else candidates
        return self.rng.choice(pool) if pool else None

    def _vacate(self, post: _Post, end: datetime.date, *, reason: str, destination: str) -> None:
        assert post.holder
        self._end(post.holder, end, reason, destination)
        post.holder, post.vacant_since = None, end + ONE_DAY

    # --- records ------------------------------------------------------------------------------

    def _add_spell(
        self,
        post: _Post,
        person_key: int,
        job_role: str,
        contract_type: str,
        start: datetime.date,
        *,
        origin: str = "",
    ) -> _Spell:
        spell = _Spell(
            person_key,
            post.record.team_key,
            job_role,
            post.record.fte,
            contract_type,
            start,
            start_origin=origin,
        )
        self.spells.append(spell)
        post.holder = spell
        return spell

    @staticmethod
    def _end(spell: _Spell, on: datetime.date, reason: str = "", destination: str = "") -> None:
        assert on >= spell.start_date, (spell, on)
        spell.end_date = on
        spell.reason_for_leaving = spell.reason_for_leaving or reason
        spell.leaver_destination = spell.leaver_destination or destination

    def _leaving_codes(self, params: c.YearParams, age: int) -> tuple[str, str]:
        if age >= 60 and self.rng.random() < 0.4:
            return "5", "6"
        reason = self._weighted(c.LEAVING_REASONS)
        if reason == "9":
            return reason, "8"
        if reason == "1" and self.rng.random() < params.to_agency_share:
            return reason, "3"
        return reason, self._weighted(c.RESIGNED_DESTINATIONS)

    def _new_person(
        self,
        *,
        on: datetime.date,
        age: int,
        social_worker: bool,
        children: bool,
        newly_qualified: bool = False,
    ) -> int:
        sex = "F" if self.rng.random() < 0.8 else "M"
        ethnicity = self._weighted(c.ETHNICITY_WEIGHTS)
        given_name, family_name = draw_name(self.rng, sex=sex, ethnicity=ethnicity)
        while (given_name, family_name) in self.names:
            given_name, family_name = draw_name(self.names_rng, sex=sex, ethnicity=ethnicity)
        self.names.add((given_name, family_name))
        institution, step_up, frontline = (
            self._census_extras(age=age, children=children, newly_qualified=newly_qualified)
            if social_worker
            else ("", None, None)
        )
        days_old = int(age * 365.25) + self.rng.randint(1, 360)
        self.next_employee_number += self.rng.randint(1, 3)
        person = PersonRecord(
            key=len(self.people) + 1,
            given_name=given_name,
            family_name=family_name,
            employee_number=f"{self.next_employee_number:06d}",
            swe_number=self._swe_number() if social_worker else "",
            date_of_birth=on - datetime.timedelta(days=days_old),
            sex=sex,
            ethnicity=ethnicity,
            qualification_level=self._weighted(c.QUALIFICATION_WEIGHTS) if social_worker else "",
            is_registered_social_worker=social_worker,
            email=email_address(given_name, family_name, domain=c.EMAIL_DOMAIN, taken=self.emails),
            qualification_institution=institution,
            step_up_graduate=step_up,
            frontline_graduate=frontline,
        )
        self.people.append(person)
        return person.key

    def _census_extras(
        self, *, age: int, children: bool, newly_qualified: bool
    ) -> tuple[str, bool, bool]:
        """Where a registered social worker qualified, and whether through Step Up or Frontline
        (children's programmes; only younger starters can have joined them)."""
        rng = self.extras_rng
        institution = rng.choices(
            [name for name, _ in c.UNIVERSITIES], [w for _, w in c.UNIVERSITIES]
        )[0]
        fast_track = children and age <= c.FAST_TRACK_MAX_AGE
        draw = rng.random()
        step_up = fast_track and draw < c.STEP_UP_SHARE[newly_qualified]
        frontline = (
            fast_track
            and not step_up
            and draw < c.STEP_UP_SHARE[newly_qualified] + c.FRONTLINE_SHARE[newly_qualified]
        )
        return institution, step_up, frontline

    def _date_of_birth(self, person_key: int) -> datetime.date:
        return self.people[person_key - 1].date_of_birth

    def _swe_number(self) -> str:
        while (number := f"SW{self.rng.randint(100_000, 999_999)}") in self.swe_numbers:
            pass
        self.swe_numbers.add(number)
        return number

    def _weighted(self, weights: c.Weights) -> str:
        return self.rng.choices([code for code, _ in weights], [w for _, w in weights])[0]

    def _day_between(self, earliest: datetime.date, latest: datetime.date) -> datetime.date:
        return earliest + datetime.timedelta(days=self.rng.randint(0, (latest - earliest).days))

    @staticmethod
    def _freeze(spell: _Spell) -> EmploymentRecord:
        return EmploymentRecord(
            person_key=spell.person_key,
            team_key=spell.team_key,
            job_role=spell.job_role,
            census_role=c.CENSUS_ROLE_OF.get(spell.job_role, ""),
            fte=spell.fte,
            contract_type=spell.contract_type,
            start_date=spell.start_date,
            end_date=spell.end_date,
            start_origin=spell.start_origin,
            reason_for_leaving=spell.reason_for_leaving,
            leaver_destination=spell.leaver_destination,
        )
