"""Layouts per year (§§5, 6, 10) and the generated XSDs."""

from __future__ import annotations

import pytest
from lxml import etree  # type: ignore[import-untyped]

from workforce_health.census import YEARS, schema_for
from workforce_health.census.schema import Y2021, Y2022, Y2023
from workforce_health.census.xsd import xml_schema

from .builders import ILLUSTRATIVE_2025, return_xml

WORKER_2021 = [
    "AgencyWorker",
    "SWENo",
    "FTE",
    "PersonBirthDate",
    "GenderCurrent",
    "Ethnicity",
    "QualInst",
    "QualLevel",
    "StepUpGrad",
    "OrgRole",
    "RoleStartDate",
    "StartOrigin",
    "RoleEndDate",
    "LeaverDestination",
    "ReasonLeave",
    "FTE30",
    "Cases30",
    "WorkingDaysLost",
    "ContractWeeks",
    "FrontlineGrad",
    "Absat30Sept",
    "ReasonAbsence",
    "CFKSSstatus",
]
WORKER_2024 = [("Sex" if n == "GenderCurrent" else n) for n in WORKER_2021]
WORKER_2025 = [n for n in WORKER_2024 if n not in ("QualInst", "CFKSSstatus")] + [
    "BaseSalary",
    "RRPayments",
    "OtherPayments",
]
COUNCIL_2021 = ["NumberOfVacancies", "NoAgencyFTE", "NoAgencyHeadcount"]
COUNCIL_2025 = [
    *COUNCIL_2021,
    "RecruitmentBonus",
    "RetentionBonus",
    "PerformanceAward",
    "CarAllowance",
    "RelocationPackage",
    "RegionalWeighting",
    "CostSWE",
    "CostDBS",
    "OtherAllowances",
]
EXPECTED = {
    2021: ("LALevelVacancies", COUNCIL_2021, WORKER_2021),
    2022: ("LALevelVacancies", COUNCIL_2021, WORKER_2021),
    2023: ("LALevelVacancies", COUNCIL_2021, WORKER_2021),
    2024: ("LALevelVacancies", COUNCIL_2021, WORKER_2024),
    2025: ("LALevel", COUNCIL_2025, WORKER_2025),
}


@pytest.mark.parametrize("year", YEARS)
def test_layout_matches_the_reference_page(year: int) -> None:
    schema = schema_for(year)
    block, council, worker = EXPECTED[year]
    assert schema.council.name == block
    assert [c.name for c in schema.council.children] == council
    assert [c.name for c in schema.worker.children] == worker


def test_2021_to_2023_identical() -> None:
    assert Y2021.worker is Y2022.worker is Y2023.worker
    assert Y2021.council is Y2023.council


def test_repeatables_and_non_agency_items() -> None:
    repeatable = {c.name for c in schema_for(2024).worker.children if c.repeatable}
    assert repeatable == {
        "QualInst",
        "ContractWeeks",
        "Absat30Sept",
        "ReasonAbsence",
        "CFKSSstatus",
    }
    required = {c.name for c in schema_for(2025).worker.children if c.required_non_agency}
    assert required == {
        "PersonBirthDate",
        "Sex",
        "Ethnicity",
        "StepUpGrad",
        "OrgRole",
        "RoleStartDate",
        "StartOrigin",
        "FTE30",
        "WorkingDaysLost",
        "FrontlineGrad",
    }


def test_unsupported_year() -> None:
    with pytest.raises(ValueError, match="2020"):
        schema_for(2020)


def test_illustrative_file_valid_against_generated_xsd() -> None:
    assert xml_schema(2025).validate(etree.parse(str(ILLUSTRATIVE_2025)))


@pytest.mark.parametrize("year", YEARS)
def test_exported_files_valid_against_generated_xsd(year: int) -> None:
    schema = xml_schema(year)
    document = etree.fromstring(return_xml(year))
    assert schema.validate(document), schema.error_log


def test_xsd_uses_corrected_swe_pattern() -> None:
    schema = xml_schema(2025)
    good = etree.fromstring(return_xml(2025))
    assert schema.validate(good)
    bad = etree.fromstring(return_xml(2025).replace(b"SW100001", b"SW100001$"))
    assert not schema.validate(bad)
