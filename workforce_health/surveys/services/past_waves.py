"""Writes for past waves (earlier years, imported or demo), their invited counts and
responses. Responses keep the anonymity rules of docs/surveys-anonymity.md: no person, no time
finer than the day, group labels generalised until each combination is held by 5 or more."""

import datetime
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction

from workforce_health.core.models import Organisation, Service
from workforce_health.surveys import groups
from workforce_health.surveys.models import Invitation, InvitedGroup, Questionnaire, Response, Wave
from workforce_health.surveys.services.stored_answers import stored_answers_write
from workforce_health.surveys.services.waves import wave_create

# Imported and demo responses: their groups were not taken from our people records.
IMPORTED_SOURCE = Invitation.Source.SHARED_LINK


@transaction.atomic
def past_wave_create(
    *,
    organisation: Organisation,
    questionnaire: Questionnaire,
    title: str,
    slug: str,
    services: Iterable[Service],
    opens_on: datetime.date,
    closes_on: datetime.date,
    staff_groups: Sequence[str] = tuple(groups.SOCIAL_WORK_GROUPS),
    purpose: str = Wave.Purpose.HEALTH_CHECK,
    **disclosure: int,
) -> Wave:
    """A closed wave with no invitations, to hold an earlier year's responses."""
    wave = wave_create(
        organisation=organisation,
        questionnaire=questionnaire,
        title=title,
        slug=slug,
        services=services,
        staff_groups=list(staff_groups),
        opens_on=opens_on,
        closes_on=closes_on,
        purpose=purpose,
        **disclosure,
    )
    wave.status, wave.opened_on = Wave.Status.CLOSED, opens_on
    wave.full_clean()
    wave.save()
    return wave


def _group_key(row: Mapping[str, str]) -> tuple[str, ...]:
    return tuple(row.get(name) or groups.NOT_KNOWN for name in groups.GROUP_FIELDS)


@transaction.atomic
def invited_counts_record(*, wave: Wave, counts: Mapping[tuple[str, ...], int]) -> int:
    """Replace the wave's response-rate denominators: group labels (GROUP_FIELDS order) -> n."""
    if wave.status != Wave.Status.CLOSED or wave.invitations.exists():
        raise ValidationError("Invited counts can be recorded only for a past (imported) wave")
    wave.invited_groups.all().delete()
    rows = [
        InvitedGroup(wave=wave, invited=n, **dict(zip(groups.GROUP_FIELDS, key, strict=True)))
        for key, n in sorted(counts.items())
        if n > 0
    ]
    for row in rows:
        row.clean_fields(exclude=["wave"])
    InvitedGroup.objects.bulk_create(rows)
    return sum(row.invited for row in rows)


@transaction.atomic
def responses_bulk_create(
    *,
    wave: Wave,
    rows: Sequence[tuple[Mapping[str, str], Mapping[str, Any]]],
    generalise: bool = True,
) -> int:
    """Add (group labels, answers) responses to a past wave in one transaction; the answers
    must already be in the stored form (docs/survey-analysis.md §1). Returns how many.

    Labels are generalised as at opening (groups.generalise) unless `generalise` is False
    because they were generalised already (the demo generalises its invitees)."""
    if wave.status != Wave.Status.CLOSED or wave.invitations.exists():
        raise ValidationError("Responses can be added only to a past (imported) wave")
    if wave.responses.exists():
        raise ValidationError(f"{wave} already has responses: create a new wave to import again")
    codes = {item.code for item in wave.questionnaire.parsed().items()}
    labels = [dict(zip(groups.GROUP_FIELDS, _group_key(g), strict=True)) for g, _ in rows]
    snapshots = groups.generalise(labels) if generalise else labels
    responses = []
    for snapshot, (_, answers) in zip(snapshots, rows, strict=True):
        unknown = set(answers) - codes
        if unknown:
            raise ValidationError(f"Unknown question code(s): {', '.join(sorted(unknown))}")
        response = Response(
            wave=wave,
            source=IMPORTED_SOURCE,
            submitted_on=wave.closes_on,
            answers={code: str(value) for code, value in answers.items() if str(value).strip()},
            **snapshot,
        )
        response.clean_fields(exclude=["wave"])
        responses.append(response)
    Response.objects.bulk_create(responses, batch_size=500)
    stored_answers_write(wave=wave)
    return len(responses)


def invited_counts_from(snapshots: Iterable[Mapping[str, str]]) -> Counter[tuple[str, ...]]:
    """Counts per group (GROUP_FIELDS order) of invitee snapshots."""
    return Counter(_group_key(s) for s in snapshots)
