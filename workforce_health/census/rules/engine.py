"""Running a year's rules over a return and collecting every finding (never stopping early)."""

from __future__ import annotations

from workforce_health.census.rules import y2021, y2022, y2023, y2024, y2025
from workforce_health.census.rules.base import (
    Context,
    Finding,
    Issue,
    ReturnLike,
    Rule,
    Tally,
)
from workforce_health.census.rules.registry import RuleSet
from workforce_health.census.schema import schema_for
from workforce_health.census.semantics import DEFAULT_FTE, FteMapping

RULES_BY_YEAR: dict[int, RuleSet] = {
    2021: y2021.RULES,
    2022: y2022.RULES,
    2023: y2023.RULES,
    2024: y2024.RULES,
    2025: y2025.RULES,
}


def rules_for(year: int) -> RuleSet:
    """The rule set for collection ``year`` keyed by rule id."""
    schema_for(year)  # same ValueError for unsupported years
    return RULES_BY_YEAR[year]


def _finding(
    rule: Rule, issue: Issue, worker: int | None = None, swe: str | None = None
) -> Finding:
    return Finding(rule.id, rule.severity, issue.message, issue.element, issue.line, worker, swe)


def validate(
    parsed: ReturnLike,
    *,
    census_year: int | None = None,
    fte: FteMapping = DEFAULT_FTE,
    rules: RuleSet | None = None,
) -> list[Finding]:
    """Every finding for ``parsed`` under its year's rules, header first, then by worker.

    ``census_year`` is the year the user chose (defaults to the year given when parsing).
    Works in one pass over ``parsed.iter_workers()``, so a streaming reader stays streaming.
    """
    year = parsed.year
    chosen = census_year if census_year is not None else parsed.requested_year
    ctx = Context(parsed, schema_for(year), chosen, fte)
    active = list((rules if rules is not None else rules_for(year)).values())
    tallies: list[tuple[Rule, Tally]] = [(r, r.tally(ctx)) for r in active if r.tally]
    per_worker = [r for r in active if r.worker]
    findings: list[Finding] = []
    for worker in parsed.iter_workers():
        swe = worker.values.swe_no or None
        for rule in per_worker:
            assert rule.worker is not None
            for issue in rule.worker(ctx, worker):
                findings.append(_finding(rule, issue, worker.index, swe))
        for rule, tally in tallies:
            for issue in tally.add(worker):
                findings.append(_finding(rule, issue, worker.index, swe))
    for rule in active:
        if rule.whole:
            findings.extend(_finding(rule, issue) for issue in rule.whole(ctx))
    for rule, tally in tallies:
        findings.extend(_finding(rule, issue) for issue in tally.finish())
    findings.sort(key=lambda f: (f.worker or 0, f.line or 0, f.rule))
    return findings
