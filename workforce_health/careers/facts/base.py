"""What a fact is, what a fact builder gets, and the disclosure rule every fact follows.

A fact is a figure from the product's own data with its date and source, written when the
careers page is published and shown unchanged until the next publication. It is stored as
JSON (``Fact.to_json``); its chart is drawn again from its numbers when the page is rendered.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from functools import cached_property
from typing import Any, Final

from workforce_health.assessments.selectors import PublishedStandard, published_standards_get
from workforce_health.careers import selectors
from workforce_health.core.models import Organisation, Service
from workforce_health.rounding import format_rate
from workforce_health.staffing.dashboard.comparisons import Comparisons, comparisons_get
from workforce_health.staffing.selectors import (
    SERVICE_KINDS,
    Context,
    latest_complete_year,
    workforce_context_get,
)

# No workforce figure on a public page comes from fewer people than this (Skills for Care
# hide groups under 10 workers, workforce-measures.md §10; the survey default is also 10).
MIN_GROUP: Final = 10


@dataclass(frozen=True)
class FactTable:
    caption: str
    headers: list[str]
    rows: list[list[str]]  # text as shown; the first cell of each row heads it


@dataclass(frozen=True)
class FactChart:
    title: str
    y_label: str
    unit: str
    categories: list[str]
    series: list[dict[str, Any]]  # {"name", "values" (float | None), "style"}


@dataclass(frozen=True)
class Fact:
    kind: str
    heading: str
    figure: str  # the headline figure as shown, like "8.2%"
    statement: str  # one plain-English sentence saying what the figure is
    as_of: str  # ISO date the figure describes
    source: str
    period: str = ""  # when, in a few words: "On 30 September 2025", "Year to 30 September 2025"
    table: FactTable | None = None
    chart: FactChart | None = None
    notes: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Fact:
        table = data.get("table")
        chart = data.get("chart")
        return cls(
            **{
                **data,
                "table": FactTable(**table) if table else None,
                "chart": FactChart(**chart) if chart else None,
            }
        )

    @property
    def as_of_date(self) -> datetime.date:
        return datetime.date.fromisoformat(self.as_of)


@dataclass(frozen=True)
class Unavailable:
    """A chosen fact the data do not support, and why (shown to the lead, never published)."""

    kind: str
    heading: str
    reason: str


@dataclass(frozen=True)
class FactBuilder:
    """One kind of fact: its stable key (stored in the offer's choice), what the lead is told
    about it, and the function building it for a service. Builders sharing a ``group`` are
    explained to the lead once, under the group's name."""

    kind: str
    label: str
    hint: str
    build: Callable[[FactInputs], Fact | Unavailable]
    group: str = ""


class FactInputs:
    """What builders read for one service, each read once and only when a builder asks."""

    def __init__(self, *, service: Service, today: datetime.date) -> None:
        self.service = service
        self.organisation: Organisation = service.organisation
        self.today = today

    @cached_property
    def workforce(self) -> Context | None:
        """The dashboard's totals for the service's kind, census years ended by today."""
        if self.service.kind not in SERVICE_KINDS:
            return None
        scope = selectors.service_scope(service=self.service)
        ctx = workforce_context_get(scope=scope, service_kind=self.service.kind)
        last = latest_complete_year(self.today)
        years = [y for y in ctx.years if y <= last and ctx.has_data(y)]
        if not years:
            return None
        totals = {y: row for y, row in ctx.totals.items() if y <= years[-1]}
        return Context(ctx.scope, ctx.kind, ctx.inputs, totals, years[-1])

    @cached_property
    def published_standards(self) -> dict[str, PublishedStandard]:
        """The service's latest published self-assessment, by standard: one read for all."""
        return published_standards_get(service=self.service)

    @cached_property
    def comparisons(self) -> Comparisons:
        ctx = self.workforce
        if ctx is None or not ctx.kind.is_dfe:
            return Comparisons()
        return comparisons_get(
            organisation=self.organisation,
            measures=["vacancy_rate_fte", "turnover_rate_fte", "caseload_fte"],
        )


def date_text(day: datetime.date) -> str:
    return f"{day.day} {day:%B %Y}"


def percent(value: float) -> str:
    return f"{format_rate(value)}%"
