"""Exporter: §13 reproduced, round trips per layout, element order, formats, refusal."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime
from decimal import Decimal

import pytest
from lxml import etree  # type: ignore[import-untyped]

from workforce_health.census import (
    YEARS,
    CensusWorker,
    Header,
    export_return,
    read_return,
    schema_for,
    write_return,
)

from .builders import HEADER, ILLUSTRATIVE_2025, council, return_xml, workers


def _without_comments(data: bytes) -> bytes:
    return b"\n".join(line for line in data.splitlines() if b"<!--" not in line) + b"\n"


def test_illustrative_file_reproduced_exactly() -> None:
    parsed = read_return(ILLUSTRATIVE_2025)
    assert parsed.header is not None and parsed.council is not None
    data = write_return(
        2025, parsed.header.values, parsed.council.values, [w.values for w in parsed.workers]
    )
    assert data == _without_comments(ILLUSTRATIVE_2025.read_bytes())


@pytest.mark.parametrize("year", [2021, 2022, 2023, 2024, 2025])
def test_round_trip(year: int) -> None:
    people = workers(year)
    parsed = read_return(return_xml(year, people))
    assert [w.values for w in parsed.workers] == people
    assert parsed.council is not None and parsed.council.values == council(year)
    assert parsed.header is not None
    assert parsed.header.values == replace(HEADER, year=year, reference_date=date(year, 9, 30))


def test_2023_layout_uses_gender_qualinst_and_lalevelvacancies() -> None:
    data = return_xml(2023)
    assert b"<LALevelVacancies>" in data and b"<GenderCurrent>2</GenderCurrent>" in data
    assert b"<QualInst>University of Example</QualInst>" in data and b"<Sex>" not in data
    assert b"<CFKSSstatus>1</CFKSSstatus>" in data


def test_2024_layout_uses_sex() -> None:
    data = return_xml(2024)
    assert b"<Sex>F</Sex>" in data and b"<GenderCurrent>" not in data


def _full_worker(year: int) -> CensusWorker:
    worker = replace(
        workers(year)[0],
        cfkss_status=("1",),
        base_salary=Decimal(1),
        rr_payments=Decimal(1),
        other_payments=Decimal(1),
        qual_inst=("Somewhere",),
        role_end_date=date(year, 9, 1),
        leaver_destination="1",
        reason_leave="1",
    )
    return replace(worker, gender_current="1", sex="M")


@pytest.mark.parametrize("year", YEARS)
def test_element_order_is_schema_order(year: int) -> None:
    schema = schema_for(year)
    root = etree.fromstring(write_return(year, HEADER, council(year), [_full_worker(year)]))
    assert [e.tag for e in root] == ["Header", schema.council.name, "CSWWWorker"]
    assert [e.tag for e in root[1]] == [c.name for c in schema.council.children]
    assert [e.tag for e in root[2]] == [c.name for c in schema.worker.children]
    assert [e.tag for e in root[0].iter()][1:] == [
        "CollectionDetails",
        "Collection",
        "Year",
        "ReferenceDate",
        "Source",
        "SourceLevel",
        "LEA",
        "SoftwareCode",
        "DateTime",
    ]


def test_number_and_date_formats() -> None:
    worker = replace(
        workers(2025)[0],
        fte=Decimal("0.3333333"),
        working_days_lost=Decimal("2"),
        contract_weeks=(Decimal("40"), Decimal("12.25")),
    )
    data = write_return(2025, replace(HEADER, lea="36"), council(2025), [worker])
    for expected in (
        b"<FTE>0.333333</FTE>",
        b"<WorkingDaysLost>2.00</WorkingDaysLost>",
        b"<ContractWeeks>40.0</ContractWeeks>",
        b"<ContractWeeks>12.3</ContractWeeks>",
        b"<LEA>036</LEA>",
        b"<DateTime>2025-10-15T09:30:00Z</DateTime>",
        b"<RoleStartDate>2024-10-14</RoleStartDate>",
        b"<NumberOfVacancies>5.50</NumberOfVacancies>",
    ):
        assert expected in data
    assert data.startswith(b'<?xml version="1.0" encoding="UTF-8"?>\n<Message>')
    assert b"xmlns" not in data


def test_leaver_fte_written_as_zero_and_absent_items_omitted() -> None:
    leaver = replace(workers(2025)[1], fte=Decimal("0.8"))
    data = write_return(2025, HEADER, council(2025), [leaver])
    assert b"<FTE>0</FTE>" in data and b"<Cases30>" not in data and b"<BaseSalary" in data


def test_naive_datetime_refused() -> None:
    with pytest.raises(ValueError, match="timezone"):
        naive = datetime(2025, 1, 1)  # noqa: DTZ001 - the point of the test
        write_return(2025, Header(lea="999", date_time=naive), council(2025), [])


def test_export_returns_bytes_when_clean() -> None:
    result = export_return(2025, HEADER, council(2025), workers(2025))
    assert result.ok and result.data == return_xml(2025) and result.findings == []


def test_export_refuses_invalid_records_and_lists_them() -> None:
    people = workers(2025)
    people[0] = replace(people[0], ethnicity=None)
    people[2] = replace(people[2], swe_no="12345")
    result = export_return(2025, HEADER, council(2025), people)
    assert not result.ok and result.data is None
    assert result.failing_workers == [1, 3]
    assert {(f.worker, f.rule) for f in result.errors} == {(1, "R01"), (3, "S11")}


def test_export_allows_warnings() -> None:
    people = workers(2025)
    people[0] = replace(people[0], start_origin="10")
    result = export_return(2025, HEADER, council(2025), people)
    assert result.ok and [f.rule for f in result.findings] == ["P18"]
