"""Checking a census file before import, streaming (csww-census.md §§9, 12).

An import is all or nothing: call ``check_return`` first (one streaming pass: every finding,
bounded memory); store nothing unless ``result.ok``; then read the records in a second pass
with ``parse.open_return(source, year=result.year)`` inside one database transaction,
replacing the organisation's records for that year so that re-importing changes nothing. The
organisation comes from ``result.lea`` (the header's LEA code).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from workforce_health.census.parse import CensusReader, open_return
from workforce_health.census.records import CouncilLevel, Header
from workforce_health.census.rules import Finding, Severity, validate
from workforce_health.census.safexml import CensusParseError, Source
from workforce_health.census.semantics import DEFAULT_FTE, FteMapping

PARSE_RULE = "X01"  # the file could not be read as XML / as a census return


@dataclass
class CheckResult:
    year: int | None = None
    header: Header | None = None
    council: CouncilLevel | None = None
    worker_count: int = 0
    findings: list[Finding] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """True when nothing stops the import (warnings allowed)."""
        return not any(f.is_error for f in self.findings)

    @property
    def lea(self) -> str | None:
        return self.header.lea if self.header else None


def _refuse_other_files(reader: CensusReader) -> None:
    """A clear answer for XML that is not a census return, before any rule runs."""
    if reader.root_name != "Message":
        raise CensusParseError(
            f"This is not a census return: the file starts with <{reader.root_name}>, and a "
            "census return starts with <Message>.",
            1,
        )
    collection = reader.header.values.collection if reader.header else None
    if collection and collection != "CSWW":
        raise CensusParseError(
            f"This is a {collection} return, not a children's social work workforce census "
            "return (the header's Collection must be CSWW).",
            reader.header.raw.line if reader.header else None,
        )


def check_return(
    source: Source, *, year: int | None = None, fte: FteMapping = DEFAULT_FTE
) -> CheckResult:
    """Validate ``source`` for census ``year`` (the user's choice) without keeping the records.

    Unreadable files give one ``X01`` error with the line number instead of raising.
    """
    result = CheckResult()
    try:
        reader = open_return(source, year=year)
        _refuse_other_files(reader)
        result.findings = validate(reader, census_year=year, fte=fte)
        result.year, result.worker_count = reader.year, reader.count
        result.header = reader.header.values if reader.header else None
        result.council = reader.council.values if reader.council else None
    except CensusParseError as error:
        result.findings.append(Finding(PARSE_RULE, Severity.ERROR, error.message, line=error.line))
    return result
