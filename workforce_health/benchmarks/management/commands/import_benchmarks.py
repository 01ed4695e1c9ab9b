import time
from argparse import ArgumentParser
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from workforce_health.benchmarks import services
from workforce_health.benchmarks.errors import PublishedFileError
from workforce_health.benchmarks.models import PublishedRelease
from workforce_health.benchmarks.packaged import PACKAGED_FILE


class Command(BaseCommand):
    help = (
        "Import DfE children's social work workforce files (indicators 2017-2025, headline "
        "measures 2017-2022, SFR 07/2016 or SFR 08/2017 underlying data). Each file is all or "
        "nothing; a file imported before is left as it is. Without FILE, imports the DfE's "
        "2025-release indicators shipped with Workforce Health."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("files", nargs="*", type=Path, metavar="FILE")

    def handle(self, *args: Any, **options: Any) -> None:
        if not options["files"]:
            started = time.perf_counter()
            self._report(PACKAGED_FILE, services.packaged_release_load(), started, " (shipped)")
            return
        failed: list[str] = []
        for path in options["files"]:
            if not path.is_file():
                self.stderr.write(f"{path}: no such file")
                failed.append(str(path))
                continue
            started = time.perf_counter()
            try:
                release = services.published_release_import(source=path, filename=path.name)
            except PublishedFileError as error:
                self.stderr.write(f"{path}: not imported, nothing saved.\n{error}")
                failed.append(str(path))
                continue
            self._report(path.name, release, started)
        if failed:
            raise CommandError(f"{len(failed)} file(s) not imported: {', '.join(failed)}")

    def _report(self, name: str, release: PublishedRelease, started: float, note: str = "") -> None:
        seconds = time.perf_counter() - started
        status = "already imported, unchanged" if release.already_imported else "imported"
        self.stdout.write(
            f"{name}{note}: {status}. Layout {release.layout}, {release.release}, "
            f"years {release.years}, {release.row_count} rows ({seconds:.1f}s)"
        )
