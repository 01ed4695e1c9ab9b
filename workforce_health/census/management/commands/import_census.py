from argparse import ArgumentParser
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from workforce_health.census import YEARS
from workforce_health.census.rules import Finding
from workforce_health.census.services import census_return_import


def describe(finding: Finding) -> str:
    """``worker N (SW****01), Element line L: message`` (csww-census.md §9.3 last paragraph)."""
    where = []
    if finding.worker is not None:
        swe = f" ({finding.swe_display})" if finding.swe_no else ""
        where.append(f"worker {finding.worker}{swe}")
    element = " ".join(
        part
        for part in (finding.element or "", f"line {finding.line}" if finding.line else "")
        if part
    )
    if element:
        where.append(element)
    prefix = ", ".join(where)
    return f"{prefix}: {finding.message}" if prefix else finding.message


class Command(BaseCommand):
    help = "Import a DfE children's social work workforce census return (XML, 2021-2025)."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("file", type=Path, help="the census XML return")
        parser.add_argument("--year", type=int, choices=YEARS, help="census year, if not in file")
        parser.add_argument(
            "--create-organisation",
            action="store_true",
            help="add the council from the DfE list of LA codes if it does not exist yet",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        path: Path = options["file"]
        if not path.is_file():
            raise CommandError(f"{path}: no such file")
        result = census_return_import(
            source=path,
            user=None,
            year=options["year"],
            file_name=path.name,
            create_organisation=options["create_organisation"],
        )
        for finding in result.findings:
            if not finding.is_error:
                self.stderr.write(f"Warning: {describe(finding)}")
        if not result.ok or result.log is None:
            for finding in result.errors:
                self.stderr.write(describe(finding))
            raise CommandError(
                f"Nothing imported: {len(result.errors)} error(s) in {path.name}. Fix them and "
                "import the whole file again."
            )
        log = result.log
        self.stdout.write(
            f"Imported the {log.year} return for {log.organisation} ({log.organisation.la_code}): "
            f"{log.worker_count} worker records; people {log.people_created} added, "
            f"{log.people_updated} updated; employments {log.employments_created} added, "
            f"{log.employments_updated} updated."
        )
