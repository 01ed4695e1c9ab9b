"""The results pages' charts, each drawn from the same rows as the table beside it (so the two
always agree): scores with their bands, answers as diverging bars, scores over time as lines."""

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from workforce_health.charts import (
    Agreement,
    Band,
    Score,
    Series,
    diverging_chart,
    legend_key,
    score_chart,
    small_line_chart,
)
from workforce_health.results.wording import hidden_text
from workforce_health.surveys.analysis.bands import BAND_RANGES
from workforce_health.web.tables import Table

BANDS = tuple(Band(name.title(), low, high) for name, low, high in BAND_RANGES)


@dataclass(frozen=True)
class ScoreLine:
    """One standard's (or theme's) score, as its table shows it."""

    title: str
    score: int | None
    band: str | None
    previous: int | None
    hidden: str  # why the score is not shown ("" when it is)


@dataclass(frozen=True)
class SmallChart:
    heading: str
    chart: str  # SVG from workforce_health.charts (escapes its text)


@dataclass(frozen=True)
class SmallMultiples:
    key: str  # SVG: the one key of the charts
    charts: tuple[SmallChart, ...]
    table_slug: str  # the table giving every chart's figures


def scores_chart(rows: Iterable[ScoreLine], *, title: str, ident: str) -> str:
    """Scores as bars over the low, moderate and high bands, with the previous survey's score;
    "" when no score is shown (the table says why)."""
    scores = [
        Score(
            r.title,
            None if r.hidden else r.score,
            (r.band or "").title(),
            None if r.hidden else r.previous,
            missing=f"Not shown: {r.hidden.lower()}",
        )
        for r in rows
    ]
    if all(s.value is None for s in scores):
        return ""
    return score_chart(scores, title=title, bands=BANDS, ident=ident)


def answers_chart(
    rows: Iterable[dict[str, Any]], texts: Mapping[str, str], *, title: str, ident: str
) -> str:
    """The engine's item rows as diverging bars: disagree, neither, agree (% of those who
    answered other than don't know); a negatively worded question says so. "" when no row
    is shown (the table says why)."""
    agreements = []
    for row in rows:
        label = texts[row["item_code"]] + (" (negatively worded)" if row.get("reverse") else "")
        if row["suppressed"]:
            agreements.append(
                Agreement(label, None, None, None, f"Not shown: {hidden_text(row).lower()}")
            )
        else:
            agreements.append(
                Agreement(label, row["pct_disagree"], row["pct_neutral"], row["pct_agree"])
            )
    if not any(a.known for a in agreements):
        return ""
    return diverging_chart(agreements, title=title, ident=ident)


def trend_charts(table: Table, *, scope_label: str, noun: str) -> SmallMultiples:
    """One small line chart per row of a scores-over-time table (its first column the
    standard, then one score per survey; a cell that is not a number is a gap). A row with
    no score at all has no chart."""
    categories = [column.header for column in table.columns[1:]]
    charts = []
    for index, row in enumerate(table.rows):
        title = str(row[0])
        values: Sequence[float | None] = [
            float(v) if isinstance(v, int | float) else None for v in row[1:]
        ]
        if all(v is None for v in values):
            continue  # nothing to draw: the table says why
        chart = small_line_chart(
            [Series(scope_label, values)],
            categories=categories,
            title=f"{title}: {noun} score (0 to 100), {categories[0]} to {categories[-1]}",
            top=100,
            bands=BANDS,
            ident=f"chart-{table.slug}-{index + 1}",
        )
        charts.append(SmallChart(title, chart))
    key = legend_key([Series(scope_label, [])], bands=BANDS, ident=f"chart-{table.slug}-key")
    return SmallMultiples(key, tuple(charts), table.slug)
