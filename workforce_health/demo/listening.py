"""The demo council's listening between Health Checks (docs/listening.md), from a random stream
of its own so that every other demo figure stays as it is.

- Two years of quarterly engagement pulses (2024 and 2025) for the social workers of Children's
  Services and of Adult Social Care, each series following that service's 2023 Social Work Health
  Check, with engagement rising through 2025.
- Monthly leader sessions over the last two years (a briefing for everyone, and coffee and catch
  up sessions taking each service in turn) with attendance counted by team, a mandatory briefing
  that keeps a register, feedback after one session, and two sessions coming up.
- About three dozen anonymous conversations with replies, some flagged to the lead.
- Actions raised from the 2024 Health Checks on workload, supervision and wellbeing, completed
  before the 2025 Health Checks (whose scores on them rose) and checked back with staff; others
  in progress, from the 2025 results, a conversation theme, a pulse and a session.
"""

import datetime
import random
import zoneinfo
from typing import Any, Final

from workforce_health.core.models import Employment, Membership, Organisation, Person, Service
from workforce_health.demo.surveys import SHORT_NAMES, STAFF_GROUPS, _invitees
from workforce_health.listening import selectors, services, storage, survey_adapter
from workforce_health.listening.models import Action, ActionLink, LeaderSession, PulseSeries
from workforce_health.listening.services.pulses import DEFAULT_SETTINGS
from workforce_health.surveys import groups
from workforce_health.surveys import questionnaire as qn
from workforce_health.surveys.models import Wave

LISTENING_SEED: Final = 1515  # added to the demo's seed: this module's own random stream
SOCIAL_WORK: Final = "social-work-health-check"
LONDON: Final = zoneinfo.ZoneInfo("Europe/London")
PULSE_STARTS: Final = tuple(
    datetime.date(year, month, 10) for year in (2024, 2025) for month in (1, 4, 7, 10)
)
PULSE_RESPONSE_RATE: Final = 0.55
Role = Membership.Role


def demo_listening_load(*, organisation: Organisation, today: datetime.date, seed: int) -> None:
    """Everything above (call inside the demo's transaction, after its Health Check waves)."""
    rng = random.Random(seed + LISTENING_SEED)  # noqa: S311 - deterministic synthetic data
    leaders = _leaders(organisation)
    _pulses(organisation, rng, today)
    sessions = _sessions(organisation, rng, today)
    with storage.one_rewrite_at_the_end(organisation.pk):
        _conversations(organisation, rng, today, leaders)
    _actions(organisation, rng, today, sessions)


def _leaders(organisation: Organisation) -> dict[str, Membership]:
    """Who replies: the workforce lead, and each service's manager (by service name)."""
    found: dict[str, Membership] = {}
    for membership in Membership.objects.filter(organisation=organisation).select_related(
        "service", "user"
    ):
        if membership.role == Role.WORKFORCE_LEAD:
            found.setdefault("lead", membership)
        elif membership.role == Role.SERVICE_MANAGER and membership.service:
            found.setdefault(membership.service.name, membership)
    return found


def _agree(rng: random.Random, level: float) -> str:
    if rng.random() < 0.04:
        return "dont_know"
    return str(min(5, max(1, round(level + rng.gauss(0, 0.9)))))


# --- Pulses --------------------------------------------------------------------------------


def _pulse_level(code: str, quarter: int) -> float:
    """Engagement rises through 2025 (after the actions on workload and supervision)."""
    rise = 0.05 * quarter + (0.2 if quarter >= 4 else 0.0)
    if code == "sw_recommend_employer":
        return 4.1 + rise / 2
    return 3.3 + rise


def _pulses(organisation: Organisation, rng: random.Random, today: datetime.date) -> None:
    questionnaire = survey_adapter.packaged(survey_adapter.ENGAGEMENT_PULSE)
    codes = [i.code for i in questionnaire.parsed().items() if i.type == qn.AGREE]
    for service_name, (short, prefix) in SHORT_NAMES.items():
        service = Service.objects.get(organisation=organisation, name=service_name)
        reference = Wave.objects.get(organisation=organisation, slug=f"{prefix}-health-check-2023")
        series = services.pulse_series_create(
            organisation=organisation,
            title=f"{short} engagement pulse",
            questionnaire=questionnaire,
            reference_wave=reference,
            every=PulseSeries.Every.QUARTER,
            starts_on=PULSE_STARTS[0],
        )
        team_effect: dict[str, float] = {}
        for quarter, start in enumerate(PULSE_STARTS):
            closes_on = start + datetime.timedelta(days=series.open_days)
            if closes_on > today:
                break
            wave = survey_adapter.past_listening_wave_create(
                organisation=organisation,
                questionnaire=questionnaire,
                title=f"{series.title}: {start.year} Q{(start.month - 1) // 3 + 1}",
                slug=f"{series.slug}-{start:%Y-%m}",
                services=[service],
                staff_groups=list(reference.staff_groups),
                opens_on=start,
                closes_on=closes_on,
                settings=reference.disclosure_settings(),
            )
            invitees = groups.generalise(_invitees(service, start, STAFF_GROUPS[SOCIAL_WORK]))
            for team in sorted({i["team"] for i in invitees} - set(team_effect)):
                team_effect[team] = rng.gauss(0, 0.3)
            rows = []
            for snapshot in invitees:
                if rng.random() >= PULSE_RESPONSE_RATE:
                    continue
                person = rng.gauss(0, 0.6) + team_effect[snapshot["team"]]
                answers = {c: _agree(rng, _pulse_level(c, quarter) + person) for c in codes}
                rows.append((snapshot, answers))
            survey_adapter.past_responses_add(wave=wave, invitees=invitees, rows=rows)
            services.pulse_record(series=series, wave=wave, period_start=start)


# --- Sessions ------------------------------------------------------------------------------

QUESTIONS: Final = (
    "When will the caseload weighting tool be used in every team?",
    "Can supervision be protected when a team is short-staffed?",
    "What is happening about parking at the civic centre?",
    "How will the new practice framework change recording?",
    "Is there a plan for senior practitioner progression?",
    "Will agency staff be offered permanent posts?",
)
TOPICS: Final = (
    ("Caseloads and the allocation review", ["S3"]),
    ("Supervision: what good looks like", ["S5"]),
    ("Wellbeing offer and occupational health", ["S4"]),
    ("Practice framework and recording", ["S1"]),
    ("Career pathways and training", ["S2", "S6"]),
    ("Health Check results and what we are doing", ["S1", "S3", "S5"]),
)


def _month_starts(today: datetime.date, months: int) -> list[datetime.date]:
    found = []
    year, month = today.year, today.month
    for _ in range(months):
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
        found.append(datetime.date(year, month, 1))
    return found[::-1]


def _at(day: datetime.date, hour: int, minute: int = 0) -> datetime.datetime:
    return datetime.datetime(day.year, day.month, day.day, hour, minute, tzinfo=LONDON)


def _sessions(
    organisation: Organisation, rng: random.Random, today: datetime.date
) -> list[LeaderSession]:
    service_list = list(Service.objects.filter(organisation=organisation).order_by("name"))
    made: list[LeaderSession] = []
    months = _month_starts(today, 24)
    for index, month in enumerate(months):
        topic, standards = TOPICS[index % len(TOPICS)]
        mandatory = index == len(months) - 6  # one mandatory briefing, with a register
        briefing = services.session_create(
            organisation=organisation,
            kind=LeaderSession.Kind.BRIEFING,
            title=("Mandatory briefing: " if mandatory else "Staff briefing: ") + topic,
            starts_at=_at(month + datetime.timedelta(days=8), 10),
            duration_minutes=60,
            format=LeaderSession.Format.ONLINE,
            location="Microsoft Teams",
            hosts=[LeaderSession.Host.DIRECTOR, LeaderSession.Host.PRINCIPAL_SOCIAL_WORKER],
            audience_role_groups=[],
            standards=standards,
            topics=topic,
            mandatory=mandatory,
            keeps_register=mandatory,
        )
        _held(briefing, rng, share=0.45, total_only=index % 5 == 4)
        made.append(briefing)
        service = service_list[index % len(service_list)]
        coffee = services.session_create(
            organisation=organisation,
            audience_services=[service],
            kind=LeaderSession.Kind.COFFEE,
            title=f"Coffee and catch up with the director: {service.name}",
            starts_at=_at(month + datetime.timedelta(days=17), 12, 30),
            duration_minutes=45,
            format=LeaderSession.Format.IN_PERSON,
            location="Civic Centre, room 2.14",
            hosts=[LeaderSession.Host.DIRECTOR, LeaderSession.Host.HEAD_OF_SERVICE],
            audience_role_groups=[],
            standards=standards[:1],
            topics="Open conversation: anything staff want to raise",
            mandatory=False,
            keeps_register=False,
        )
        _held(coffee, rng, share=0.18, total_only=False)
        made.append(coffee)
    _feedback(made[-1], rng)
    for days, kind, title in (
        (10, LeaderSession.Kind.COFFEE, "Coffee and catch up with the director"),
        (24, LeaderSession.Kind.BRIEFING, "Staff briefing: the year ahead"),
    ):
        services.session_create(
            organisation=organisation,
            kind=kind,
            title=title,
            starts_at=_at(today + datetime.timedelta(days=days), 12 if kind == "coffee" else 10),
            duration_minutes=45 if kind == "coffee" else 60,
            format=LeaderSession.Format.HYBRID,
            location="Civic Centre, council chamber, and Microsoft Teams",
            hosts=[LeaderSession.Host.DIRECTOR],
            audience_role_groups=[],
            standards=["S1"],
            topics="What you told us, and what happens next",
            mandatory=False,
            keeps_register=False,
        )
    return made


def _held(session: LeaderSession, rng: random.Random, *, share: float, total_only: bool) -> None:
    question = QUESTIONS[rng.randrange(len(QUESTIONS))]
    day = session.starts_at.astimezone(LONDON).date()
    if session.keeps_register:
        audience = selectors.session_audience(session=session, on=day)
        came = [m.person_id for m in audience if rng.random() < 0.8]
        services.session_register_record(
            session=session, person_ids=came, questions_raised=question
        )
        return
    teams = selectors.audience_by_team(session=session, on=day)
    counts = {team: sum(rng.random() < share for _ in range(n)) for team, n in teams.items()}
    if total_only:
        services.session_attendance_record(
            session=session, total=sum(counts.values()), questions_raised=question
        )
    else:
        services.session_attendance_record(
            session=session, by_team=counts, questions_raised=question
        )


def _feedback(session: LeaderSession, rng: random.Random) -> None:
    """Two feedback questions after the latest coffee session, answered by a dozen who came."""
    day = session.starts_at.astimezone(LONDON).date()
    questionnaire = survey_adapter.packaged(survey_adapter.SESSION_FEEDBACK)
    wave = survey_adapter.past_listening_wave_create(
        organisation=session.organisation,
        questionnaire=questionnaire,
        title=f"Feedback: {session.title}",
        slug=f"session-feedback-{session.pk}",
        services=list(session.audience_services.all()),
        staff_groups=list(groups.RoleGroup.values),
        opens_on=day,
        closes_on=day + datetime.timedelta(days=14),
        settings=DEFAULT_SETTINGS,
    )
    unknown = dict.fromkeys(groups.GROUP_FIELDS, groups.NOT_KNOWN)
    rows = [
        (unknown, {"ses_good_use": _agree(rng, 4.1), "ses_heard": _agree(rng, 3.9)})
        for _ in range(12)
    ]
    survey_adapter.past_responses_add(wave=wave, invitees=[], rows=rows)
    services.session_feedback_attach(session=session, wave=wave)


# --- Conversations -------------------------------------------------------------------------

OPENINGS: Final = (
    "Our team has had three vacancies since the summer and caseloads are creeping up again.",
    "Supervision keeps being cancelled when duty is busy. Can it be protected?",
    "The new recording templates repeat the same information three times.",
    "Thank you for the coffee sessions, it helps to hear what is going on.",
    "I would like to know how decisions about market supplements are made.",
    "The laptops are slow and the case system times out during visits.",
    "Hybrid working works well for us, please do not take it away.",
    "There is no progression for senior practitioners who want to stay in practice.",
    "Parking at the civic centre makes it hard to get to visits on time.",
    "Newly qualified colleagues are getting complex cases too early.",
    "Can we have more training on domestic abuse and coercive control?",
    "{name} in our team is doing the work of two people and is exhausted.",
    "Please call me on 07700 900456 if you want to hear more about our duty rota.",
)
FLAGGED: Final = (
    "A manager shouted at me in front of the team and I feel bullied. I do not know who to tell.",
    "I am worried that a placement provider is covering up neglect of a young person.",
    "Work is so much that some days I feel I cant go on. I do not want my name known.",
    "A parent threatened a colleague on a visit and nothing has been done since.",
)
FOLLOW_UPS: Final = (
    "Thank you for replying. It is still happening this month.",
    "That helps, thank you.",
    "Will this be in the action plan?",
)
REPLIES: Final = (
    (
        "Thank you for raising this. We are reviewing it with the heads of service and will report"
        " back at the next briefing."
    ),
    "Thank you. This is part of our action plan after the Health Check: see You said, we did.",
    (
        "Thank you for telling us. We have shared it with the service manager, who will look at it"
        " this month."
    ),
    "We agree this needs to change and have asked for a proposal by the end of the quarter.",
)


def _conversations(
    organisation: Organisation,
    rng: random.Random,
    today: datetime.date,
    leaders: dict[str, Membership],
) -> None:
    people = list(Person.objects.filter(organisation=organisation).order_by("pk")[:60])
    service_list = list(Service.objects.filter(organisation=organisation).order_by("name"))
    days = sorted(today - datetime.timedelta(days=rng.randint(2, 720)) for _ in range(36))
    for index, day in enumerate(days):
        flagged = index % 9 == 4
        text = FLAGGED[index // 9 % len(FLAGGED)] if flagged else rng.choice(OPENINGS)
        if "{name}" in text:
            text = text.format(name=rng.choice(people).full_name if people else "A colleague")
        recipient = rng.random()
        service = (
            None
            if recipient < 0.5 or flagged
            else service_list[int(recipient * 10) % len(service_list)]
        )
        shared = ""
        if not flagged and rng.random() < 0.1 and people:
            shared = rng.choice(people).full_name
        started = services.conversation_start(
            organisation=organisation, service=service, body=text, revealed_name=shared, today=day
        )
        conversation = started.conversation
        recent = (today - day).days < 10
        if recent and not flagged:
            continue  # awaiting a reply
        leader = leaders.get(service.name) if service else None
        leader = leader or leaders["lead"]
        reply_day = min(today, day + datetime.timedelta(days=rng.randint(0 if flagged else 1, 9)))
        if flagged or rng.random() < 0.75:
            services.conversation_reply(
                conversation=conversation,
                leader=leader,
                body=REPLIES[index % len(REPLIES)],
                today=reply_day,
            )
        else:
            services.conversation_reply(
                conversation=conversation,
                leader=leader,
                acknowledgement=rng.choice(
                    ["thanks", "looking", "passed_on", "action_plan", "heard_before"]
                ),
                today=reply_day,
            )
        if rng.random() < 0.3 and reply_day < today:
            services.conversation_follow_up(
                conversation=conversation,
                body=rng.choice(FOLLOW_UPS),
                today=min(today, reply_day + datetime.timedelta(days=rng.randint(1, 14))),
            )
        elif rng.random() < 0.2:
            services.conversation_close(conversation=conversation)


# --- Actions -------------------------------------------------------------------------------


def _owner(
    organisation: Organisation, service: Service | None, roles: tuple[str, ...], pick: int = 0
) -> Person:
    """The `pick`-th person in post at the end of 2024 in one of `roles` (in the service, if
    given), so that actions have different owners."""
    on = datetime.date(2024, 12, 31)
    found = (
        Employment.objects.filter(organisation=organisation, job_role__in=roles, start_date__lte=on)
        .exclude(end_date__lt=on)
        .select_related("person")
        .order_by("person__family_name", "pk")
    )
    if service is not None:
        found = found.filter(team__service=service)
    candidates = list(found[:12]) or list(Employment.objects.filter(organisation=organisation)[:1])
    return candidates[pick % len(candidates)].person


ACTIONS: Final[tuple[dict[str, Any], ...]] = (
    {
        "title": "Caseload weighting and a limit of 18 cases for social workers",
        "description": (
            "Weight every allocation by complexity, review caseloads monthly in supervision and "
            "hold a limit of 18 children for a full-time social worker, with the head of service "
            "agreeing any exception."
        ),
        "service": "Children's Services",
        "prompt": ("item", "childrens-health-check-2024", "sw_workload_manageable"),
        "raised": datetime.date(2024, 4, 15),
        "due": datetime.date(2024, 12, 31),
        "completed": datetime.date(2024, 11, 29),
        "evidence": (
            "Weighting tool in use in all 11 teams since October; the November caseload audit "
            "found 94% of social workers at or under 18."
        ),
        "levels": {"chk_noticed": 4.1, "chk_difference": 3.8, "chk_acted_on": 3.6},
    },
    {
        "title": "Protected monthly supervision, recorded and audited",
        "description": (
            "Supervision is never cancelled for duty cover; every session is recorded in the case "
            "system and a quarterly audit reports completion by team."
        ),
        "service": "Children's Services",
        "prompt": ("standard", "childrens-health-check-2024", "S5"),
        "raised": datetime.date(2024, 4, 15),
        "due": datetime.date(2024, 10, 31),
        "completed": datetime.date(2024, 9, 30),
        "evidence": (
            "Supervision completion rose from 71% to 92% between the June and September audits."
        ),
        "levels": {"chk_noticed": 4.2, "chk_difference": 4.0, "chk_acted_on": 3.7},
    },
    {
        "title": "Reflective wellbeing groups and quicker occupational health referrals",
        "description": (
            "Monthly reflective groups led by the clinical psychologist, and occupational health "
            "appointments within two weeks."
        ),
        "service": "Adult Social Care",
        "prompt": ("item", "adults-health-check-2024", "sw_wellbeing_support"),
        "raised": datetime.date(2024, 5, 1),
        "due": datetime.date(2024, 12, 31),
        "completed": datetime.date(2024, 12, 13),
        "evidence": (
            "Ten groups held since July with 148 attendances; average wait for occupational health"
            " down from 31 to 11 days."
        ),
        "levels": {"chk_noticed": 3.8, "chk_difference": 3.6, "chk_acted_on": 3.5},
    },
)
IN_HAND: Final[tuple[dict[str, Any], ...]] = (
    {
        "title": "Cut repeated recording: one assessment template",
        "description": (
            "Replace the three assessment forms with one template that fills in what is already "
            "known."
        ),
        "service": None,
        "prompt": ("item", "adults-health-check-2025", "sw_admin_burden"),
        "raised": datetime.date(2025, 4, 10),
        "due": datetime.date(2026, 3, 31),
        "status": Action.Status.IN_PROGRESS,
        "note": "Template tested with two teams; changes agreed with the case system supplier.",
    },
    {
        "title": "A career pathway for senior practitioners who stay in practice",
        "description": (
            "An advanced practitioner grade with a practice-based route from senior practitioner."
        ),
        "service": None,
        "prompt": ("theme", "Staffing and recruitment"),
        "raised": datetime.date(2025, 6, 2),
        "due": datetime.date(2026, 6, 30),
        "status": Action.Status.IN_PROGRESS,
        "note": (
            "Job descriptions drafted; consultation with staff and the unions starts next month."
        ),
    },
    {
        "title": "Involve staff in improvements: a practice improvement forum",
        "description": (
            "A forum each quarter where practitioners bring and test ideas, with a budget for "
            "small changes."
        ),
        "service": "Children's Services",
        "prompt": ("pulse", "childrens-engagement-pulse-2025-04", ""),
        "raised": datetime.date(2025, 6, 20),
        "due": datetime.date(2026, 1, 31),
        "status": Action.Status.NOT_STARTED,
        "note": "Terms of reference being written.",
    },
)


def _prompt(organisation: Organisation, spec: tuple[str, ...]) -> dict[str, Any]:
    kind = spec[0]
    if kind == "theme":
        return {"kind": ActionLink.Kind.CONVERSATION_THEME, "theme": spec[1]}
    wave = Wave.objects.get(organisation=organisation, slug=spec[1])
    if kind == "item":
        return {"kind": ActionLink.Kind.HEALTH_CHECK_ITEM, "wave": wave, "item_code": spec[2]}
    if kind == "standard":
        return {"kind": ActionLink.Kind.STANDARD, "wave": wave, "standard": spec[2]}
    return {"kind": ActionLink.Kind.PULSE, "wave": wave}


def _actions(
    organisation: Organisation,
    rng: random.Random,
    today: datetime.date,
    sessions: list[LeaderSession],
) -> None:
    heads = ("head_of_service", "service_manager", "principal_social_worker")
    for index, spec in enumerate(ACTIONS):
        if spec["completed"] + datetime.timedelta(days=60) > today:
            continue
        service = Service.objects.get(organisation=organisation, name=spec["service"])
        action = services.action_create(
            organisation=organisation,
            title=spec["title"],
            description=spec["description"],
            owner=_owner(organisation, service, heads, pick=index),
            services=[service],
            raised_on=spec["raised"],
            due_on=spec["due"],
            prompts=[_prompt(organisation, spec["prompt"])],
        )
        services.action_progress(
            action=action,
            status=Action.Status.IN_PROGRESS,
            note="Plan agreed with team managers; work started.",
            author=None,
            percent_complete=30,
            written_on=spec["raised"] + datetime.timedelta(days=45),
        )
        services.action_progress(
            action=action,
            status=Action.Status.COMPLETE,
            note="Done.",
            author=None,
            evidence=spec["evidence"],
            completed_on=spec["completed"],
            written_on=spec["completed"],
        )
        action.refresh_from_db()
        _check_back(action, service, spec["levels"], rng)
    if today >= datetime.date(2025, 7, 1):
        for index, spec in enumerate(IN_HAND):
            for_service = (
                Service.objects.get(organisation=organisation, name=spec["service"])
                if spec["service"]
                else None
            )
            prompt = spec["prompt"]
            if (
                prompt[0] == "pulse"
                and not Wave.objects.filter(organisation=organisation, slug=prompt[1]).exists()
            ):
                continue
            action = services.action_create(
                organisation=organisation,
                title=spec["title"],
                description=spec["description"],
                owner=_owner(organisation, for_service, heads, pick=index + 3),
                services=[for_service] if for_service else [],
                raised_on=spec["raised"],
                due_on=spec["due"],
                prompts=[_prompt(organisation, prompt)],
            )
            services.action_progress(
                action=action,
                status=spec["status"],
                note=spec["note"],
                author=None,
                written_on=min(today, spec["raised"] + datetime.timedelta(days=30)),
            )
    coffee = next((s for s in reversed(sessions) if s.kind == LeaderSession.Kind.COFFEE), None)
    if coffee is not None:
        held_on = coffee.starts_at.astimezone(LONDON).date()
        services.action_create(
            organisation=organisation,
            title="More desks you can book at the civic centre on team days",
            description="Ask facilities for bookable desks for teams' office days.",
            owner=_owner(organisation, None, heads, pick=6),
            raised_on=held_on,
            due_on=held_on + datetime.timedelta(days=120),
            prompts=[{"kind": ActionLink.Kind.SESSION, "session": coffee}],
            visibility=Action.Visibility.MANAGERS,
        )


def _check_back(
    action: Action, service: Service, levels: dict[str, float], rng: random.Random
) -> None:
    """The check-back about six weeks after completion, answered by about half of those asked."""
    assert action.check_back_due_on is not None
    opens_on = action.check_back_due_on
    wave = survey_adapter.past_listening_wave_create(
        organisation=action.organisation,
        questionnaire=survey_adapter.packaged(survey_adapter.CHECK_BACK),
        title=f"Has it made a difference? {action.title}"[:200],
        slug=f"check-back-{action.pk}",
        services=[service],
        staff_groups=STAFF_GROUPS[SOCIAL_WORK],
        opens_on=opens_on,
        closes_on=opens_on + datetime.timedelta(days=14),
        settings=DEFAULT_SETTINGS,
    )
    invitees = groups.generalise(_invitees(service, opens_on, STAFF_GROUPS[SOCIAL_WORK]))
    rows = [
        (snapshot, {code: _agree(rng, level) for code, level in levels.items()})
        for snapshot in invitees
        if rng.random() < 0.45
    ]
    survey_adapter.past_responses_add(wave=wave, invitees=invitees, rows=rows)
    services.check_back_attach(action=action, wave=wave)
