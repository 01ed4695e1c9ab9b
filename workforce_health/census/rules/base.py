"""Building blocks for census validation rules (csww-census.md §9, §12 "Validator").

A rule is a small function wrapped by one of three decorators:

- ``worker_rule``: called once per worker record, yields ``Issue``s for that worker;
- ``return_rule``: called once per return, for the header, council block and file structure;
- ``tally_rule``: a factory of a ``Tally`` that sees every worker and may report on a worker
  as it goes (``add``) or on the return at the end (``finish``) - for cross-record checks.

The engine (``rules.validate``) turns issues into ``Finding``s with the rule id, severity,
worker index, SWE number and line.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Protocol

from workforce_health.census.records import CouncilRecord, HeaderRecord, WorkerRecord
from workforce_health.census.schema import YearSchema
from workforce_health.census.semantics import DEFAULT_FTE, FteMapping, reference_date, year_start


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


def mask_swe(swe_no: str | None) -> str:
    """A SWE number for display: first two and last two characters kept (``SW****01``)."""
    if not swe_no:
        return ""
    if len(swe_no) <= 4:
        return "*" * len(swe_no)
    return swe_no[:2] + "*" * (len(swe_no) - 4) + swe_no[-2:]


@dataclass(frozen=True, slots=True)
class Issue:
    """What a rule function reports; the engine adds who and which rule."""

    message: str
    element: str | None = None
    line: int | None = None


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem found in a return (§9.3 last paragraph)."""

    rule: str
    severity: Severity
    message: str
    element: str | None = None
    line: int | None = None
    worker: int | None = None  # 1-based position of the CSWWWorker record
    swe_no: str | None = None  # unmasked; use ``swe_display`` on screen

    @property
    def swe_display(self) -> str:
        return mask_swe(self.swe_no)

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR


class ReturnLike(Protocol):
    """What validation needs: ``parse.CensusReader`` and ``records.ParsedReturn`` both fit."""

    @property
    def year(self) -> int: ...
    @property
    def requested_year(self) -> int | None: ...
    @property
    def header(self) -> HeaderRecord | None: ...
    @property
    def council(self) -> CouncilRecord | None: ...
    @property
    def structure(self) -> list[tuple[str, int]]: ...
    @property
    def root_name(self) -> str: ...
    def iter_workers(self) -> Iterator[WorkerRecord]: ...


@dataclass(frozen=True)
class Context:
    source: ReturnLike
    schema: YearSchema
    census_year: int | None = None  # the year the user chose, if any
    fte: FteMapping = DEFAULT_FTE

    @property
    def year(self) -> int:
        return self.schema.year

    @property
    def reference_date(self) -> date:
        return reference_date(self.year)

    @property
    def year_start(self) -> date:
        return year_start(self.year)


class Tally(Protocol):
    def add(self, worker: WorkerRecord) -> Iterable[Issue]: ...
    def finish(self) -> Iterable[Issue]: ...


WorkerCheck = Callable[[Context, WorkerRecord], Iterable[Issue]]
ReturnCheck = Callable[[Context], Iterable[Issue]]
TallyFactory = Callable[[Context], Tally]


@dataclass(frozen=True)
class Rule:
    id: str
    severity: Severity
    section: str  # csww-census.md section the rule comes from
    title: str
    worker: WorkerCheck | None = None
    whole: ReturnCheck | None = None
    tally: TallyFactory | None = None


def worker_rule(
    id: str, severity: Severity, section: str, title: str
) -> Callable[[WorkerCheck], Rule]:
    return lambda fn: Rule(id, severity, section, title, worker=fn)


def return_rule(
    id: str, severity: Severity, section: str, title: str
) -> Callable[[ReturnCheck], Rule]:
    return lambda fn: Rule(id, severity, section, title, whole=fn)


def tally_rule(
    id: str, severity: Severity, section: str, title: str
) -> Callable[[TallyFactory], Rule]:
    return lambda fn: Rule(id, severity, section, title, tally=fn)
