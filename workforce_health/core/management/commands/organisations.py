import json
from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand

from workforce_health.core import selectors


class Command(BaseCommand):
    help = "List the councils (organisations) in this deployment."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--format", choices=["table", "json"], default="table")

    def handle(self, *args: Any, **options: Any) -> None:
        rows = [
            {
                "la_code": o.la_code,
                "name": o.name,
                "region": o.get_region_display(),
                "region_code": o.region,
                "ons_code": o.ons_code,
            }
            for o in selectors.organisation_list()
        ]
        if options["format"] == "json":
            self.stdout.write(json.dumps(rows, indent=2))
            return
        if not rows:
            self.stdout.write(
                "No organisations yet. Add one with: workforce-health add-organisation"
            )
            return
        self.stdout.write(f"{'LA code':<8}{'Name':<40}Region")
        for row in rows:
            self.stdout.write(f"{row['la_code']:<8}{row['name']:<40}{row['region']}")
