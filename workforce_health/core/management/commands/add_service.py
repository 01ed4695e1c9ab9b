from argparse import ArgumentParser
from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from workforce_health.core import services
from workforce_health.core.models import Service

from ._options import organisation_from, problems


class Command(BaseCommand):
    help = "Add a service (children's services, adult social care or other) to a council."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--organisation", required=True, help="the organisation's LA code")
        parser.add_argument("--name", required=True, help="the service's name")
        parser.add_argument(
            "--kind",
            required=True,
            choices=Service.Kind.values,
            help="children (counted in the DfE measures and the census return), adults or other",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        organisation = organisation_from(options["organisation"])
        try:
            service = services.service_create(
                organisation=organisation, name=options["name"], kind=options["kind"]
            )
        except ValidationError as error:
            raise CommandError(f"Service not added. {problems(error)}") from error
        self.stdout.write(f"Added {service.name} ({service.get_kind_display()}) to {organisation}.")
