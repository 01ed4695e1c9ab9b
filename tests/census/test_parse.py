"""Parser: the §13 file, namespaces, year detection, safety and bounded memory."""

from __future__ import annotations

import tracemalloc
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from workforce_health.census import CensusParseError, open_return, read_return

from .builders import ILLUSTRATIVE_2025, return_xml


def test_illustrative_file_values() -> None:
    parsed = read_return(ILLUSTRATIVE_2025)
    assert parsed.year == 2025
    assert parsed.header is not None and parsed.header.values.lea == "999"
    assert parsed.header.values.reference_date == date(2025, 9, 30)
    assert parsed.council is not None
    assert parsed.council.values.number_of_vacancies == Decimal("12.50")
    assert parsed.council.values.other_allowances.startswith("Essential car user")
    first, second = (w.values for w in parsed.workers)
    assert first.swe_no == "SW100001" and first.sex == "F" and first.cases30 == 12
    assert first.absat30_sept == ("0",)
    assert second.role_end_date == date(2025, 6, 27) and second.fte30 == Decimal("0.8")
    assert [w.index for w in parsed.workers] == [1, 2]
    assert parsed.workers[1].line_of("RoleEndDate") == 65
    assert parsed.structure == [("Header", 3), ("LALevel", 16), ("CSWWWorker", 31)]


def test_raw_text_kept_for_unreadable_values() -> None:
    data = return_xml(2025).replace(b"<Cases30>12</Cases30>", b"<Cases30> twelve </Cases30>")
    worker = read_return(data).workers[0]
    assert worker.values.cases30 is None
    found = worker.raw.find("Cases30")
    assert found is not None and found.text == "twelve"


def test_namespaced_file_parses_by_local_name() -> None:
    data = ILLUSTRATIVE_2025.read_bytes().replace(
        b"<Message>", b'<Message xmlns="urn:example:csww">'
    )
    parsed = read_return(data)
    assert parsed.year == 2025
    assert [w.values.swe_no for w in parsed.workers] == ["SW100001", "SW100002"]


def test_year_from_caller_when_header_has_none() -> None:
    data = return_xml(2022).replace(b"<Year>2022</Year>", b"")
    assert read_return(data, year=2022).year == 2022
    with pytest.raises(CensusParseError, match="census year"):
        read_return(data)


def test_year_from_lalevel_block_name() -> None:
    data = return_xml(2025).replace(b"<Year>2025</Year>", b"")
    assert read_return(data).year == 2025


def test_unsupported_year_is_refused() -> None:
    data = return_xml(2025).replace(b"<Year>2025</Year>", b"<Year>2019</Year>")
    with pytest.raises(CensusParseError, match="2019"):
        read_return(data)


BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE Message [
  <!ENTITY lol "lol">
  <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
  <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
  <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
  <!ENTITY lol9 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
]>
<Message a="&lol9;"><Header>&lol9;</Header></Message>
"""
EXTERNAL_ENTITY = b"""<?xml version="1.0"?>
<!DOCTYPE Message [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<Message><Header><Source><LEA>&secret;</LEA></Source></Header></Message>
"""
EXTERNAL_DTD = b"""<?xml version="1.0"?>
<!DOCTYPE Message SYSTEM "http://example.invalid/census.dtd">
<Message/>
"""


@pytest.mark.parametrize("data", [BILLION_LAUGHS, EXTERNAL_ENTITY, EXTERNAL_DTD])
def test_doctype_and_entities_are_refused(data: bytes) -> None:
    with pytest.raises(CensusParseError, match="DOCTYPE") as caught:
        read_return(data, year=2025)
    assert caught.value.line == 2


def test_doctype_refused_from_a_file_object(tmp_path: Path) -> None:
    path = tmp_path / "laughs.xml"
    path.write_bytes(BILLION_LAUGHS)
    with path.open("rb") as stream, pytest.raises(CensusParseError, match="DOCTYPE"):
        read_return(stream, year=2025)


def test_malformed_xml_reports_line() -> None:
    data = return_xml(2024).replace(b"</SWENo>", b"</SWENumber>", 1)
    with pytest.raises(CensusParseError) as caught:
        read_return(data)
    assert caught.value.line == 23
    assert "not well-formed" in str(caught.value)
    assert str(caught.value).startswith("Line 23:")


def test_workers_can_be_read_once() -> None:
    reader = open_return(return_xml(2025))
    assert reader.header is not None and reader.council is not None
    assert len(list(reader.iter_workers())) == 3
    with pytest.raises(RuntimeError):
        list(reader.iter_workers())


def _write_big_return(path: Path, count: int) -> None:
    """A 2025 return with ``count`` minimal agency records, written without holding it."""
    head, _, tail = return_xml(2025, []).partition(b"</LALevel>")
    with path.open("wb") as out:
        out.write(head + b"</LALevel>\n")
        for n in range(count):
            out.write(
                b"  <CSWWWorker><AgencyWorker>1</AgencyWorker><SWENo>SW%08d</SWENo>"
                b"<FTE>1</FTE></CSWWWorker>\n" % n
            )
        out.write(tail)


def test_memory_stays_bounded_for_200k_workers(tmp_path: Path) -> None:
    path = tmp_path / "big.xml"
    count = 200_000
    _write_big_return(path, count)
    assert path.stat().st_size > 15_000_000  # far larger than the bound below
    tracemalloc.start()
    try:
        reader = open_return(path)
        seen = sum(1 for _ in reader.iter_workers())
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert seen == count
    assert reader.structure == [("Header", 3), ("LALevel", 16), ("CSWWWorker", 30)]
    assert peak < 50 * 1024 * 1024
