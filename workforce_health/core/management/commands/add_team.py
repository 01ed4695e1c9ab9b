from argparse import ArgumentParser
from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from workforce_health.core import services
from workforce_health.core.models import Team

from ._options import organisation_from, problems


class Command(BaseCommand):
    help = "Add a team to one of a council's services."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--organisation", required=True, help="the organisation's LA code")
        parser.add_argument("--service", required=True, help="the service's name")
        parser.add_argument("--name", required=True, help="the team's name")
        parser.add_argument(
            "--type",
            required=True,
            dest="team_type",
            choices=Team.TeamType.values,
            metavar="TYPE",
            help=f"the kind of team, one of: {', '.join(Team.TeamType.values)}",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        organisation = organisation_from(options["organisation"])
        service = organisation.services.filter(name=options["service"]).first()
        if service is None:
            names = ", ".join(organisation.services.values_list("name", flat=True))
            raise CommandError(
                f"--service: {organisation} has no service {options['service']!r}; "
                + (
                    f"choose from {names}"
                    if names
                    else "add one with `workforce-health add-service`"
                )
            )
        try:
            team = services.team_create(
                organisation=organisation,
                service=service,
                name=options["name"],
                team_type=options["team_type"],
            )
        except ValidationError as error:
            raise CommandError(
                f"Team not added. {problems(error, {'team_type': '--type'})}"
            ) from error
        self.stdout.write(f"Added {team.name} ({team.get_team_type_display()}) to {service}.")
