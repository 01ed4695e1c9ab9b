"""Facts from the Health Check: would recommend the council, supervision, pride.

Read through ``careers/staff_view.py`` from the results engine's suppressed tables: a group
under the wave's minimum size, or hidden to protect another, never gives a fact.
"""

from __future__ import annotations

from workforce_health.careers import staff_view
from workforce_health.careers.facts.base import Fact, FactInputs, Unavailable, date_text, percent

HEADINGS = {
    "recommend": "Would recommend us as a place to work",
    "supervision": "Satisfied with their supervision",
    "pride": "Proud of their work",
}


def _build(inputs: FactInputs, topic: str) -> Fact | Unavailable:
    kind, heading = f"health_check_{topic}", HEADINGS[topic]
    result = staff_view.headline_result(service=inputs.service, topic=topic)
    if isinstance(result, staff_view.NotShown):
        return Unavailable(kind, heading, result.reason)
    figure = percent(result.pct_agree)
    return Fact(
        kind=kind,
        heading=heading,
        figure=figure,
        statement=(
            f"{figure} of the staff in {inputs.service.name} who answered agreed that "
            f'"{result.item_text}" ({result.answered} answered).'
        ),
        as_of=result.closed_on.isoformat(),
        period=f"{result.wave_title}",
        source=(
            f"{inputs.organisation.name}'s {result.wave_title}, an anonymous staff survey that "
            f"closed on {date_text(result.closed_on)}. Results for small groups are never shown."
        ),
    )


def recommend(inputs: FactInputs) -> Fact | Unavailable:
    return _build(inputs, "recommend")


def supervision(inputs: FactInputs) -> Fact | Unavailable:
    return _build(inputs, "supervision")


def pride(inputs: FactInputs) -> Fact | Unavailable:
    return _build(inputs, "pride")
