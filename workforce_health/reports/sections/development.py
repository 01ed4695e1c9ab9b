"""The scrutiny report's "Supervision and development" section (development.md §6).

For each part of the report (a service, or each kind of service for the whole council):
supervision compliance over the 12 months to the meeting and in each of the two years before,
by team with small teams pooled (a team of fewer than ``MIN_PEOPLE`` is never shown alone:
these are records about named staff), CPD renewal readiness, NQSW progress and secondments,
and what staff said about supervision and learning in the latest Health Check (the results
engine's suppressed tables, for the same service). Every figure is a development measure.
"""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING

import polars as pl
from django.utils import timezone

from workforce_health.core.models import Service
from workforce_health.core.scope import Scope
from workforce_health.development import frames, selectors, staff_view
from workforce_health.development.measures import cpd
from workforce_health.development.measures.schedule import add_months
from workforce_health.development.tables import (
    SUPERVISION_SOURCE,
    nqsw_summary_table,
    period_text,
)
from workforce_health.reports.document import Block, TableColumn, TableData, subheading, table_block
from workforce_health.reports.document import paragraph as para
from workforce_health.reports.sections.common import percent, table_data
from workforce_health.reports.sections.spec import Content, SectionSpec

if TYPE_CHECKING:
    from workforce_health.reports.inputs import ReportInputs, Unit

MIN_PEOPLE = 5
OTHER_TEAMS = "Other teams (pooled: each has fewer than 5 people)"
LGA = (
    "Standards for employers of social workers in England (Local Government Association, "
    "2020): Standard 5 (supervision) and Standard 6 (continuing professional development)."
)


def _slug(label: str, name: str) -> str:
    return f"{label}-{name}".lower().replace(" ", "-").replace("'", "")


def pooled_teams(people: dict[str | None, int]) -> set[str | None]:
    """Teams to pool: every team with fewer than ``MIN_PEOPLE``, and then the smallest others
    until the pool has at least ``MIN_PEOPLE`` (so that no small team can be worked out by
    subtracting the teams shown from the total)."""
    small = {team for team, n in people.items() if n < MIN_PEOPLE}
    others = sorted((n, team or "") for team, n in people.items() if team not in small)
    while small and sum(people[t] for t in small) < MIN_PEOPLE and others:
        small.add(others.pop(0)[1] or None)
    return small


def _in_unit(frame: pl.DataFrame, services: list[str]) -> pl.DataFrame:
    return frame.filter(pl.col("service").is_in(services))


def _supervision(
    unit: Unit, measures: frames.SupervisionMeasures, services: list[str], as_of: datetime.date
) -> tuple[list[Block], list[str]]:
    label = unit.label
    unit_measures = frames.SupervisionMeasures(
        _in_unit(measures.met, services),
        _in_unit(measures.sessions, services),
        measures.minimum_minutes,
    )
    years = [frames.Period.year_to(add_months(as_of, -12 * back)) for back in (2, 1, 0)]
    totals = [unit_measures.compliance(p).to_dicts()[0] for p in years]
    latest = totals[-1]
    if not latest["windows_required"]:
        return [], []
    by_team = unit_measures.compliance(years[-1], ["team"])
    people = dict(by_team.select("team", "people").iter_rows())
    pool = pooled_teams(people)
    named = [t for t in pool if t is not None]
    in_pool = pl.col("team").is_in(named) | (pl.col("team").is_null() & pl.lit(None in pool))
    relabel = pl.when(in_pool).then(pl.lit(OTHER_TEAMS)).otherwise(pl.col("team")).alias("team")
    shown = frames.SupervisionMeasures(
        unit_measures.met.with_columns(relabel),
        unit_measures.sessions.with_columns(relabel),
        measures.minimum_minutes,
    ).compliance(years[-1], ["team"])
    shown = shown.sort(pl.col("team") == OTHER_TEAMS, "team")
    minimum = measures.minimum_minutes
    team_table = TableData(
        slug=_slug(label, "supervision-by-team"),
        caption=f"{label}: supervision by team, {period_text(years[-1])}",
        columns=(
            TableColumn("Team"),
            TableColumn("People", "count"),
            TableColumn("Windows due", "count"),
            TableColumn("Met (%)", "rate"),
            TableColumn(f"At least {minimum} minutes (%)", "rate"),
            TableColumn("Uninterrupted (%)", "rate"),
        ),
        rows=tuple(
            (
                row["team"],
                row["people"],
                row["windows_required"],
                row["share_met"],
                row["share_long"],
                row["share_uninterrupted"],
            )
            for row in shown.to_dicts()
        ),
        source=SUPERVISION_SOURCE,
        notes=(
            f"Teams with fewer than {MIN_PEOPLE} people are pooled, so no one's record can be "
            "picked out.",
        ),
    )
    year_table = TableData(
        slug=_slug(label, "supervision-by-year"),
        caption=f"{label}: supervision windows met, each of the last three years",
        columns=(
            TableColumn("12 months"),
            TableColumn("Windows due", "count"),
            TableColumn("Met (%)", "rate"),
            TableColumn("Sessions", "count"),
            TableColumn("Mean rating by supervisees (1 to 5)", "rate"),
        ),
        rows=tuple(
            (
                period_text(p),
                t["windows_required"],
                t["share_met"],
                t["sessions"],
                t["mean_quality"],
            )
            for p, t in zip(years, totals, strict=True)
        ),
        source=SUPERVISION_SOURCE,
    )
    text = (
        f"In the 12 months to {as_of:%-d %B %Y}, {percent(latest['share_met'])} of the "
        f"supervision windows due were met ({latest['windows_met']:,} of "
        f"{latest['windows_required']:,}), against the council's supervision policy (the LGA "
        f"Standard 5 cadence). {percent(latest['share_long'])} of the {latest['sessions']:,} "
        f"sessions recorded lasted at least {minimum} minutes."
    )
    before = totals[-2]
    finding = (
        f"{label}: {percent(latest['share_met'])} of supervision windows were met in the 12 "
        f"months to {as_of:%-d %B %Y}"
    )
    if before["share_met"] is not None:
        finding += f", against {percent(before['share_met'])} the year before"
    blocks = [para(text), table_block(year_table), table_block(team_table)]
    return blocks, [finding + "."]


def _cpd(unit: Unit, scope: Scope, services: list[str], as_of: datetime.date) -> list[Block]:
    year = cpd.registration_year(as_of)
    inputs = frames.cpd_inputs_get(scope=scope, on=as_of)
    people = _in_unit(inputs.people, services)
    total = cpd.readiness(people, inputs.entries, year=year).to_dicts()[0]
    if not total["people"]:
        return []
    return [
        para(
            f"CPD: {total['ready']} of {total['people']} registered social workers "
            f"({percent(total['share_ready'])}) had recorded at least two pieces of CPD, one "
            f"with a peer reflection, in the registration year to 30 November {year} (by "
            f"{as_of:%-d %B %Y}); Social Work England asks for this before renewal."
        )
    ]


def _nqsws(unit: Unit, scope: Scope, services: list[str], as_of: datetime.date) -> list[Block]:
    start = frames.Period.year_to(as_of).start
    progress = frames.nqsw_progress_list(
        enrolments=list(selectors.enrolment_in_period_list(scope=scope, start=start, end=as_of)),
        scope=scope,
        as_of=as_of,
    )
    progress = [p for p in progress if p.service in services]
    if not progress:
        return []
    summary = frames.nqsw_summary(progress)
    table = nqsw_summary_table(
        summary.with_columns(pl.lit(unit.label).alias("service")), by="service", as_of=as_of
    )
    return [
        para(
            f"Newly qualified social workers: {len(progress)} were in their assessed and "
            f"supported year (ASYE) at some time in the 12 months to {as_of:%-d %B %Y}."
        ),
        table_block(table_data(table, context=unit.label, slug=_slug(unit.label, "nqsws"))),
    ]


def _staff_view(inputs: ReportInputs, unit: Unit) -> list[Block]:
    blocks: list[Block] = []
    for results in inputs.waves:
        services = set(results.wave.services.values_list("name", flat=True))
        if unit.scope.service is not None and unit.scope.service.name not in services:
            continue
        in_kind = results.wave.services.filter(kind=unit.kind).exists()
        if unit.scope.service is None and not in_kind:
            continue
        for topic in ("supervision", "cpd"):
            view = staff_view.wave_view(results.frames, unit.scope, results.wave, topic)
            if view is not None and view.table.rows:
                blocks.append(
                    table_block(
                        table_data(
                            view.table,
                            context=unit.label,
                            slug=_slug(unit.label, f"{results.wave.slug}-{topic}"),
                        )
                    )
                )
    return blocks


def build(inputs: ReportInputs) -> Content:
    as_of = min(inputs.meeting_date, timezone.localdate())
    blocks: list[Block] = []
    findings: list[str] = []
    for unit in inputs.units:
        scope = unit.workforce
        services = (
            [unit.scope.service.name]
            if unit.scope.service is not None
            else list(
                Service.objects.filter(
                    organisation=inputs.organisation, kind=unit.kind
                ).values_list("name", flat=True)
            )
        )
        measures = frames.supervision_measures(
            frames.supervision_inputs_get(scope=scope), until=as_of
        )
        part, found = _supervision(unit, measures, services, as_of)
        rest = _cpd(unit, scope, services, as_of) + _nqsws(unit, scope, services, as_of)
        said = _staff_view(inputs, unit)
        if not (part or rest or said):
            continue
        blocks.append(subheading(f"{unit.label}: supervision and development"))
        blocks += part + rest
        if said:
            blocks.append(
                para(
                    "What staff said about supervision and learning in the latest Health "
                    "Check, for the same service (anonymous answers; small groups hidden):"
                )
            )
            blocks += said
        findings += found
    if not blocks:
        blocks = [para("No supervision or development records are held for this report yet.")]
    return Content(
        blocks,
        findings,
        definitions=[
            (
                "Supervision window met",
                "Each person's supervision agreement sets windows (for newly qualified social "
                "workers: weekly for six weeks, fortnightly to six months, then monthly; monthly "
                "for others, unless the council's policy says otherwise). A window is met when "
                "a one-to-one session of at least 90 minutes without interruption is recorded "
                "in it. Windows still open on the day are not counted.",
            ),
            (
                "Ready to renew",
                "At least two pieces of CPD in the Social Work England registration year (1 "
                "December to 30 November), at least one with a peer reflection.",
            ),
        ],
        sources=[LGA, "Social Work England, CPD and registration renewal requirements."],
    )


SECTION = SectionSpec(
    key="supervision-development",
    title="Supervision and development",
    order=30,
    description=(
        "Supervision compliance by team and year, CPD renewal readiness, newly qualified "
        "social workers' progress, beside what staff said about supervision and learning."
    ),
    build=build,
)
