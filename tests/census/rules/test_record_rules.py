"""§9.2 record rules R01-R05: passing and failing cases."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from tests.census.builders import findings, ids, return_xml, with_worker


def test_r01_mandatory_for_non_agency_per_year() -> None:
    assert "R01" in ids(with_worker(2023, 1, gender_current=None))
    assert "R01" in ids(with_worker(2024, 1, sex=None))
    [f] = [f for f in findings(with_worker(2025, 1, ethnicity=None)) if f.rule == "R01"]
    assert f.element == "Ethnicity" and f.worker == 1 and f.swe_display == "SW****01"


def test_r01_not_for_agency_workers() -> None:
    assert "R01" not in ids(return_xml(2025))  # worker 3 is agency with few items


def test_r02_start_origin_with_start_date() -> None:
    assert "R02" in ids(with_worker(2025, 3, role_start_date=date(2024, 1, 1)))
    assert "R02" in ids(with_worker(2025, 3, start_origin="2"))


def test_r03_leaver_fte_must_be_zero() -> None:
    ok = with_worker(
        2025, 1, role_end_date=date(2025, 3, 1), reason_leave="1", leaver_destination="1"
    )
    assert "R03" not in ids(ok)  # the exporter writes FTE 0 for leavers
    bad = ok.replace(b"<FTE>0</FTE>", b"<FTE>0.500000</FTE>", 1)
    assert "R03" in ids(bad)


def test_r04_reason_leave_iff_leaver() -> None:
    assert "R04" in ids(with_worker(2025, 2, reason_leave=None))
    assert "R04" in ids(with_worker(2025, 1, reason_leave="1"))


def test_r05_destination_iff_leaver() -> None:
    assert "R05" in ids(with_worker(2025, 2, leaver_destination=None))
    assert "R05" in ids(with_worker(2025, 1, leaver_destination="1"))


def test_all_findings_collected_not_just_the_first() -> None:
    data = with_worker(2025, 1, ethnicity=None, org_role=None, fte30=Decimal("2"))
    rules = [f.rule for f in findings(data)]
    assert rules.count("R01") == 2 and "S09" in rules
