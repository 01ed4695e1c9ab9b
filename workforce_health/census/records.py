"""Plain records for a census return: typed values and the raw elements they came from.

``Header``, ``CouncilLevel`` and ``CensusWorker`` hold typed values (csww-census.md §§4-6) and are
both what the parser produces and what the exporter consumes. Codes stay as the census strings
(``"0"``, ``"M"``, ``"WBRI"``); repeatable elements are tuples. ``None`` means "element absent"
(or present but not readable as its type; the raw text then explains why).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal


@dataclass(frozen=True, kw_only=True)
class Header:
    """``Message/Header`` (§4). ``lea`` comes from the first ``Source``."""

    year: int | None = None
    reference_date: date | None = None
    lea: str | None = None
    collection: str | None = "CSWW"
    source_level: str | None = "L"
    software_code: str | None = None
    date_time: datetime | None = None


@dataclass(frozen=True, kw_only=True)
class CouncilLevel:
    """``LALevelVacancies`` (2021-2024) or ``LALevel`` (2025) (§5)."""

    number_of_vacancies: Decimal | None = None
    no_agency_fte: Decimal | None = None
    no_agency_headcount: int | None = None
    recruitment_bonus: str | None = None
    retention_bonus: str | None = None
    performance_award: str | None = None
    car_allowance: str | None = None
    relocation_package: str | None = None
    regional_weighting: str | None = None
    cost_swe: str | None = None
    cost_dbs: str | None = None
    other_allowances: str = ""


@dataclass(kw_only=True, slots=True)  # not frozen: frozen __init__ is slow on big files
class CensusWorker:
    """One ``CSWWWorker`` record: one person in one role (§6). Union of all years' items."""

    agency_worker: str | None = "0"
    swe_no: str = ""
    fte: Decimal | None = None
    person_birth_date: date | None = None
    gender_current: str | None = None  # 2021-2023
    sex: str | None = None  # 2024 onwards
    ethnicity: str | None = None
    qual_inst: tuple[str, ...] = ()  # 2021-2024
    qual_level: str | None = None
    step_up_grad: str | None = None
    org_role: str | None = None
    role_start_date: date | None = None
    start_origin: str | None = None
    role_end_date: date | None = None
    leaver_destination: str | None = None
    reason_leave: str | None = None
    fte30: Decimal | None = None
    cases30: int | None = None
    working_days_lost: Decimal | None = None
    contract_weeks: tuple[Decimal, ...] = ()
    frontline_grad: str | None = None
    absat30_sept: tuple[str, ...] = ()
    reason_absence: tuple[str, ...] = ()
    cfkss_status: tuple[str, ...] = ()  # 2021-2024
    base_salary: Decimal | None = None  # 2025 onwards
    rr_payments: Decimal | None = None
    other_payments: Decimal | None = None


@dataclass(slots=True)
class RawElement:
    """An element as read: local name, stripped text ("" if empty), line, and any children."""

    name: str
    text: str
    line: int
    children: tuple[RawElement, ...] = ()

    def find(self, name: str) -> RawElement | None:
        return next((c for c in self.children if c.name == name), None)

    def find_all(self, name: str) -> Iterator[RawElement]:
        return (c for c in self.children if c.name == name)


@dataclass(frozen=True, slots=True)
class HeaderRecord:
    raw: RawElement
    values: Header


@dataclass(frozen=True, slots=True)
class CouncilRecord:
    raw: RawElement
    values: CouncilLevel


@dataclass(slots=True)
class WorkerRecord:
    """A worker as read: 1-based position in the file, raw elements and typed values."""

    index: int
    raw: RawElement
    values: CensusWorker

    @property
    def line(self) -> int:
        return self.raw.line

    def line_of(self, name: str) -> int:
        """Line of the first ``name`` element, else the record's own line."""
        found = self.raw.find(name)
        return found.line if found else self.raw.line


@dataclass
class ParsedReturn:
    """A whole return held in memory (see ``parse.read_return``)."""

    year: int
    requested_year: int | None
    header: HeaderRecord | None
    council: CouncilRecord | None
    workers: list[WorkerRecord] = field(default_factory=list)
    structure: list[tuple[str, int]] = field(default_factory=list)
    root_name: str = "Message"

    def iter_workers(self) -> Iterator[WorkerRecord]:
        return iter(self.workers)
