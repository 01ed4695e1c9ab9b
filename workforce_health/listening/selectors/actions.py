"""Reads for actions: lists within the viewer's scope, the staff page's list, and what each
action's links say ("you said") with the measure before and after, from suppressed results."""

from dataclasses import dataclass

from django.db.models import Q, QuerySet
from django.utils import timezone

from workforce_health.core.models import Employment, Organisation, Person, Service
from workforce_health.core.scope import Scope
from workforce_health.listening import results_adapter
from workforce_health.listening.models import Action, ActionLink, LeaderSession
from workforce_health.listening.standards import standard_label
from workforce_health.surveys.models import Wave


def _visible(scope: Scope) -> Q:
    """Organisation-wide actions, and those for the scope's service (a team's: its service)."""
    if scope.whole_organisation:
        return Q()
    services = [scope.service.pk] if scope.sees_records and scope.service is not None else []
    return Q(services__isnull=True) | Q(services__in=services)


def action_list(*, scope: Scope, status: str | None = None) -> QuerySet[Action]:
    ids = Action.objects.filter(organisation=scope.organisation).filter(_visible(scope))
    if status == "open":
        ids = ids.exclude(status__in=[Action.Status.COMPLETE, Action.Status.CANCELLED])
    elif status:
        ids = ids.filter(status=status)
    return (
        Action.objects.filter(pk__in=ids.values("pk"))
        .select_related("owner", "check_back_wave")
        .prefetch_related("services", "links", "links__wave", "links__session")
        .order_by("due_on", "title")
    )


def action_get(*, scope: Scope, action_id: int) -> Action | None:
    return action_list(scope=scope).filter(pk=action_id).first()


def actions_prompted_by_session(*, scope: Scope, session: LeaderSession) -> list[Action]:
    return list(action_list(scope=scope).filter(links__session=session).distinct())


def staff_actions(*, organisation: Organisation, service: Service | None) -> QuerySet[Action]:
    """Actions on the staff page: shared with all staff, for the organisation or the service."""
    shared = Action.objects.filter(
        organisation=organisation, visibility=Action.Visibility.STAFF
    ).exclude(status=Action.Status.CANCELLED)
    if service is not None:
        shared = shared.filter(Q(services__isnull=True) | Q(services=service))
    ids = shared.values("pk")
    return (
        Action.objects.filter(pk__in=ids)
        .select_related("owner", "check_back_wave")
        .prefetch_related("services", "links", "links__wave", "links__session", "updates")
        .order_by("-completed_on", "due_on", "title")
    )


def owner_choices(
    *, organisation: Organisation, including: Person | None = None
) -> QuerySet[Person]:
    """People who can own an action: the organisation's staff in post today (and `including`,
    an action's owner who has since left)."""
    today = timezone.localdate()
    current = (
        Employment.objects.filter(organisation=organisation, start_date__lte=today)
        .exclude(end_date__lt=today)
        .values("person_id")
    )
    wanted = Q(pk__in=current) | (Q(pk=including.pk) if including is not None else Q(pk__in=[]))
    return (
        Person.objects.filter(organisation=organisation)
        .filter(wanted)
        .order_by("family_name", "given_name")
    )


@dataclass(frozen=True)
class Said:
    """One thing staff said that prompted an action, and the measure after, where there is one."""

    text: str
    later: str = ""  # the same measure in the next Health Check ("58% agreed ... 2025")
    moved: float | None = None  # later minus before, in points, when both are shown


def link_said(link: ActionLink) -> Said:
    """The link as staff read it: a suppressed finding for a Health Check item or standard."""
    if link.kind in (ActionLink.Kind.HEALTH_CHECK_ITEM, ActionLink.Kind.STANDARD) and link.wave:
        if link.kind == ActionLink.Kind.HEALTH_CHECK_ITEM:
            before = results_adapter.item_finding(
                wave=link.wave, item_code=link.item_code, service=None
            )
        else:
            before = results_adapter.standard_finding(
                wave=link.wave, standard=link.standard, service=None
            )
        after_wave = results_adapter.later_wave(link.wave)
        if after_wave is None:
            return Said(before.text)
        if link.kind == ActionLink.Kind.HEALTH_CHECK_ITEM:
            after = results_adapter.item_finding(
                wave=after_wave, item_code=link.item_code, service=None
            )
        else:
            after = results_adapter.standard_finding(
                wave=after_wave, standard=link.standard, service=None
            )
        moved = (
            after.value - before.value
            if after.value is not None and before.value is not None
            else None
        )
        return Said(before.text, after.text, moved)
    if link.kind == ActionLink.Kind.STANDARD:
        return Said(f"Employer standard {standard_label(link.standard)}")
    if link.kind == ActionLink.Kind.CONVERSATION_THEME:
        return Said(f"Raised in anonymous conversations with leaders: {link.theme}")
    if link.kind == ActionLink.Kind.SESSION and link.session is not None:
        session = link.session
        when = timezone.localtime(session.starts_at)
        return Said(
            f"Raised at {session.get_kind_display().lower()}, {when:%-d %B %Y}: {session.title}"
        )
    if link.kind == ActionLink.Kind.PULSE and link.wave is not None:
        return Said(f"Raised in a pulse survey: {link.wave.title}")
    return Said(link.get_kind_display())


def action_said(action: Action) -> list[Said]:
    return [link_said(link) for link in action.links.all()]


@dataclass(frozen=True)
class PromptChoices:
    items: list[tuple[str, str]]
    standards: list[tuple[str, str]]
    pulses: list[tuple[str, str]]
    themes: list[str]
    sessions: list[tuple[str, str]]


def prompt_choices(*, organisation: Organisation) -> PromptChoices:
    """What an action may be linked to: the questions and standards of the latest closed Health
    Check of each questionnaire and set of services, pulse surveys, conversation themes and
    leader sessions held."""
    from workforce_health.listening.selectors.conversations import theme_names
    from workforce_health.listening.selectors.pulses import pulse_wave_choices

    latest: dict[tuple[str, frozenset[int]], Wave] = {}
    waves = results_adapter.health_check_waves(organisation=organisation)
    for wave in waves.filter(status=Wave.Status.CLOSED):
        services = frozenset(s.pk for s in wave.services.all())
        latest.setdefault((wave.questionnaire.code, services), wave)
    items: list[tuple[str, str]] = []
    standards: list[tuple[str, str]] = []
    for wave in latest.values():
        items += [
            (f"{wave.pk}:{code}", f"{wave}: {text}")
            for code, text in results_adapter.agree_items(wave=wave)
        ]
        standards += [
            (f"{wave.pk}:{code}", f"{wave}: {code} {title}")
            for code, title in results_adapter.standards_of(wave=wave).items()
        ]
    sessions = LeaderSession.objects.filter(
        organisation=organisation, status=LeaderSession.Status.HELD
    ).order_by("-starts_at")[:50]
    return PromptChoices(
        items=items,
        standards=standards,
        pulses=pulse_wave_choices(organisation=organisation),
        themes=theme_names(),
        sessions=[
            (str(s.pk), f"{timezone.localtime(s.starts_at):%-d %b %Y}: {s.title}") for s in sessions
        ],
    )
