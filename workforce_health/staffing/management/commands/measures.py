import datetime
import json
from argparse import ArgumentParser
from typing import Any

import polars as pl
from django.core.management.base import BaseCommand, CommandError

from workforce_health.core import selectors as core_selectors
from workforce_health.core.models import Organisation, Service
from workforce_health.core.scope import Scope
from workforce_health.rounding import format_rate
from workforce_health.spreadsheets.formulas import csv_frame
from workforce_health.staffing import measures, selectors
from workforce_health.staffing.measures import MEASURES

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
        scope = parser.add_mutually_exclusive_group()
        scope.add_argument("--service", help="one service, by name (default: children's services)")
        scope.add_argument("--team", help="one team, by name")
        parser.add_argument(
            "--by",
            choices=["service", "team", "census_role"],
            action="append",
            help="one row per group (repeatable); JSON is then a list of objects",
        )
        parser.add_argument("--format", choices=["table", "csv", "json"], default="table")
        parser.add_argument(
            "--all-columns", action="store_true", help="table: every measure and ratio"
        )

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
        scope, service_kind = _scope(organisation, options["service"], options["team"])
        inputs = selectors.measure_inputs_get(scope=scope, service_kind=service_kind)
        by = options["by"] or []
        result = selectors.workforce_measures(
            inputs=inputs, year=options["year"], reference_date=reference_date, by=by
        )
        # JSON and CSV carry every DfE measure, unrounded, rates as percentages; the table the
        # headline ones unless --all-columns.
        table_only = options["format"] == "table" and not options["all_columns"]
        columns = list(
            dict.fromkeys([*by, "reference_date", "basis", *(COLUMNS if table_only else MEASURES)])
        )
        if options["all_columns"]:
            columns += [c for c in result.columns if c not in columns]
        if service_kind != Service.Kind.CHILDREN:  # DfE statistics cover children's services
            result = result.with_columns(basis=pl.lit("local"))
        result = result.select(columns)
        if options["format"] == "json":
            rows = result.to_dicts()
            if not by:  # one object; every measure null when nobody is in scope
                rows = rows[0] if rows else dict.fromkeys(columns)  # type: ignore[assignment]
            self.stdout.write(json.dumps(rows, default=str, indent=2))
        elif options["format"] == "csv":
            self.stdout.write(csv_frame(result).write_csv(), ending="")
        else:
            for row in result.to_dicts():
                self.stdout.write("")
                for name in columns:
                    value = row[name]
                    is_rate = name in measures.RATE_NAMES
                    if value is None:
                        shown = "not available"
                    else:
                        shown = format_rate(value) if is_rate else value
                    self.stdout.write(f"  {name:<32} {shown}")


def _scope(
    organisation: Organisation, service_name: str | None, team_name: str | None
) -> tuple[Scope, str]:
    """The whole organisation, or one service or team, so that the command reads exactly what
    that scope's dashboard reads."""
    if team_name:
        team = organisation.teams.filter(name=team_name).select_related("service").first()
        if team is None:
            raise CommandError(f"--team: {organisation} has no team {team_name!r}")
        return Scope.of_team(team), team.service.kind
    if service_name:
        service = organisation.services.filter(name=service_name).first()
        if service is None:
            raise CommandError(f"--service: {organisation} has no service {service_name!r}")
        return Scope.of_service(service), service.kind
    return Scope.whole(organisation), Service.Kind.CHILDREN
