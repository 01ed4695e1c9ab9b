"""`survey results`: the engine's published (suppressed) figures as one JSON-ready structure.

Every figure comes from `analysis.breakdown`, `analysis.respondent_counts`,
`analysis.response_rates` and `analysis.wave_change`, the same tables the results pages show
(docs/survey-analysis.md). A suppressed figure is None with "suppressed": True. Percentages
are 0-100, to one decimal place.
"""

from collections.abc import Sequence
from typing import Any

import polars as pl

from workforce_health.results.selectors import Frames
from workforce_health.rounding import round_half_up
from workforce_health.surveys import analysis
from workforce_health.surveys import questionnaire as qn

Figures = dict[str, Any]
ITEM_FIELDS = ("n", "n_dont_know", "pct_agree", "pct_neutral", "pct_disagree", "score")
ENPS_FIELDS = ("n", "enps", "pct_promoters", "pct_passives", "pct_detractors")
CHANGE_FIELDS = ("pct_agree_previous", "change", "p_value", "significant", "label", "direction")
RATE_FIELDS = {"invited": "invited", "responded": "responded", "rate": "response_rate"}
RECOMMEND_SUFFIX = "_recommend_employer"
GROUP_SEPARATOR = " / "


def _value(field: str, value: Any) -> Any:
    """Percentages and scores to one decimal place and eNPS whole (half up); counts as they are."""
    if value is None or not isinstance(value, float):
        return value
    if field == "enps":
        return int(round_half_up(value, 0))
    if field == "p_value":
        return round(value, 4)
    return float(round_half_up(value, 1))


def _figures(row: dict[str, Any], fields: Sequence[str]) -> Figures:
    return {f: _value(f, row.get(f)) for f in fields} | {"suppressed": bool(row["suppressed"])}


def _change(row: dict[str, Any] | None) -> Figures:
    row = row or {"label": "not compared"}
    return {f: _value(f, row.get(f)) for f in CHANGE_FIELDS}


def _key(row: dict[str, Any], dims: Sequence[str]) -> str | None:
    """The group's name, or None for a margin (a total) of the table."""
    values = [row[d] for d in dims]
    return None if any(v is None for v in values) else GROUP_SEPARATOR.join(values)


class _Tables:
    """The engine's published tables of one wave for one breakdown (`by`)."""

    def __init__(self, frames: Frames, by: tuple[str, ...]) -> None:
        self.dims, _ = analysis.breakdowns.layout(by)

        def table(measure: analysis.breakdowns.Measure) -> pl.DataFrame:
            return analysis.breakdown(
                frames.answers, frames.items, by=by, measure=measure, settings=frames.settings
            )

        self.items = table("items")
        respondents = analysis.respondent_counts(
            frames.answers, frames.items, by=by, settings=frames.settings
        )
        # A wave with no invited counts (an import of an earlier year) has no response rates.
        self.rates = (
            self._rows(
                analysis.response_rates(
                    frames.answers,
                    frames.invited,
                    by=by,
                    settings=frames.settings,
                    groups_equal_to_whole=True,  # the command prints the whole wave too
                )
            )
            if frames.invited.height
            else None
        )
        self.grouped = {
            name: self._rows(frame)
            for name, frame in (
                ("items", self.items),
                ("standards", table("standards")),
                ("themes", table("themes")),
                ("enps", table("enps")),
                ("respondents", respondents),
            )
        }

    def rows(self, name: str, group: str | None) -> list[dict[str, Any]]:
        return self.grouped[name].get(group, [])

    def _rows(self, table: pl.DataFrame) -> dict[str | None, list[dict[str, Any]]]:
        """Rows by group name (None: the whole wave when there is no breakdown)."""
        grouped: dict[str | None, list[dict[str, Any]]] = {}
        for row in table.to_dicts():
            if self.dims and _key(row, self.dims) is None:
                continue
            grouped.setdefault(_key(row, self.dims) if self.dims else None, []).append(row)
        return grouped


def _scores(rows: list[dict[str, Any]], key: str) -> dict[str, Figures]:
    return {
        row[key]: {
            "n": row["n"],
            "score": row["score_rounded"],
            "band": row["band"],
            "suppressed": bool(row["suppressed"]),
        }
        for row in rows
    }


def _rate(tables: _Tables, group: str | None) -> Figures | None:
    """Invited, responded and the response rate (0-100); None without invited counts."""
    row = next(iter(tables.rates.get(group, [])), None) if tables.rates is not None else None
    if row is None:
        return None
    return {key: _value(key, row[column]) for key, column in RATE_FIELDS.items()} | {
        "suppressed": bool(row["suppressed"])
    }


def _group(
    tables: _Tables,
    group: str | None,
    changes: dict[tuple[str | None, str], dict[str, Any]] | None,
    parsed: qn.Questionnaire,
) -> Figures:
    items: dict[str, Figures] = {}
    for row in tables.rows("items", group):
        items[row["item_code"]] = _figures(row, ITEM_FIELDS)
        if changes is not None:
            items[row["item_code"]]["change"] = _change(changes.get((group, row["item_code"])))
    size = next(iter(tables.rows("respondents", group)), None)
    enps = {row["item_code"]: row for row in tables.rows("enps", group)}
    agree = next((i.code for i in parsed.items() if i.code.endswith(RECOMMEND_SUFFIX)), None)
    scale = next((i.code for i in parsed.items() if i.type == qn.SCALE_0_10), None)
    return {
        "respondents": None if size is None else size["respondents"],
        "response_rate": _rate(tables, group),
        "items": items,
        "standards": _scores(tables.rows("standards", group), "standard"),
        "themes": _scores(tables.rows("themes", group), "theme"),
        "recommend": {
            "agree": {"item": agree, **items[agree]} if agree in items else None,
            "enps": (
                {"item": scale, **_figures(enps[scale], ENPS_FIELDS)} if scale in enps else None
            ),
        },
    }


def _changes(
    now: _Tables, previous: Frames | None, by: tuple[str, ...], min_group_size: int
) -> dict[tuple[str | None, str], dict[str, Any]] | None:
    if previous is None:
        return None
    before = _Tables(previous, by)
    compared = analysis.wave_change(
        now.items, before.items, on=(*now.dims, "item_code"), min_group_size=min_group_size
    )
    return {
        (_key(row, now.dims) if now.dims else None, row["item_code"]): row
        for row in compared.to_dicts()
    }


def results_get(
    frames: Frames, breakdowns: Sequence[tuple[str, ...]], previous: Frames | None = None
) -> Figures:
    """The whole wave's figures, then one entry per breakdown: dimension -> group -> figures."""
    whole = _Tables(frames, ())
    size = frames.settings.min_group_size
    result = _group(whole, None, _changes(whole, previous, (), size), frames.questionnaire)
    result["respondents"] = frames.respondents  # the wave's total, as the wave list shows it
    result["breakdowns"] = {}
    for by in breakdowns:
        tables = _Tables(frames, by)
        changes = _changes(tables, previous, by, size)
        groups = sorted(g for g in tables.grouped["items"] if g is not None)
        result["breakdowns"]["+".join(by)] = {
            group: _group(tables, group, changes, frames.questionnaire) for group in groups
        }
    return result
