from argparse import ArgumentParser
from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from workforce_health.core import services


class Command(BaseCommand):
    help = "Add a council (organisation) by its DfE local authority code."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--la-code", required=True, help="DfE 3-digit local authority code")
        parser.add_argument("--name", required=True, help="the council's name")
        parser.add_argument("--region", default="", help="English region name or ONS code")
        parser.add_argument("--ons-code", default="", help="ONS code, like E08000031")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            organisation = services.organisation_create(
                name=options["name"],
                la_code=options["la_code"],
                region=options["region"],
                ons_code=options["ons_code"],
            )
        except ValueError as error:
            raise CommandError(f"--region: {error}") from error
        except ValidationError as error:
            problems = "; ".join(
                f"--{field.replace('_', '-')}: {' '.join(messages)}"
                for field, messages in error.message_dict.items()
            )
            raise CommandError(f"Organisation not added. {problems}") from error
        self.stdout.write(f"Added {organisation.name} (LA code {organisation.la_code}).")
