import json
from argparse import ArgumentParser
from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from workforce_health.core.scope import Scope
from workforce_health.listening import selectors, services, survey_adapter
from workforce_health.listening.management.commands._lookup import (
    date_from,
    organisation_from,
)
from workforce_health.listening.models import PulseSeries
from workforce_health.surveys.models import Wave


class Command(BaseCommand):
    help = (
        "Pulse surveys: `create` a series following a Health Check, `run` the schedule (daily: "
        "opens due pulses and emails their invitations, closes ended ones), `list` the series."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        commands = parser.add_subparsers(dest="command", required=True)
        create = commands.add_parser("create", help="start a pulse series")
        create.add_argument("--organisation", required=True, help="DfE LA code")
        create.add_argument(
            "--questionnaire",
            default=survey_adapter.ENGAGEMENT_PULSE,
            help="questionnaire code (default: engagement-pulse) of 5 to 12 questions",
        )
        create.add_argument("--every", choices=PulseSeries.Every.values, required=True)
        create.add_argument(
            "--follows",
            required=True,
            help="slug of the Health Check wave it follows (its services, staff groups and "
            "smallest group sizes are used)",
        )
        create.add_argument("--title", help="name of the series")
        create.add_argument("--starts", help="date of the first pulse, YYYY-MM-DD (today)")
        create.add_argument("--open-days", type=int, default=14, help="days each pulse is open")
        run = commands.add_parser("run", help="open due pulses and close ended ones")
        run.add_argument("--today", help="YYYY-MM-DD (default: today)")
        run.add_argument(
            "--base-url",
            help="the service's address for invitation links, e.g. https://workforce.example.gov.uk;"
            " without it pulses open but no email is sent",
        )
        listing = commands.add_parser("list", help="the series and their pulses")
        listing.add_argument("--organisation", required=True, help="DfE LA code")
        listing.add_argument("--format", choices=["table", "json"], default="table")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            getattr(self, f"_{options['command']}")(options)
        except ValidationError as error:
            raise CommandError("; ".join(error.messages)) from error

    def _create(self, options: dict[str, Any]) -> None:
        organisation = organisation_from(options["organisation"])
        questionnaire = survey_adapter.questionnaire_for(
            organisation=organisation, key=options["questionnaire"]
        )
        if questionnaire is None:
            raise CommandError(f"--questionnaire: no questionnaire {options['questionnaire']!r}")
        reference = Wave.objects.filter(
            organisation=organisation, slug=options["follows"], purpose=Wave.Purpose.HEALTH_CHECK
        ).first()
        if reference is None:
            raise CommandError(
                f"--follows: {organisation} has no Health Check {options['follows']!r}"
            )
        starts = (
            date_from(options["starts"], "--starts") if options["starts"] else timezone.localdate()
        )
        series = services.pulse_series_create(
            organisation=organisation,
            title=options["title"] or f"{reference.title}: {questionnaire.title}",
            questionnaire=questionnaire,
            reference_wave=reference,
            every=options["every"],
            starts_on=starts,
            open_days=options["open_days"],
        )
        self.stdout.write(
            f"Created {series.title} ({series.get_every_display().lower()} from {starts}); "
            "`workforce-health pulse run` opens its pulses when due"
        )

    def _run(self, options: dict[str, Any]) -> None:
        today = date_from(options["today"], "--today") if options["today"] else None
        done = services.pulses_run(today=today, base_url=options["base_url"])
        for pulse in done.closed:
            self.stdout.write(f"Closed {pulse.wave.title}")
        for pulse in done.opened:
            self.stdout.write(f"Opened {pulse.wave.title} until {pulse.wave.closes_on}")
        for series, start, why in done.skipped:
            self.stdout.write(f"Skipped {series.title} for {start}: {why}")
        if not (done.closed or done.opened or done.skipped):
            self.stdout.write("Nothing due")

    def _list(self, options: dict[str, Any]) -> None:
        scope = Scope.whole(organisation_from(options["organisation"]))
        rows: list[dict[str, Any]] = [
            {
                "title": s.title,
                "questionnaire": s.questionnaire.code,
                "every": s.every,
                "follows": s.reference_wave.slug,
                "starts_on": s.starts_on.isoformat(),
                "pulses": [
                    {
                        "slug": p.wave.slug,
                        "opens_on": p.wave.opens_on.isoformat(),
                        "closes_on": p.wave.closes_on.isoformat(),
                        "status": p.wave.status,
                    }
                    for p in selectors.series_pulses(s)
                ],
            }
            for s in selectors.series_list(scope=scope)
        ]
        if options["format"] == "json":
            self.stdout.write(json.dumps(rows, indent=2, ensure_ascii=False))
            return
        for row in rows:
            self.stdout.write(f"{row['title']} ({row['every']}, follows {row['follows']})")
            for pulse in row["pulses"]:
                self.stdout.write(
                    f"  {pulse['slug']}: {pulse['opens_on']} to {pulse['closes_on']}, "
                    f"{pulse['status']}"
                )
