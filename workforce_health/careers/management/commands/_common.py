"""Shared by the careers commands: the organisation by LA code and its organisation-wide view."""

from django.core.management.base import CommandError

from workforce_health.core import selectors as core_selectors
from workforce_health.core.models import Membership, Organisation


def organisation_viewer(la_code: str) -> tuple[Organisation, Membership]:
    organisation = core_selectors.organisation_get(la_code=la_code)
    if organisation is None:
        raise CommandError(f"--organisation: no organisation has LA code {la_code!r}")
    return organisation, Membership(organisation=organisation, role=Membership.Role.ADMINISTRATOR)
