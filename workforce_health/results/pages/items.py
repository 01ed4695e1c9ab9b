"""Item results: every agree question, grouped by standard or theme, with a chart (diverging
bars: disagree, neither, agree) and a table."""

from dataclasses import dataclass

from workforce_health.core.scope import Scope
from workforce_health.results.pages.common import scoped, shown
from workforce_health.results.pages.figures import answers_chart
from workforce_health.results.selectors import Frames
from workforce_health.results.wording import suppression_notes
from workforce_health.web.tables import Column, Table


@dataclass(frozen=True)
class ItemSection:
    heading: str
    chart: str  # SVG from workforce_health.charts (escapes its text); "" if nothing is shown
    table: Table


def items_get(frames: Frames, scope: Scope) -> list[ItemSection]:
    """One section per standard, then per theme, in questionnaire order."""
    parsed = frames.questionnaire
    items = {item.code: item for item in parsed.items()}
    rows = {row["item_code"]: row for row in scoped(frames, scope, "items").to_dicts()}
    groups: dict[tuple[str, str], list[str]] = {}
    for item in parsed.items():
        if item.type == "agree":
            key = ("standard", item.standard) if item.standard else ("theme", item.theme or "")
            groups.setdefault(key, []).append(item.code)
    sections = []
    for (kind, code), codes in groups.items():
        title = parsed.standards[code] if kind == "standard" else parsed.themes[code]
        heading = f"{code} {title}" if kind == "standard" else title
        present = [rows[c] for c in codes if c in rows]
        table = Table(
            slug=f"items-{code.lower()}",
            caption=f"{heading}: answers to each question",
            columns=(
                Column("Question"),
                Column("Answers", "count"),
                Column("Agree (%)", "rate"),
                Column("Neither (%)", "rate"),
                Column("Disagree (%)", "rate"),
                Column("Don't know", "count"),
                Column("Score (0 to 100)", "rate"),
            ),
            rows=tuple(
                (
                    items[row["item_code"]].text
                    + (" (negatively worded)" if row["reverse"] else ""),
                    shown(row, "n"),
                    shown(row, "pct_agree"),
                    shown(row, "pct_neutral"),
                    shown(row, "pct_disagree"),
                    shown(row, "n_dont_know"),
                    shown(row, "score"),
                )
                for row in present
            ),
            notes=suppression_notes(frames.settings),
        )
        chart = answers_chart(
            present,
            {code: item.text for code, item in items.items()},
            title=f"{heading}: % disagree, neither and agree",
            ident=f"chart-items-{code.lower()}",
        )
        sections.append(ItemSection(heading, chart, table))
    return sections
