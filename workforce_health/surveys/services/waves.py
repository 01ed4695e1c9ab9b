"""Writes for survey waves: create and change a draft, open it (each invitee's group snapshot)
and close it (the stored answers its results are read from)."""

import datetime
import secrets
from collections import Counter
from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from workforce_health.core.models import Organisation, Service
from workforce_health.core.versioning import version_check
from workforce_health.surveys import anonymise, groups
from workforce_health.surveys.invitees import invitee_snapshots
from workforce_health.surveys.models import (
    DISCLOSURE_FIELDS,
    GROUP_FIELDS,
    Invitation,
    InvitedGroup,
    Questionnaire,
    Wave,
)
from workforce_health.surveys.services.common import save
from workforce_health.surveys.services.stored_answers import stored_answers_write

ACCESS_CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O or 1/I


def _access_code() -> str:
    return "".join(secrets.choice(ACCESS_CODE_ALPHABET) for _ in range(8))


@transaction.atomic
def wave_create(
    *,
    organisation: Organisation,
    questionnaire: Questionnaire,
    title: str,
    slug: str,
    services: Iterable[Service],
    staff_groups: list[str],
    opens_on: datetime.date,
    closes_on: datetime.date,
    purpose: str = Wave.Purpose.HEALTH_CHECK,
    **disclosure: int,
) -> Wave:
    """A draft wave. `purpose` LISTENING marks the listening app's pulses, check-backs and
    session feedback, which the Health Check's results pages and report leave out."""
    unknown = set(disclosure) - set(DISCLOSURE_FIELDS)
    if unknown:
        raise TypeError(f"wave_create() got unexpected settings: {', '.join(sorted(unknown))}")
    services = _services_of(organisation, services)
    wave = save(
        Wave(
            organisation=organisation,
            questionnaire=questionnaire,
            title=title.strip(),
            slug=slug,
            staff_groups=list(staff_groups),
            opens_on=opens_on,
            closes_on=closes_on,
            access_code=_access_code(),
            purpose=purpose,
            **disclosure,
        )
    )
    wave.services.set(services)
    return wave


def _services_of(organisation: Organisation, services: Iterable[Service]) -> list[Service]:
    chosen = list(services)
    if not chosen:
        raise ValidationError({"services": "Choose at least one service"})
    if any(service.organisation_id != organisation.pk for service in chosen):
        raise ValidationError({"services": f"Choose services of {organisation}"})
    return chosen


@transaction.atomic
def wave_update(
    *,
    wave: Wave,
    questionnaire: Questionnaire,
    title: str,
    services: Iterable[Service],
    staff_groups: list[str],
    opens_on: datetime.date,
    closes_on: datetime.date,
    version: int | None = None,
) -> Wave:
    """Change a draft wave's questionnaire, title, services, staff groups and dates, checked as
    when it was created. Refused once the wave has opened: they are fixed then.

    The wave is re-read and locked, so a wave being opened at the same moment (wave_open locks
    it too) is either changed before it opens or refused after. `version`: its lock_version
    when the form was opened (core.versioning): EditConflict if it was saved since."""
    locked = version_check(Wave.objects.select_for_update().get(pk=wave.pk), version)
    if locked.status != Wave.Status.DRAFT:
        raise ValidationError(
            f"{locked.title} has opened, so its questionnaire, title, services, staff groups "
            "and dates can no longer change"
        )
    chosen = _services_of(locked.organisation, services)
    locked.questionnaire = questionnaire
    locked.title = title.strip()
    locked.staff_groups = list(staff_groups)
    locked.opens_on, locked.closes_on = opens_on, closes_on
    save(locked)
    locked.services.set(chosen)
    return locked


@transaction.atomic
def wave_disclosure_update(*, wave: Wave, version: int | None = None, **settings: int) -> Wave:
    """Change the disclosure settings; refused once the wave has opened. `version`: as for
    wave_update."""
    unknown = set(settings) - set(DISCLOSURE_FIELDS)
    if unknown:
        raise TypeError(f"unexpected settings: {', '.join(sorted(unknown))}")
    version_check(wave, version)
    for name, value in settings.items():
        setattr(wave, name, value)
    return save(wave)


@transaction.atomic
def wave_open(*, wave: Wave, today: datetime.date | None = None) -> int:
    """Open the wave: snapshot every invitee's group and fix the settings. Returns the count."""
    today = today or timezone.localdate()
    wave = Wave.objects.select_for_update().get(pk=wave.pk)
    if wave.status != Wave.Status.DRAFT:
        raise ValidationError(f"{wave} is already {wave.get_status_display().lower()}")
    if not wave.opens_on <= today < wave.closes_on:
        raise ValidationError(
            f"{wave} can be opened from {wave.opens_on:%-d %B %Y} until the day before it "
            f"closes ({wave.closes_on:%-d %B %Y})"
        )
    invitees = invitee_snapshots(wave, today)
    snapshots = groups.generalise([snapshot for _, snapshot in invitees])
    Invitation.objects.bulk_create(
        Invitation(wave=wave, person_id=person_id, source=Invitation.Source.RECORD, **snapshot)
        for (person_id, _), snapshot in zip(invitees, snapshots, strict=True)
    )
    counts = Counter(tuple(s[f] for f in GROUP_FIELDS) for s in snapshots)
    InvitedGroup.objects.bulk_create(
        InvitedGroup(wave=wave, invited=n, **dict(zip(GROUP_FIELDS, key, strict=True)))
        for key, n in sorted(counts.items())
    )
    wave.status, wave.opened_on = Wave.Status.OPEN, today
    save(wave)
    return len(invitees)


@transaction.atomic
def wave_close(*, wave: Wave) -> Wave:
    """Close the wave to responses and write the stored form its results are read from."""
    locked = Wave.objects.select_for_update().get(pk=wave.pk)  # one close at a time
    if locked.status != Wave.Status.OPEN:
        raise ValidationError(f"{wave} is not open, so it cannot be closed")
    wave.status = Wave.Status.CLOSED
    save(wave)
    anonymise.wave_responses_unorder(wave=wave)  # the order of sending is not kept
    stored_answers_write(wave=wave)
    return wave
