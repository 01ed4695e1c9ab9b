"""The results overview: response rates, headline items with change, standard scores, eNPS."""

from dataclasses import dataclass
from typing import Any

import polars as pl

from workforce_health.surveys import analysis
from workforce_health.surveys.results.common import (
    LABELS,
    hidden_text,
    rounded,
    scope_rows,
    scoped,
    shown,
    suppression_notes,
)
from workforce_health.surveys.results.frames import Frames, Scope
from workforce_health.web.tables import Column, Table, Value


@dataclass(frozen=True)
class StandardRow:
    code: str
    title: str
    n: int | None
    score: int | None
    band: str | None
    previous: int | None
    hidden: str


@dataclass(frozen=True)
class Overview:
    scope: Scope
    hidden: str  # why the scope's results are not shown at all ("" when they are)
    respondents: int | None
    invited: int | None
    response_rate: float | None
    enps: int | None
    enps_n: int | None
    standards: tuple[StandardRow, ...]
    tables: dict[str, Table]
    previous_title: str


def _group_hidden(frames: Frames, scope: Scope) -> str:
    """Why the scope's results are hidden: no respondent row of the standards table is shown."""
    rows = scoped(frames, scope, "standards").to_dicts()
    if frames.respondents == 0:
        return "No responses have been received yet."
    if rows and all(row["suppressed"] for row in rows):
        return (
            f"Results for {scope.label} are not shown: {hidden_text(rows[0]).lower()} "
            "(the smallest group this survey reports is "
            f"{frames.settings.min_group_size} responses)."
        )
    return ""


def _rates(frames: Frames, scope: Scope, by: tuple[str, ...], slug: str) -> Table:
    table = analysis.response_rates(
        frames.responses, frames.invited, by=by, settings=frames.settings
    )
    table = scope_rows(table, scope) if by == scope.by else table
    dim = by[-1] if by else None
    rows: list[tuple[Value, ...]] = []
    for row in table.to_dicts():
        label = (row.get(dim) if dim else None) or (
            "All invited" if scope.whole_wave else scope.label
        )
        rows.append(
            (
                label,
                shown(row, "invited", "invited"),
                shown(row, "responded", "invited"),
                shown(row, "response_rate", "invited"),
            )
        )
    return Table(
        slug=slug,
        caption=f"Response rate by {LABELS[dim].lower()}" if dim else "Response rate",
        columns=(
            Column(LABELS[dim] if dim else "Group"),
            Column("Invited", "count"),
            Column("Responded", "count"),
            Column("Response rate (%)", "rate"),
        ),
        rows=tuple(rows),
        notes=suppression_notes(frames.settings, "invited"),
    )


def _headlines(frames: Frames, scope: Scope, previous: Frames | None) -> Table:
    current = scoped(frames, scope, "items")
    items = {item.code: item for item in frames.questionnaire.items()}
    headline = [code for code, item in items.items() if item.headline and item.type == "agree"]
    current = current.filter(pl.col("item_code").is_in(headline))
    change: dict[str, dict[str, Any]] = {}
    if previous is not None:
        before = scoped(previous, scope, "items")
        compared = analysis.wave_change(
            current, before, min_group_size=frames.settings.min_group_size
        )
        change = {row["item_code"]: row for row in compared.to_dicts()}
    rows: list[tuple[Value, ...]] = []
    for row in sorted(current.to_dicts(), key=lambda r: headline.index(r["item_code"])):
        moved = change.get(row["item_code"], {})
        rows.append(
            (
                items[row["item_code"]].text,
                shown(row, "n"),
                shown(row, "pct_agree"),
                moved.get("pct_agree_previous"),
                moved.get("change"),
                str(moved.get("label") or "not compared")
                + (f" ({moved['direction']})" if moved.get("direction") else ""),
            )
        )
    return Table(
        slug="headline-items",
        caption="Headline questions: % agree",
        columns=(
            Column("Question"),
            Column("Answers", "count"),
            Column("Agree (%)", "rate"),
            Column("Previous survey agree (%)", "rate"),
            Column("Change (points)", "rate"),
            Column("Significance"),
        ),
        rows=tuple(rows),
        notes=(
            "Agree is the share answering agree or strongly agree, of those who gave an "
            "answer other than don't know. Changes are tested with a two-proportion z-test at "
            "the 5% level; z is not shown.",
            *suppression_notes(frames.settings),
        ),
    )


def _standards(frames: Frames, scope: Scope, previous: Frames | None) -> tuple[StandardRow, ...]:
    before: dict[str, dict[str, object]] = {}
    if previous is not None:
        before = {r["standard"]: r for r in scoped(previous, scope, "standards").to_dicts()}
    titles = frames.questionnaire.standards
    rows = []
    for row in scoped(frames, scope, "standards").to_dicts():
        old = before.get(row["standard"], {})
        rows.append(
            StandardRow(
                code=row["standard"],
                title=f"{row['standard']} {titles.get(row['standard'], '')}".strip(),
                n=row["n"],
                score=row["score_rounded"],
                band=row["band"],
                previous=None if old.get("suppressed") else old.get("score_rounded"),  # type: ignore[arg-type]
                hidden=hidden_text(row) if row["suppressed"] else "",
            )
        )
    return tuple(rows)


def standards_table(rows: tuple[StandardRow, ...], frames: Frames) -> Table:
    return Table(
        slug="standard-scores",
        caption="Scores by employer standard (0 to 100)",
        columns=(
            Column("Standard"),
            Column("Respondents", "count"),
            Column("Score", "count"),
            Column("Band"),
            Column("Previous survey score", "count"),
        ),
        rows=tuple(
            (
                r.title,
                r.hidden or r.n,
                r.hidden or r.score,
                r.hidden or (r.band or "").title(),
                r.previous,
            )
            for r in rows
        ),
        notes=(
            "Each answer scores 0 (strongly disagree) to 100 (strongly agree), reversed for "
            "negatively worded questions; a respondent's score is the mean of their answers, and "
            "the standard's score the mean of respondents' scores. Bands: 0 to 50 low, 51 to 74 "
            "moderate, 75 to 100 high.",
            *suppression_notes(frames.settings),
        ),
    )


def overview_get(
    frames: Frames, scope: Scope, previous: Frames | None, previous_title: str
) -> Overview:
    rates = analysis.response_rates(
        frames.responses, frames.invited, by=scope.by, settings=frames.settings
    )
    rate = scope_rows(rates, scope).to_dicts()
    rate_row = rate[0] if rate else {}
    hidden = _group_hidden(frames, scope)
    tables: dict[str, Table] = {"response-rate": _rates(frames, scope, scope.by, "response-rate")}
    if scope.whole_wave:
        for dim in ("service", "role_group"):
            tables[f"response-rate-{dim}"] = _rates(
                frames, scope, (dim,), f"response-rate-{dim.replace('_', '-')}"
            )
    standards: tuple[StandardRow, ...] = ()
    enps_value = enps_n = None
    if not hidden:
        tables["headline-items"] = _headlines(frames, scope, previous)
        standards = _standards(frames, scope, previous)
        tables["standard-scores"] = standards_table(standards, frames)
        enps_rows = scoped(frames, scope, "enps").to_dicts()
        if enps_rows and not enps_rows[0]["suppressed"]:
            enps_value, enps_n = rounded(enps_rows[0]["enps"]), enps_rows[0]["n"]
    return Overview(
        scope=scope,
        hidden=hidden,
        respondents=None if rate_row.get("suppressed") else rate_row.get("responded"),
        invited=None if rate_row.get("suppressed") else rate_row.get("invited"),
        response_rate=None if rate_row.get("suppressed") else rate_row.get("response_rate"),
        enps=enps_value,
        enps_n=enps_n,
        standards=standards,
        tables=tables,
        previous_title=previous_title,
    )
