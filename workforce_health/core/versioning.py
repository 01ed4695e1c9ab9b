"""Optimistic locking for records several people edit (teams, people, employments, report
drafts, questionnaire copies, draft waves, comparator councils).

Each such model is ``Versioned``: its ``lock_version`` goes up by one on every save. A form that
edits one carries the version it was opened at (a hidden field, ``web.conflicts``); the service
calls ``version_check`` inside its transaction, which locks the row and, if the version has
moved on since, raises ``EditConflict`` with the record as it is saved now, so the page can show
what changed instead of silently writing over someone else's work. Writers without a form
(imports, commands) save without a check and still move the version on.
"""

from typing import Any, TypeVar

from django.db import models


class Versioned(models.Model):
    lock_version = models.PositiveIntegerField(
        default=1, editable=False, help_text="Goes up by one on every save (optimistic locking)"
    )

    class Meta:
        abstract = True

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self._state.adding:
            self.lock_version = (self.lock_version or 0) + 1
            if kwargs.get("update_fields") is not None:
                kwargs["update_fields"] = {*kwargs["update_fields"], "lock_version"}
        super().save(*args, **kwargs)


V = TypeVar("V", bound=Versioned)


class EditConflict(Exception):
    """The record was saved by someone else after the form was opened."""

    def __init__(self, current: Versioned) -> None:
        super().__init__(f"{current} was changed by someone else")
        self.current = current  # as it is saved now


def version_check(instance: V, expected: int | None) -> V:
    """Lock ``instance``'s row (call inside the service's transaction) and raise
    ``EditConflict`` if its saved version is no longer ``expected`` (the version the form was
    opened at; None: no form, no check). The save that follows moves the version on from the
    saved one. Returns ``instance``."""
    if instance.pk is None:
        return instance
    model = type(instance)
    saved = model._default_manager.select_for_update().filter(pk=instance.pk)
    version = saved.values_list("lock_version", flat=True).first()
    if version is None:  # deleted meanwhile: the save will say so
        return instance
    if expected is not None and version != expected:
        raise EditConflict(model._default_manager.get(pk=instance.pk))
    instance.lock_version = version
    return instance


def versions_moved_on(instances: list[Any]) -> list[str]:
    """For bulk updates, which bypass ``save``: move each versioned instance's version on and
    return ["lock_version"] to add to the fields written (else [])."""
    versioned = [i for i in instances if isinstance(i, Versioned)]
    for instance in versioned:
        instance.lock_version = (instance.lock_version or 0) + 1
    return ["lock_version"] if versioned else []
