"""Shared by the development models: same-organisation checks and date order."""

import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.utils import timezone


def same_organisation(instance: Any, *fields: str) -> dict[str, str]:
    """Errors for related records (people, teams) from another organisation."""
    errors = {}
    for name in fields:
        related = getattr(instance, name, None)
        if related is not None and related.organisation_id != instance.organisation_id:
            errors[name] = "Choose someone or something in this organisation"
    return errors


def not_in_future(day: datetime.date | None, field: str, what: str) -> dict[str, str]:
    if day is not None and day > timezone.localdate():
        return {field: f"{what} must be today or in the past"}
    return {}


def ends_after_start(
    start: datetime.date | None, end: datetime.date | None, field: str = "ends_on"
) -> dict[str, str]:
    if start is not None and end is not None and end < start:
        return {field: "The end date must be the same as or after the start date"}
    return {}


def raise_errors(errors: dict[str, str]) -> None:
    if errors:
        raise ValidationError(errors)
