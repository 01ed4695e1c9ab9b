"""Shared by the results pages: a scope's rows of an engine table, and hidden-cell wording."""

from typing import Any

import polars as pl

from workforce_health.surveys import analysis
from workforce_health.surveys.results.frames import Frames, Scope
from workforce_health.web.tables import Value

PROTECTED = "Hidden to protect another group"
WHOLE_WAVE = Scope()  # the workforce lead's and administrator's scope
LABELS = {
    "service": "Service",
    "team": "Team",
    "role_group": "Role group",
    "tenure_band": "Time at the council",
    "employment_type": "Employment type",
}


def hidden_text(row: dict[str, Any], unit: str = "responses") -> str:
    """What a suppressed cell shows: the engine's reason, in the page's words ("Fewer than 10
    responses" or "invited", as the engine says; `unit` when it names none)."""
    reason = row.get("suppressed_reason") or ""
    if reason.startswith("fewer than"):
        words = reason.split()
        return f"Fewer than {words[2]} {' '.join(words[3:]) or unit}"
    return PROTECTED


def shown(row: dict[str, Any], column: str, unit: str = "responses") -> Value:
    """The figure, or the hidden-cell text when the engine suppressed the row."""
    return hidden_text(row, unit) if row.get("suppressed") else row.get(column)


def suppression_notes(
    settings: analysis.DisclosureSettings, unit: str = "responses"
) -> tuple[str, ...]:
    smallest = f"fewer than {settings.min_group_size} responses"
    if unit == "invited":  # a response rate needs both
        smallest = (
            f"fewer than {settings.min_invited_for_response_rate} invited, or (but for the "
            f"whole survey) {smallest},"
        )
    return (
        f"Groups with {smallest} are hidden. {PROTECTED}: so that no hidden group can be "
        "worked out by subtracting the figures shown from a total.",
    )


def scope_rows(table: pl.DataFrame, scope: Scope) -> pl.DataFrame:
    """The rows of an engine table that are the scope's own figures (`Scope.restrict`)."""
    return scope.restrict(table)


def scoped(frames: Frames, scope: Scope, measure: analysis.breakdowns.Measure) -> pl.DataFrame:
    """The engine's suppressed figures of one measure for the scope (whole wave, service, team)."""
    table = analysis.breakdown(
        frames.answers, frames.items, by=scope.by, measure=measure, settings=frames.settings
    )
    return scope_rows(table, scope)


def rounded(value: float | None) -> int | None:
    return None if value is None else int(analysis.round_half_up(value))
