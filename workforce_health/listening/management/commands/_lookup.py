"""Shared by the listening commands: the organisation (the command line sees all of it, through
`core.scope.Scope.whole`) and dates."""

import datetime

from django.core.management.base import CommandError

from workforce_health.core import selectors as core_selectors
from workforce_health.core.models import Organisation


def organisation_from(la_code: str) -> Organisation:
    organisation = core_selectors.organisation_get(la_code=la_code)
    if organisation is None:
        raise CommandError(f"--organisation: no organisation has the LA code {la_code!r}")
    return organisation


def date_from(text: str, option: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(text)
    except ValueError as error:
        raise CommandError(f"{option}: enter a date as YYYY-MM-DD, not {text!r}") from error
