"""Test data for the census package: a clean return per year and small XML editing helpers."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from lxml import etree  # type: ignore[import-untyped]

from workforce_health.census import (
    CensusWorker,
    CouncilLevel,
    Finding,
    Header,
    read_return,
    validate,
    write_return,
)

DATA = Path(__file__).parent / "data"
ILLUSTRATIVE_2025 = DATA / "illustrative_2025.xml"
HEADER = Header(
    lea="999",
    software_code="workforce-health tests",
    date_time=datetime(2025, 10, 15, 9, 30, tzinfo=UTC),
)


def council(year: int) -> CouncilLevel:
    base = CouncilLevel(
        number_of_vacancies=Decimal("5.50"),
        no_agency_fte=Decimal("1.00"),
        no_agency_headcount=1,
    )
    if year < 2025:
        return base
    return replace(
        base,
        recruitment_bonus="2",
        retention_bonus="1",
        performance_award="0",
        car_allowance="0",
        relocation_package="2",
        regional_weighting="0",
        cost_swe="1",
        cost_dbs="1",
        other_allowances="Essential car user allowance",
    )


def _for_year(worker: CensusWorker, year: int, *, gender: str, sex: str) -> CensusWorker:
    if year <= 2023:
        worker = replace(worker, gender_current=gender)
    else:
        worker = replace(worker, sex=sex)
    if year <= 2024:
        worker = replace(worker, qual_inst=("University of Example",))
    else:
        worker = replace(worker, base_salary=Decimal("36124.00"), rr_payments=Decimal("0.00"))
    return worker


def workers(year: int) -> list[CensusWorker]:
    """A starter in post, a leaver and an agency worker, all valid for ``year``."""
    starter = CensusWorker(
        agency_worker="0",
        swe_no="SW100001",
        fte=Decimal("1"),
        person_birth_date=date(1999, 4, 12),
        ethnicity="WBRI",
        qual_level="1",
        step_up_grad="0",
        org_role="5",
        role_start_date=date(year - 1, 10, 14),
        start_origin="1",
        fte30=Decimal("1"),
        cases30=12,
        working_days_lost=Decimal("3.5"),
        contract_weeks=(Decimal("52.1"),),
        frontline_grad="0",
        absat30_sept=("1",),
        reason_absence=("TRN",),
    )
    leaver = CensusWorker(
        agency_worker="0",
        swe_no="SW100002",
        fte=Decimal("0"),
        person_birth_date=date(1985, 11, 3),
        ethnicity="BCRB",
        qual_level="2",
        step_up_grad="0",
        org_role="4",
        role_start_date=date(2019, 3, 4),
        start_origin="2",
        role_end_date=date(year, 6, 27),
        leaver_destination="3",
        reason_leave="1",
        fte30=Decimal("0.8"),
        working_days_lost=Decimal("11"),
        frontline_grad="0",
    )
    agency = CensusWorker(agency_worker="1", swe_no="SW100003", fte=Decimal("1"), cases30=15)
    out = [
        _for_year(starter, year, gender="2", sex="F"),
        _for_year(leaver, year, gender="1", sex="M"),
        _for_year(agency, year, gender="0", sex="F"),
    ]
    if year <= 2024:
        out[0] = replace(out[0], cfkss_status=("1",))
    out[2] = replace(out[2], gender_current=None, sex=None)
    return out


def return_xml(year: int, people: list[CensusWorker] | None = None) -> bytes:
    return write_return(year, HEADER, council(year), workers(year) if people is None else people)


def with_worker(year: int, index: int, **changes: Any) -> bytes:
    """The clean return with worker ``index`` (1-based) changed."""
    people = workers(year)
    people[index - 1] = replace(people[index - 1], **changes)
    return return_xml(year, people)


def findings(data: bytes, year: int | None = None, **kwargs: Any) -> list[Finding]:
    return validate(read_return(data, year=year), **kwargs)


def ids(data: bytes, year: int | None = None, **kwargs: Any) -> set[str]:
    return {f.rule for f in findings(data, year, **kwargs)}


def edit(
    data: bytes,
    xpath: str,
    *,
    text: str | None = None,
    remove: bool = False,
    add: tuple[str, str] | None = None,
    move_before: str | None = None,
) -> bytes:
    """Change the first element matching ``xpath`` (test-only; the input is our own file)."""
    root = etree.fromstring(data)
    node = root.xpath(xpath)[0]
    if text is not None:
        node.text = text
    if remove:
        node.getparent().remove(node)
    if add is not None:
        new = etree.SubElement(node, add[0])
        new.text = add[1]
    if move_before is not None:
        target = node.getparent().xpath(move_before)[0]
        target.addprevious(node)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")
