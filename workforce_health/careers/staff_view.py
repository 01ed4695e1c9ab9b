"""The careers app's one window on survey results: Health Check headline items for a service,
read from the results engine's suppressed tables (never a response, never a comment).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Final

import polars as pl

from workforce_health.core.models import Service
from workforce_health.core.scope import Scope
from workforce_health.results import selectors as results
from workforce_health.results.pages.common import scoped
from workforce_health.surveys.models import Wave

SOCIAL_WORK: Final = "social-work-health-check"
# The headline items a careers page may quote, by the stable end of their item codes (a
# council's copy of a questionnaire keeps its codes): "sw_recommend_employer", "ww_pride".
HEADLINE_ITEMS: Final = {
    "recommend": "_recommend_employer",
    "supervision": "_supervision_quality",
    "pride": "_pride",
}


@dataclass(frozen=True)
class HeadlineResult:
    """One agree item's % agreeing for a service, from a closed wave, as the pages show it."""

    item_text: str
    pct_agree: float
    answered: int  # respondents who answered the item (the engine's n)
    wave_title: str
    closed_on: datetime.date
    whole_wave: bool  # the wave covered only this service


@dataclass(frozen=True)
class NotShown:
    reason: str


def _waves(service: Service) -> list[Wave]:
    """Closed waves covering the service, the Social Work Health Check first, newest first."""
    waves = list(
        results.results_wave_list(scope=Scope.whole(service.organisation))
        .filter(status=Wave.Status.CLOSED, services=service)
        .prefetch_related("services")
    )
    return sorted(
        waves, key=lambda w: (w.questionnaire.code != SOCIAL_WORK, -w.opens_on.toordinal())
    )


def headline_result(*, service: Service, topic: str) -> HeadlineResult | NotShown:
    """The latest closed wave's % agreeing with the topic's item for the service, or why not.

    The figure is the service's row of the engine's suppressed table (the whole wave's when
    the wave covered this service alone): a suppressed row is never shown.
    """
    suffix = HEADLINE_ITEMS[topic]
    for wave in _waves(service):
        parsed = wave.questionnaire.parsed()
        item = next(
            (i for i in parsed.items() if i.code.endswith(suffix) and i.type == "agree"), None
        )
        if item is None:
            continue
        frames = results.results_frames(wave=wave)
        alone = {s.pk for s in wave.services.all()} == {service.pk}
        scope = Scope.whole(service.organisation) if alone else Scope.of_service(service)
        rows = scoped(frames, scope, "items").filter(pl.col("item_code") == item.code)
        row = rows.row(0, named=True) if rows.height else None
        closed_on = wave.closes_on
        if row is None or row["suppressed"] or row["pct_agree"] is None:
            return NotShown(
                f"the {wave.title} results for {service.name} are hidden: fewer than "
                f"{frames.settings.min_group_size} responses, or to protect another group"
            )
        return HeadlineResult(
            item_text=item.text,
            pct_agree=float(row["pct_agree"]),
            answered=int(row["n"]),
            wave_title=wave.title,
            closed_on=closed_on,
            whole_wave=alone,
        )
    return NotShown(f"no closed Health Check covering {service.name} asked this")
