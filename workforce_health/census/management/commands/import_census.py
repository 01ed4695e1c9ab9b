from argparse import ArgumentParser
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

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
    help = (
        "Import DfE children's social work workforce census returns (XML, 2021-2025). "
        "Every file is checked; if any has an error, none is imported."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("files", nargs="+", type=Path, metavar="FILE", help="census returns")
        parser.add_argument("--year", type=int, choices=YEARS, help="census year, if not in file")
        parser.add_argument(
            "--create-organisation",
            action="store_true",
            help="add the council from the DfE list of LA codes if it does not exist yet",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        """Files are imported in order in one transaction, rolled back if any file fails.

        So each file is all or nothing, every file is checked and reported, and a later file
        is never stored when an earlier one fails (nor an earlier one when a later one fails).
        """
        done: list[tuple[str, str]] = []
        failed: list[str] = []
        with transaction.atomic():
            for path in options["files"]:
                summary = self._import(path, options)
                if summary is None:
                    failed.append(path.name)
                else:
                    done.append((path.name, summary))
            transaction.set_rollback(bool(failed))
        if failed:
            for name, _ in done:
                self.stderr.write(f"{name}: no errors, but not imported.")
            raise CommandError(
                f"Nothing imported: {len(failed)} of {len(options['files'])} file(s) had errors "
                f"({', '.join(failed)}). Fix them and import all the files again."
            )
        for _, summary in done:
            self.stdout.write(summary)

    def _import(self, path: Path, options: dict[str, Any]) -> str | None:
        """Import one file; its summary line, or ``None`` after writing its errors."""
        if not path.is_file():
            self.stderr.write(f"{path.name}: no such file ({path})")
            return None
        result = census_return_import(
            source=path,
            user=None,
            year=options["year"],
            file_name=path.name,
            create_organisation=options["create_organisation"],
        )
        for finding in result.findings:
            if not finding.is_error:
                self.stderr.write(f"{path.name}: Warning: {describe(finding)}")
        if result.log is None:
            for finding in result.errors:
                self.stderr.write(f"{path.name}: {describe(finding)}")
            self.stderr.write(f"{path.name}: {len(result.errors)} error(s).")
            return None
        log = result.log
        return (
            f"{path.name}: imported the {log.year} return for {log.organisation} "
            f"({log.organisation.la_code}): {log.worker_count} worker records; people "
            f"{log.people_created} added, {log.people_updated} updated; employments "
            f"{log.employments_created} added, {log.employments_updated} updated."
        )
