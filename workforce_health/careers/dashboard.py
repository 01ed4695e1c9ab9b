"""The lead's measures of the offer working, per service: tables from ``careers/measures.py``."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from workforce_health.careers import measures, selectors
from workforce_health.careers.facts import FactInputs
from workforce_health.core import codes
from workforce_health.core.models import Service
from workforce_health.web.tables import Column, Table

YEARS_SHOWN = 5


@dataclass(frozen=True)
class ServiceMeasures:
    service: Service
    tables: list[Table]
    note: str = ""


def _median(days: float | None) -> float | str:
    return "None filled" if days is None else days


def service_measures(*, service: Service, today: datetime.date) -> ServiceMeasures:
    inputs = FactInputs(service=service, today=today)
    ctx = inputs.workforce
    if ctx is None:
        return ServiceMeasures(
            service, [], "No workforce records for a census year that has ended."
        )
    years = ctx.years[-YEARS_SHOWN:]
    spells = ctx.inputs.spells
    offer = measures.offer_measures(spells, years=years).to_dicts()
    fill = {
        r["year"]: r
        for r in measures.time_to_fill(
            selectors.vacancy_fill_frame(service=service), years=years
        ).to_dicts()
    }
    flows = Table(
        slug=f"offer-{service.pk}",
        caption=f"Starters, leavers and time to fill, {service.name}",
        columns=(
            Column("Year ending 30 September"),
            Column("Starters", "count"),
            Column("Newly qualified", "count"),
            Column("Newly qualified (%)", "rate"),
            Column("Leavers", "count"),
            Column("Left within their first year", "count"),
            Column("Within first year (%)", "rate"),
            Column("Vacancies filled", "count"),
            Column("Median days to fill", "count"),
        ),
        rows=tuple(
            (
                str(r["year"]),
                r["starters_headcount"],
                r["nqsw_starters_headcount"],
                r["nqsw_share"],
                r["leavers_headcount"],
                r["first_year_leavers_headcount"],
                r["first_year_leaver_share"],
                fill[r["year"]]["filled"],
                _median(fill[r["year"]]["median_days_to_fill"]),
            )
            for r in offer
        ),
        notes=(
            "Headcounts. Starters and leavers as the DfE counts them; newly qualified: census "
            "start origin 1. Within their first year: under a year's continuous service at the "
            "council. Time to fill: from the post becoming vacant to the appointed person's "
            "start, for vacancies recorded here and filled in the year.",
        ),
    )
    origin_names = dict(codes.START_ORIGIN)
    origin_rows = measures.origins(spells, year=ctx.year).to_dicts()
    origins = Table(
        slug=f"origins-{service.pk}",
        caption=f"Where starters came from, year ending 30 September {ctx.year}",
        columns=(Column("Came from"), Column("Starters", "count"), Column("Share (%)", "rate")),
        rows=tuple(
            (
                origin_names.get(r["start_origin"], "Not recorded"),
                r["headcount"],
                r["percent_headcount"],
            )
            for r in origin_rows
        ),
    )
    return ServiceMeasures(service, [flows, origins])
