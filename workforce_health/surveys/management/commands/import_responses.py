"""workforce-health import-responses --organisation LA --wave SLUG FILE [--invited INVITED_FILE]
(docs/survey-import.md)."""

import datetime
from argparse import ArgumentParser
from pathlib import Path
from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from workforce_health.surveys import selectors
from workforce_health.surveys.management.commands import _survey_lookup as lookup
from workforce_health.surveys.results import imports


class Command(BaseCommand):
    help = (
        "Import an earlier year's responses (CSV or XLSX) into a past wave; with --year, "
        "--service and --title the closed wave is created first. All rows or none."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--organisation", required=True, help="the organisation's LA code")
        parser.add_argument("--wave", required=True, help="the wave's short name (slug)")
        parser.add_argument("file", type=Path, help="a .csv or .xlsx file")
        parser.add_argument("--year", type=int, help="create the wave: the year it ran")
        parser.add_argument("--service", action="append", default=[], help="service name")
        parser.add_argument("--title", help="the new wave's title")
        parser.add_argument("--questionnaire", default="social-work-health-check")
        parser.add_argument(
            "--invited",
            type=Path,
            metavar="INVITED_FILE",
            help="how many were invited in each group (.csv or .xlsx), stored with the responses",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        organisation = lookup.organisation_from(options["organisation"])
        wave = selectors.wave_by_slug(organisation=organisation, slug=options["wave"])
        path: Path = options["file"]
        data = _read(path)
        invited_path: Path | None = options["invited"]
        invited = (
            imports.Upload(_read(invited_path, "--invited: "), invited_path.name)
            if invited_path
            else None
        )
        try:
            if wave is not None:
                result = imports.responses_import(
                    wave=wave, source=data, filename=path.name, invited=invited
                )
            elif options["year"] and options["service"] and options["title"]:
                # A new past wave and its responses are stored together or not at all.
                result = imports.past_wave_import(
                    source=data,
                    filename=path.name,
                    invited=invited,
                    organisation=organisation,
                    questionnaire=lookup.questionnaire_from(options["questionnaire"], organisation),
                    title=options["title"],
                    slug=options["wave"],
                    services=lookup.services_from(options["service"], organisation),
                    opens_on=datetime.date(options["year"], 1, 1),
                    closes_on=datetime.date(options["year"], 12, 31),
                )
            else:
                raise CommandError(
                    f"--wave: {organisation} has no wave {options['wave']!r}; give --year, "
                    "--service and --title to create it"
                )
        except ValidationError as error:
            raise CommandError(lookup.error_text(error)) from error
        if result.errors:
            raise CommandError("Nothing was imported:\n" + "\n".join(result.errors))
        invited_text = (
            f"; recorded {result.invited} invited in {result.invited_groups} groups"
            if result.invited is not None
            else ""
        )
        self.stdout.write(
            f"Imported {result.created} responses into {result.wave.title}{invited_text}"
        )


def _read(path: Path, option: str = "") -> bytes:
    try:
        return path.read_bytes()
    except OSError as error:
        raise CommandError(f"{option}{path}: {error.strerror or error}") from error
