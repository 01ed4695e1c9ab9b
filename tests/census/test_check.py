"""The import pre-check: streaming, all findings, parse errors as findings, LEA."""

from __future__ import annotations

from pathlib import Path

from workforce_health.census import check_return, read_return
from workforce_health.census.rules.registry import derive
from workforce_health.census.rules.y2024 import RULES as RULES_2024
from workforce_health.census.rules.y2025 import RULES as RULES_2025

from .builders import ILLUSTRATIVE_2025, return_xml, with_worker


def test_illustrative_file_is_clean() -> None:
    result = check_return(ILLUSTRATIVE_2025, year=2025)
    assert result.ok and result.findings == []
    assert (result.year, result.lea, result.worker_count) == (2025, "999", 2)


def test_errors_block_the_import(tmp_path: Path) -> None:
    path = tmp_path / "return.xml"
    path.write_bytes(with_worker(2024, 1, sex=None))
    result = check_return(path)
    assert not result.ok and [f.rule for f in result.findings] == ["R01"]


def test_malformed_file_becomes_a_finding() -> None:
    result = check_return(return_xml(2025)[:-30])
    [finding] = result.findings
    assert finding.rule == "X01" and finding.line and not result.ok


def test_reimport_reads_the_same_records() -> None:
    data = return_xml(2025)
    first = [w.values for w in read_return(data).workers]
    assert first == [w.values for w in read_return(data).workers]


def test_year_rule_sets_inherit_and_delete() -> None:
    assert set(RULES_2025) - set(RULES_2024) == {"P09"}
    smaller = derive(RULES_2025, delete=["P17"])
    assert "P17" not in smaller and "P17" in RULES_2025
    try:
        derive(RULES_2024, delete=["P99"])
    except KeyError as error:
        assert "P99" in str(error)
    else:
        raise AssertionError("deleting an unknown rule must fail")
