"""Shared by the careers commands: the organisation by LA code and its whole scope."""

from django.core.management.base import CommandError

from workforce_health.core import selectors as core_selectors
from workforce_health.core.models import Organisation
from workforce_health.core.scope import Scope


def organisation_scope(la_code: str) -> tuple[Organisation, Scope]:
    organisation = core_selectors.organisation_get(la_code=la_code)
    if organisation is None:
        raise CommandError(f"--organisation: no organisation has LA code {la_code!r}")
    return organisation, Scope.whole(organisation)
