"""Writes for the census app: importing a return, the 2025 council items, and the audit logs.

An import is all or nothing (csww-census.md §12 "Parser", ``check.py``): the file is checked in
one streaming pass first and nothing is stored if there is any error; the records are then read
again and written in one transaction, which is rolled back if any record cannot be stored.
Re-importing the same return finds the same rows and changes nothing.
"""

from __future__ import annotations

import datetime
import hashlib
import os
import re
from dataclasses import dataclass, field
from typing import IO

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.contrib.auth.models import User as AuthUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from workforce_health.census import hr_extract, selectors
from workforce_health.census.check import check_return
from workforce_health.census.export import export_return
from workforce_health.census.hr_writer import HrRowWriter
from workforce_health.census.import_writer import WorkerWriter, validation_findings
from workforce_health.census.la_codes import LOCAL_AUTHORITIES
from workforce_health.census.limits import source_size, too_big
from workforce_health.census.models import (
    INCENTIVE_FIELDS,
    CensusExport,
    CensusImport,
    CouncilIncentives,
)
from workforce_health.census.parse import open_return
from workforce_health.census.records import CouncilLevel
from workforce_health.census.rules import Finding, Severity
from workforce_health.census.safexml import Source
from workforce_health.census.semantics import DEFAULT_FTE, FteMapping, reference_date
from workforce_health.core import services as core_services
from workforce_health.core.models import Organisation, Person
from workforce_health.staffing import services as staffing_services

IMPORT_RULE = "I01"  # a record the census rules accept but the product cannot store
SIZE_RULE = "X02"  # the file is larger than the cap (``limits``)
User = AbstractBaseUser | AnonymousUser


@dataclass
class ImportResult:
    """The outcome: ``log`` when stored, else every finding that stopped the import."""

    findings: list[Finding] = field(default_factory=list)
    year: int | None = None
    worker_count: int = 0
    organisation: Organisation | None = None
    log: CensusImport | None = None

    @property
    def ok(self) -> bool:
        return self.log is not None

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.is_error]


def _rewind(source: Source) -> Source:
    if hasattr(source, "seek"):
        source.seek(0)
    return source


def file_sha256(source: Source) -> str:
    """SHA-256 of a path, bytes or seekable binary file (left rewound)."""
    digest = hashlib.sha256()
    if isinstance(source, bytes):
        digest.update(source)
        return digest.hexdigest()
    stream: IO[bytes] = (
        open(source, "rb") if isinstance(source, str | os.PathLike) else _rewind(source)  # type: ignore[assignment]
    )
    for chunk in iter(lambda: stream.read(1 << 20), b""):
        digest.update(chunk)
    if stream is not source:
        stream.close()
    _rewind(source)
    return digest.hexdigest()


def _error(message: str, element: str | None = None) -> Finding:
    return Finding(IMPORT_RULE, Severity.ERROR, message, element=element)


def _organisation(
    lea: str | None, expected: Organisation | None, create: bool
) -> Organisation | str:
    """The organisation named by the header's ``LEA`` (§4), or why it cannot be used."""
    if expected is not None:
        if lea != expected.la_code:
            return (
                f"This return is for local authority {lea}, but you are signed in to "
                f"{expected.name} (local authority {expected.la_code}). Import it there instead"
            )
        return expected
    found = Organisation.objects.filter(la_code=lea).first()
    if found is not None:
        return found
    known = LOCAL_AUTHORITIES.get(lea or "")
    if not create or known is None:
        return (
            f"There is no organisation with local authority code {lea}. Add it first with "
            f"`workforce-health add-organisation --la-code {lea} --name NAME`"
            + (" or import with --create-organisation" if known else "")
        )
    return core_services.organisation_create(
        name=known.name, la_code=lea or "", region=known.region, ons_code=known.ons_code
    )


def census_return_import(
    *,
    source: Source,
    user: User | None,
    year: int | None = None,
    organisation: Organisation | None = None,
    file_name: str = "",
    create_organisation: bool = False,
    fte: FteMapping = DEFAULT_FTE,
) -> ImportResult:
    """Import a census return (any year 2021-2025) all or nothing; see the module docstring.

    ``organisation`` (from a page) must match the header's LEA; without it (the command line)
    the organisation is found by LEA, or added from ``la_codes`` if ``create_organisation``.
    """
    refused = too_big(source_size(source))
    if refused:
        return ImportResult([Finding(SIZE_RULE, Severity.ERROR, refused)])
    checked = check_return(_rewind(source), year=year, fte=fte)
    result = ImportResult(list(checked.findings), checked.year, checked.worker_count)
    if not checked.ok or checked.year is None:
        return result
    sha256 = file_sha256(source)
    with transaction.atomic():
        found = _organisation(checked.lea, organisation, create_organisation)
        if isinstance(found, str):
            result.findings.append(_error(found, "LEA"))
            return result
        writer = WorkerWriter(found, checked.year, fte)
        reader = open_return(_rewind(source), year=checked.year)
        for record in reader.iter_workers():
            writer.add(record)
        council = reader.council.values if reader.council else CouncilLevel()
        result.findings.extend(_store_council(found, checked.year, council))
        writer.finish()
        result.findings.extend(writer.findings)
        if result.errors:
            transaction.set_rollback(True)
            return result
        log = CensusImport(
            organisation=found,
            year=checked.year,
            file_name=file_name[:255],
            sha256=sha256,
            imported_by=user if isinstance(user, AuthUser) else None,
            worker_count=checked.worker_count,
            **writer.counts,
        )
        log.full_clean()
        log.save()
    result.organisation, result.log = found, log
    return result


def _store_council(organisation: Organisation, year: int, council: CouncilLevel) -> list[Finding]:
    """Vacancies at organisation level (§5 items 1-3) and, from 2025, the incentive items."""
    try:
        with transaction.atomic():
            if council.number_of_vacancies is not None:
                staffing_services.vacancy_snapshot_record(
                    organisation=organisation,
                    date=reference_date(year),
                    vacancy_fte=council.number_of_vacancies,
                    agency_cover_fte=council.no_agency_fte,
                    agency_cover_headcount=council.no_agency_headcount,
                )
            if year >= 2025:
                council_incentives_record(
                    organisation=organisation,
                    year=year,
                    other_allowances=council.other_allowances,
                    **{name: getattr(council, name) or "" for name in INCENTIVE_FIELDS},
                )
    except ValidationError as error:
        return validation_findings(error)
    return []


@transaction.atomic
def council_incentives_record(
    *, organisation: Organisation, year: int, other_allowances: str = "", **items: str
) -> CouncilIncentives:
    """Create or replace the 2025 council incentive items for ``year`` (§5 items 4-12)."""
    unknown = set(items) - set(INCENTIVE_FIELDS)
    if unknown:
        raise TypeError(f"Unknown incentive items: {', '.join(sorted(unknown))}")
    record = CouncilIncentives.objects.filter(organisation=organisation, year=year).first()
    record = record or CouncilIncentives(organisation=organisation, year=year)
    for name in INCENTIVE_FIELDS:
        setattr(record, name, items.get(name, ""))
    record.other_allowances = other_allowances
    record.full_clean()
    record.save()
    return record


@transaction.atomic
def census_export_log_create(
    *, organisation: Organisation, year: int, user: User | None, data: bytes, worker_count: int
) -> CensusExport:
    """Record that a return holding personal data was handed out (§12 "Exporter")."""
    log = CensusExport(
        organisation=organisation,
        year=year,
        exported_by=user if isinstance(user, AuthUser) else None,
        worker_count=worker_count,
        sha256=hashlib.sha256(data).hexdigest(),
    )
    log.full_clean()
    log.save()
    return log


@dataclass
class HrImportResult:
    """Counts when stored; otherwise every "Row N, column C: message" error."""

    errors: list[str] = field(default_factory=list)
    rows: int = 0
    counts: dict[str, int] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.errors


def _row_number(message: str) -> int:
    found = re.match(r"Row (\d+)", message)
    return int(found[1]) if found else 0


def _latest_reference_date() -> datetime.date:
    today = timezone.localdate()
    ref = reference_date(today.year)
    return ref if ref <= today else reference_date(today.year - 1)


def hr_extract_import(
    *,
    organisation: Organisation,
    name: str,
    source: bytes | IO[bytes],
    create_teams: bool = False,
) -> HrImportResult:
    """Import an HR extract (CSV or XLSX by ``name``) all or nothing; re-importing changes nothing.

    Spells are keyed by employee number + team + job role + start date. Services and teams that
    do not exist are errors unless ``create_teams``.
    """
    refused = too_big(source_size(source))
    if refused:
        return HrImportResult([refused])
    try:
        rows, errors = hr_extract.read_rows(name, source)
    except ValueError as error:
        return HrImportResult([str(error)])
    result = HrImportResult(list(errors), len(rows))
    if not rows:
        return result
    writer = HrRowWriter(organisation, create_teams, _latest_reference_date())
    with transaction.atomic():  # rows whose cells could be read are tried, to report everything
        for row in rows:
            if not row.has_errors:
                writer.add(row)
        result.counts = writer.counts
        result.errors = sorted(result.errors + writer.errors, key=_row_number)
        if result.errors:
            transaction.set_rollback(True)
    return result


@dataclass(frozen=True)
class ExportOutcome:
    """The file (``data``) or the findings to fix, with the person behind each worker record."""

    data: bytes | None
    findings: list[Finding]
    people: list[Person]
    log: CensusExport | None = None

    @property
    def worker_count(self) -> int:
        return len(self.people)

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.is_error]

    @property
    def failing_records(self) -> int:
        return len({f.worker for f in self.errors if f.worker is not None})

    def person_of(self, finding: Finding) -> Person | None:
        if finding.worker is None or not 1 <= finding.worker <= len(self.people):
            return None
        return self.people[finding.worker - 1]


def census_return_export(
    *, organisation: Organisation, year: int, user: User | None, fte: FteMapping = DEFAULT_FTE
) -> ExportOutcome:
    """Build the return from the records, validate it, and log it if it is handed out (§12)."""
    records = selectors.census_return_records(organisation=organisation, year=year)
    result = export_return(year, records.header, records.council, records.workers, fte=fte)
    if result.data is None:
        return ExportOutcome(None, result.findings, records.people)
    log = census_export_log_create(
        organisation=organisation,
        year=year,
        user=user,
        data=result.data,
        worker_count=len(records.workers),
    )
    return ExportOutcome(result.data, result.findings, records.people, log)
