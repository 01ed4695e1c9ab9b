"""§9.3 product checks: passing and failing cases, with the severities the page gives."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal
from typing import Any

from tests.census.builders import edit, findings, ids, return_xml, with_worker, workers
from workforce_health.census import FteMapping, read_return


def severity(data: bytes, rule: str, **kwargs: Any) -> set[str]:
    return {f.severity.value for f in findings(data, **kwargs) if f.rule == rule}


def test_p01_reference_date() -> None:
    data = edit(return_xml(2025), "//ReferenceDate", text="2025-03-31")
    assert severity(data, "P01") == {"error"}


def test_p02_year_matches_choice() -> None:
    assert severity(return_xml(2024), "P02", census_year=2025) == {"error"}
    assert "P02" not in ids(return_xml(2024), census_year=2024)


def test_p03_end_date_in_year() -> None:
    data = with_worker(2025, 2, role_end_date=date(2024, 9, 30))
    assert severity(data, "P03") == {"error"}


def test_p04_end_after_start() -> None:
    data = with_worker(2025, 2, role_start_date=date(2025, 7, 1))
    assert severity(data, "P04") == {"error"}


def test_p05_start_not_after_reference_date() -> None:
    assert severity(with_worker(2025, 1, role_start_date=date(2025, 10, 1)), "P05") == {"error"}
    assert "P05" not in ids(with_worker(2025, 1, role_start_date=date(2025, 9, 30)))


def test_p06_in_post_fte_positive() -> None:
    assert severity(with_worker(2025, 1, fte=Decimal(0)), "P06") == {"error"}
    assert "P06" in ids(with_worker(2025, 1, fte=None))


def test_p06_follows_the_fte_mapping() -> None:
    data = with_worker(2025, 1, fte=None)
    assert "P06" not in ids(data, fte=FteMapping(in_post="fte30", leaver="fte"))


def test_p07_worker_values_not_negative() -> None:
    assert severity(with_worker(2025, 1, cases30=-1), "P07") == {"error"}
    assert "P07" in ids(with_worker(2025, 1, contract_weeks=(Decimal("-1"),)))


def test_p08_council_values_not_negative() -> None:
    data = edit(return_xml(2024), "//NoAgencyHeadcount", text="-2")
    assert severity(data, "P08") == {"error"}


def test_p09_pay_not_negative_from_2025() -> None:
    assert severity(with_worker(2025, 1, base_salary=Decimal("-1")), "P09") == {"error"}


def test_p10_days_lost_plausible() -> None:
    data = with_worker(2025, 1, fte=Decimal("0.5"), working_days_lost=Decimal("127"))
    assert severity(data, "P10") == {"warning"}
    ok = with_worker(2025, 1, fte=Decimal("0.5"), working_days_lost=Decimal("126.5"))
    assert "P10" not in ids(ok)


def test_p11_age() -> None:
    assert severity(with_worker(2025, 1, person_birth_date=date(2008, 1, 1)), "P11") == {"warning"}
    assert "P11" not in ids(with_worker(2025, 1, person_birth_date=date(2007, 9, 30)))


def test_p12_qualified_without_cases() -> None:
    assert severity(with_worker(2025, 1, org_role="6"), "P12") == {"warning"}
    assert "P12" not in ids(with_worker(2025, 1, org_role="6", cases30=0))


def test_p13_absence_reason_without_absence() -> None:
    assert severity(with_worker(2025, 1, absat30_sept=("0",)), "P13") == {"warning"}


def test_p14_agency_above_vacancies() -> None:
    data = edit(return_xml(2025), "//NumberOfVacancies", text="0.50")
    assert severity(data, "P14") == {"warning"}


def test_p15_agency_fte_above_records() -> None:
    data = edit(return_xml(2025), "//NoAgencyFTE", text="2.00")
    assert severity(data, "P15") == {"warning"}


def test_p16_same_swe_different_person() -> None:
    data = with_worker(2025, 2, swe_no="SW100001")
    [finding] = [f for f in findings(data) if f.rule == "P16"]
    assert finding.severity == "warning" and finding.worker == 2
    assert "date of birth and sex and ethnicity" in finding.message
    same = with_worker(2024, 3, swe_no="SW100001")  # agency record: nothing to compare
    assert "P16" in ids(same)


def test_p17_swe_prefix() -> None:
    assert severity(with_worker(2025, 1, swe_no="AB123456"), "P17") == {"warning"}


def test_p18_not_yet_collected() -> None:
    assert severity(with_worker(2025, 1, start_origin="10"), "P18") == {"warning"}
    assert severity(with_worker(2025, 2, leaver_destination="9"), "P18") == {"warning"}


def test_p19_single_lea() -> None:
    data = edit(return_xml(2025), "/Message/Header/Source", remove=True)
    assert severity(data, "P19") == {"error"}
    two = edit(return_xml(2025), "/Message/Header", add=("Source", ""))
    two = two.replace(b"<Source></Source>", b"<Source><LEA>998</LEA></Source>")
    assert "several LEA codes" in next(f.message for f in findings(two) if f.rule == "P19")


def test_p20_a_worker_record_twice_names_both_lines() -> None:
    people = workers(2025)
    data = return_xml(2025, [*people, people[0], people[2]])
    parsed = read_return(data)
    repeats = [f for f in findings(data) if f.rule == "P20"]
    assert [(f.worker, f.severity.value) for f in repeats] == [(4, "error"), (5, "error")]
    first, again = parsed.workers[0].line_of("SWENo"), parsed.workers[3].line_of("SWENo")
    assert repeats[0].line == again
    assert f"repeats worker 1 (line {first}): same SWENo and RoleStartDate" in repeats[0].message
    assert "agency record" in repeats[1].message
    other_role = replace(people[0], role_start_date=date(2025, 1, 6))
    assert "P20" not in ids(return_xml(2025, [*people, other_role]))
