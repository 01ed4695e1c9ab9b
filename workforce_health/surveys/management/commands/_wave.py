"""Shared arguments for the wave commands: --organisation LA code and --wave slug."""

from argparse import ArgumentParser
from typing import Any

from django.conf import settings
from django.core.management.base import CommandError

from workforce_health.core import selectors as core_selectors
from workforce_health.surveys import selectors
from workforce_health.surveys.models import Wave


def add_wave_arguments(parser: ArgumentParser) -> None:
    parser.add_argument("--organisation", required=True, help="the organisation's LA code")
    parser.add_argument("--wave", required=True, help="the wave's short name (slug)")


def add_base_url_argument(parser: ArgumentParser) -> None:
    parser.add_argument(
        "--base-url",
        default=getattr(settings, "SITE_URL", "http://127.0.0.1:8000"),
        help="the service's address, for the links in invitation emails",
    )


def wave_from(options: dict[str, Any]) -> Wave:
    organisation = core_selectors.organisation_get(la_code=options["organisation"])
    if organisation is None:
        raise CommandError(
            f"--organisation: no organisation has LA code {options['organisation']!r}"
        )
    wave = selectors.wave_by_slug(organisation=organisation, slug=options["wave"])
    if wave is None:
        raise CommandError(f"--wave: {organisation} has no survey wave {options['wave']!r}")
    return wave
