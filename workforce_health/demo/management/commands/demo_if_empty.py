from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand

from workforce_health.core import selectors
from workforce_health.demo.loader import demo_is_loaded, demo_load, demo_sign_ins
from workforce_health.demo.management.commands.demo import benchmarks_loaded_text
from workforce_health.demo.output import SITE_URL, sign_in_table


class Command(BaseCommand):
    help = (
        "Load the demo council only if the database has no organisations at all; print the demo "
        "sign-ins whenever the demo is loaded."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument(
            "--site-url",
            default=SITE_URL,
            help="the address printed with the sign-ins (default: %(default)s)",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if not selectors.organisation_list().exists():
            benchmarks = benchmarks_loaded_text()  # first: the demo's reports compare with them
            result = demo_load()
            self.stdout.write(f"Loaded the demo council {result.organisation}.\n")
            self.stdout.write(benchmarks)
        elif not demo_is_loaded():
            self.stdout.write("The database already has organisations: the demo was not loaded.")
            return
        self.stdout.write(sign_in_table(demo_sign_ins(), site_url=options["site_url"]))
