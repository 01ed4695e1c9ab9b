"""The listening app's one window on Health Check results: the results engine's suppressed
tables for a service (or the whole survey), never a response or a comment.

Read through the results app's selectors and page builders: every figure here is a row of the
same suppressed table the results pages show for that scope (`core.scope.Scope`: the whole
organisation or one service), so a group hidden there is hidden here.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

from django.db.models import QuerySet

from workforce_health.core.models import Organisation, Service
from workforce_health.core.scope import Scope
from workforce_health.results import selectors as results
from workforce_health.results.pages.common import rounded, scoped
from workforce_health.results.selectors import Frames
from workforce_health.results.wording import hidden_text
from workforce_health.surveys import analysis
from workforce_health.surveys.models import Wave


def health_check_waves(*, organisation: Organisation) -> QuerySet[Wave]:
    """Health Check waves with results (opened or closed), not the listening app's own surveys
    (pulses, check-backs, session feedback), latest first."""
    return results.results_wave_list(scope=Scope.whole(organisation)).prefetch_related("services")


def scope_for(organisation: Organisation, service: Service | None) -> Scope:
    """The whole survey, or one service's rows of the same tables."""
    return Scope.whole(organisation) if service is None else Scope.of_service(service)


@dataclass(frozen=True)
class Headline:
    text: str
    pct_agree: float | None  # None when hidden
    hidden: str  # why it is hidden ("" when shown)
    previous: float | None  # the previous survey's % agree for the same group, where shown
    change_label: str  # "statistically significant increase", "no significant change", ...


@dataclass(frozen=True)
class HeadlineSet:
    wave: Wave
    previous_title: str
    previous_opens_on: datetime.date | None
    headlines: tuple[Headline, ...]
    hidden: str  # why nothing is shown for this group ("" when something is)


def _row_hidden(row: dict[str, Any]) -> str:
    return hidden_text(row) if row.get("suppressed") else ""


def _covers(wave: Wave, service: Service | None) -> bool:
    return service is None or any(s.pk == service.pk for s in wave.services.all())


def latest_headlines(*, organisation: Organisation, service: Service | None) -> list[HeadlineSet]:
    """For each questionnaire, the latest closed Health Check covering the service: its headline
    agree items at the service's scope (the whole survey when `service` is None), with the
    change since the previous survey, as the results overview shows them."""
    latest: dict[str, Wave] = {}
    for wave in health_check_waves(organisation=organisation).filter(status=Wave.Status.CLOSED):
        if _covers(wave, service):
            latest.setdefault(wave.questionnaire.code, wave)
    scope = scope_for(organisation, service)
    found = []
    for wave in sorted(latest.values(), key=lambda w: w.title):
        frames = results.results_frames(wave=wave)
        previous = results.results_previous_wave_get(wave=wave)
        before = results.results_frames(wave=previous) if previous is not None else None
        found.append(_headline_set(wave, frames, previous, before, scope))
    return found


def _headline_set(
    wave: Wave, frames: Frames, previous: Wave | None, before: Frames | None, scope: Scope
) -> HeadlineSet:
    items = {i.code: i for i in frames.questionnaire.items() if i.headline and i.type == "agree"}
    current = scoped(frames, scope, "items").to_dicts()
    rows = [r for r in current if r["item_code"] in items]
    earlier: dict[str, dict[str, Any]] = {}
    change: dict[str, dict[str, Any]] = {}
    if before is not None:
        previous_table = scoped(before, scope, "items")
        earlier = {r["item_code"]: r for r in previous_table.to_dicts()}
        compared = analysis.wave_change(
            scoped(frames, scope, "items"),
            previous_table,
            min_group_size=frames.settings.min_group_size,
        )
        change = {r["item_code"]: r for r in compared.to_dicts()}
    order = list(items)
    headlines = tuple(
        Headline(
            text=items[r["item_code"]].text,
            pct_agree=None if r["suppressed"] else r["pct_agree"],
            hidden=_row_hidden(r),
            previous=(
                None
                if earlier.get(r["item_code"], {}).get("suppressed", True)
                else earlier[r["item_code"]]["pct_agree"]
            ),
            change_label=str(change.get(r["item_code"], {}).get("label") or "not compared"),
        )
        for r in sorted(rows, key=lambda r: order.index(r["item_code"]))
    )
    nothing = frames.respondents == 0 or all(h.pct_agree is None for h in headlines)
    return HeadlineSet(
        wave=wave,
        previous_title=previous.title if previous is not None else "",
        previous_opens_on=previous.opens_on if previous is not None else None,
        headlines=headlines,
        hidden=(
            f"Results for this group are not shown: fewer than {frames.settings.min_group_size} "
            "people answered, or they are hidden to protect another group."
            if nothing
            else ""
        ),
    )


def open_health_checks(*, organisation: Organisation, service: Service | None) -> list[Wave]:
    """Health Checks open now that cover the service: their results are promised for later."""
    return [
        w
        for w in health_check_waves(organisation=organisation).filter(status=Wave.Status.OPEN)
        if _covers(w, service)
    ]


@dataclass(frozen=True)
class Finding:
    """What staff said, as one sentence from a suppressed table (health-check.md §3.6)."""

    wave: Wave
    text: str  # "41% agreed: "My caseload is manageable" (Children's ... 2024)"
    value: float | None  # the figure, None when hidden


def item_finding(*, wave: Wave, item_code: str, service: Service | None) -> Finding:
    frames = results.results_frames(wave=wave)
    parsed = frames.questionnaire
    codes = {i.code for i in parsed.items()}
    if item_code not in codes:
        return Finding(wave, f"A question no longer in {wave.title}", None)
    item = parsed.item(item_code)
    rows = [
        r
        for r in scoped(frames, scope_for(wave.organisation, service), "items").to_dicts()
        if r["item_code"] == item_code
    ]
    where = f"({wave.title}{', ' + service.name if service else ''})"
    if not rows or rows[0]["suppressed"]:
        why = _row_hidden(rows[0]).lower() if rows else "no answers"
        return Finding(wave, f"“{item.text}”: result not shown ({why}) {where}", None)
    value = rows[0]["pct_agree"]
    return Finding(wave, f"{rounded(value)}% agreed: “{item.text}” {where}", value)


def standard_finding(*, wave: Wave, standard: str, service: Service | None) -> Finding:
    frames = results.results_frames(wave=wave)
    title = frames.questionnaire.standards.get(standard, standard)
    rows = [
        r
        for r in scoped(frames, scope_for(wave.organisation, service), "standards").to_dicts()
        if r["standard"] == standard
    ]
    where = f"({wave.title}{', ' + service.name if service else ''})"
    if not rows or rows[0]["suppressed"]:
        return Finding(wave, f"{standard} {title}: score not shown {where}", None)
    row = rows[0]
    return Finding(
        wave,
        f"{standard} {title} scored {row['score_rounded']} out of 100 ({row['band']}) {where}",
        float(row["score_rounded"]),
    )


def later_wave(wave: Wave) -> Wave | None:
    """The next Health Check of the same questionnaire and services after `wave`, if any: where
    an action's outcome is measured."""
    candidates = health_check_waves(organisation=wave.organisation).filter(
        questionnaire__code=wave.questionnaire.code, opens_on__gt=wave.opens_on
    )
    mine = {s.pk for s in wave.services.all()}
    later = [w for w in candidates if {s.pk for s in w.services.all()} == mine]
    return min(later, key=lambda w: w.opens_on) if later else None


def agree_items(*, wave: Wave) -> list[tuple[str, str]]:
    """(code, text) of the wave's agree items, for choosing what prompted an action."""
    return [
        (i.code, i.text) for i in wave.questionnaire.parsed_cached().items() if i.type == "agree"
    ]


def standards_of(*, wave: Wave) -> dict[str, str]:
    return dict(wave.questionnaire.parsed_cached().standards)
