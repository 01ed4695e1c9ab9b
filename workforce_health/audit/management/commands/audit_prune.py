from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand

from workforce_health.audit import services


class Command(BaseCommand):
    help = "Delete audit entries older than AUDIT_RETENTION_DAYS (run it daily, e.g. from cron)."

    def handle(self, *args: Any, **options: Any) -> None:
        deleted = services.audit_prune()
        self.stdout.write(
            f"Deleted {deleted} audit entr{'y' if deleted == 1 else 'ies'} older than "
            f"{settings.AUDIT_RETENTION_DAYS} days."
        )
