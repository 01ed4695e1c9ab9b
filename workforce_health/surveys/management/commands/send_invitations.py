from argparse import ArgumentParser
from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from workforce_health.surveys import services
from workforce_health.surveys.management.commands._wave import (
    add_base_url_argument,
    add_wave_arguments,
    wave_from,
)


class Command(BaseCommand):
    help = (
        "Email personal links to invitees of an open wave who have not been sent one "
        "(for example, after adding email addresses). Links are never sent twice."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        add_wave_arguments(parser)
        add_base_url_argument(parser)

    def handle(self, *args: Any, **options: Any) -> None:
        wave = wave_from(options)
        try:
            sent, without = services.invitations_send(wave=wave, base_url=options["base_url"])
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from error
        self.stdout.write(f"{sent} emailed, {without} still without an email address")
