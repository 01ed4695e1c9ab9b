"""The measures the dashboard shows: labels, units and what their numerator and denominator are."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from workforce_health.staffing.measures import MeasureSettings

WORKING_DAYS = MeasureSettings().working_days_per_fte_year


@dataclass(frozen=True)
class Spec:
    key: str  # the engine's (and DfE's) column name
    label: str
    unit: str  # shown after the value: "%", "FTE", "cases per FTE"
    numerator: str = ""  # what the numerator counts, e.g. "leavers (FTE)"
    denominator: str = ""
    numerator_kind: Literal["rate", "count"] = "rate"
    note: str = ""
    published: bool = True  # the DfE publishes it, so there are benchmarks to compare with

    @property
    def is_rate(self) -> bool:
        return bool(self.numerator)


ABSENCE_NOTE = (
    f"The absence rate assumes {WORKING_DAYS:g} working days in a full-time year "
    "(an assumption: the DfE does not publish its denominator)."
)
IN_POST = Spec("inpost_fte", "Social workers in post", "FTE")
STARTERS = Spec("starters_fte", "Starters in the year", "FTE")
LEAVERS = Spec("leavers_fte", "Leavers in the year", "FTE")
TURNOVER = Spec(
    "turnover_rate_fte", "Turnover rate", "%", "leavers in the year (FTE)", "in post (FTE)"
)
STABILITY = Spec(
    "stability_rate_fte",
    "Stability rate",
    "%",
    "still in post (FTE a year earlier)",
    "in post a year earlier (FTE)",
    note=(
        "Stability is a local measure, not a DfE one: the share of those in post a year "
        "earlier who are still in post with the council, in any team or role."
    ),
    published=False,
)
AGENCY = Spec(
    "agency_rate_fte", "Agency worker rate", "%", "agency workers (FTE)", "agency and in post (FTE)"
)
VACANCY = Spec(
    "vacancy_rate_fte", "Vacancy rate", "%", "vacancies (FTE)", "vacancies and in post (FTE)"
)
CASELOAD = Spec(
    "caseload_fte",
    "Average caseload",
    "cases per FTE",
    "cases held",
    "FTE of social workers holding cases",
    numerator_kind="count",
)
ABSENCE = Spec(
    "absence_rate_fte",
    "Sickness absence rate",
    "%",
    "working days lost (FTE)",
    f"working days available (in-post FTE × {WORKING_DAYS:g})",
    note=ABSENCE_NOTE,
)
HEADLINES = (IN_POST, STARTERS, LEAVERS, TURNOVER, STABILITY, AGENCY, VACANCY, CASELOAD, ABSENCE)
TRENDS = (VACANCY, TURNOVER, STABILITY, AGENCY, CASELOAD, ABSENCE)
HEADCOUNT_OF = {
    "inpost_fte": "inpost_headcount",
    "starters_fte": "starters_headcount",
    "leavers_fte": "leavers_headcount",
}


def slug(spec: Spec) -> str:
    return spec.key.removesuffix("_fte").replace("_", "-")
