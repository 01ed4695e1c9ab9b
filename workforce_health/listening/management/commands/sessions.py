import json
from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand
from django.utils import timezone

from workforce_health.core.scope import Scope
from workforce_health.listening import exports, selectors
from workforce_health.listening.management.commands._lookup import (
    date_from,
    organisation_from,
)

COLUMNS = (
    "title",
    "type",
    "starts_at",
    "duration_minutes",
    "format",
    "location",
    "hosts",
    "audience_services",
    "audience_teams",
    "audience_role_groups",
    "standards",
    "topics",
    "status",
    "mandatory",
    "keeps_register",
    "invited",
    "attended",
    "reach_pct",
    "questions_raised",
)


class Command(BaseCommand):
    help = (
        "List a council's leader sessions: type, date, hosts, audience, topics, invited and "
        "attended counts (never who came) and questions raised."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--organisation", required=True, help="DfE LA code")
        parser.add_argument("--format", choices=["json", "csv"], default="json")
        parser.add_argument("--from", dest="start", help="sessions on or after YYYY-MM-DD")
        parser.add_argument("--to", dest="end", help="sessions on or before YYYY-MM-DD")

    def handle(self, *args: Any, **options: Any) -> None:
        scope = Scope.whole(organisation_from(options["organisation"]))
        start = date_from(options["start"], "--from") if options["start"] else None
        end = date_from(options["end"], "--to") if options["end"] else None
        sessions = [
            s
            for s in selectors.session_list(scope=scope).order_by("starts_at", "title")
            if (start is None or timezone.localtime(s.starts_at).date() >= start)
            and (end is None or timezone.localtime(s.starts_at).date() <= end)
        ]
        records = [exports.session_record(s) for s in sessions]
        if options["format"] == "json":
            self.stdout.write(json.dumps(records, indent=2, ensure_ascii=False))
        else:
            self.stdout.write(exports.csv_text(records, COLUMNS), ending="")
