"""Practitioner-reported numbers (hours over contract, caseload, new cases) and comment counts."""

import polars as pl

from workforce_health.surveys import analysis
from workforce_health.surveys.results.common import LABELS, shown, suppression_notes
from workforce_health.surveys.results.frames import Frames
from workforce_health.web.tables import Column, Table, Value

HOURS_OVER = "hours_over_contract"
ALL = "All respondents"
NOT_SHOWN = "Not shown"


def _measure_label(frames: Frames, code: str) -> str:
    if code == HOURS_OVER:
        return "Hours worked over contract each week"
    item = next((i for i in frames.questionnaire.items() if i.code == code), None)
    return item.text if item else code


def numbers_table(frames: Frames, by: tuple[str, ...]) -> Table:
    """Mean and median of each reported number, for the whole wave or by one group."""
    table = analysis.breakdown(
        frames.responses, frames.items, by=by, measure="numbers", settings=frames.settings
    )
    dim = by[0] if by else None
    rows: list[tuple[Value, ...]] = []
    for row in table.to_dicts():
        rows.append(
            (
                _measure_label(frames, row["measure"]),
                *([row[dim] or ALL] if dim else []),
                shown(row, "n"),
                shown(row, "mean"),
                shown(row, "median"),
                shown(row, "pct_over_contract") if row["measure"] == HOURS_OVER else "",
            )
        )
    return Table(
        slug=f"numbers-by-{dim.replace('_', '-')}" if dim else "numbers",
        caption="Hours and caseloads" + (f" by {LABELS[dim].lower()}" if dim else ""),
        columns=(
            Column("Measure"),
            *([Column(LABELS[dim])] if dim else []),
            Column("Answers", "count"),
            Column("Mean", "rate"),
            Column("Median", "rate"),
            Column("Working over contract (%)", "rate"),
        ),
        rows=tuple(rows),
        notes=(
            "Answers outside a plausible range (for example more than 80 hours a week or 60 "
            "cases) are left out. Hours over contract is actual minus contracted weekly hours, "
            "for those who gave both.",
            *suppression_notes(frames.settings),
        ),
    )


def comment_counts(frames: Frames, by: tuple[str, ...]) -> Table:
    """How many comments each open question received, for groups large enough for comments.

    Counts only: comment text is not shown on any page. Groups below the comment threshold,
    or hidden to protect another, are listed as hidden (the engine's `comments` rules).
    """
    shown_comments = analysis.comments(
        frames.responses, frames.items, by=by, settings=frames.settings
    )
    dim = by[0] if by else None
    themes = frames.questionnaire.themes
    text_items = {i.code: i for i in frames.questionnaire.items() if i.type == "text"}
    counts = shown_comments.group_by([*by, "item_code"]).agg(pl.len().alias("comments"))
    groups = (
        [None]
        if dim is None
        else sorted(frames.responses[dim].fill_null(analysis.NOT_KNOWN).unique().to_list())
    )
    found = {(r[dim] if dim else None, r["item_code"]): r["comments"] for r in counts.to_dicts()}
    rows: list[tuple[Value, ...]] = []
    for group in groups:
        for code, item in text_items.items():
            theme = themes.get(item.theme or "", "") or item.text
            value: Value = found.get((group, code), NOT_SHOWN)
            rows.append((*([group] if dim else []), theme, item.text, value))
    return Table(
        slug=f"comments-by-{dim.replace('_', '-')}" if dim else "comments",
        caption="Comments received, by theme" + (f" and {LABELS[dim].lower()}" if dim else ""),
        columns=(
            *([Column(LABELS[dim])] if dim else []),
            Column("Theme"),
            Column("Question"),
            Column("Comments", "count"),
        ),
        rows=tuple(rows),
        notes=(
            f"{NOT_SHOWN}: the group has fewer than {frames.settings.min_group_size_comments} "
            "responses, is hidden to protect another group, or made no comments. Comment text "
            "is not shown here, to protect respondents.",
        ),
    )
