"""`workforce-health self-assessment`: a self-assessment as PDF, HTML or XLSX."""

from argparse import ArgumentParser
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from workforce_health.assessments import selectors
from workforce_health.assessments.document import assessment_document
from workforce_health.assessments.outputs import document_bytes
from workforce_health.core import selectors as core_selectors
from workforce_health.core.scope import Scope
from workforce_health.reports.document import Document

FORMATS = (".pdf", ".html", ".xlsx")


class Command(BaseCommand):
    help = (
        "Write an employer standards self-assessment as PDF, HTML or XLSX (every table): the "
        "draft with today's evidence, or with --published its latest published version."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--organisation", required=True, help="the organisation's LA code")
        parser.add_argument("--year", required=True, type=int, help="the year assessed, YYYY")
        parser.add_argument("--output", required=True, help="FILE.pdf, FILE.html or FILE.xlsx")
        parser.add_argument(
            "--service", help="the service by name (needed when the year has several)"
        )
        parser.add_argument(
            "--published", action="store_true", help="the latest published version, unchanged"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        output = Path(options["output"])
        suffix = output.suffix.lower()
        if suffix not in FORMATS:
            raise CommandError(f"--output: the file name must end in {', '.join(FORMATS)}")
        if not output.parent.is_dir():
            raise CommandError(f"--output: there is no folder {output.parent}")
        organisation = core_selectors.organisation_get(la_code=options["organisation"])
        if organisation is None:
            raise CommandError(
                f"--organisation: no organisation has LA code {options['organisation']!r}"
            )
        year = options["year"]
        found = selectors.assessment_list(scope=Scope.whole(organisation)).filter(year=year)
        if options["service"]:
            found = found.filter(service__name=options["service"])
        assessments = list(found)
        if not assessments:
            raise CommandError(
                f"{organisation.name} has no self-assessment for {year}"
                + (f" of {options['service']!r}" if options["service"] else "")
            )
        if len(assessments) > 1:
            names = ", ".join(a.service.name for a in assessments)
            raise CommandError(f"{year} has a self-assessment for each of {names}: add --service")
        assessment = assessments[0]
        document: Document
        if options["published"]:
            version = assessment.versions.order_by("-number").first()
            if version is None:
                raise CommandError(f"The {assessment} has not been published yet")
            document = selectors.version_document(version=version)
        else:
            document = assessment_document(assessment)
        output.write_bytes(document_bytes(document, suffix[1:]))
        self.stdout.write(f"Wrote {output} ({document.title}, {document.scope})")
