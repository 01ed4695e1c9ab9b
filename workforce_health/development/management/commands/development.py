import datetime
import json
from argparse import ArgumentParser
from typing import Any

import polars as pl
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from workforce_health.core import selectors as core_selectors
from workforce_health.core.scope import Scope
from workforce_health.development import frames, selectors
from workforce_health.development.measures import cpd

MEASURES = ("supervision", "cpd", "asye")


def _date(text: str | None, name: str) -> datetime.date | None:
    if text is None:
        return None
    try:
        return datetime.date.fromisoformat(text)
    except ValueError as error:
        raise CommandError(f"--{name}: {error}") from error


class Command(BaseCommand):
    help = (
        "Print a development measure for an organisation: supervision compliance, CPD renewal "
        "readiness or NQSW progress, for the whole organisation or by team (layout: "
        "docs/development-records.md)."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--organisation", required=True, help="the organisation's LA code")
        parser.add_argument("--measure", required=True, choices=MEASURES)
        parser.add_argument("--by", choices=["team", "service"], help="one row per group")
        parser.add_argument(
            "--from", dest="start", help="YYYY-MM-DD (default: 12 months before --to)"
        )
        parser.add_argument("--to", dest="end", help="YYYY-MM-DD (default: today)")
        parser.add_argument("--format", choices=["json", "csv"], default="json")

    def handle(self, *args: Any, **options: Any) -> None:
        organisation = core_selectors.organisation_get(la_code=options["organisation"])
        if organisation is None:
            raise CommandError(
                f"--organisation: no organisation has LA code {options['organisation']!r}"
            )
        today = timezone.localdate()
        end = _date(options["end"], "to") or today
        start = _date(options["start"], "from") or frames.Period.year_to(end).start
        if start > end:
            raise CommandError("--from must be on or before --to")
        scope = Scope.whole(organisation)
        by = [options["by"]] if options["by"] else []
        table = self._table(options["measure"], scope, start, end, min(end, today), by)
        table = table.with_columns(
            pl.lit(start.isoformat()).alias("from"), pl.lit(end.isoformat()).alias("to")
        ).select("from", "to", *table.columns)
        if options["format"] == "csv":
            self.stdout.write(table.write_csv(), ending="")
            return
        rows = table.to_dicts()
        self.stdout.write(json.dumps(rows if by else rows[0], default=str, indent=2))

    def _table(
        self,
        measure: str,
        scope: Scope,
        start: datetime.date,
        end: datetime.date,
        as_of: datetime.date,
        by: list[str],
    ) -> pl.DataFrame:
        if measure == "supervision":
            return frames.supervision_compliance(
                frames.supervision_inputs_get(scope=scope),
                period=frames.Period(start, end, as_of),
                by=by,
            )
        if measure == "cpd":
            year = cpd.registration_year(end)
            readiness = frames.cpd_readiness(
                frames.cpd_inputs_get(scope=scope, on=as_of), year=year, by=by
            )
            return readiness.with_columns(pl.lit(year).alias("registration_year"))
        progress = frames.nqsw_progress_list(
            enrolments=list(selectors.enrolment_in_period_list(scope=scope, start=start, end=end)),
            scope=scope,
            as_of=as_of,
        )
        return frames.nqsw_summary(progress, by=by)
