"""§9.1 schema-level rules: a failing case for each (passing: the clean returns, see below)."""

from __future__ import annotations

import pytest

from tests.census.builders import edit, findings, ids, return_xml
from workforce_health.census import YEARS, rules_for

W1 = "/Message/CSWWWorker[1]"


@pytest.mark.parametrize("year", YEARS)
def test_clean_return_passes_every_rule(year: int) -> None:
    assert findings(return_xml(year), census_year=year) == []


def test_every_rule_is_registered_once_per_year() -> None:
    for year in YEARS:
        assert len(set(rules_for(year))) == len(rules_for(year))


def test_s01_blocks_missing_and_misnamed() -> None:
    data = edit(return_xml(2024), "/Message/LALevelVacancies", remove=True)
    assert "S01" in ids(data)
    renamed = return_xml(2025).replace(b"LALevel>", b"LALevelVacancies>")
    found = [f for f in findings(renamed) if f.rule == "S01"]
    assert found and "LALevelVacancies" in found[0].message


def test_s01_blocks_out_of_order() -> None:
    data = edit(return_xml(2025), "/Message/LALevel", move_before="Header")
    assert any(f.rule == "S01" and "Header must come before" in f.message for f in findings(data))


def test_s01_no_workers() -> None:
    assert "S01" in ids(return_xml(2025, []))


def test_s02_order() -> None:
    data = edit(return_xml(2025), f"{W1}/Ethnicity", move_before="SWENo")
    [finding] = [f for f in findings(data) if f.rule == "S02"]
    assert finding.worker == 1 and finding.element == "SWENo" and finding.line


def test_s03_missing_and_repeated() -> None:
    data = edit(return_xml(2023), f"{W1}/SWENo", remove=True)
    assert "S03" in ids(data)
    twice = edit(return_xml(2023), W1, add=("Cases30", "3"))
    assert any(f.rule == "S03" and "appears 2 times" in f.message for f in findings(twice))


def test_s03_qualinst_required_even_for_agency_until_2024() -> None:
    data = edit(return_xml(2024), "/Message/CSWWWorker[3]/QualInst", remove=True)
    assert any(f.rule == "S03" and f.worker == 3 for f in findings(data))


def test_s04_unknown_element_is_a_warning() -> None:
    data = edit(return_xml(2025), W1, add=("NewItem2026", "x"))
    [finding] = findings(data)
    assert (finding.rule, finding.severity) == ("S04", "warning")


def test_s12_unknown_top_level_block() -> None:
    data = edit(return_xml(2025), "/Message", add=("Extra", "x"))
    assert ids(data) == {"S12"}


def test_s05_empty_value() -> None:
    data = edit(return_xml(2025), f"{W1}/Ethnicity", text="")
    assert ids(data) == {"S05"}


def test_s06_wrong_type() -> None:
    data = edit(return_xml(2025), f"{W1}/PersonBirthDate", text="12/04/1999")
    assert "S06" in ids(data)
    data = edit(return_xml(2025), f"{W1}/Cases30", text="1.5")
    assert "S06" in ids(data)


def test_s07_code_list_is_case_sensitive() -> None:
    data = edit(return_xml(2025), f"{W1}/Sex", text="f")
    assert ids(data) == {"S07"}
    data = edit(return_xml(2025), "/Message/LALevel/CostDBS", text="3")
    assert ids(data) == {"S07"}


def test_s08_decimal_places() -> None:
    data = edit(return_xml(2025), f"{W1}/FTE", text="0.1234567")
    assert "S08" in ids(data)
    ok = edit(return_xml(2025), f"{W1}/FTE", text="0.5")
    assert "S08" not in ids(ok)


def test_s09_fte_range() -> None:
    data = edit(return_xml(2025), f"{W1}/FTE30", text="1.5")
    assert ids(data) == {"S09"}


def test_s10_lea_pattern() -> None:
    data = edit(return_xml(2025), "/Message/Header/Source/LEA", text="99")
    assert "S10" in ids(data)


def test_s11_swe_pattern() -> None:
    data = edit(return_xml(2025), f"{W1}/SWENo", text="SW12345678901")
    [finding] = [f for f in findings(data) if f.rule == "S11"]
    assert finding.swe_no == "SW12345678901" and finding.swe_display == "SW*********01"
