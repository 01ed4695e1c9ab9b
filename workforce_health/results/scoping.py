"""A scope's rows in the engine's group tables (docs/survey-analysis.md §5).

The engine suppresses one table for everyone; a manager sees that table's rows for their own
service or team, never suppressed again on their own. The scope is `core.scope.Scope`; these
say which breakdowns have rows that are its own figures, and which rows those are. Groups are
matched by the service's and team's names, as the responses record them.
"""

from collections.abc import Sequence

import polars as pl

from workforce_health.core.scope import Scope

WHOLE_WAVE_LABEL = "All respondents"


def service_name(scope: Scope) -> str | None:
    return None if scope.whole_organisation or scope.service is None else scope.service.name


def team_name(scope: Scope) -> str | None:
    return None if scope.team is None else scope.team.name


def label(scope: Scope) -> str:
    """The team's or service's name, or "All respondents" for the whole wave."""
    return WHOLE_WAVE_LABEL if scope.whole_organisation else scope.label


def own(scope: Scope) -> str | None:
    """The group column naming this scope ("service" or "team"; None for the whole wave)."""
    if scope.whole_organisation:
        return None
    return "team" if scope.team is not None else "service"


def own_breakdown(scope: Scope) -> tuple[str, ...]:
    """The breakdown whose row is this scope's figures (the same table the lead sees)."""
    column = own(scope)
    return () if column is None else (column,)


def covers(scope: Scope, by: Sequence[str]) -> bool:
    """Whether the engine's breakdown by `by` has rows that are this scope's own figures: every
    breakdown for the whole wave; for a service, those by service or by team (a team breakdown
    carries its service); for a team, those by team."""
    if scope.whole_organisation:
        return True
    return "team" in by or (scope.team is None and "service" in by)


def alternatives(scope: Scope, by: Sequence[str]) -> list[tuple[str, ...]]:
    """Breakdowns this scope has rows in, nearest to `by` (which it need not cover): each other
    group of `by` within this scope's own column, or that column alone."""
    column = own(scope)
    if column is None or covers(scope, by):
        return [tuple(by)]
    others = [d for d in by if d not in ("service", "team")]
    return [(column, other) for other in others] or [(column,)]


def rows(table: pl.DataFrame, scope: Scope) -> pl.DataFrame:
    """The rows of an engine table that are this scope's own figures: for a service, the rows
    of that service (its teams, its role groups within it, its total); for a team, the rows of
    that team. Never a total that includes other groups, nor a sibling's row: none at all when
    the table has no such rows (`covers`). The rows are those of the one suppressed table
    everyone sees, never suppressed again on their own."""
    service, team = service_name(scope), team_name(scope)
    if service is None:
        return table
    needed = ("service", "team") if team else ("service",)
    if any(column not in table.columns for column in needed):
        return table.clear()
    keep = pl.col("service") == service
    if team:
        keep = keep & (pl.col("team") == team)
    return table.filter(keep)
