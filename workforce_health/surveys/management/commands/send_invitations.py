from argparse import ArgumentParser
from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from workforce_health.surveys.management import lookup
from workforce_health.surveys.services import invitations


class Command(BaseCommand):
    help = (
        "Email personal links to invitees of an open wave who have not been sent one "
        "(for example, after adding email addresses). Links are never sent twice."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--organisation", required=True, help="the organisation's LA code")
        parser.add_argument("--wave", required=True, help="the wave's short name (slug)")
        lookup.add_base_url_argument(parser)

    def handle(self, *args: Any, **options: Any) -> None:
        wave = lookup.wave_from(options["wave"], options["organisation"])
        try:
            sent, without = invitations.invitations_send(wave=wave, base_url=options["base_url"])
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from error
        self.stdout.write(f"{sent} emailed, {without} still without an email address")
