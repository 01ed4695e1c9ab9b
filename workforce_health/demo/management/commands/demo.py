import time
from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from workforce_health.benchmarks.services import benchmarks_demo_load
from workforce_health.demo import council
from workforce_health.demo.careers import demo_careers_republish
from workforce_health.demo.errors import DemoError
from workforce_health.demo.loader import demo_is_loaded, demo_load, demo_organisation, demo_reset
from workforce_health.demo.output import SITE_URL, sign_in_table


class Command(BaseCommand):
    help = (
        f"Load the demo council ({council.NAME}): services, teams, staff and employment history "
        "since 2016, and a demo sign-in for every role. Refuses if it is already loaded."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument(
            "--site-url",
            default=SITE_URL,
            help="the address printed with the sign-ins (default: %(default)s)",
        )
        parser.add_argument(
            "--reset", action="store_true", help="delete the demo organisation, then load it again"
        )
        parser.add_argument(
            "--seed",
            type=int,
            default=council.DEFAULT_SEED,
            help="random seed (default: %(default)s)",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["reset"] and demo_is_loaded():
            demo_reset()
            self.stdout.write("Deleted the demo council.")
        started = time.monotonic()
        benchmarks = benchmarks_loaded_text()  # first: the demo's reports compare with them
        try:
            result = demo_load(seed=options["seed"])
        except DemoError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            f"Loaded {result.organisation} in {time.monotonic() - started:.1f} s: "
            f"{result.people} people, {result.employments} employment spells.\n"
        )
        self.stdout.write(benchmarks)
        self.stdout.write(sign_in_table(result.sign_ins, site_url=options["site_url"]))


def benchmarks_loaded_text() -> str:
    """Load the DfE benchmark data the demo compares with, and say what was loaded."""
    releases = benchmarks_demo_load()
    organisation = demo_organisation()
    if organisation is not None:  # its careers page compares with England: publish it again
        demo_careers_republish(organisation=organisation)
    names = ", ".join(f"{r.release} ({r.source_file})" for r in releases)
    return f"DfE benchmark data: {names}.\n"
