"""Breakdowns by one or two groups, and the team heatmap of standard scores."""

from dataclasses import dataclass

import polars as pl

from workforce_health.core.scope import Scope
from workforce_health.results import scoping
from workforce_health.results.pages.common import LABELS, shown
from workforce_health.results.selectors import Frames
from workforce_health.results.wording import hidden_text, suppression_notes
from workforce_health.surveys import analysis
from workforce_health.web.tables import Column, Table, Value

ALL = "All"
NO_ANSWERS = "No answers"


def measure_choices(frames: Frames) -> list[tuple[str, str]]:
    """(value, label) of what a breakdown can show: response rate, scores, eNPS, items."""
    parsed = frames.questionnaire
    choices = [("response_rate", "Response rate")]
    choices += [(f"standard:{c}", f"Score: {c} {t}") for c, t in parsed.standards.items()]
    choices += [(f"theme:{c}", f"Score: {t}") for c, t in parsed.themes.items()]
    choices += [
        (f"enps:{i.code}", f"eNPS: {i.text}") for i in parsed.items() if i.type == "scale_0_10"
    ]
    choices += [
        (f"item:{i.code}", f"% agree: {i.text}") for i in parsed.items() if i.type == "agree"
    ]
    return choices


def _engine_table(
    frames: Frames, by: tuple[str, ...], measure: str, scope: Scope
) -> tuple[pl.DataFrame, str, str, str]:
    """(suppressed table, value column, value header, unit of the size) for a measure choice."""
    kind, _, code = measure.partition(":")
    if kind == "response_rate":
        table = analysis.response_rates(
            frames.answers,
            frames.invited,
            by=by,
            settings=frames.settings,
            groups_equal_to_whole=scope.whole_organisation,  # its reader sees the whole wave
        )
        return table, "response_rate", "Response rate (%)", "invited"
    if kind in ("standard", "theme"):
        table = analysis.breakdown(
            frames.answers,
            frames.items,
            by=by,
            measure="standards" if kind == "standard" else "themes",
            settings=frames.settings,
        )
        return table.filter(pl.col(kind) == code), "score", "Score (0 to 100)", "responses"
    if kind == "enps":
        table = analysis.breakdown(
            frames.answers, frames.items, by=by, measure="enps", settings=frames.settings
        )
        return table.filter(pl.col("item_code") == code), "enps", "eNPS", "responses"
    table = analysis.breakdown(
        frames.answers, frames.items, by=by, measure="items", settings=frames.settings
    )
    return table.filter(pl.col("item_code") == code), "pct_agree", "Agree (%)", "responses"


def breakdown_table(frames: Frames, by: tuple[str, ...], measure: str, scope: Scope) -> Table:
    """One table: every group and combination (null = all), hidden cells marked with the reason.

    For a manager, the scope's own rows of that same table (`scoping.rows`): none when the
    breakdown has no rows within the scope (`scoping.covers`)."""
    labels = dict(measure_choices(frames))
    dims, _ = analysis.breakdowns.layout(by)
    table, column, header, unit = _engine_table(frames, by, measure, scope)
    table = scoping.rows(table, scope)
    size = "invited" if unit == "invited" else "n"
    rows: list[tuple[Value, ...]] = []
    for row in table.to_dicts():
        keys: list[Value] = [row[d] if row[d] is not None else ALL for d in dims]
        rows.append((*keys, shown(row, size, unit), shown(row, column, unit)))
    slug = "-".join(["by", *(d.replace("_", "-") for d in dims)]) or "whole-wave"
    return Table(
        slug=slug,
        caption=f"{labels.get(measure, measure)}, by "
        + " and ".join(LABELS[d].lower() for d in by),
        columns=(
            *(Column(LABELS[d]) for d in dims),
            Column("Invited" if unit == "invited" else "Answers", "count"),
            Column(header, "rate"),
        ),
        rows=tuple(rows),
        notes=(
            f"{ALL} means every group in that column. Teams are shown within their service.",
            *suppression_notes(frames.settings, unit),
        ),
    )


@dataclass(frozen=True)
class HeatCell:
    score: int | None
    band: str | None
    hidden: str


@dataclass(frozen=True)
class HeatRow:
    service: str
    team: str
    cells: tuple[HeatCell, ...]


def heatmap_kind(frames: Frames) -> str:
    """What the heatmap's columns are: the employer standards, or for a questionnaire without
    standards (the Wider Workforce Health Check) its themes."""
    return "standard" if frames.questionnaire.standards else "theme"


def heatmap_get(frames: Frames, scope: Scope) -> tuple[list[str], list[HeatRow], Table]:
    """Standard (or theme) scores by team, with service and whole-wave totals, and its
    download table. For a service, its teams and its total; for a team, its own row: the
    scope's rows of the one table by team (`scoping.rows`)."""
    kind = heatmap_kind(frames)
    table = analysis.breakdown(
        frames.answers,
        frames.items,
        by=("team",),
        measure="standards" if kind == "standard" else "themes",
        settings=frames.settings,
    )
    table = scoping.rows(table, scope)
    parsed = frames.questionnaire
    standards = list(parsed.standards if kind == "standard" else parsed.themes)
    headers = standards if kind == "standard" else [parsed.themes[c] for c in standards]
    cells: dict[tuple[str, str], dict[str, HeatCell]] = {}
    for row in table.to_dicts():
        key = (row["service"] or ALL, row["team"] or ALL)
        cells.setdefault(key, {})[row[kind]] = HeatCell(
            row["score_rounded"], row["band"], hidden_text(row) if row["suppressed"] else ""
        )
    empty = HeatCell(None, None, NO_ANSWERS)
    rows = [
        HeatRow(s, t, tuple(found.get(code, empty) for code in standards))
        for (s, t), found in sorted(
            cells.items(), key=lambda kv: (kv[0][0] == ALL, kv[0][0], kv[0][1] == ALL, kv[0][1])
        )
    ]
    download = Table(
        slug="team-standard-scores" if kind == "standard" else "team-theme-scores",
        caption=(
            "Scores by employer standard for each team (0 to 100)"
            if kind == "standard"
            else "Scores by theme for each team (0 to 100)"
        ),
        columns=(
            Column("Service"),
            Column("Team"),
            *(
                col
                for name in headers
                for col in (Column(f"{name} score", "count"), Column(f"{name} band"))
            ),
        ),
        rows=tuple(
            (
                r.service,
                r.team,
                *(
                    v
                    for c in r.cells
                    for v in ((c.hidden or c.score), (c.hidden or (c.band or "").title()))
                ),
            )
            for r in rows
        ),
        notes=(
            "Bands: 0 to 50 low, 51 to 74 moderate, 75 to 100 high. "
            "All means the whole service or survey.",
            *suppression_notes(frames.settings),
        ),
    )
    return standards, rows, download
