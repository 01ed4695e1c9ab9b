"""The public careers pages' contents, from a published (or previewed) document and the live
vacancies: what the templates show, with each fact's chart drawn from its numbers."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import Any

from django.urls import reverse
from django.utils.safestring import SafeString, mark_safe

from workforce_health.careers.content import Content
from workforce_health.careers.facts import Fact, Unavailable
from workforce_health.careers.models import Vacancy
from workforce_health.charts import Series, line_chart
from workforce_health.rounding import format_rate
from workforce_health.web.tables import Column, Table


def vacancy_status(vacancy: Vacancy, today: datetime.date) -> tuple[str, str]:
    """The vacancy's state in words and the GOV.UK tag colour (the lead's list of vacancies;
    the words also in ``vacancies --all``)."""
    if vacancy.filled_on is not None:
        return "Filled", "grey"
    if vacancy.closing_date < today:
        return "Closed", "grey"
    if vacancy.is_published:
        return "Advertised", "green"
    return "Not advertised", "yellow"


@dataclass(frozen=True)
class FactView:
    fact: Fact
    chart: SafeString | None
    table: Table | None
    slug: str


@dataclass
class ServiceView:
    name: str
    slug: str
    summary: str
    sections: list[dict[str, str]]
    pay_bands: list[dict[str, Any]]
    items: list[dict[str, Any]]
    facts: list[FactView]
    url: str
    vacancies: list[Vacancy] = field(default_factory=list)
    unavailable: list[Unavailable] = field(default_factory=list)
    service_id: int = 0

    @property
    def pay_range(self) -> tuple[int, int] | None:
        if not self.pay_bands:
            return None
        return (
            min(b["salary_min"] for b in self.pay_bands),
            max(b["salary_max"] for b in self.pay_bands),
        )


def _chart(fact: Fact) -> SafeString | None:
    """The fact's chart: SVG from workforce_health.charts, which escapes every text it is given
    (the service name is the only text from a user)."""
    if fact.chart is None:
        return None
    chart = fact.chart
    svg = line_chart(
        [Series(s["name"], s["values"], s["style"]) for s in chart.series],
        categories=chart.categories,
        title=chart.title,
        y_label=chart.y_label,
        unit=chart.unit,
        format_value=format_rate,
        ident=f"chart-{fact.kind.replace('_', '-')}",
    )
    return mark_safe(svg)  # noqa: S308 - built and escaped by workforce_health.charts


def _table(fact: Fact) -> Table | None:
    if fact.table is None:
        return None
    headers = fact.table.headers
    return Table(
        slug=fact.kind.replace("_", "-"),
        caption=fact.table.caption,
        columns=(Column(headers[0]), *(Column(h, "rate") for h in headers[1:])),
        rows=tuple(tuple(row) for row in fact.table.rows),
    )


def fact_view(data: dict[str, Any]) -> FactView:
    fact = Fact.from_json(data)
    return FactView(fact, _chart(fact), _table(fact), fact.kind.replace("_", "-"))


def service_views(
    content: Content,
    *,
    service_url: Any,
    unavailable: dict[int, list[Unavailable]] | None = None,
) -> list[ServiceView]:
    """Each service of the document; ``service_url(slug, service_id)`` gives its page's link."""
    return [
        ServiceView(
            name=s["name"],
            slug=s["slug"],
            summary=s["summary"],
            sections=s["sections"],
            pay_bands=s["pay_bands"],
            items=s["items"],
            facts=[fact_view(f) for f in s["facts"]],
            url=service_url(s["slug"], s["service_id"]),
            unavailable=(unavailable or {}).get(s["service_id"], []),
            service_id=s["service_id"],
        )
        for s in content["services"]
    ]


def public_service_url(la_code: str) -> Any:
    def url(slug: str, service_id: int) -> str:
        return reverse("careers-service", kwargs={"org_code": la_code, "service_slug": slug})

    return url


def preview_service_url(slug: str, service_id: int) -> str:
    return reverse("careers-preview-service", kwargs={"service_id": service_id})


def published_on(content: Content) -> datetime.date:
    return datetime.date.fromisoformat(content["published_on"])


def paragraphs(text: str) -> list[str]:
    """Text split into paragraphs at blank lines (each escaped by the template)."""
    return [p.strip() for p in text.replace("\r\n", "\n").split("\n\n") if p.strip()]
