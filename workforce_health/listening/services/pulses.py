"""Writes for pulse surveys: create a series locked to a Health Check, open and close its pulses
on schedule; check-backs after actions; feedback after sessions."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from workforce_health.core.models import Organisation, Service
from workforce_health.listening import survey_adapter
from workforce_health.listening.models import Action, LeaderSession, Pulse, PulseSeries
from workforce_health.listening.models.pulses import MAX_ITEMS, MIN_ITEMS
from workforce_health.listening.services._save import save
from workforce_health.surveys.analysis import DisclosureSettings
from workforce_health.surveys.groups import RoleGroup
from workforce_health.surveys.models import Questionnaire, Wave

SHORT_SURVEY_DAYS = 14
DEFAULT_SETTINGS = DisclosureSettings()


def _check_questionnaire(questionnaire: Questionnaire) -> None:
    items = survey_adapter.definition_items(questionnaire)
    if not MIN_ITEMS <= len(items) <= MAX_ITEMS:
        raise ValidationError(
            {
                "questionnaire": f"A pulse asks {MIN_ITEMS} to {MAX_ITEMS} questions: "
                f"{questionnaire.title} has {len(items)}"
            }
        )


@transaction.atomic
def pulse_series_create(
    *,
    organisation: Organisation,
    title: str,
    questionnaire: Questionnaire,
    reference_wave: Wave,
    every: str,
    starts_on: datetime.date,
    open_days: int = 14,
) -> PulseSeries:
    """A series of pulses following `reference_wave`: each pulse invites that Health Check's
    services and staff groups, with its disclosure settings (docs/listening.md)."""
    if questionnaire.organisation_id not in (None, organisation.pk):
        raise ValidationError({"questionnaire": "Choose a questionnaire of this organisation"})
    _check_questionnaire(questionnaire)
    if reference_wave.status == Wave.Status.DRAFT:
        raise ValidationError({"reference_wave": "Choose a Health Check that has opened"})
    base = slugify(title)[:40] or "pulse"
    slug, n = base, 2
    while PulseSeries.objects.filter(organisation=organisation, slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return save(
        PulseSeries(
            organisation=organisation,
            title=title.strip(),
            slug=slug,
            questionnaire=questionnaire,
            reference_wave=reference_wave,
            every=every,
            starts_on=starts_on,
            open_days=open_days,
        )
    )


@transaction.atomic
def pulse_questionnaire_from_items(
    *, organisation: Organisation, source: Questionnaire, item_codes: list[str], title: str
) -> Questionnaire:
    """A council's pulse questionnaire of chosen Health Check questions (5 to 12 agree items)."""
    agree = {i.code for i in survey_adapter.definition_items(source) if i.type == "agree"}
    chosen = [c for c in dict.fromkeys(item_codes) if c in agree]
    if not MIN_ITEMS <= len(chosen) <= MAX_ITEMS:
        raise ValidationError(
            {"items": f"Choose {MIN_ITEMS} to {MAX_ITEMS} agree questions ({len(chosen)} chosen)"}
        )
    base = f"pulse-{organisation.la_code}-{slugify(title)[:30] or 'questions'}"
    code, n = base, 2
    while Questionnaire.objects.filter(code=code).exists():
        code, n = f"{base}-{n}", n + 1
    return survey_adapter.chosen_items_questionnaire_create(
        organisation=organisation, source=source, item_codes=chosen, title=title, code=code
    )


def _health_check_open(series: PulseSeries, start: datetime.date, end: datetime.date) -> bool:
    """Whether a Health Check for the series' services is open, or planned to be, during
    [start, end): no pulse runs then (as the NHS quarterly pulse skips the annual survey's
    quarter). One that has closed, even early, no longer counts."""
    services = {s.pk for s in series.reference_wave.services.all()}
    overlapping = Wave.objects.filter(
        organisation=series.organisation,
        purpose=Wave.Purpose.HEALTH_CHECK,
        opens_on__lt=end,
        closes_on__gt=start,
        services__in=services,
    ).exclude(status=Wave.Status.CLOSED)
    return overlapping.exists()


@dataclass(frozen=True)
class Scheduled:
    opened: list[Pulse]
    closed: list[Pulse]
    skipped: list[tuple[PulseSeries, datetime.date, str]]


def _pulse_title(series: PulseSeries, start: datetime.date) -> str:
    period = (
        f"{start:%B %Y}"
        if series.every == PulseSeries.Every.MONTH
        else f"{start.year} Q{(start.month - 1) // 3 + 1}"
    )
    return f"{series.title}: {period}"


@transaction.atomic
def pulse_open(
    *, series: PulseSeries, period_start: datetime.date, today: datetime.date, base_url: str | None
) -> Pulse:
    """Create the period's pulse, open it (snapshot the invitees' groups) and, given the
    service's address, email the invitations."""
    series = PulseSeries.objects.select_for_update().get(pk=series.pk)
    if series.pulses.filter(period_start=period_start).exists():
        raise ValidationError(f"{series} already has a pulse for {period_start:%-d %B %Y}")
    closes_on = today + datetime.timedelta(days=series.open_days)
    if _health_check_open(series, today, closes_on):
        raise ValidationError(
            "A Health Check for these services is open then: pulses do not run while it is"
        )
    reference = series.reference_wave
    wave = survey_adapter.listening_wave_create(
        organisation=series.organisation,
        questionnaire=series.questionnaire,
        title=_pulse_title(series, period_start),
        slug=survey_adapter.unused_slug(series.organisation, f"{series.slug}-{period_start:%Y-%m}"),
        services=reference.services.all(),
        staff_groups=list(reference.staff_groups),
        opens_on=today,
        closes_on=closes_on,
        settings=reference.disclosure_settings(),
    )
    pulse = save(Pulse(series=series, wave=wave, period_start=period_start))
    survey_adapter.wave_open(wave=wave, today=today)
    wave.refresh_from_db()
    if base_url:
        survey_adapter.invitations_send(wave=wave, base_url=base_url)
    return pulse


def pulse_close(*, pulse: Pulse) -> Pulse:
    survey_adapter.wave_close(wave=pulse.wave)
    pulse.wave.refresh_from_db()
    return pulse


def pulses_run(*, today: datetime.date | None = None, base_url: str | None = None) -> Scheduled:
    """Open every active series' pulse due today, and close pulses whose time is up. Meant to
    run daily (`workforce-health pulse run`); running it again the same day changes nothing."""
    today = today or timezone.localdate()
    closed = []
    for pulse in Pulse.objects.filter(
        wave__status=Wave.Status.OPEN, wave__closes_on__lte=today
    ).select_related("wave"):
        closed.append(pulse_close(pulse=pulse))
    opened: list[Pulse] = []
    skipped: list[tuple[PulseSeries, datetime.date, str]] = []
    for series in PulseSeries.objects.filter(active=True).select_related("reference_wave"):
        starts = series.period_starts(today)
        if not starts:
            continue
        start = starts[-1]  # only the current period: a missed one is not run late
        late = today >= start + datetime.timedelta(days=series.open_days)
        if late or series.pulses.filter(period_start=start).exists():
            continue
        try:
            opened.append(
                pulse_open(series=series, period_start=start, today=today, base_url=base_url)
            )
        except ValidationError as refused:
            skipped.append((series, start, " ".join(refused.messages)))
    return Scheduled(opened, closed, skipped)


# --- Check-backs and session feedback ---------------------------------------------------------


def _short_survey(
    *,
    organisation: Organisation,
    questionnaire_code: str,
    title: str,
    slug: str,
    services: list[Service],
    staff_groups: list[str],
    settings: DisclosureSettings,
    today: datetime.date,
) -> Wave:
    wave = survey_adapter.listening_wave_create(
        organisation=organisation,
        questionnaire=survey_adapter.packaged(questionnaire_code),
        title=title,
        slug=survey_adapter.unused_slug(organisation, slug),
        services=services,
        staff_groups=staff_groups,
        opens_on=today,
        closes_on=today + datetime.timedelta(days=SHORT_SURVEY_DAYS),
        settings=settings,
    )
    survey_adapter.wave_open(wave=wave, today=today)
    wave.refresh_from_db()
    return wave


@transaction.atomic
def check_back_create(
    *, action: Action, today: datetime.date | None = None, base_url: str | None = None
) -> Wave:
    """The check-back survey for a completed action: "has it made a difference?", sent to the
    group it was for (the Health Check's groups and settings when one prompted it)."""
    today = today or timezone.localdate()
    locked = Action.objects.select_for_update().get(pk=action.pk)
    if locked.status != Action.Status.COMPLETE:
        raise ValidationError("Check back only once the action is complete")
    if locked.check_back_wave_id:
        raise ValidationError("This action already has a check-back survey")
    prompted = next((link.wave for link in locked.links.all() if link.wave_id), None)
    services = list(locked.services.all()) or list(
        Service.objects.filter(organisation=locked.organisation)
    )
    if prompted is not None and prompted.purpose == Wave.Purpose.HEALTH_CHECK:
        groups, settings = list(prompted.staff_groups), prompted.disclosure_settings()
        services = list(prompted.services.all()) if not locked.services.exists() else services
    else:
        groups, settings = list(RoleGroup.values), DEFAULT_SETTINGS
    wave = _short_survey(
        organisation=locked.organisation,
        questionnaire_code=survey_adapter.CHECK_BACK,
        title=f"Has it made a difference? {locked.title}"[:200],
        slug=f"check-back-{locked.pk}",
        services=services,
        staff_groups=groups,
        settings=settings,
        today=today,
    )
    locked.check_back_wave = wave
    save(locked)
    if base_url:
        survey_adapter.invitations_send(wave=wave, base_url=base_url)
    return wave


@transaction.atomic
def session_feedback_create(*, session: LeaderSession, today: datetime.date | None = None) -> Wave:
    """Two feedback questions after a session, answered through the survey's shared link given
    out at the session (no emails: only those who came should answer). Results are shown for the
    whole survey only, when enough answered."""
    today = today or timezone.localdate()
    locked = LeaderSession.objects.select_for_update().get(pk=session.pk)
    if locked.status != LeaderSession.Status.HELD:
        raise ValidationError("Ask for feedback once the session has been held")
    if locked.feedback_wave_id:
        raise ValidationError("This session already has a feedback survey")
    services = list(locked.audience_services.all()) or list(
        Service.objects.filter(organisation=locked.organisation)
    )
    wave = _short_survey(
        organisation=locked.organisation,
        questionnaire_code=survey_adapter.SESSION_FEEDBACK,
        title=f"Feedback: {locked.title}"[:200],
        slug=f"session-feedback-{locked.pk}",
        services=services,
        staff_groups=list(locked.audience_role_groups or RoleGroup.values),
        settings=DEFAULT_SETTINGS,
        today=today,
    )
    locked.feedback_wave = wave
    save(locked)
    return wave


# --- Earlier surveys imported (the demo's history) ---------------------------------------------


def _listening_wave(wave: Wave, organisation_id: int) -> None:
    if wave.purpose != Wave.Purpose.LISTENING or wave.organisation_id != organisation_id:
        raise ValidationError("Choose a listening survey of this organisation")


@transaction.atomic
def pulse_record(*, series: PulseSeries, wave: Wave, period_start: datetime.date) -> Pulse:
    """An earlier pulse of the series, run elsewhere or imported, as one of its pulses."""
    _listening_wave(wave, series.organisation_id)
    return save(Pulse(series=series, wave=wave, period_start=period_start))


@transaction.atomic
def check_back_attach(*, action: Action, wave: Wave) -> Action:
    """An earlier check-back survey, as the action's."""
    _listening_wave(wave, action.organisation_id)
    action.check_back_wave = wave
    return save(action)


@transaction.atomic
def session_feedback_attach(*, session: LeaderSession, wave: Wave) -> LeaderSession:
    """An earlier feedback survey, as the session's."""
    _listening_wave(wave, session.organisation_id)
    session.feedback_wave = wave
    return save(session)
