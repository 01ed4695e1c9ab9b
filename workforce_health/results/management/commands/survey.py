"""workforce-health survey create-wave | import-responses | results | questionnaires | open | close.

One command for the Health Check surveys, through the same services and published (suppressed)
engine outputs as the pages. `--organisation` (LA code) is optional wherever a wave is named by
its slug: slugs are unique per organisation, so without it the slug must name only one wave.
"""

import datetime
import json
from argparse import ArgumentParser, ArgumentTypeError
from pathlib import Path
from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from workforce_health.results import imports, selectors
from workforce_health.results.management.commands._survey_csv import results_csv
from workforce_health.results.management.commands._survey_results import results_get
from workforce_health.spreadsheets.reading import SURVEY_RESPONSES, too_big
from workforce_health.surveys import questionnaire as qn
from workforce_health.surveys import selectors as survey_selectors
from workforce_health.surveys.analysis import GROUP_COLUMNS
from workforce_health.surveys.groups import SOCIAL_WORK_GROUPS, RoleGroup
from workforce_health.surveys.management import lookup
from workforce_health.surveys.models import Questionnaire, Wave
from workforce_health.surveys.services import invitations, past_waves, waves

DEFAULT_DAYS_OPEN = 28
WIDER_GROUPS = [RoleGroup.OTHER_PRACTITIONER]


def _date(text: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(text)
    except ValueError as error:
        raise ArgumentTypeError(f"{text!r} is not a date: use YYYY-MM-DD") from error


def _breakdown(text: str) -> tuple[str, ...]:
    dims = tuple(text.split("+"))
    unknown = [dim for dim in dims if dim not in GROUP_COLUMNS]
    if unknown:
        raise ArgumentTypeError(
            f"unknown dimension {'+'.join(unknown)!r}: use {', '.join(GROUP_COLUMNS)}, "
            "or two of them joined by + (team+role_group)"
        )
    if len(dims) > 2 or len(set(dims)) != len(dims):
        raise ArgumentTypeError(f"{text!r}: give one dimension or two different ones joined by +")
    return dims


class Command(BaseCommand):
    help = (
        "Health Check surveys: create waves, import responses, print results, list questionnaires."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        commands = parser.add_subparsers(dest="subcommand", required=True, metavar="subcommand")
        create = commands.add_parser("create-wave", help="create a wave, not yet open")
        create.add_argument("--organisation", required=True, help="the organisation's LA code")
        create.add_argument("--questionnaire", required=True, help="questionnaire key (code)")
        create.add_argument("--name", required=True, help="the wave's title")
        create.add_argument("--slug", required=True, help="short name, used in the shared link")
        create.add_argument("--service", action="append", default=[], help="default: all")
        create.add_argument("--opens", type=_date, help="YYYY-MM-DD (default: today)")
        create.add_argument("--closes", type=_date, help=f"default: {DEFAULT_DAYS_OPEN} days on")
        create.add_argument("--min-group", type=int, help="smallest group reported (5 or more)")
        create.add_argument(
            "--past",
            action="store_true",
            help="an earlier survey run in another tool: created closed, with no invitations, "
            "to import its responses with import-responses (give --opens and --closes)",
        )
        imported = commands.add_parser(
            "import-responses",
            help="import a past wave's responses, and how many were invited in each group",
        )
        imported.add_argument(
            "file", type=Path, nargs="?", help="the responses: a .csv or .xlsx file"
        )
        imported.add_argument(
            "--invited",
            type=Path,
            metavar="INVITED_FILE",
            help="how many were invited in each group (.csv or .xlsx: group columns and "
            "invited), for response rates; stored with the responses, all or nothing. Without "
            "FILE, records (or replaces) the counts of a past wave already imported",
        )
        results = commands.add_parser("results", help="print a wave's published results")
        results.add_argument("--by", action="append", type=_breakdown, default=[])
        results.add_argument("--compare", metavar="PREVIOUS_SLUG", help="an earlier wave")
        results.add_argument("--format", choices=("json", "csv"), default="json")
        listed = commands.add_parser("questionnaires", help="list the available questionnaires")
        listed.add_argument("--format", choices=("text", "json"), default="text")
        listed.add_argument("--organisation", help="include this organisation's copies")
        listed.add_argument(
            "--check",
            action="store_true",
            help="only check the packaged questionnaire files (no database needed)",
        )
        opened = commands.add_parser("open", help="open a wave and email invitees their links")
        lookup.add_base_url_argument(opened)
        closed = commands.add_parser("close", help="close an open wave")
        for sub in (imported, results, opened, closed):
            sub.add_argument("--organisation", help="LA code (needed if the slug is ambiguous)")
            sub.add_argument("--wave", required=True, help="the wave's short name (slug)")

    def handle(self, *args: Any, **options: Any) -> None:
        subcommand = options["subcommand"].replace("-", "_")
        try:
            getattr(self, f"_{subcommand}")(options)
        except ValidationError as error:
            raise CommandError(lookup.error_text(error)) from error

    def _create_wave(self, options: dict[str, Any]) -> None:
        organisation = lookup.organisation_from(options["organisation"])
        questionnaire = lookup.questionnaire_from(options["questionnaire"], organisation)
        if options["past"] and not (options["opens"] and options["closes"]):
            raise CommandError("--past: give the dates the survey ran with --opens and --closes")
        if options["past"] and options["closes"] > timezone.localdate():
            raise CommandError("--past: the survey must have closed (--closes today or earlier)")
        opens_on = options["opens"] or timezone.localdate()
        closes_on = options["closes"] or opens_on + datetime.timedelta(days=DEFAULT_DAYS_OPEN)
        disclosure: dict[str, int] = {}
        if options["min_group"] is not None:
            if options["min_group"] < 5:
                raise CommandError("--min-group: the smallest group reported must be 5 or more")
            disclosure["min_group_size"] = options["min_group"]
            disclosure["min_group_size_comments"] = max(20, options["min_group"])
        population = questionnaire.parsed().population
        create = past_waves.past_wave_create if options["past"] else waves.wave_create
        wave = create(
            organisation=organisation,
            questionnaire=questionnaire,
            title=options["name"],
            slug=options["slug"],
            services=lookup.services_from(options["service"], organisation),
            staff_groups=list(SOCIAL_WORK_GROUPS if population == "social_work" else WIDER_GROUPS),
            opens_on=opens_on,
            closes_on=closes_on,
            purpose=Wave.Purpose.HEALTH_CHECK,
            **disclosure,
        )
        if options["past"]:
            self.stdout.write(
                f"Created {wave.title} ({wave.slug}) for {organisation}, a past survey that ran "
                f"{opens_on:%-d %B %Y} to {closes_on:%-d %B %Y}, smallest group reported "
                f"{wave.min_group_size}: import its responses with "
                f"`survey import-responses --wave {wave.slug} FILE`"
            )
            return
        self.stdout.write(
            f"Created {wave.title} ({wave.slug}) for {organisation}: opens {opens_on:%-d %B %Y}, "
            f"closes {closes_on:%-d %B %Y}, smallest group reported {wave.min_group_size}"
        )

    def _import_responses(self, options: dict[str, Any]) -> None:
        wave = lookup.wave_from(options["wave"], options["organisation"])
        path: Path | None = options["file"]
        invited_path: Path | None = options["invited"]
        if path is None and invited_path is None:
            raise CommandError("give the responses FILE, the --invited INVITED_FILE, or both")
        invited = (
            imports.Upload(_read(invited_path, "--invited: "), invited_path.name)
            if invited_path
            else None
        )
        try:
            if path is None:
                assert invited is not None
                result = imports.invited_import(
                    wave=wave, source=invited.data, filename=invited.filename
                )
            else:
                result = imports.responses_import(
                    wave=wave, source=_read(path), filename=path.name, invited=invited
                )
        except ValidationError as error:
            raise CommandError(
                f"--wave: {lookup.error_text(error)}. Earlier years' responses go into a past "
                "wave: create one with `survey create-wave ... --past --opens DATE --closes DATE`"
            ) from error
        if result.errors:
            what = "Nothing was imported" if path else "No invited counts were recorded"
            raise CommandError(f"{what}:\n" + "\n".join(result.errors))
        done = [f"Imported {result.created} responses into {wave.title}"] if path else []
        if result.invited is not None:
            recorded = f"{result.invited} invited in {result.invited_groups} groups"
            done.append(f"recorded {recorded}" if path else f"Recorded {recorded} for {wave.title}")
        self.stdout.write("; ".join(done))

    def _results(self, options: dict[str, Any]) -> None:
        wave = lookup.wave_from(options["wave"], options["organisation"])
        if wave.status == Wave.Status.DRAFT:
            raise CommandError(f"--wave: {wave} has not opened, so it has no results")
        if wave.purpose != Wave.Purpose.HEALTH_CHECK:
            raise CommandError(
                f"--wave: {wave} is a listening survey: its results are published with its "
                "series (Listening, pulse surveys), under disclosure control across the series"
            )
        previous = None
        if options["compare"]:
            before = lookup.wave_from(options["compare"], wave.organisation.la_code, "--compare")
            if before.questionnaire.code != wave.questionnaire.code or before.pk == wave.pk:
                raise CommandError(
                    f"--compare: {before} is not an earlier wave of {wave.questionnaire.title}"
                )
            previous = selectors.results_frames(wave=before)
        results = results_get(selectors.results_frames(wave=wave), options["by"], previous)
        if options["format"] == "csv":
            self.stdout.write(results_csv(results), ending="")
        else:
            self.stdout.write(json.dumps(results, indent=2, ensure_ascii=False))

    def _questionnaires(self, options: dict[str, Any]) -> None:
        if options["check"]:
            self._check_questionnaire_files()
            return
        listed = [qn.parse(definition, source=name) for name, definition in _definitions(options)]
        if options["format"] == "json":
            rows = [
                {
                    "key": parsed.code,
                    "name": parsed.title,
                    "items": [
                        {
                            "code": i.code,
                            "type": i.type,
                            "standard": i.standard,
                            "theme": i.theme,
                            "reverse": i.reverse,
                        }
                        for i in parsed.items()
                    ],
                }
                for parsed in listed
            ]
            self.stdout.write(json.dumps(rows, indent=2, ensure_ascii=False))
            return
        for parsed in listed:
            items = sum(1 for _ in parsed.items())
            self.stdout.write(f"{parsed.code:<32}{parsed.title} ({items} questions)")

    def _check_questionnaire_files(self) -> None:
        try:
            for name, definition in qn.builtin_definitions():
                parsed = qn.parse(definition, source=name)
                items = len(list(parsed.items()))
                self.stdout.write(f"{name}: valid, {len(parsed.sections)} sections, {items} items")
        except qn.QuestionnaireError as error:
            raise CommandError(str(error)) from error

    def _open(self, options: dict[str, Any]) -> None:
        wave = lookup.wave_from(options["wave"], options["organisation"])
        invited = waves.wave_open(wave=wave)
        sent, without = invitations.invitations_send(
            wave=Wave.objects.get(pk=wave.pk), base_url=options["base_url"]
        )
        self.stdout.write(
            f"{wave.title} is open: {invited} invited, {sent} emailed, "
            f"{without} without an email address (give them the shared link)"
        )

    def _close(self, options: dict[str, Any]) -> None:
        wave = lookup.wave_from(options["wave"], options["organisation"])
        waves.wave_close(wave=wave)
        self.stdout.write(f"{wave.title} is closed")


def _read(path: Path, option: str = "") -> bytes:
    try:
        refused = too_big(path.stat().st_size, SURVEY_RESPONSES)  # before reading it
        if refused:
            raise CommandError(f"{option}{path}: {refused}")
        return path.read_bytes()
    except OSError as error:
        raise CommandError(f"{option}{path}: {error.strerror or error}") from error


def _definitions(options: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    """The latest version of each questionnaire key: packaged, or the organisation's own copy."""
    rows = Questionnaire.objects.filter(organisation__isnull=True)
    if options["organisation"]:
        organisation = lookup.organisation_from(options["organisation"])
        rows = rows | Questionnaire.objects.filter(organisation=organisation)
    latest: dict[str, Questionnaire] = {}
    rows = rows.filter(survey_selectors.NOT_LISTENING)  # not the listening app's pulses
    for row in rows.order_by("code", "version"):
        latest[row.code] = row
    return [(f"questionnaire {row.code}", row.definition) for row in latest.values()]
