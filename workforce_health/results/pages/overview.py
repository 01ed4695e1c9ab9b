"""The results overview: response rates, headline items with change, standard and theme
scores, eNPS."""

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import polars as pl

from workforce_health.core.scope import Scope
from workforce_health.results import scoping
from workforce_health.results.pages.common import LABELS, rounded, scoped, shown
from workforce_health.results.pages.figures import (
    ScoreLine,
    SmallMultiples,
    answers_chart,
    scores_chart,
    trend_charts,
)
from workforce_health.results.selectors import Frames
from workforce_health.results.wording import (
    NOT_COMPARED,
    SIGNIFICANCE,
    hidden_text,
    suppression_notes,
)
from workforce_health.surveys import analysis
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
    counted: int | None  # the wave's responses when no invited counts were recorded (imports)
    responses_hidden: str  # why the scope's response count and rate are not shown ("" if shown)
    enps: int | None
    enps_n: int | None
    standards: tuple[StandardRow, ...]
    themes: tuple[StandardRow, ...]  # scores by theme (all a questionnaire has if no standards)
    tables: dict[str, Table]
    previous_title: str
    # Charts by the slug of their table, with "_" for "-" (as templates look them up): SVG
    # of the headline questions and of the scores; small multiples of the scores over time.
    charts: dict[str, str] = field(default_factory=dict)
    trends: dict[str, SmallMultiples] = field(default_factory=dict)


def _group_hidden(frames: Frames, scope: Scope) -> str:
    """Why the scope's results are hidden: no respondent row of the standards table (or, for a
    questionnaire without standards, of the themes table) is shown."""
    measure: analysis.breakdowns.Measure = (
        "standards" if frames.questionnaire.standards else "themes"
    )
    rows = scoped(frames, scope, measure).to_dicts()
    if frames.respondents == 0:
        return "No responses have been received yet."
    if rows and all(row["suppressed"] for row in rows):
        return (
            f"Results for {scoping.label(scope)} are not shown: {hidden_text(rows[0]).lower()} "
            "(the smallest group this survey reports is "
            f"{frames.settings.min_group_size} responses)."
        )
    return ""


def _rates(frames: Frames, scope: Scope, by: tuple[str, ...], slug: str) -> Table:
    table = analysis.response_rates(
        frames.answers,
        frames.invited,
        by=by,
        settings=frames.settings,
        groups_equal_to_whole=scope.whole_organisation,  # its reader sees the whole wave
    )
    table = scoping.rows(table, scope) if by == scoping.own_breakdown(scope) else table
    dim = by[-1] if by else None
    rows: list[tuple[Value, ...]] = []
    for row in table.to_dicts():
        label = (row.get(dim) if dim else None) or (
            "All invited" if scope.whole_organisation else scoping.label(scope)
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


def _previous_cell(before: dict[str, Any] | None) -> Value:
    """The previous survey's % agree, or why there is none."""
    if before is None:
        return "Not asked"
    return shown(before, "pct_agree")


def _headlines(frames: Frames, scope: Scope, previous: Frames | None) -> tuple[Table, str]:
    """The headline questions' table, and its chart of disagree, neither and agree."""
    current = scoped(frames, scope, "items")
    items = {item.code: item for item in frames.questionnaire.items()}
    headline = [code for code, item in items.items() if item.headline and item.type == "agree"]
    current = current.filter(pl.col("item_code").is_in(headline))
    change: dict[str, dict[str, Any]] = {}
    before: dict[str, dict[str, Any]] = {}
    if previous is not None:
        earlier = scoped(previous, scope, "items")
        before = {row["item_code"]: row for row in earlier.to_dicts()}
        compared = analysis.wave_change(
            current, earlier, min_group_size=frames.settings.min_group_size
        )
        change = {row["item_code"]: row for row in compared.to_dicts()}
    rows: list[tuple[Value, ...]] = []
    ordered = sorted(current.to_dicts(), key=lambda r: headline.index(r["item_code"]))
    chart = answers_chart(
        ordered,
        {code: item.text for code, item in items.items()},
        title="Headline questions: % disagree, neither and agree",
        ident="chart-headline-items",
    )
    for row in ordered:
        cells: tuple[Value, ...] = (items[row["item_code"]].text, shown(row, "n"))
        cells += (shown(row, "pct_agree"),)
        if previous is not None:
            moved = change.get(row["item_code"], {})
            difference = moved.get("change")
            cells += (
                _previous_cell(before.get(row["item_code"])),
                "Not compared" if difference is None else difference,
                str(moved.get("label") or "not compared")
                + (f" ({moved['direction']})" if moved.get("direction") else ""),
            )
        rows.append(cells)
    compared_columns = (
        Column("Previous survey agree (%)", "rate"),
        Column("Change (points)", "rate"),
        Column("Significance"),
    )
    table = Table(
        slug="headline-items",
        caption="Headline questions: % agree",
        columns=(
            Column("Question"),
            Column("Answers", "count"),
            Column("Agree (%)", "rate"),
            *(compared_columns if previous is not None else ()),
        ),
        rows=tuple(rows),
        notes=(
            "Agree is the share answering agree or strongly agree, of those who gave an "
            "answer other than don't know."
            + (
                f" {SIGNIFICANCE}; z is not shown. {NOT_COMPARED}"
                if previous is not None
                else " There is no earlier survey with this questionnaire to compare with."
            ),
            *suppression_notes(frames.settings),
        ),
    )
    return table, chart


def _scores(
    frames: Frames, scope: Scope, previous: Frames | None, kind: str
) -> tuple[StandardRow, ...]:
    """Rows of the standards (kind "standard") or themes (kind "theme") table of the scope."""
    measure: analysis.breakdowns.Measure = "standards" if kind == "standard" else "themes"
    before: dict[str, dict[str, object]] = {}
    if previous is not None:
        before = {r[kind]: r for r in scoped(previous, scope, measure).to_dicts()}
    if kind == "standard":
        titles = {c: f"{c} {t}" for c, t in frames.questionnaire.standards.items()}
    else:
        titles = dict(frames.questionnaire.themes)
    order = list(titles)
    found = scoped(frames, scope, measure).to_dicts()
    found.sort(key=lambda r: order.index(r[kind]) if r[kind] in order else len(order))
    rows = []
    for row in found:
        old = before.get(row[kind], {})
        rows.append(
            StandardRow(
                code=row[kind],
                title=titles.get(row[kind], row[kind]),
                n=row["n"],
                score=row["score_rounded"],
                band=row["band"],
                previous=None if old.get("suppressed") else old.get("score_rounded"),  # type: ignore[arg-type]
                hidden=hidden_text(row) if row["suppressed"] else "",
            )
        )
    return tuple(rows)


def _standards(frames: Frames, scope: Scope, previous: Frames | None) -> tuple[StandardRow, ...]:
    return _scores(frames, scope, previous, "standard")


SCORE_NOTE = (
    "Each answer scores 0 (strongly disagree) to 100 (strongly agree), reversed for negatively "
    "worded questions; a respondent's score is the mean of their answers, and the {kind}'s "
    "score the mean of respondents' scores. Bands: 0 to 50 low, 51 to 74 moderate, 75 to 100 "
    "high."
)


def standards_table(rows: tuple[StandardRow, ...], frames: Frames, kind: str = "standard") -> Table:
    return Table(
        slug="standard-scores" if kind == "standard" else "theme-scores",
        caption=(
            "Scores by employer standard (0 to 100)"
            if kind == "standard"
            else "Scores by theme (0 to 100)"
        ),
        columns=(
            Column("Standard" if kind == "standard" else "Theme"),
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
        notes=(SCORE_NOTE.format(kind=kind), *suppression_notes(frames.settings)),
    )


NOT_ASKED = "Not asked"
NO_RESULTS = "No results"


def score_trend_table(
    surveys: Sequence[tuple[str, Frames]], scope: Scope, kind: str = "standard"
) -> Table:
    """Scores by standard (or theme) in each of `surveys` (label and frames, oldest first, the
    current survey last): each survey's own suppressed whole-scope score, as its own overview
    shows it; "Not asked" where its questionnaire has no such standard."""
    measure: analysis.breakdowns.Measure = "standards" if kind == "standard" else "themes"
    current = surveys[-1][1].questionnaire
    titles = (
        {c: f"{c} {t}" for c, t in current.standards.items()}
        if kind == "standard"
        else dict(current.themes)
    )
    found = [
        ({r[kind]: r for r in scoped(frames, scope, measure).to_dicts()}, frames)
        for _, frames in surveys
    ]
    rows: list[tuple[Value, ...]] = []
    for code, title in titles.items():
        cells: list[Value] = [title]
        for by_code, frames in found:
            asked = (
                frames.questionnaire.standards
                if kind == "standard"
                else frames.questionnaire.themes
            )
            row = by_code.get(code)
            if code not in asked:
                cells.append(NOT_ASKED)
            elif row is None:
                cells.append(NO_RESULTS)
            else:
                cells.append(hidden_text(row) if row["suppressed"] else row["score_rounded"])
        rows.append(tuple(cells))
    noun = "standard" if kind == "standard" else "theme"
    return Table(
        slug=f"{noun}-scores-over-time",
        caption=f"Scores by {'employer standard' if kind == 'standard' else 'theme'} over time "
        "(0 to 100)",
        columns=(
            Column(noun.title()),
            *(Column(label, "count") for label, _ in surveys),
        ),
        rows=tuple(rows),
        notes=(
            SCORE_NOTE.format(kind=noun),
            "Each survey's scores are as its own results show them, with its own disclosure "
            f"settings. {NOT_ASKED}: that survey's questionnaire had no such {noun}. "
            f"{NO_RESULTS}: nobody in this group answered it. Differences between years are "
            "not tested here; the headline questions show the tested change since the previous "
            "survey.",
            *suppression_notes(surveys[-1][1].settings),
        ),
    )


def _responses_hidden(row: dict[str, Any]) -> str:
    """Why a scope's count of responses and rate are hidden, in the page's words."""
    if not row:
        return "no count of the staff invited was recorded"
    if not row.get("suppressed"):
        return ""
    unit = "invited" if str(row.get("suppressed_reason")).endswith("invited") else "responses"
    return hidden_text(row, unit).lower()


# The trend tables appear from the third survey on: with two, the scores tables' "Previous
# score" column says it all.
TREND_FROM: int = 3


def overview_get(
    frames: Frames,
    scope: Scope,
    previous: Frames | None,
    previous_title: str,
    history: Sequence[tuple[str, Frames]] = (),
    label: str = "This survey",
) -> Overview:
    """`history`: the earlier surveys followed through (label and frames, oldest first), of
    which `previous` is the last; `label` names this survey beside them."""
    rates = analysis.response_rates(
        frames.answers, frames.invited, by=scoping.own_breakdown(scope), settings=frames.settings
    )
    rate = scoping.rows(rates, scope).to_dicts()
    rate_row = rate[0] if rate else {}
    hidden = _group_hidden(frames, scope)
    own = scoping.own_breakdown(scope)
    tables: dict[str, Table] = {"response-rate": _rates(frames, scope, own, "response-rate")}
    if scope.whole_organisation:
        for dim in ("service", "role_group"):
            tables[f"response-rate-{dim}"] = _rates(
                frames, scope, (dim,), f"response-rate-{dim.replace('_', '-')}"
            )
    standards: tuple[StandardRow, ...] = ()
    themes: tuple[StandardRow, ...] = ()
    enps_value = enps_n = None
    charts: dict[str, str] = {}
    trends: dict[str, SmallMultiples] = {}
    if not hidden:
        tables["headline-items"], charts["headline_items"] = _headlines(frames, scope, previous)
        standards = _standards(frames, scope, previous)
        themes = _scores(frames, scope, previous, "theme")
        for kind, rows in (("standard", standards), ("theme", themes)):
            if rows:
                table = standards_table(rows, frames, kind)
                tables[table.slug] = table
                charts[table.slug.replace("-", "_")] = _scores_chart(
                    rows, table.caption, table.slug
                )
        surveys = [*history, (label, frames)]
        if len(surveys) >= TREND_FROM:
            for kind, rows in (("standard", standards), ("theme", themes)):
                if rows:
                    table = score_trend_table(surveys, scope, kind)
                    tables[table.slug] = table
                    trends[table.slug.replace("-", "_")] = trend_charts(
                        table, scope_label=scoping.label(scope), noun=kind
                    )
        enps_rows = scoped(frames, scope, "enps").to_dicts()
        if enps_rows and not enps_rows[0]["suppressed"]:
            enps_value, enps_n = rounded(enps_rows[0]["enps"]), enps_rows[0]["n"]
    return Overview(
        scope=scope,
        hidden=hidden,
        respondents=None if rate_row.get("suppressed") else rate_row.get("responded"),
        invited=None if rate_row.get("suppressed") else rate_row.get("invited"),
        response_rate=None if rate_row.get("suppressed") else rate_row.get("response_rate"),
        counted=frames.respondents
        if scope.whole_organisation and not frames.invited.height
        else None,
        responses_hidden=_responses_hidden(rate_row),
        enps=enps_value,
        enps_n=enps_n,
        standards=standards,
        themes=themes,
        tables=tables,
        previous_title=previous_title,
        charts=charts,
        trends=trends,
    )


def _scores_chart(rows: tuple[StandardRow, ...], caption: str, slug: str) -> str:
    return scores_chart(
        (ScoreLine(r.title, r.score, r.band, r.previous, r.hidden) for r in rows),
        title=caption.replace("(0 to 100)", "and bands (0 to 100)"),
        ident=f"chart-{slug}",
    )
