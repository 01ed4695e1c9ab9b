"""2025 rules: as 2024, plus pay items not negative (pay items are new in 2025, §10)."""

from workforce_health.census.rules import worker_checks, y2024
from workforce_health.census.rules.registry import derive

ADDED = (worker_checks.pay_not_negative,)
DELETED: tuple[str, ...] = ()
RULES = derive(y2024.RULES, add=ADDED, delete=DELETED)
