"""Facts a careers page may show, each built from the product's own data, dated and sourced.

``FACT_BUILDERS`` is the list of every kind of fact, in the order the lead sees them. To add
a kind (for example supervision kept to the standard, or the NQSW programme's figures from the
development records): write a function ``build(inputs: FactInputs) -> Fact | Unavailable`` in
a module of this package, returning ``Unavailable`` with a reason whenever the data do not
support the figure (no records, or a group under ``MIN_GROUP``), and add one ``FactBuilder``
line below. Its ``kind`` is stored in the lead's choice, so never rename one.
"""

from __future__ import annotations

import datetime

from workforce_health.careers.facts import health_check, offer, self_assessment, workforce
from workforce_health.careers.facts.base import (
    MIN_GROUP,
    Fact,
    FactBuilder,
    FactChart,
    FactInputs,
    FactTable,
    Unavailable,
)
from workforce_health.core.models import Service

FACT_BUILDERS: tuple[FactBuilder, ...] = (
    FactBuilder(
        "vacancy_trend",
        "Vacancy rate since 2017, against England",
        "Vacant posts on 30 September each year, as the DfE measures them",
        workforce.vacancy_trend,
    ),
    FactBuilder(
        "turnover_trend",
        "Turnover rate since 2017, against England",
        "Leavers in each year to 30 September, as the DfE measures them",
        workforce.turnover_trend,
    ),
    FactBuilder(
        "average_caseload",
        "Average caseload",
        "Cases per full-time social worker holding cases, on the latest 30 September",
        workforce.average_caseload,
    ),
    FactBuilder(
        "health_check_recommend",
        "Health Check: would recommend the council as a place to work",
        "From the latest closed Health Check covering the service",
        health_check.recommend,
    ),
    FactBuilder(
        "health_check_supervision",
        "Health Check: satisfied with the quality of supervision",
        "From the latest closed Health Check covering the service",
        health_check.supervision,
    ),
    FactBuilder(
        "health_check_pride",
        "Health Check: proud of the work they do",
        "From the latest closed Health Check covering the service",
        health_check.pride,
    ),
    FactBuilder(
        "nqsw_starters",
        "Share of starters who were newly qualified",
        "Starters in the latest census year whose census start origin is newly qualified",
        offer.newly_qualified_starters,
    ),
    FactBuilder(
        "first_year_leavers",
        "Share of leavers who left within their first year",
        "Leavers in the latest census year with under a year's continuous service",
        offer.first_year_leavers,
    ),
    *(
        FactBuilder(
            self_assessment.kind(standard.code),
            f"Self-assessment: {standard.heading}",
            "The rating, commentary and staff view of the service's latest published "
            "self-assessment against the employer standards",
            self_assessment.builder(standard.code),
            group="Self-assessment: one fact for each employer standard",
        )
        for standard in self_assessment.STANDARDS
    ),
)
BUILDERS_BY_KIND = {builder.kind: builder for builder in FACT_BUILDERS}


def fact_explanations() -> list[tuple[str, str]]:
    """What the lead is told about the facts: (name, hint) per builder, once per group."""
    rows: dict[str, str] = {}
    for builder in FACT_BUILDERS:
        rows.setdefault(builder.group or builder.label, builder.hint)
    return list(rows.items())


def facts_build(
    *, service: Service, kinds: list[str], today: datetime.date
) -> list[Fact | Unavailable]:
    """The chosen facts for a service, in the registry's order (unknown kinds are ignored)."""
    inputs = FactInputs(service=service, today=today)
    return [b.build(inputs) for b in FACT_BUILDERS if b.kind in kinds]


__all__ = [
    "BUILDERS_BY_KIND",
    "FACT_BUILDERS",
    "MIN_GROUP",
    "Fact",
    "FactBuilder",
    "FactChart",
    "FactInputs",
    "FactTable",
    "Unavailable",
    "fact_explanations",
    "facts_build",
]
