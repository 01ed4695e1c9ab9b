"""2021 rules: the base set (csww-census.md §9)."""

from workforce_health.census.rules import record_rules, return_checks, schema_rules, worker_checks
from workforce_health.census.rules.registry import derive

ADDED = (*schema_rules.RULES, *record_rules.RULES, *worker_checks.RULES, *return_checks.RULES)
DELETED: tuple[str, ...] = ()
RULES = derive({}, add=ADDED, delete=DELETED)
