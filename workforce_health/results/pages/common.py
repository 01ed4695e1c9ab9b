"""Shared by the results pages: a scope's figures of one measure, and cells as shown (hidden
cells in the words of `results.wording`)."""

from typing import Any

import polars as pl

from workforce_health.core.scope import Scope
from workforce_health.results import scoping
from workforce_health.results.selectors import Frames
from workforce_health.results.wording import hidden_text
from workforce_health.rounding import round_half_up
from workforce_health.surveys import analysis
from workforce_health.web.tables import Value

LABELS = {
    "service": "Service",
    "team": "Team",
    "role_group": "Role group",
    "tenure_band": "Time at the council",
    "employment_type": "Employment type",
}


def shown(row: dict[str, Any], column: str, unit: str = "responses") -> Value:
    """The figure, or the hidden-cell text when the engine suppressed the row."""
    return hidden_text(row, unit) if row.get("suppressed") else row.get(column)


def scoped(frames: Frames, scope: Scope, measure: analysis.breakdowns.Measure) -> pl.DataFrame:
    """The engine's suppressed figures of one measure for the scope (whole wave, service, team)."""
    table = analysis.breakdown(
        frames.answers,
        frames.items,
        by=scoping.own_breakdown(scope),
        measure=measure,
        settings=frames.settings,
    )
    return scoping.rows(table, scope)


def rounded(value: float | None) -> int | None:
    return None if value is None else int(round_half_up(value, 0))
