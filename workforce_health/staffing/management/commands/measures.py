import datetime
import json
from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from workforce_health.core import selectors as core_selectors
from workforce_health.core.models import Membership, Service
from workforce_health.staffing import measures, selectors

COLUMNS = [
    "inpost_fte",
    "inpost_headcount",
    "starters_fte",
    "leavers_fte",
    "turnover_rate_fte",
    "agency_fte",
    "agency_rate_fte",
    "vacancy_fte",
    "vacancy_rate_fte",
    "caseload_fte",
    "absence_rate_fte",
]


class Command(BaseCommand):
    help = (
        "Print the DfE children's social work workforce measures for a census year "
        "(year ending 30 September), or any reference date as a local measure."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--organisation", required=True, help="the organisation's LA code")
        when = parser.add_mutually_exclusive_group(required=True)
        when.add_argument("--year", type=int, help="census year, e.g. 2025")
        when.add_argument("--reference-date", help="any date as YYYY-MM-DD (a local measure)")
        parser.add_argument("--by", choices=["service", "team", "census_role"], action="append")
        parser.add_argument(
            "--service-kind", choices=Service.Kind.values, default=Service.Kind.CHILDREN
        )
        parser.add_argument("--format", choices=["table", "csv", "json"], default="table")
        parser.add_argument("--all-columns", action="store_true", help="every measure and ratio")

    def handle(self, *args: Any, **options: Any) -> None:
        organisation = core_selectors.organisation_get(la_code=options["organisation"])
        if organisation is None:
            raise CommandError(
                f"--organisation: no organisation has LA code {options['organisation']!r}"
            )
        reference_date = None
        if options["reference_date"]:
            try:
                reference_date = datetime.date.fromisoformat(options["reference_date"])
            except ValueError as error:
                raise CommandError(f"--reference-date: {error}") from error
        # The command line is an administrator's tool: it sees the whole organisation.
        viewer = Membership(organisation=organisation, role=Membership.Role.ADMINISTRATOR)
        inputs = selectors.measure_inputs_get(viewer=viewer, service_kind=options["service_kind"])
        by = options["by"] or []
        result = selectors.workforce_measures(
            inputs=inputs, year=options["year"], reference_date=reference_date, by=by
        )
        columns = [*by, "reference_date", "basis"] + (
            [c for c in result.columns if c not in by] if options["all_columns"] else COLUMNS
        )
        columns = list(dict.fromkeys(columns))
        result = result.select(columns)
        if options["format"] == "json":
            self.stdout.write(json.dumps(result.to_dicts(), default=str, indent=2))
        elif options["format"] == "csv":
            self.stdout.write(result.write_csv(), ending="")
        else:
            for row in result.to_dicts():
                self.stdout.write("")
                for name in columns:
                    value = row[name]
                    is_rate = name in measures.RATE_NAMES
                    if value is None:
                        shown = "not available"
                    else:
                        shown = measures.format_rate(value) if is_rate else value
                    self.stdout.write(f"  {name:<32} {shown}")
