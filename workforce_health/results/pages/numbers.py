"""Practitioner-reported numbers: hours over contract, caseload and new cases."""

from workforce_health.core.scope import Scope
from workforce_health.results import scoping
from workforce_health.results.pages.common import LABELS, shown
from workforce_health.results.selectors import Frames
from workforce_health.results.wording import suppression_notes
from workforce_health.surveys import analysis
from workforce_health.web.tables import Column, Table, Value

HOURS_OVER = "hours_over_contract"
ALL = "All respondents"
ALL_OF = "All"  # a margin in a table by team: the whole service, or every service


def _measure_label(frames: Frames, code: str) -> str:
    if code == HOURS_OVER:
        return "Hours worked over contract each week"
    item = next((i for i in frames.questionnaire.items() if i.code == code), None)
    return item.text if item else code


def _group_columns(by: tuple[str, ...]) -> tuple[str, ...]:
    """The group columns of a table by `by`: a team comes with its service."""
    return analysis.breakdowns.layout(by)[0]


def numbers_table(frames: Frames, by: tuple[str, ...], scope: Scope) -> Table:
    """Mean and median of each reported number, for the whole wave or by one group (teams
    within their service); for a manager, the scope's own rows of that table."""
    table = scoping.rows(
        analysis.breakdown(
            frames.answers, frames.items, by=by, measure="numbers", settings=frames.settings
        ),
        scope,
    )
    dims = _group_columns(by)
    margin = ALL_OF if len(dims) > 1 else ALL
    rows: list[tuple[Value, ...]] = []
    for row in table.to_dicts():
        rows.append(
            (
                _measure_label(frames, row["measure"]),
                *(row[d] or margin for d in dims),
                shown(row, "n"),
                shown(row, "mean"),
                shown(row, "median"),
                shown(row, "pct_over_contract") if row["measure"] == HOURS_OVER else "",
            )
        )
    margin_notes = [f"{ALL_OF} means every team of the service, or every service."]
    margin_notes = margin_notes if margin == ALL_OF else []
    return Table(
        slug="-".join(["numbers", *(["by"] if by else []), *by]).replace("_", "-"),
        caption="Hours and caseloads"
        + (f" by {' and '.join(LABELS[d].lower() for d in by)}" if by else ""),
        columns=(
            Column("Measure"),
            *(Column(LABELS[d]) for d in dims),
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
            *margin_notes,
            *suppression_notes(frames.settings),
        ),
    )
