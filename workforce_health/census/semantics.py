"""What a worker record means (csww-census.md §7), as pure functions of a ``CensusWorker``.

Dates are judged against census year ``year``: 1 October of ``year - 1`` to 30 September of
``year``. Which element carries in-post and leaver FTE is a setting (§7 open question),
defaulting to in-post = ``FTE`` and leaver = ``FTE30``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from workforce_health.census.records import CensusWorker


@dataclass(frozen=True)
class FteMapping:
    """Attribute names of ``CensusWorker`` holding in-post FTE and leaver FTE (§7)."""

    in_post: str = "fte"
    leaver: str = "fte30"


DEFAULT_FTE = FteMapping()


def year_start(year: int) -> date:
    return date(year - 1, 10, 1)


def reference_date(year: int) -> date:
    """30 September of the census year (§1)."""
    return date(year, 9, 30)


def in_census_year(day: date | None, year: int) -> bool:
    return day is not None and year_start(year) <= day <= reference_date(year)


def is_agency(worker: CensusWorker) -> bool:
    return worker.agency_worker == "1"


def is_leaver(worker: CensusWorker, year: int) -> bool:
    """``RoleEndDate`` present and within the census year."""
    return in_census_year(worker.role_end_date, year)


def is_starter(worker: CensusWorker, year: int) -> bool:
    """``RoleStartDate`` within the census year."""
    return in_census_year(worker.role_start_date, year)


def is_in_post(worker: CensusWorker, year: int) -> bool:
    """Council-employed, started by and not ended on or before 30 September."""
    ref = reference_date(year)
    started = worker.role_start_date is None or worker.role_start_date <= ref
    ended = worker.role_end_date is not None and worker.role_end_date <= ref
    return not is_agency(worker) and started and not ended


def is_agency_in_post(worker: CensusWorker) -> bool:
    return is_agency(worker)


def is_case_holder(worker: CensusWorker) -> bool:
    return worker.cases30 is not None and worker.cases30 >= 1


def is_newly_qualified_starter(worker: CensusWorker, year: int) -> bool:
    return is_starter(worker, year) and worker.start_origin == "1"


def _fte(worker: CensusWorker, attr: str) -> Decimal | None:
    value = getattr(worker, attr)
    return value if isinstance(value, Decimal) else None


def in_post_fte(worker: CensusWorker, fte: FteMapping = DEFAULT_FTE) -> Decimal | None:
    return _fte(worker, fte.in_post)


def leaver_fte(worker: CensusWorker, fte: FteMapping = DEFAULT_FTE) -> Decimal | None:
    return _fte(worker, fte.leaver)


def contracted_fte(worker: CensusWorker, fte: FteMapping = DEFAULT_FTE) -> Decimal | None:
    """The role's FTE: leaver FTE for leavers, otherwise in-post FTE."""
    if worker.role_end_date is not None:
        return leaver_fte(worker, fte)
    return in_post_fte(worker, fte)


def sex_code(worker: CensusWorker) -> str | None:
    """``Sex`` (2024 on), or ``GenderCurrent`` mapped 1→M, 2→F, 0 and 9 → None (§10)."""
    if worker.sex is not None:
        return worker.sex
    return {"1": "M", "2": "F"}.get(worker.gender_current or "")


def age_on(birth: date, day: date) -> int:
    return day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))
