from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from workforce_health.signin import services


class Command(BaseCommand):
    help = "Unlock a sign-in locked after too many wrong passwords: an account or an address."

    def add_arguments(self, parser: ArgumentParser) -> None:
        which = parser.add_mutually_exclusive_group(required=True)
        which.add_argument("--username", help="the locked account's username")
        which.add_argument("--address", help="the locked network address")

    def handle(self, *args: Any, **options: Any) -> None:
        kind, value = (
            ("account", options["username"])
            if options["username"]
            else ("address", options["address"])
        )
        removed = services.sign_in_unlock(kind=kind, value=value, by="the command line")
        if not removed:
            raise CommandError(f"No failed sign-ins are recorded for {value!r}.")
        self.stdout.write(
            f"Unlocked {value} ({removed} record{'s' if removed != 1 else ''} removed)."
        )
