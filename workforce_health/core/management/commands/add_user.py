import getpass
import os
from argparse import ArgumentParser
from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from workforce_health.core import selectors, services
from workforce_health.core.models import Membership


class Command(BaseCommand):
    help = (
        "Add a sign-in with a role in one organisation. The password is asked for, "
        "or read from the WORKFORCE_HEALTH_PASSWORD environment variable."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--organisation", required=True, help="the organisation's LA code")
        parser.add_argument("--username", required=True)
        parser.add_argument("--role", required=True, choices=Membership.Role.values)
        parser.add_argument("--email", default="")
        parser.add_argument("--first-name", default="")
        parser.add_argument("--last-name", default="")
        parser.add_argument("--service", default="", help="service name (service managers)")
        parser.add_argument("--team", default="", help="team name (team managers)")

    def handle(self, *args: Any, **options: Any) -> None:
        organisation = selectors.organisation_get(la_code=options["organisation"])
        if organisation is None:
            raise CommandError(
                f"--organisation: no organisation has LA code {options['organisation']!r}"
            )
        service = team = None
        if options["service"]:
            service = organisation.services.filter(name=options["service"]).first()
            if service is None:
                raise CommandError(
                    f"--service: {organisation} has no service {options['service']!r}"
                )
        if options["team"]:
            team = organisation.teams.filter(name=options["team"]).first()
            if team is None:
                raise CommandError(f"--team: {organisation} has no team {options['team']!r}")
        password = os.environ.get("WORKFORCE_HEALTH_PASSWORD") or getpass.getpass("Password: ")
        try:
            with transaction.atomic():
                services.user_with_membership_create(
                    username=options["username"],
                    password=password,
                    organisation=organisation,
                    role=options["role"],
                    email=options["email"],
                    first_name=options["first_name"],
                    last_name=options["last_name"],
                    service=service,
                    team=team,
                )
        except ValidationError as error:
            raise CommandError(f"User not added. {' '.join(error.messages)}") from error
        self.stdout.write(f"Added {options['username']} as {options['role']} at {organisation}.")
