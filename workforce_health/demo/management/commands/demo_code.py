import time
from typing import Any

from django.core.management.base import BaseCommand

from workforce_health.demo.mfa import DEMO_TOTP_SECRET, demo_code


class Command(BaseCommand):
    help = (
        "Print the demo administrator's and lead's current authenticator code (the demo's "
        "published key; useless for any other account)."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        now = time.time()
        seconds = 30 - int(now) % 30
        self.stdout.write(
            f"{demo_code(now)}  (for the demo's admin and lead; changes in {seconds} s; "
            f"key {DEMO_TOTP_SECRET})"
        )
