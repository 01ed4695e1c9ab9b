"""§7 record meanings, the §13 arithmetic, and the polars frame."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import polars as pl

from workforce_health.census import CensusWorker, read_return
from workforce_health.census import semantics as sem
from workforce_health.census.frame import frame_schema, to_frame

from .builders import ILLUSTRATIVE_2025, workers


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


def test_to_frame() -> None:
    frame = to_frame(_illustrative(), year=2025)
    assert frame.schema == pl.Schema(frame_schema())
    assert frame["is_in_post"].to_list() == [True, False]
    assert frame["leaver_fte"].to_list() == [1.0, 0.8]
    assert frame["age"].to_list() == [26, 39]
    assert frame.filter(pl.col("is_in_post"))["in_post_fte"].sum() == 1.0


def test_to_frame_lists_and_empty() -> None:
    frame = to_frame(workers(2023), year=2023)
    assert frame["qual_inst"].to_list()[0] == ["University of Example"]
    assert frame["sex"].to_list() == ["F", "M", None]
    assert to_frame([], year=2025).height == 0
