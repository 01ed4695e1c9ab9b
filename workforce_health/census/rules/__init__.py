"""Census validation rules (csww-census.md §9), grouped per collection year.

Rule ids: ``S..`` schema-level (§9.1), ``R..`` record rules (§9.2), ``P..`` product checks
(§9.3). ``validate`` runs a year's rules; ``rules_for`` lists them.
"""

from workforce_health.census.rules.base import Finding, Severity, mask_swe
from workforce_health.census.rules.engine import rules_for, validate

__all__ = ["Finding", "Severity", "mask_swe", "rules_for", "validate"]
