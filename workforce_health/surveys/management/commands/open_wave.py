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
from workforce_health.surveys.models import Wave


class Command(BaseCommand):
    help = "Open a survey wave: snapshot every invitee's group, then email their personal links."

    def add_arguments(self, parser: ArgumentParser) -> None:
        add_wave_arguments(parser)
        add_base_url_argument(parser)

    def handle(self, *args: Any, **options: Any) -> None:
        wave = wave_from(options)
        try:
            invited = services.wave_open(wave=wave)
            sent, without = services.invitations_send(
                wave=Wave.objects.get(pk=wave.pk), base_url=options["base_url"]
            )
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from error
        self.stdout.write(
            f"{wave.title} is open: {invited} invited, {sent} emailed, "
            f"{without} without an email address (give them the shared link)"
        )
