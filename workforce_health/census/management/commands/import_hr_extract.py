from argparse import ArgumentParser
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from workforce_health.census.services import hr_extract_import
from workforce_health.core.models import Organisation


class Command(BaseCommand):
    help = "Import an HR extract (CSV or XLSX, layout in docs/census-and-hr-import.md)."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--organisation", required=True, help="DfE 3-digit LA code")
        parser.add_argument("file", type=Path, help="the .csv or .xlsx extract")
        parser.add_argument(
            "--create-teams", action="store_true", help="add services and teams that do not exist"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        organisation = Organisation.objects.filter(la_code=options["organisation"]).first()
        if organisation is None:
            raise CommandError(
                f"--organisation: no organisation has LA code {options['organisation']}"
            )
        path: Path = options["file"]
        if not path.is_file():
            raise CommandError(f"{path}: no such file")
        with path.open("rb") as source:
            result = hr_extract_import(
                organisation=organisation,
                name=path.name,
                source=source,
                create_teams=options["create_teams"],
            )
        if not result.ok:
            for error in result.errors:
                self.stderr.write(error)
            read = f" ({result.rows} rows read)" if result.rows else ""
            raise CommandError(
                f"Nothing imported: {len(result.errors)} error(s) in {path.name}{read}."
            )
        counts = ", ".join(f"{k.replace('_', ' ')} {v}" for k, v in result.counts.items())
        self.stdout.write(f"Imported {result.rows} rows into {organisation}: {counts}.")
