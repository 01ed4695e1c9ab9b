"""``workforce-health agency-compliance``: agency assignments against the DfE's rules, for a
quarter, as JSON or as the CSV of the quarterly data (docs/careers.md)."""

import json
from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from workforce_health.careers import compliance, exports, selectors
from workforce_health.careers.management.commands._common import organisation_scope


class Command(BaseCommand):
    help = (
        "Print the agency child and family social workers' assignments that ran in a quarter, "
        "checked against the DfE's agency rules: JSON (with a summary by team) or the CSV of the "
        "quarterly data."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--organisation", required=True, help="the organisation's LA code")
        parser.add_argument("--format", choices=["json", "csv"], default="json")
        parser.add_argument(
            "--quarter", help="a calendar quarter, like 2025-Q4 (default: the last one ended)"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        organisation, scope = organisation_scope(options["organisation"])
        quarter = options["quarter"] or compliance.previous_quarter(timezone.localdate())
        try:
            compliance.quarter_bounds(quarter)
        except ValueError as error:
            raise CommandError(f"--quarter: {error}") from error
        records = selectors.agency_compliance_get(scope=scope)
        employments, assessed = exports.in_quarter(records.employments, records.assessed, quarter)
        rows = exports.agency_rows(
            employments, assessed, la_code=organisation.la_code, quarter=quarter
        )
        if options["format"] == "csv":
            self.stdout.write(exports.agency_csv(rows), ending="")
            return
        teams = compliance.by_team(assessed).to_dicts()
        self.stdout.write(
            json.dumps(
                {
                    "organisation": organisation.la_code,
                    "quarter": quarter,
                    "assignments": rows,
                    "compliant": sum(1 for r in rows if r["compliant"]),
                    "by_team": teams,
                },
                indent=2,
                ensure_ascii=False,
            )
        )
