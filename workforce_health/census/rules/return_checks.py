"""§9.3 product checks on the header, the council block and across worker records."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal

from workforce_health.census import semantics as sem
from workforce_health.census.records import CouncilLevel, RawElement, WorkerRecord
from workforce_health.census.rules.base import (
    Context,
    Issue,
    Severity,
    return_rule,
    tally_rule,
)

ERROR, WARNING = Severity.ERROR, Severity.WARNING


def _line(raw: RawElement | None, *path: str) -> int | None:
    for name in path:
        if raw is None:
            return None
        raw = raw.find(name) or raw
    return raw.line if raw else None


@return_rule("P01", ERROR, "9.3", "ReferenceDate is 30 September of Year")
def reference_date_matches_year(ctx: Context) -> Iterator[Issue]:
    header = ctx.source.header
    if header is None or header.values.year is None or header.values.reference_date is None:
        return
    year, ref = header.values.year, header.values.reference_date
    if ref != sem.reference_date(year):
        yield Issue(
            f"ReferenceDate {ref} should be 30 September {year} ({year}-09-30).",
            "ReferenceDate",
            _line(header.raw, "CollectionDetails", "ReferenceDate"),
        )


@return_rule("P02", ERROR, "9.3", "Header Year is the census year chosen")
def year_matches_choice(ctx: Context) -> Iterator[Issue]:
    header, chosen = ctx.source.header, ctx.census_year
    year = header.values.year if header else None
    if chosen is not None and year is not None and year != chosen:
        assert header is not None
        yield Issue(
            f"The file is for census year {year}, but {chosen} was chosen.",
            "Year",
            _line(header.raw, "CollectionDetails", "Year"),
        )


@return_rule("P19", ERROR, "9.3", "Header gives one LEA, identifying the council")
def single_lea(ctx: Context) -> Iterator[Issue]:
    header = ctx.source.header
    sources = list(header.raw.find_all("Source")) if header else []
    codes = {lea.text for s in sources for lea in s.find_all("LEA") if lea.text}
    if not codes:
        yield Issue(
            "The header has no LEA code, so the council cannot be identified.",
            "LEA",
            header.raw.line if header else None,
        )
    elif len(codes) > 1:
        yield Issue(
            f"The header gives several LEA codes ({', '.join(sorted(codes))}); a "
            "return must be for one council.",
            "LEA",
            _line(header.raw if header else None, "Source"),
        )


def _council(ctx: Context) -> tuple[CouncilLevel, RawElement] | None:
    council = ctx.source.council
    return (council.values, council.raw) if council else None


@return_rule("P08", ERROR, "9.3", "Vacancy and agency counts not negative")
def council_not_negative(ctx: Context) -> Iterator[Issue]:
    found = _council(ctx)
    if found is None:
        return
    values, raw = found
    for element, value in (
        ("NumberOfVacancies", values.number_of_vacancies),
        ("NoAgencyFTE", values.no_agency_fte),
        ("NoAgencyHeadcount", values.no_agency_headcount),
    ):
        if value is not None and value < 0:
            yield Issue(
                f"{element} is {value}; it cannot be negative.", element, _line(raw, element)
            )


@return_rule("P14", WARNING, "9.3", "NoAgencyFTE not above NumberOfVacancies")
def agency_within_vacancies(ctx: Context) -> Iterator[Issue]:
    found = _council(ctx)
    if found is None:
        return
    values, raw = found
    agency, vacancies = values.no_agency_fte, values.number_of_vacancies
    if agency is not None and vacancies is not None and agency > vacancies:
        yield Issue(
            f"NoAgencyFTE {agency} is more than NumberOfVacancies {vacancies}; "
            "published data never has more than all vacancies covered.",
            "NoAgencyFTE",
            _line(raw, "NoAgencyFTE"),
        )


@dataclass
class _AgencyFte:
    ctx: Context
    total: Decimal = Decimal(0)
    records: int = 0

    def add(self, worker: WorkerRecord) -> Iterable[Issue]:
        if sem.is_agency(worker.values):
            self.records += 1
            self.total += sem.in_post_fte(worker.values, self.ctx.fte) or 0
        return ()

    def finish(self) -> Iterable[Issue]:
        found = _council(self.ctx)
        agency = found[0].no_agency_fte if found else None
        if found and self.records and agency is not None and agency > self.total:
            yield Issue(
                f"NoAgencyFTE {agency} is more than the total FTE {self.total} of the "
                f"{self.records} agency worker records.",
                "NoAgencyFTE",
                _line(found[1], "NoAgencyFTE"),
            )


@tally_rule("P15", WARNING, "9.3", "NoAgencyFTE not above the agency records' total FTE")
def agency_fte_matches_records(ctx: Context) -> _AgencyFte:
    """Only judged when the file has agency records at all (the §13 file has none)."""
    return _AgencyFte(ctx)


_Person = tuple[object, object, object]


@dataclass
class _SamePerson:
    seen: dict[str, tuple[int, _Person]] = field(default_factory=dict)

    def add(self, worker: WorkerRecord) -> Iterable[Issue]:
        w = worker.values
        if not w.swe_no:
            return ()
        person = (w.person_birth_date, sem.sex_code(w), w.ethnicity)
        key = w.swe_no.upper()
        first = self.seen.setdefault(key, (worker.index, person))
        if first[1] == person:
            return ()
        labels = ("date of birth", "sex", "ethnicity")
        differ = [label for label, a, b in zip(labels, first[1], person, strict=True) if a != b]
        return (
            Issue(
                f"This SWENo is also on worker {first[0]} with a different {' and '.join(differ)}.",
                "SWENo",
                worker.line_of("SWENo"),
            ),
        )

    def finish(self) -> Iterable[Issue]:
        return ()


@tally_rule("P16", WARNING, "9.3", "Records sharing a SWENo agree on birth date, sex, ethnicity")
def same_person_consistent(ctx: Context) -> _SamePerson:
    return _SamePerson()


@dataclass
class _Repeats:
    seen: dict[tuple[str, bool, object], tuple[int, int]] = field(default_factory=dict)

    def add(self, worker: WorkerRecord) -> Iterable[Issue]:
        w = worker.values
        if not w.swe_no:
            return ()
        agency = sem.is_agency(w)
        start = None if agency else w.role_start_date
        line = worker.line_of("SWENo")
        first = self.seen.setdefault((w.swe_no.upper(), agency, start), (worker.index, line))
        if first[0] == worker.index:
            return ()
        same = "an agency record" if agency else f"RoleStartDate {start or '(none)'}"
        return (
            Issue(
                f"This record repeats worker {first[0]} (line {first[1]}): same SWENo and "
                f"{same}. Each person's role may appear once; remove one of them.",
                "SWENo",
                line,
            ),
        )

    def finish(self) -> Iterable[Issue]:
        return ()


@tally_rule("P20", ERROR, "9.3", "A worker record appears once (SWENo with its start or agency)")
def worker_record_once(ctx: Context) -> _Repeats:
    """Records the importer would store as one spell: same SWENo and start date, or agency."""
    return _Repeats()


RULES = (
    reference_date_matches_year,
    year_matches_choice,
    single_lea,
    council_not_negative,
    agency_within_vacancies,
    agency_fte_matches_records,
    same_person_consistent,
    worker_record_once,
)
