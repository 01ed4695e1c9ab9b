"""Demo practice development records: supervision, CPD, the learning offer, NQSWs' ASYE and
secondments for the demo council, consistent with its Health Check story (supervision and
learning and development improve each year from 2023 to 2025 as recorded supervision rises).

Everything is drawn from a random stream of its own (seeded from the demo seed), so no other
demo figure changes. Rows are validated field by field and bulk-created, as the loader does;
the settings (cadence policy, programme, learning offer) go through the development services.
Dates never pass ``today``.
"""

import datetime
import itertools
import random
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db.models import Model

from workforce_health.core.models import Employment, JobRole, Organisation, Person, Team
from workforce_health.development import services
from workforce_health.development.measures import schedule
from workforce_health.development.models import (
    Attendance,
    CpdEntry,
    Enrolment,
    EvidenceItem,
    LeavePeriod,
    Pause,
    Review,
    SupervisionAgreement,
    SupervisionSession,
)

SEED_SUFFIX = "development"
HISTORY_START = datetime.date(2022, 10, 1)  # supervision and CPD records kept here from then
ASYE_FROM = datetime.date(2021, 9, 1)  # NQSWs enrolled on the ASYE from then
SUPERVISED_ROLES = frozenset(
    {
        JobRole.TEAM_MANAGER,
        JobRole.ADVANCED_PRACTITIONER,
        JobRole.SENIOR_PRACTITIONER,
        JobRole.SOCIAL_WORKER,
        JobRole.NEWLY_QUALIFIED_SOCIAL_WORKER,
        JobRole.INDEPENDENT_REVIEWING_OFFICER,
    }
)
SUPERVISOR_OF_MANAGERS = (JobRole.SERVICE_MANAGER, JobRole.HEAD_OF_SERVICE)
ONE_DAY = datetime.timedelta(days=1)
# The share of supervision windows met rises through the Health Check years (anchor dates).
MET = (
    (datetime.date(2022, 10, 1), 0.58),
    (datetime.date(2023, 9, 30), 0.70),
    (datetime.date(2024, 9, 30), 0.82),
    (datetime.date(2025, 9, 30), 0.90),
    (datetime.date(2027, 1, 1), 0.92),
)
TOPIC_SHARES = {
    "workload": 0.85,
    "wellbeing": 0.7,
    "casework": 0.75,
    "reflection": 0.5,
    "learning": 0.3,
    "career": 0.15,
}
CPD_TITLES = (
    ("course", "Trauma-informed practice"),
    ("course", "Life story work with children"),
    ("elearning", "Mental Capacity Act refresher"),
    ("reading", "Research in Practice briefing on neglect"),
    ("peer_learning", "Practice forum: exploitation and risk outside the home"),
    ("shadowing", "Shadowing the emergency duty team"),
    ("conference", "Regional principal social worker conference"),
    ("supervision", "Reflective group supervision on a complex family"),
    ("course", "Strengths-based assessment"),
    ("elearning", "Domestic abuse: coercive control"),
)
LEARNT = (
    "How to ask about history without making the family retell painful events",
    "Ways to weigh risk and strengths in the same assessment",
    "How the law applies when capacity fluctuates",
    "The signs of harm that are easy to miss when a family is coping on the surface",
    "How colleagues in other teams approach the same decisions",
)
IMPACT = (
    "I plan first visits differently and explain my role more clearly",
    "My assessments now set out the family's strengths before the concerns",
    "I record my reasoning more clearly so decisions can be reviewed",
    "I ask different questions at the start of an assessment",
    "I bring these questions to supervision and my team's meetings",
)
PRIORITIES = (
    (
        "Reflective supervision skills",
        "S5",
        "Training for supervisors in reflective supervision, after the 2023 Health Check "
        "scored supervision low.",
    ),
    (
        "Direct work with children and families",
        "S6",
        "Courses and practice forums on direct work, the area staff most want to develop.",
    ),
    (
        "Wellbeing and manageable workloads",
        "S4",
        "Sessions for managers and staff on workload conversations and staying well.",
    ),
)
EVENTS = {
    "Reflective supervision skills": ("course", "Reflective supervision for supervisors", "12"),
    "Direct work with children and families": ("workshop", "Direct work toolkit", "6"),
    "Wellbeing and manageable workloads": ("forum", "Workload and wellbeing forum", "2"),
}


@dataclass(frozen=True)
class Spell:
    pk: int
    person_id: int
    team_id: int
    service_id: int
    kind: str
    job_role: str
    start: datetime.date
    end: datetime.date | None
    fte: Decimal

    def covers(self, day: datetime.date) -> bool:
        return self.start <= day and (self.end is None or self.end >= day)


def _interpolate(day: datetime.date) -> float:
    for (d0, v0), (d1, v1) in itertools.pairwise(MET):
        if day <= d1:
            if day <= d0:
                return v0
            return v0 + (v1 - v0) * (day - d0).days / (d1 - d0).days
    return MET[-1][1]


def _validate(rows: Sequence[Model], exclude: list[str]) -> None:
    for row in rows:
        row.clean_fields(exclude=exclude)


class _Demo:
    def __init__(self, organisation: Organisation, today: datetime.date, seed: int) -> None:
        self.organisation, self.today = organisation, today
        self.rng = random.Random(f"{seed}:{SEED_SUFFIX}")  # noqa: S311 - synthetic demo data
        spells = Employment.objects.filter(organisation=organisation).exclude(
            contract_type=Employment.ContractType.AGENCY
        )
        self.spells = [
            Spell(pk, person, team, service, kind, role, start, end, fte)
            for pk, person, team, service, kind, role, start, end, fte in spells.values_list(
                "pk",
                "person_id",
                "team_id",
                "team__service_id",
                "team__service__kind",
                "job_role",
                "start_date",
                "end_date",
                "fte",
            ).order_by("person_id", "start_date", "pk")
        ]
        self.by_person: dict[int, list[Spell]] = defaultdict(list)
        for spell in self.spells:
            self.by_person[spell.person_id].append(spell)
        self.registered = set(
            Person.objects.filter(
                organisation=organisation, is_registered_social_worker=True
            ).values_list("pk", flat=True)
        )
        self.people = Person.objects.in_bulk(list(self.by_person))
        self.team_effect: dict[int, float] = {}

    # --- who supervises whom -----------------------------------------------------------------

    def _in_post(self, day: datetime.date, roles: Sequence[str], **where: int) -> list[Spell]:
        return [
            s
            for s in self.spells
            if s.job_role in roles
            and s.covers(day)
            and all(getattr(s, k) == v for k, v in where.items())
        ]

    def supervisor(self, spell: Spell, day: datetime.date) -> int | None:
        if spell.job_role == JobRole.TEAM_MANAGER:
            found = self._in_post(day, SUPERVISOR_OF_MANAGERS, service_id=spell.service_id)
        else:
            found = self._in_post(day, (JobRole.TEAM_MANAGER,), team_id=spell.team_id) or (
                self._in_post(day, (JobRole.TEAM_MANAGER,), service_id=spell.service_id)
            )
        found = [s for s in found if s.person_id != spell.person_id]
        return found[0].person_id if found else None

    def islands(self, person: int) -> list[list[Spell]]:
        """Runs of the person's supervised spells with no break in service."""
        runs: list[list[Spell]] = []
        for spell in self.by_person[person]:
            if spell.job_role not in SUPERVISED_ROLES:
                continue
            last = runs[-1][-1] if runs else None
            if last is not None and (last.end is None or spell.start <= last.end + ONE_DAY):
                runs[-1].append(spell)
            else:
                runs.append([spell])
        return runs

    # --- supervision ----------------------------------------------------------------------------

    def supervision(self) -> list[SupervisionAgreement]:
        policy = services.cadence_policy_default(organisation=self.organisation)
        agreements, sessions, leave = [], [], []
        for person in sorted(self.by_person):
            if person not in self.registered:
                continue
            for run in self.islands(person):
                first, ends = (
                    run[0],
                    max((s.end for s in run), default=None, key=lambda d: d or datetime.date.max),
                )
                if any(s.end is None for s in run):
                    ends = None
                if ends is not None and ends < HISTORY_START:
                    continue
                newly = (
                    first.job_role == JobRole.NEWLY_QUALIFIED_SOCIAL_WORKER
                    and first.start >= ASYE_FROM
                )
                starts = first.start if newly else max(first.start, HISTORY_START)
                if starts > self.today:
                    continue
                supervisor = self.supervisor(first, max(starts, first.start))
                if supervisor is None:
                    continue
                agreement = SupervisionAgreement(
                    organisation=self.organisation,
                    person_id=person,
                    supervisor_id=supervisor,
                    policy=policy,
                    newly_qualified=newly,
                    starts_on=starts,
                    ends_on=ends,
                )
                agreements.append(agreement)
                away = self._leave(person, starts, ends)
                leave += [
                    LeavePeriod(
                        organisation=self.organisation,
                        person_id=person,
                        starts_on=a,
                        ends_on=b,
                        reason=reason,
                    )
                    for a, b, reason in away
                ]
                sessions += self._sessions(agreement, run, policy.rule(newly_qualified=newly), away)
        _validate(agreements, ["organisation", "person", "supervisor", "policy"])
        _validate(leave, ["organisation", "person"])
        _validate(sessions, ["organisation", "person", "supervisor", "recorded_by"])
        SupervisionAgreement.objects.bulk_create(agreements, batch_size=500)
        LeavePeriod.objects.bulk_create(leave, batch_size=500)
        SupervisionSession.objects.bulk_create(sessions, batch_size=1000)
        return agreements

    def _leave(
        self, person: int, starts: datetime.date, ends: datetime.date | None
    ) -> list[tuple[datetime.date, datetime.date, str]]:
        """Long leave for a few: parental leave or a spell of sickness."""
        draw = self.rng.random()
        if draw >= 0.08:
            return []
        last = min(ends or self.today, self.today)
        if (last - starts).days < 200:
            return []
        first = starts + datetime.timedelta(days=self.rng.randint(60, (last - starts).days - 60))
        parental = draw < 0.04
        length = self.rng.randint(180, 270) if parental else self.rng.randint(21, 60)
        end = min(first + datetime.timedelta(days=length), last)
        return [(first, end, "parental" if parental else "sickness")]

    def _sessions(
        self,
        agreement: SupervisionAgreement,
        run: list[Spell],
        rule: schedule.Rule,
        away: list[tuple[datetime.date, datetime.date, str]],
    ) -> list[SupervisionSession]:
        team = run[0].team_id
        effect = self.team_effect.setdefault(team, self.rng.gauss(0, 0.06))
        found = []
        windows = schedule.windows(
            agreement.starts_on,
            rule,
            until=min(agreement.ends_on or self.today, self.today),
            leave=[(a, b) for a, b, _ in away],
        )
        for window in windows:
            if agreement.ends_on is not None and window.end > agreement.ends_on:
                break
            chance = min(0.98, max(0.2, _interpolate(window.end) + effect))
            day = window.start + datetime.timedelta(
                days=self.rng.randint(0, (window.end - window.start).days)
            )
            if self.rng.random() < chance:
                minutes, quiet = self.rng.choice((90, 90, 95, 100, 105, 120)), True
            elif self.rng.random() < 0.5:
                minutes, quiet = self.rng.choice((45, 60, 75, 90)), False
                if minutes < 90:
                    quiet = self.rng.random() < 0.6
            else:
                continue
            if day > self.today:
                continue
            found.append(self._session(agreement, day, minutes, quiet, "one_to_one"))
            if self.rng.random() < 0.12:  # a group session as well, now and then
                extra = min(day + datetime.timedelta(days=7), self.today)
                found.append(self._session(agreement, extra, 90, True, "group"))
        return found

    def _session(
        self,
        agreement: SupervisionAgreement,
        day: datetime.date,
        minutes: int,
        quiet: bool,
        kind: str,
    ) -> SupervisionSession:
        topics = [t for t, share in TOPIC_SHARES.items() if self.rng.random() < share]
        if agreement.newly_qualified and day < agreement.starts_on + datetime.timedelta(days=365):
            topics.append("asye")
        rated = self.rng.random() < 0.45
        mean = 3.2 + 0.9 * (_interpolate(day) - MET[0][1]) / (MET[-1][1] - MET[0][1])
        quality = min(5, max(1, round(self.rng.gauss(mean, 0.8)))) if rated else None
        return SupervisionSession(
            organisation=self.organisation,
            person_id=agreement.person_id,
            supervisor_id=agreement.supervisor_id,
            held_on=day,
            minutes=minutes,
            kind=kind,
            uninterrupted=quiet,
            topics=topics,
            quality=quality,
        )

    # --- the learning offer and CPD ------------------------------------------------------------

    def learning_offer(self) -> list[tuple[Any, list[int]]]:
        """Priority areas with a course or event each year, and who came."""
        made = []
        for title, standard, description in PRIORITIES:
            priority = services.priority_area_create(
                organisation=self.organisation,
                title=title,
                description=description,
                standard=standard,
            )
            kind, event_title, hours = EVENTS[title]
            for year in range(2023, self.today.year + 1):
                held = datetime.date(year, self.rng.randint(3, 10), self.rng.randint(1, 28))
                if held > self.today:
                    continue
                event = services.learning_event_create(
                    priority=priority,
                    title=f"{event_title} {year}",
                    kind=kind,
                    held_on=held,
                    hours=Decimal(hours),
                    places=24,
                )
                staff = sorted(
                    {
                        s.person_id
                        for s in self.spells
                        if s.covers(held) and s.person_id in self.registered
                    }
                )
                chosen = self.rng.sample(staff, min(len(staff), self.rng.randint(12, 22)))
                came = [p for p in chosen if self.rng.random() < 0.85]
                rows = [
                    Attendance(
                        event=event,
                        person_id=p,
                        status="attended" if p in came else "did_not_attend",
                    )
                    for p in chosen
                ]
                Attendance.objects.bulk_create(rows)
                made.append((event, came))
        return made

    def cpd(self, offer: list[tuple[Any, list[int]]]) -> None:
        entries = []
        from_offer = {(p, e.pk): e for e, came in offer for p in came}
        for (person, _), event in sorted(from_offer.items(), key=lambda kv: (kv[0], kv[1].pk)):
            entries.append(
                self._entry(person, event.held_on, "course", event.title, event.hours, event)
            )
        last_year = self.today.year + (1 if self.today.month == 12 else 0)
        for year in range(2023, last_year + 1):
            first, last = datetime.date(year - 1, 12, 1), datetime.date(year, 11, 30)
            progress = (year - 2023) / 3
            for person in sorted(self.registered):
                spells = [s for s in self.by_person.get(person, []) if s.start <= last]
                spells = [s for s in spells if s.end is None or s.end >= first]
                if not spells:
                    continue
                start = max(first, min(s.start for s in spells))
                end = min(last, self.today, max((s.end or last) for s in spells))
                if end <= start:
                    continue
                pieces = self.rng.choices((0, 1, 2, 3, 4), (2, 3 - progress, 4, 3, 1 + progress))[0]
                share = min(1.0, ((min(last, self.today) - first).days + 1) / 365)
                for _ in range(pieces):
                    if self.rng.random() >= share:  # a year still running: fewer so far
                        continue
                    day = start + datetime.timedelta(days=self.rng.randint(0, (end - start).days))
                    kind, title = self.rng.choice(CPD_TITLES)
                    hours = Decimal(self.rng.choice(("1.5", "2", "3", "6", "7")))
                    entries.append(self._entry(person, day, kind, title, hours, None, progress))
        _validate(entries, ["organisation", "person", "event", "recorded_by"])
        CpdEntry.objects.bulk_create(entries, batch_size=1000)

    def _entry(
        self,
        person: int,
        day: datetime.date,
        kind: str,
        title: str,
        hours: Decimal,
        event: Any,
        progress: float = 1.0,
    ) -> CpdEntry:
        return CpdEntry(
            organisation=self.organisation,
            person_id=person,
            done_on=day,
            activity_type=kind,
            title=title,
            hours=hours,
            learnt=self.rng.choice(LEARNT),
            impact=self.rng.choice(IMPACT),
            peer_reflection=self.rng.random() < 0.45 + 0.15 * progress,
            recorded_with_swe=self.rng.random() < 0.7 + 0.15 * progress,
            event=event,
        )

    # --- NQSWs ------------------------------------------------------------------------------

    def asye(self) -> None:
        programme = services.programme_default(organisation=self.organisation)
        shape = programme.shape()
        starts = sorted(
            (s for s in self.spells if s.job_role == JobRole.NEWLY_QUALIFIED_SOCIAL_WORKER),
            key=lambda s: (s.start, s.pk),
        )
        cohorts: dict[int, list[Spell]] = defaultdict(list)
        for spell in starts:
            if ASYE_FROM <= spell.start <= self.today:
                cohorts[spell.start.year].append(spell)
        for year in sorted(cohorts):
            cohort = cohorts[year]
            paused = cohort[0] if len(cohort) > 1 else None
            extended = cohort[-1] if len(cohort) > 2 else None
            for spell in cohort:
                self._enrol(spell, programme, shape, spell is paused, spell is extended)

    def _enrol(
        self, spell: Spell, programme: Any, shape: Any, paused: bool, extended: bool
    ) -> None:
        assessor = self._in_post(
            spell.start, (JobRole.ADVANCED_PRACTITIONER,), service_id=spell.service_id
        ) or self._in_post(spell.start, (JobRole.SENIOR_PRACTITIONER,), team_id=spell.team_id)
        assessor = [s for s in assessor if s.person_id != spell.person_id]
        supervisor = self.supervisor(spell, spell.start)
        if not assessor or supervisor is None:
            return
        planned = schedule.add_months(spell.start, shape.length_months) - ONE_DAY
        enrolment = Enrolment(
            organisation=self.organisation,
            person_id=spell.person_id,
            programme=programme,
            assessor_id=self.rng.choice(assessor).person_id,
            supervisor_id=supervisor,
            starts_on=spell.start,
            planned_end=planned,
            protected_hours_per_week=programme.protected_hours_per_week,
        )
        enrolment.clean_fields(
            exclude=["organisation", "person", "programme", "assessor", "supervisor"]
        )
        enrolment.save()
        pause_days = 0
        if paused:
            first = spell.start + datetime.timedelta(days=150)
            if first <= self.today:
                last = first + datetime.timedelta(days=90)
                ends = last if last <= self.today else None
                Pause.objects.create(
                    enrolment=enrolment, starts_on=first, ends_on=ends, reason="Parental leave"
                )
                pause_days = 91
        left = self._left_on(spell.person_id, spell.start)
        shift = datetime.timedelta(days=pause_days)
        end = planned + shift
        for point in shape.review_months:
            due = schedule.add_months(spell.start, point) + (
                shift
                if schedule.add_months(spell.start, point)
                > spell.start + datetime.timedelta(days=150)
                else datetime.timedelta(0)
            )
            held = due + datetime.timedelta(days=self.rng.randint(-10, 12))
            if held > self.today or (left is not None and held > left):
                continue
            if self.rng.random() < 0.06:  # a review missed
                continue
            judgement = self.rng.choices(
                ("on_track", "some_concerns", "not_on_track"), (80, 16, 4)
            )[0]
            Review.objects.create(
                enrolment=enrolment,
                point=point,
                held_on=held,
                present="NQSW, assessor and supervisor",
                judgement=judgement,
            )
        evidence = []
        for requirement in shape.requirements:
            for month in requirement.due_months:
                due = schedule.add_months(spell.start, month) + shift
                done = due - datetime.timedelta(days=self.rng.randint(5, 60))
                if done > self.today or (left is not None and done > left):
                    continue
                if self.rng.random() < 0.05:
                    continue
                evidence.append(
                    EvidenceItem(
                        enrolment=enrolment,
                        requirement=requirement.code,
                        done_on=done,
                        assessor_id=enrolment.assessor_id,
                        status="assessed" if done < self.today - datetime.timedelta(30) else "done",
                        held_at="ASYE portfolio, case management system",
                    )
                )
        EvidenceItem.objects.bulk_create(evidence)
        self._outcome(enrolment, end, left, extended)

    def _left_on(self, person: int, start: datetime.date) -> datetime.date | None:
        for run in self.islands(person):
            if run[0].start <= start and all(s.end is not None for s in run):
                last = max(s.end for s in run if s.end is not None)
                if last >= start:
                    return last
        return None

    def _outcome(
        self,
        enrolment: Enrolment,
        end: datetime.date,
        left: datetime.date | None,
        extended: bool,
    ) -> None:
        if left is not None and left < end:
            enrolment.withdrawn_on = left
            enrolment.save(update_fields=["withdrawn_on"])
            return
        panel = end + datetime.timedelta(days=self.rng.randint(14, 40))
        if panel > self.today:
            return
        enrolment.panel_on = panel
        if extended:
            enrolment.extended_to = schedule.add_months(end, 3)
            second = enrolment.extended_to + datetime.timedelta(days=21)
            if second > self.today:
                enrolment.recommendation = enrolment.decision = "extension"
            else:
                enrolment.panel_on, enrolment.recommendation, enrolment.decision = (
                    second,
                    "pass",
                    "pass",
                )
        else:
            enrolment.recommendation = enrolment.decision = "pass"
        if enrolment.decision == "pass":
            updated = enrolment.panel_on + datetime.timedelta(days=10)
            enrolment.record_updated_on = updated if updated <= self.today else None
        enrolment.full_clean()
        enrolment.save()

    # --- secondments -----------------------------------------------------------------------

    def secondments(self) -> None:
        """A few secondments: one counted as a leaver across the latest 30 September."""
        census = datetime.date(self.today.year, 9, 30)
        if census >= self.today:
            census = datetime.date(self.today.year - 1, 9, 30)
        plans = (
            (census - datetime.timedelta(days=900), 180, "in_post", "none", "returned", "team"),
            (census - datetime.timedelta(days=500), 270, "leaver", "agency", "returned", "partner"),
            (census - datetime.timedelta(days=120), 240, "leaver", "agency", "", "adults"),
            (census - datetime.timedelta(days=60), 180, "in_post", "council", "", "team"),
        )
        used: set[int] = set()
        for start, days, treatment, backfill, outcome, host in plans:
            end = start + datetime.timedelta(days=days)
            home = self._home_post(start, end, used)
            if home is None or start > self.today:
                continue
            used.add(home.person_id)
            host_team = self._host_team(home, host)
            ended = end < self.today
            services.secondment_create(
                home_employment=Employment.objects.get(pk=home.pk),
                host_team=host_team,
                host_organisation="" if host_team else "Northmoor Integrated Care Board",
                starts_on=start,
                planned_end=end,
                actual_end=end if ended else None,
                fte=Decimal("1"),
                purpose=(
                    "Experience of another service's work, to bring back to the home team"
                    if host != "partner"
                    else "Joint hospital discharge project with health partners"
                ),
                backfill=backfill,
                census_treatment=treatment,
                outcome=(outcome or "returned") if ended else "ongoing",
            )

    def _home_post(self, start: datetime.date, end: datetime.date, used: set[int]) -> Spell | None:
        candidates = [
            s
            for s in self.spells
            if s.kind == "children"
            and s.job_role in (JobRole.SOCIAL_WORKER, JobRole.SENIOR_PRACTITIONER)
            and s.start <= start - datetime.timedelta(days=365)
            and (s.end is None or s.end >= end)
            and s.person_id not in used
        ]
        return self.rng.choice(candidates) if candidates else None

    def _host_team(self, home: Spell, host: str) -> Any:
        if host == "partner":
            return None
        teams = Team.objects.filter(organisation=self.organisation).exclude(pk=home.team_id)
        teams = teams.filter(service__kind="adults" if host == "adults" else "children")
        return teams.order_by("name").first()


def demo_development_load(*, organisation: Organisation, today: datetime.date, seed: int) -> None:
    """Load the demo council's development records (inside the demo's transaction)."""
    demo = _Demo(organisation, today, seed)
    demo.supervision()
    demo.cpd(demo.learning_offer())
    demo.asye()
    demo.secondments()
