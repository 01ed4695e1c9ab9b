import datetime
from argparse import ArgumentParser
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from workforce_health.core import selectors as core_selectors
from workforce_health.core.models import Service
from workforce_health.reports import render
from workforce_health.reports.builder import report_document
from workforce_health.reports.document import Document, from_json
from workforce_health.reports.inputs import ReportDataMissing, ReportInputs
from workforce_health.reports.models import Report, ReportVersion
from workforce_health.reports.selectors import report_version_file
from workforce_health.reports.services import report_draft_document

FORMATS = (".pdf", ".html", ".xlsx")


class Command(BaseCommand):
    help = (
        "Write the scrutiny panel report for a meeting date as PDF, HTML or XLSX (every table). "
        "Uses the commentary and sections of a draft prepared for the same meeting and services, "
        "if there is one; --published writes its latest published version instead."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--organisation", required=True, help="the organisation's LA code")
        parser.add_argument(
            "--service",
            action="append",
            default=[],
            help="a service by name (repeatable; default: the whole organisation)",
        )
        parser.add_argument("--meeting-date", required=True, help="YYYY-MM-DD")
        parser.add_argument("--output", required=True, help="FILE.pdf, FILE.html or FILE.xlsx")
        parser.add_argument(
            "--published", action="store_true", help="the latest published version, unchanged"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        output = Path(options["output"])
        if output.suffix.lower() not in FORMATS:
            raise CommandError(f"--output: the file name must end in {', '.join(FORMATS)}")
        if not output.parent.is_dir():
            raise CommandError(f"--output: there is no folder {output.parent}")
        organisation = core_selectors.organisation_get(la_code=options["organisation"])
        if organisation is None:
            raise CommandError(
                f"--organisation: no organisation has LA code {options['organisation']!r}"
            )
        try:
            meeting = datetime.date.fromisoformat(options["meeting_date"])
        except ValueError:
            raise CommandError(
                f"--meeting-date: {options['meeting_date']!r} is not a date like 2026-01-20"
            ) from None
        services = []
        for name in options["service"]:
            service = Service.objects.filter(organisation=organisation, name=name).first()
            if service is None:
                known = ", ".join(
                    organisation.services.order_by("name").values_list("name", flat=True)
                )
                raise CommandError(
                    f"--service: {organisation.name} has no service {name!r} ({known})"
                )
            services.append(service)
        draft = self._draft(organisation.pk, meeting, {s.pk for s in services})
        suffix = output.suffix.lower()
        stored = None
        if options["published"]:
            version = self._published(draft)
            document = from_json(version.document)
            # The file as stored when it was published, as the download serves it.
            stored = report_version_file(version=version, file_format=suffix.lstrip("."))
        else:
            document = self._build(
                ReportInputs(organisation, tuple(sorted(services, key=lambda s: s.name)), meeting),
                draft,
            )
        writer = {".pdf": render.document_pdf, ".xlsx": render.document_xlsx}
        if stored is not None:
            output.write_bytes(stored)
        elif suffix == ".html":
            output.write_text(render.document_html(document), encoding="utf-8")
        else:
            output.write_bytes(writer[suffix](document))
        self.stdout.write(f"Wrote {output} ({len(document.tables())} tables)")

    def _draft(
        self, organisation_id: int, meeting: datetime.date, services: set[int]
    ) -> Report | None:
        for report in Report.objects.filter(organisation_id=organisation_id, meeting_date=meeting):
            if set(report.services.values_list("pk", flat=True)) == services:
                return report
        return None

    def _published(self, draft: Report | None) -> ReportVersion:
        version = (
            ReportVersion.objects.filter(report=draft).order_by("-number").first()
            if draft
            else None
        )
        if version is None:
            raise CommandError(
                "--published: no report for that meeting and those services is published"
            )
        return version

    def _build(self, inputs: ReportInputs, draft: Report | None) -> Document:
        try:
            if draft is not None:
                return report_draft_document(report=draft)
            return report_document(inputs)
        except ReportDataMissing as missing:
            raise CommandError(str(missing)) from None
