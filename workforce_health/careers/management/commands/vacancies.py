"""``workforce-health vacancies``: a council's advertised vacancies as JSON, CSV or Atom."""

import json
import os
from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand
from django.utils import timezone

from workforce_health.careers import exports, feeds, selectors
from workforce_health.careers.management.commands._common import organisation_scope
from workforce_health.careers.models import Vacancy
from workforce_health.careers.pages import vacancy_status

DEFAULT_BASE_URL = "http://127.0.0.1:8000"


class Command(BaseCommand):
    help = (
        "Print the organisation's advertised vacancies (published, not filled, closing date not "
        "passed), or with --all every vacancy with its status, as JSON, CSV or Atom."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--organisation", required=True, help="the organisation's LA code")
        parser.add_argument("--format", choices=["json", "csv", "atom"], default="json")
        parser.add_argument(
            "--all", action="store_true", help="every vacancy, with its status (not for atom)"
        )
        parser.add_argument(
            "--base-url",
            default=os.environ.get("WORKFORCE_HEALTH_BASE_URL", DEFAULT_BASE_URL),
            help="the service's public address, for the vacancies' links "
            "(default: $WORKFORCE_HEALTH_BASE_URL or %(default)s)",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        organisation, scope = organisation_scope(options["organisation"])
        today = timezone.localdate()
        base = options["base_url"].rstrip("/")
        site = selectors.site_get(scope=scope)
        town = site.town if site else ""
        if options["all"] and options["format"] != "atom":
            vacancies = list(selectors.vacancy_list(scope=scope))
        else:
            vacancies = [v for v in selectors.vacancy_list(scope=scope) if v.is_live_on(today)]
            vacancies.sort(key=lambda v: (v.closing_date, v.title, v.pk))

        def url(vacancy: Vacancy) -> str:
            return base + feeds.vacancy_path(vacancy)

        if options["format"] == "atom":
            self.stdout.write(
                feeds.atom_text(
                    title=f"Social work vacancies at {organisation.name}",
                    home_url=f"{base}/careers/{organisation.la_code}/",
                    feed_url=f"{base}/careers/{organisation.la_code}/vacancies.atom",
                    author=organisation.name,
                    vacancies=vacancies,
                    url_of=url,
                ),
                ending="\n",
            )
            return
        records = [
            exports.vacancy_record(v, url=url(v), town=town)
            | ({"status": vacancy_status(v, today)[0]} if options["all"] else {})
            for v in vacancies
        ]
        if options["format"] == "json":
            self.stdout.write(json.dumps(records, indent=2, ensure_ascii=False))
        else:
            fields = (*exports.VACANCY_FIELDS, "status") if options["all"] else None
            self.stdout.write(exports.vacancies_csv(records, fields=fields), ending="")
