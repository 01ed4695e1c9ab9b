from argparse import ArgumentParser
from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from workforce_health.benchmarks import selectors, services
from workforce_health.core import selectors as core_selectors


class Command(BaseCommand):
    help = "Show or set an organisation's comparator councils (statistical neighbours)."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument(
            "--organisation", required=True, metavar="LA", help="the organisation's LA code"
        )
        parser.add_argument(
            "--set",
            metavar="CODES",
            help='comma-separated DfE LA codes, e.g. "330,331,336"; "" clears the list',
        )

    def handle(self, *args: Any, **options: Any) -> None:
        organisation = core_selectors.organisation_get(la_code=options["organisation"])
        if organisation is None:
            raise CommandError(
                f"No organisation with LA code {options['organisation']!r}. "
                "List them with: workforce-health organisations"
            )
        if options["set"] is not None:
            try:
                services.comparators_set(organisation=organisation, la_codes=options["set"])
            except ValidationError as error:
                raise CommandError("; ".join(error.messages)) from error
        codes = selectors.comparator_codes(organisation=organisation)
        if not codes:
            self.stdout.write(f"{organisation} has no comparator councils.")
            return
        names = {c["code"]: c["name"] for c in selectors.council_list(organisation=organisation)}
        self.stdout.write(f"Comparator councils of {organisation}:")
        for code in codes:
            name = next((n for joint, n in names.items() if code in joint.split(" / ")), "")
            self.stdout.write(f"{code:<8}{name}")
