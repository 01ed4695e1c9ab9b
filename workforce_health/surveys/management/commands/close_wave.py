from argparse import ArgumentParser
from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from workforce_health.surveys import services
from workforce_health.surveys.management.commands._wave import add_wave_arguments, wave_from


class Command(BaseCommand):
    help = "Close a survey wave: no more responses are accepted."

    def add_arguments(self, parser: ArgumentParser) -> None:
        add_wave_arguments(parser)

    def handle(self, *args: Any, **options: Any) -> None:
        wave = wave_from(options)
        try:
            services.wave_close(wave=wave)
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from error
        self.stdout.write(f"{wave.title} is closed")
