"""What staff said in the Health Check about supervision and CPD, beside what the records show.

The one module reading survey results for this app (`workforce_health.results`). Every figure
is a row of the results engine's own suppressed tables, for the reader's scope, exactly as the
survey results pages show it: a hidden group stays hidden, with the engine's reason; nothing is
suppressed or recomputed here.
"""

from dataclasses import dataclass
from typing import Any, Literal

import polars as pl

from workforce_health.core.scope import Scope
from workforce_health.results import scoping
from workforce_health.results import selectors as results
from workforce_health.results.pages.common import rounded, scoped
from workforce_health.results.wording import hidden_text, suppression_notes
from workforce_health.surveys import analysis
from workforce_health.surveys.models import Wave
from workforce_health.web.tables import Column, Table, Value

Topic = Literal["supervision", "cpd"]
# Which questions and standards each topic covers (health-check.md §2.3 and §2.6).
TOPICS: dict[str, dict[str, frozenset[str]]] = {
    "supervision": {"standards": frozenset({"S5"}), "themes": frozenset({"support"})},
    "cpd": {
        "standards": frozenset({"S6"}),
        "themes": frozenset({"development"}),
        "items": frozenset({"sw_cpd_recording"}),
    },
}
HEADLINE_ITEMS = {
    "supervision": ("sw_supervision_quality", "ww_supervision_quality"),
    "cpd": ("sw_learning_satisfied", "ww_learning_satisfied"),
}
TOPIC_LABELS = {"supervision": "supervision", "cpd": "learning and development"}


@dataclass(frozen=True)
class WaveView:
    wave: Wave
    table: Table  # the topic's questions: answers, % agree, score (or why hidden)


@dataclass(frozen=True)
class TeamFigure:
    """One team's share agreeing with the topic's headline question, or why it is hidden."""

    pct_agree: float | None
    hidden: str
    n: int | None


def _wanted(topic: str, items: pl.DataFrame) -> list[str]:
    rule = TOPICS[topic]
    keep = (
        pl.col("standard").is_in(sorted(rule["standards"]))
        | pl.col("theme").is_in(sorted(rule["themes"]))
        | pl.col("item_code").is_in(sorted(rule.get("items", frozenset())))
    )
    return items.filter(keep & (pl.col("type") == "agree"))["item_code"].to_list()


def _latest_waves(scope: Scope) -> list[Wave]:
    """The latest wave (opened or closed) of each questionnaire for each set of services the
    scope may see (Children's and Adults' surveys are separate waves)."""
    latest: dict[tuple[str, frozenset[int]], Wave] = {}
    for wave in results.results_wave_list(scope=scope).prefetch_related("services"):
        services = frozenset(s.pk for s in wave.services.all())
        latest.setdefault((wave.questionnaire.code, services), wave)
    return sorted(latest.values(), key=lambda w: w.title)


def _cell(row: dict[str, Any], column: str) -> Value:
    return hidden_text(row) if row.get("suppressed") else row.get(column)


def wave_view(frames: results.Frames, scope: Scope, wave: Wave, topic: str) -> WaveView | None:
    """The topic's questions in one wave for one scope, or None when the wave asks none."""
    codes = _wanted(topic, frames.items)
    if not codes:
        return None
    texts = {item.code: item.text for item in frames.questionnaire.items()}
    rows = {r["item_code"]: r for r in scoped(frames, scope, "items").to_dicts()}
    table = Table(
        slug=f"health-check-{topic}-{wave.pk}",
        caption=f"{wave.title}: {TOPIC_LABELS[topic]}, "
        + ("all respondents" if scope.whole_organisation else scope.label),
        columns=(
            Column("Question"),
            Column("Answers", "count"),
            Column("Agree (%)", "rate"),
            Column("Score (0 to 100)", "rate"),
        ),
        rows=tuple(
            (
                texts[code],
                _cell(rows[code], "n"),
                _cell(rows[code], "pct_agree"),
                _cell(rows[code], "score"),
            )
            for code in codes
            if code in rows
        ),
        source="Source: the council's Health Check survey (anonymous answers).",
        notes=suppression_notes(frames.settings),
    )
    return WaveView(wave, table)


def staff_view_get(*, scope: Scope, topic: Topic) -> list[WaveView]:
    """The latest Health Check's questions on the topic for the reader's scope (none for a role
    that sees no survey results)."""
    if not scope.sees_records:
        return []
    views = []
    for wave in _latest_waves(scope):
        view = wave_view(results.results_frames(wave=wave), scope, wave, topic)
        if view is not None:
            views.append(view)
    return views


def by_team(frames: results.Frames, scope: Scope, topic: str) -> dict[str, TeamFigure]:
    """Each team's figure for the topic's headline question in one wave: the rows of the
    engine's suppressed breakdown by team that are the scope's own."""
    codes = [c for c in HEADLINE_ITEMS[topic] if c in set(frames.items["item_code"].to_list())]
    if not codes or not scoping.covers(scope, ("team",)):
        return {}
    table = analysis.breakdown(
        frames.answers, frames.items, by=("team",), measure="items", settings=frames.settings
    )
    rows = scoping.rows(table, scope).filter(
        pl.col("team").is_not_null() & (pl.col("item_code") == codes[0])
    )
    return {
        row["team"]: TeamFigure(
            None if row["suppressed"] else row["pct_agree"],
            hidden_text(row) if row["suppressed"] else "",
            None if row["suppressed"] else row["n"],
        )
        for row in rows.to_dicts()
    }


@dataclass(frozen=True)
class TeamView:
    waves: list[Wave]
    question: str
    teams: dict[str, TeamFigure]

    @property
    def titles(self) -> str:
        return ", ".join(w.title for w in self.waves)


def team_view_get(*, scope: Scope, topic: Topic) -> TeamView | None:
    """The topic's headline question by team in the latest Social Work Health Check of each
    service the scope sees (a team answers in its own service's survey)."""
    if not scope.sees_records:
        return None
    waves: list[Wave] = []
    question = ""
    teams: dict[str, TeamFigure] = {}
    for wave in _latest_waves(scope):
        frames = results.results_frames(wave=wave)
        found = by_team(frames, scope, topic)
        texts = {item.code: item.text for item in frames.questionnaire.items()}
        code = next((c for c in HEADLINE_ITEMS[topic] if c in texts), None)
        if found and code is not None and (not question or texts[code] == question):
            waves.append(wave)
            question = texts[code]
            teams |= {team: figure for team, figure in found.items() if team not in teams}
    return TeamView(waves, question, teams) if waves else None


def standard_scores(*, scope: Scope) -> dict[str, tuple[int | None, str]]:
    """Each standard's latest whole-organisation score and band (for choosing learning
    priorities), from the latest wave with standards; hidden ones are None."""
    if not scope.sees_records:
        return {}
    for wave in _latest_waves(scope):
        frames = results.results_frames(wave=wave)
        if not frames.questionnaire.standards:
            continue
        found: dict[str, tuple[int | None, str]] = {}
        for row in scoped(frames, scope, "standards").to_dicts():
            score = None if row["suppressed"] else row.get("score")
            shown = rounded(score)
            found[row["standard"]] = (shown, row.get("band") or "" if shown is not None else "")
        return found
    return {}
