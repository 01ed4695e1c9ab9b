"""§7 record meanings and the §13 arithmetic."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from workforce_health.census import CensusWorker, read_return
from workforce_health.census import semantics as sem

from .builders import ILLUSTRATIVE_2025


def _illustrative() -> list[CensusWorker]:
    return [w.values for w in read_return(ILLUSTRATIVE_2025).workers]


def test_illustrative_counts() -> None:
    people = _illustrative()
    in_post = [w for w in people if sem.is_in_post(w, 2025)]
    leavers = [w for w in people if sem.is_leaver(w, 2025)]
    assert len(in_post) == 1 and sum(sem.in_post_fte(w) or 0 for w in in_post) == 1
    assert sum(sem.is_starter(w, 2025) for w in people) == 1
    assert len(leavers) == 1 and sem.leaver_fte(leavers[0]) == Decimal("0.8")
    assert not any(sem.is_agency(w) for w in people)
    assert sem.is_newly_qualified_starter(people[0], 2025)
    assert sem.is_case_holder(people[0]) and not sem.is_case_holder(people[1])


def test_leaver_on_30_september_is_not_in_post() -> None:
    worker = CensusWorker(role_end_date=date(2025, 9, 30), role_start_date=date(2020, 1, 1))
    assert sem.is_leaver(worker, 2025) and not sem.is_in_post(worker, 2025)


def test_gender_current_maps_to_sex() -> None:
    assert [sem.sex_code(CensusWorker(gender_current=g)) for g in "0129"] == [None, "M", "F", None]


def test_fte_mapping_setting() -> None:
    worker = CensusWorker(fte=Decimal("0"), fte30=Decimal("0.6"))
    swapped = sem.FteMapping(in_post="fte30", leaver="fte")
    assert sem.in_post_fte(worker, swapped) == Decimal("0.6")
    assert sem.leaver_fte(worker, swapped) == Decimal("0")
