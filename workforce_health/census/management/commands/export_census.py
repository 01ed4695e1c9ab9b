from argparse import ArgumentParser
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from workforce_health.census import YEARS
from workforce_health.census.management.commands.import_census import describe
from workforce_health.census.services import census_return_export
from workforce_health.core.models import Organisation


class Command(BaseCommand):
    help = "Write the DfE census return for one council and year, if it passes validation."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--organisation", required=True, help="DfE 3-digit LA code")
        parser.add_argument("--year", type=int, required=True, choices=YEARS)
        parser.add_argument("--output", type=Path, required=True, help="file to write")

    def handle(self, *args: Any, **options: Any) -> None:
        organisation = Organisation.objects.filter(la_code=options["organisation"]).first()
        if organisation is None:
            raise CommandError(
                f"--organisation: no organisation has LA code {options['organisation']}"
            )
        outcome = census_return_export(organisation=organisation, year=options["year"], user=None)
        for finding in outcome.findings:
            person = outcome.person_of(finding)
            who = f" [{person.full_name}, employee {person.employee_number}]" if person else ""
            label = "Error" if finding.is_error else "Warning"
            self.stderr.write(f"{label}: {describe(finding)}{who}")
        if outcome.data is None:
            raise CommandError(
                f"Not written: {len(outcome.errors)} error(s) in {outcome.failing_records} "
                "record(s) would fail DfE validation. Fix the records listed and export again."
            )
        options["output"].write_bytes(outcome.data)
        self.stdout.write(
            f"Wrote the {options['year']} return for {organisation} with "
            f"{outcome.worker_count} worker records to {options['output']}."
        )
