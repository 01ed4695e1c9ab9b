"""The listening app's one way into the surveys app: its questionnaires, waves, invitations and
the engine's input frames of the listening app's own surveys.

Pulses, check-backs and session feedback are survey waves like any other (the same invitations,
response form and anonymity, docs/surveys-anonymity.md), marked `Wave.Purpose.LISTENING` so the
Health Check's pages and report leave them out. Writes go through the surveys app's services
(`surveys/services/`), reads of the engine's input frames through the results app's selectors.
"""

from __future__ import annotations

import copy
import datetime
from collections.abc import Iterable
from pathlib import Path
from typing import Any, Final

from django.db import transaction
from django.urls import reverse

from workforce_health.core.models import Organisation, Service
from workforce_health.results import selectors as results
from workforce_health.results.selectors import Frames
from workforce_health.results.wording import hidden_text
from workforce_health.surveys import analysis
from workforce_health.surveys import questionnaire as qn
from workforce_health.surveys.models import Questionnaire, Wave
from workforce_health.surveys.services import invitations, past_waves, questionnaires, waves

__all__ = ["Frames", "hidden_text"]  # re-exported: the pulses' reads take them from here

PACKAGED_DIR: Final = Path(__file__).parent / "questionnaires"
ENGAGEMENT_PULSE: Final = "engagement-pulse"
CHECK_BACK: Final = "action-check-back"
SESSION_FEEDBACK: Final = "session-feedback"


@transaction.atomic
def packaged_questionnaires_sync() -> int:
    """A database row for each of this app's packaged questionnaires not yet stored."""
    files = sorted(PACKAGED_DIR.glob("*.toml"))
    return questionnaires.questionnaire_definitions_sync(
        definitions=[(path.name, qn.read_file(path)) for path in files]
    )


def packaged(code: str) -> Questionnaire:
    """The latest stored version of a packaged questionnaire (this app's or the surveys app's)."""
    packaged_questionnaires_sync()
    return Questionnaire.objects.filter(code=code, organisation__isnull=True).latest("version")


def questionnaire_for(*, organisation: Organisation, key: str) -> Questionnaire | None:
    """A questionnaire by code (the latest version the organisation may use) or by id."""
    packaged_questionnaires_sync()
    usable = Questionnaire.objects.filter(organisation__isnull=True) | Questionnaire.objects.filter(
        organisation=organisation
    )
    if key.isdigit():
        return usable.filter(pk=int(key)).first()
    return usable.filter(code=key).order_by("-version").first()


@transaction.atomic
def chosen_items_questionnaire_create(
    *,
    organisation: Organisation,
    source: Questionnaire,
    item_codes: Iterable[str],
    title: str,
    code: str,
) -> Questionnaire:
    """A council's pulse questionnaire made of chosen agree items of a Health Check, keeping
    their codes so that each item's trend joins the Health Check's."""
    wanted = list(dict.fromkeys(item_codes))
    definition = copy.deepcopy(source.definition)
    sections = []
    for section in definition["sections"]:
        items = [i for i in section["items"] if i["code"] in wanted]
        for item in items:  # keep the section's standard on the item itself
            item.setdefault("standard", section.get("standard"))
            if item["standard"] is None:
                del item["standard"]
        if items:
            sections.append(
                {**{k: v for k, v in section.items() if k != "standard"}, "items": items}
            )
    definition["sections"] = sections
    definition["questionnaire"] = {
        **definition["questionnaire"],
        "purpose": Wave.Purpose.LISTENING,  # kept out of the Health Check's lists
        "code": code,
        "version": 1,
        "title": title.strip(),
        "description": f"Chosen questions of the {source.title}, asked between Health Checks.",
    }
    return questionnaires.questionnaire_create(
        organisation=organisation,
        code=code,
        version=1,
        title=title,
        definition=definition,
        based_on=source,
    )


@transaction.atomic
def listening_wave_create(
    *,
    organisation: Organisation,
    questionnaire: Questionnaire,
    title: str,
    slug: str,
    services: Iterable[Service],
    staff_groups: list[str],
    opens_on: datetime.date,
    closes_on: datetime.date,
    settings: analysis.DisclosureSettings,
) -> Wave:
    """A survey wave of the listening app (not yet open), with fixed disclosure settings."""
    return waves.wave_create(
        organisation=organisation,
        questionnaire=questionnaire,
        title=title,
        slug=slug,
        services=services,
        staff_groups=staff_groups,
        opens_on=opens_on,
        closes_on=closes_on,
        min_group_size=settings.min_group_size,
        min_group_size_comments=settings.min_group_size_comments,
        min_invited_for_response_rate=settings.min_invited_for_response_rate,
        purpose=Wave.Purpose.LISTENING,
    )


def wave_open(*, wave: Wave, today: datetime.date) -> int:
    return waves.wave_open(wave=wave, today=today)


def invitations_send(*, wave: Wave, base_url: str) -> tuple[int, int]:
    return invitations.invitations_send(wave=wave, base_url=base_url)


def wave_close(*, wave: Wave) -> Wave:
    return waves.wave_close(wave=wave)


def unused_slug(organisation: Organisation, base: str) -> str:
    taken = set(Wave.objects.filter(organisation=organisation).values_list("slug", flat=True))
    slug, n = base[:80], 2
    while slug in taken:
        suffix = f"-{n}"
        slug, n = f"{base[: 80 - len(suffix)]}{suffix}", n + 1
    return slug


def shared_link_path(wave: Wave) -> str:
    return reverse(
        "survey-shared", kwargs={"la_code": wave.organisation.la_code, "slug": wave.slug}
    )


def wave_frames(wave: Wave) -> Frames:
    """The engine's inputs for a wave (answers, items, invited counts, settings)."""
    return results.results_frames(wave=wave)


def response_count(wave: Wave) -> int:
    return wave.responses.count()


def reference_candidates(*, organisation: Organisation) -> list[Wave]:
    """Health Checks a pulse series may follow: opened or closed, latest first."""
    return list(
        Wave.objects.filter(organisation=organisation, purpose=Wave.Purpose.HEALTH_CHECK)
        .exclude(status=Wave.Status.DRAFT)
        .select_related("questionnaire")
        .prefetch_related("services")
        .order_by("-opens_on", "title")
    )


def definition_items(questionnaire: Questionnaire) -> list[Any]:
    return list(questionnaire.parsed_cached().items())


# --- Earlier surveys (the demo's history) ------------------------------------------------------


@transaction.atomic
def past_listening_wave_create(
    *,
    organisation: Organisation,
    questionnaire: Questionnaire,
    title: str,
    slug: str,
    services: Iterable[Service],
    staff_groups: list[str],
    opens_on: datetime.date,
    closes_on: datetime.date,
    settings: analysis.DisclosureSettings,
) -> Wave:
    """A closed listening survey of an earlier date, to hold responses added below."""
    return past_waves.past_wave_create(
        organisation=organisation,
        questionnaire=questionnaire,
        title=title,
        slug=slug,
        services=services,
        staff_groups=staff_groups,
        opens_on=opens_on,
        closes_on=closes_on,
        min_group_size=settings.min_group_size,
        min_group_size_comments=settings.min_group_size_comments,
        min_invited_for_response_rate=settings.min_invited_for_response_rate,
        purpose=Wave.Purpose.LISTENING,
    )


def past_responses_add(
    *,
    wave: Wave,
    invitees: list[dict[str, str]],
    rows: list[tuple[dict[str, str], dict[str, Any]]],
) -> int:
    """Invited counts (from the invitees' group labels, already generalised) and responses."""
    past_waves.invited_counts_record(wave=wave, counts=past_waves.invited_counts_from(invitees))
    return past_waves.responses_bulk_create(wave=wave, rows=rows, generalise=False)
