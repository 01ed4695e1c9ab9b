"""What every survey write shares: validate, then save."""

from typing import TypeVar

from django.db import models

Model = TypeVar("Model", bound=models.Model)


def save(instance: Model) -> Model:
    instance.full_clean()
    instance.save()
    return instance


def clean_in_transaction(instance: Model) -> Model:
    """`full_clean()` without its database look-ups, for the respondent's writes.

    Every field rule and the model's `clean()` still run. Left out: the check that the wave
    exists (the caller holds the wave it just read; the foreign key refuses anything else) and
    the unique checks (the unique indexes refuse a duplicate inside the transaction, where a
    look-up beforehand could not see a concurrent insert anyway). Saves 2-3 round trips a write.
    """
    instance.clean_fields(exclude={"wave"})
    instance.clean()
    return instance
