"""`survey results --format csv`: the results structure as one long table, a row per figure set.

The rows are the JSON's (`_survey_results.results_get`), flattened: a suppressed figure is an
empty cell with `suppressed` true.
"""

import csv
import io
from collections.abc import Iterator
from typing import Any

from workforce_health.results.management.commands._survey_results import CHANGE_FIELDS, Figures
from workforce_health.spreadsheets.formulas import csv_cell

WHOLE_WAVE = "All respondents"
COLUMNS = (
    "breakdown",
    "group",
    "measure",
    "code",
    "n",
    "n_dont_know",
    "pct_agree",
    "pct_neutral",
    "pct_disagree",
    "score",
    "band",
    "enps",
    "pct_promoters",
    "pct_passives",
    "pct_detractors",
    "invited",
    "responded",
    "rate",
    *CHANGE_FIELDS,
    "suppressed",
)


def _group_rows(dimension: str, group: str, figures: Figures) -> Iterator[dict[str, Any]]:
    where = {"breakdown": dimension, "group": group}
    respondents = figures["respondents"]
    yield where | {"measure": "respondents", "n": respondents, "suppressed": respondents is None}
    if figures["response_rate"] is not None:
        yield where | {"measure": "response_rate"} | figures["response_rate"]
    for code, item in figures["items"].items():
        yield where | {"measure": "item", "code": code} | item | item.get("change", {})
    for kind in ("standards", "themes"):
        for code, score in figures[kind].items():
            yield where | {"measure": kind.removesuffix("s"), "code": code} | score
    enps = figures["recommend"]["enps"]
    if enps is not None:
        yield where | {"measure": "enps", "code": enps["item"]} | enps


def results_csv(results: Figures) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()  # the columns are the constant COLUMNS; group names may be anything
    rows = list(_group_rows("", WHOLE_WAVE, results))
    for dimension, groups in results["breakdowns"].items():
        for group, figures in groups.items():
            rows.extend(_group_rows(dimension, group, figures))
    for row in rows:
        writer.writerow({k: _cell(v) for k, v in row.items()})
    return out.getvalue()


def _cell(value: Any) -> Any:
    if isinstance(value, bool):
        return "true" if value else "false"
    return "" if value is None else csv_cell(value)
