"""Writes for actions: raise one with what prompted it, change it, record progress and
completion (with evidence), and link it to more prompts."""

import datetime
from collections.abc import Iterable, Mapping
from typing import Any

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from workforce_health.core.models import Organisation, Person, Service
from workforce_health.listening.models import Action, ActionLink, ActionUpdate, LeaderSession
from workforce_health.listening.services._save import save
from workforce_health.surveys.models import Wave

ACTION_FIELDS = ("title", "description", "owner", "due_on", "visibility", "percent_complete")


def _services(organisation: Organisation, services: Iterable[Service]) -> list[Service]:
    chosen = list(services)
    if any(s.organisation_id != organisation.pk for s in chosen):
        raise ValidationError({"services": f"Choose services of {organisation}"})
    return chosen


def _link(action: Action, prompt: Mapping[str, Any]) -> ActionLink:
    wave: Wave | None = prompt.get("wave")
    session: LeaderSession | None = prompt.get("session")
    if wave is not None and wave.organisation_id != action.organisation_id:
        raise ValidationError("Choose a survey of this organisation")
    if session is not None and session.organisation_id != action.organisation_id:
        raise ValidationError("Choose a session of this organisation")
    return save(
        ActionLink(
            action=action,
            kind=prompt["kind"],
            wave=wave,
            item_code=prompt.get("item_code", ""),
            standard=prompt.get("standard", ""),
            theme=prompt.get("theme", ""),
            session=session,
        )
    )


@transaction.atomic
def action_create(
    *,
    organisation: Organisation,
    title: str,
    owner: Person,
    due_on: datetime.date,
    prompts: Iterable[Mapping[str, Any]],
    services: Iterable[Service] = (),
    description: str = "",
    visibility: str = Action.Visibility.STAFF,
    raised_on: datetime.date | None = None,
    author: User | None = None,
) -> Action:
    """A new action with at least one link to what prompted it."""
    action = save(
        Action(
            organisation=organisation,
            title=title.strip(),
            description=description.strip(),
            owner=owner,
            raised_on=raised_on or timezone.localdate(),
            due_on=due_on,
            visibility=visibility,
        )
    )
    action.services.set(_services(organisation, services))
    links = [_link(action, prompt) for prompt in prompts]
    if not links:
        raise ValidationError("Say what prompted the action")
    save(
        ActionUpdate(
            action=action,
            written_on=action.raised_on,
            note="Action raised.",
            status=action.status,
            author=author,
        )
    )
    return action


@transaction.atomic
def action_update(
    *, action: Action, services: Iterable[Service] | None = None, **fields: Any
) -> Action:
    unknown = set(fields) - set(ACTION_FIELDS)
    if unknown:
        raise TypeError(f"action_update() got unexpected fields: {', '.join(sorted(unknown))}")
    locked = Action.objects.select_for_update().get(pk=action.pk)
    for name, value in fields.items():
        setattr(locked, name, value.strip() if isinstance(value, str) else value)
    save(locked)
    if services is not None:
        locked.services.set(_services(locked.organisation, services))
    return locked


@transaction.atomic
def action_progress(
    *,
    action: Action,
    status: str,
    note: str,
    author: User | None,
    percent_complete: int | None = None,
    evidence: str = "",
    completed_on: datetime.date | None = None,
    written_on: datetime.date | None = None,
) -> ActionUpdate:
    """A dated progress note that may change the status; completing needs the day and evidence."""
    locked = Action.objects.select_for_update().get(pk=action.pk)
    if not note.strip():
        raise ValidationError({"note": "Say what has happened"})
    locked.status = status
    if percent_complete is not None:
        locked.percent_complete = percent_complete
    if status == Action.Status.COMPLETE:
        locked.completed_on = completed_on or locked.completed_on
        locked.evidence = evidence.strip() or locked.evidence
        locked.percent_complete = 100
    else:
        locked.completed_on = None
    save(locked)
    return save(
        ActionUpdate(
            action=locked,
            written_on=written_on or timezone.localdate(),
            note=note.strip(),
            status=status,
            author=author,
        )
    )


@transaction.atomic
def action_link_add(*, action: Action, prompt: Mapping[str, Any]) -> ActionLink:
    return _link(action, prompt)
