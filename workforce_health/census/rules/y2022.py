"""2022 rules: as 2021 (layout differences live in ``schema.py``, §10)."""

from workforce_health.census.rules import y2021
from workforce_health.census.rules.base import Rule
from workforce_health.census.rules.registry import derive

ADDED: tuple[Rule, ...] = ()
DELETED: tuple[str, ...] = ()
RULES = derive(y2021.RULES, add=ADDED, delete=DELETED)
