"""Rule sets per collection year: each year inherits the previous one, then adds or replaces
rules and deletes those listed (the Data to Insight pattern, csww-census.md §9.3 last paragraph).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from workforce_health.census.rules.base import Rule

RuleSet = Mapping[str, Rule]


def derive(previous: RuleSet, *, add: Iterable[Rule] = (), delete: Iterable[str] = ()) -> RuleSet:
    """``previous`` without the ``delete`` ids, then with ``add`` (same id replaces)."""
    rules = dict(previous)
    for rule_id in delete:
        if rule_id not in rules:
            raise KeyError(f"Cannot delete rule {rule_id}: the previous year does not have it")
        del rules[rule_id]
    for rule in add:
        rules[rule.id] = rule
    return rules
