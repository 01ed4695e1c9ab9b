"""The one way this app saves a row: every field and model rule checked first."""

from typing import TypeVar

from django.db.models import Model

M = TypeVar("M", bound=Model)


def save(instance: M) -> M:
    instance.full_clean()
    instance.save()
    return instance
