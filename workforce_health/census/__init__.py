"""The DfE children's social work workforce census return (docs: shared/domain/csww-census.md).

Pure modules, no Django: ``schema`` (layout per year 2021-2025), ``parse`` (safe streaming
reader), ``rules`` (validation per year), ``export`` (writer), ``check`` (import pre-check),
``semantics`` (§7 meanings), ``xsd`` (generated XSDs).
"""

from workforce_health.census.check import CheckResult, check_return
from workforce_health.census.export import ExportResult, export_return, write_return
from workforce_health.census.parse import CensusParseError, CensusReader, open_return, read_return
from workforce_health.census.records import CensusWorker, CouncilLevel, Header
from workforce_health.census.rules import Finding, Severity, mask_swe, rules_for, validate
from workforce_health.census.schema import YEARS, schema_for
from workforce_health.census.semantics import DEFAULT_FTE, FteMapping

__all__ = [
    "DEFAULT_FTE",
    "YEARS",
    "CensusParseError",
    "CensusReader",
    "CensusWorker",
    "CheckResult",
    "CouncilLevel",
    "ExportResult",
    "Finding",
    "FteMapping",
    "Header",
    "Severity",
    "check_return",
    "export_return",
    "mask_swe",
    "open_return",
    "read_return",
    "rules_for",
    "schema_for",
    "validate",
    "write_return",
]
