from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from workforce_health.surveys import questionnaire as qn
from workforce_health.surveys import services
from workforce_health.surveys.models import Questionnaire


class Command(BaseCommand):
    help = (
        "Check the questionnaire files in the package, add new versions to the database, "
        "and list every questionnaire version (packaged and councils' copies)."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--check", action="store_true", help="only validate the files")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            for name, definition in qn.builtin_definitions():
                parsed = qn.parse(definition, source=name)
                items = len(list(parsed.items()))
                self.stdout.write(f"{name}: valid, {len(parsed.sections)} sections, {items} items")
        except qn.QuestionnaireError as error:
            raise CommandError(str(error)) from error
        if options["check"]:
            return
        services.questionnaire_builtins_sync()
        self.stdout.write("")
        self.stdout.write(f"{'Code':<32}{'Version':<9}{'Owner':<28}Title")
        for row in Questionnaire.objects.select_related("organisation").order_by("code", "version"):
            owner = row.organisation.name if row.organisation else "packaged"
            self.stdout.write(f"{row.code:<32}{row.version:<9}{owner:<28}{row.title}")
