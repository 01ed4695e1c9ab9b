import json
from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand

from workforce_health.core.scope import Scope
from workforce_health.listening import exports, selectors
from workforce_health.listening.management.commands._lookup import (
    organisation_from,
)
from workforce_health.listening.models import Action

COLUMNS = (
    "title",
    "status",
    "owner",
    "for",
    "raised_on",
    "due_on",
    "completed_on",
    "percent_complete",
    "shown_to",
    "prompted_by",
    "description",
    "evidence",
    "check_back",
)


class Command(BaseCommand):
    help = (
        "List a council's actions (you said, we did): status, owner, dates, what prompted each "
        "(suppressed findings) and its check-back results."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--organisation", required=True, help="DfE LA code")
        parser.add_argument("--format", choices=["json", "csv"], default="json")
        parser.add_argument(
            "--status", choices=["open", *Action.Status.values], help="only these actions"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        scope = Scope.whole(organisation_from(options["organisation"]))
        actions = selectors.action_list(scope=scope, status=options["status"])
        records = [exports.action_record(a) for a in actions]
        if options["format"] == "json":
            self.stdout.write(json.dumps(records, indent=2, ensure_ascii=False))
        else:
            self.stdout.write(exports.csv_text(records, COLUMNS), ending="")
