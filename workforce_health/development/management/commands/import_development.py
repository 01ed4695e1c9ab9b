from argparse import ArgumentParser
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from workforce_health.core import selectors as core_selectors
from workforce_health.development import imports, limits, services


class Command(BaseCommand):
    help = (
        "Import supervision sessions, CPD, ASYE enrolments or secondments from a CSV or XLSX "
        "file (layouts: docs/development-records.md). All or nothing: every error is listed "
        "with its row and column; rows already recorded are left as they are."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("file", type=Path, metavar="FILE", help="a .csv or .xlsx file")
        parser.add_argument("--organisation", required=True, help="the organisation's LA code")
        parser.add_argument("--kind", required=True, choices=list(imports.KINDS))

    def handle(self, *args: Any, **options: Any) -> None:
        organisation = core_selectors.organisation_get(la_code=options["organisation"])
        if organisation is None:
            raise CommandError(
                f"--organisation: no organisation has LA code {options['organisation']!r}"
            )
        path: Path = options["file"]
        if not path.is_file():
            raise CommandError(f"{path}: no such file")
        problem = limits.size_problem(path.stat().st_size)
        if problem:
            raise CommandError(f"{path.name}: {problem}")
        result = services.records_import(
            organisation=organisation,
            kind=options["kind"],
            name=path.name,
            data=path.read_bytes(),
            user=None,
        )
        if not result.ok:
            for error in result.errors:
                self.stderr.write(f"{path.name}: {error}")
            raise CommandError(f"{path.name}: nothing imported ({len(result.errors)} errors)")
        self.stdout.write(
            f"{path.name}: {result.created} {imports.KINDS[options['kind']].label.lower()} "
            f"imported, {result.already_recorded} already recorded"
        )
