"""Which employment spells make one census worker record (csww-census.md §2 and §6).

A worker record is one person in one council role. A person's spells that follow each other with
no more than a day between them (a move to another team, a promotion, the end of the ASYE year)
are one *run* and one record: its ``RoleStartDate`` and ``StartOrigin`` are the first spell's,
its role, FTE, caseload and leaving details the last one's, its days lost the sum of all of
them. Spells held at the same time are separate records. The export builds records from runs
and the import finds the run a record describes, so a return exported and imported again lands
on the same spells and changes nothing.

Pure Python: works on anything with ``start_date``, ``end_date`` and ``is_agency``.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta
from typing import Protocol, TypeVar


class Spell(Protocol):
    @property
    def start_date(self) -> date: ...

    @property
    def end_date(self) -> date | None: ...

    @property
    def is_agency(self) -> bool: ...


S = TypeVar("S", bound=Spell)


def follows(earlier: Spell, later: Spell) -> bool:
    """``later`` continues ``earlier``: same kind of contract, starting within a day of its end."""
    return (
        earlier.is_agency == later.is_agency
        and earlier.end_date is not None
        and earlier.end_date <= later.start_date <= earlier.end_date + timedelta(days=1)
    )


def runs(spells: Iterable[S]) -> list[list[S]]:
    """One person's spells, given in start order, grouped into runs (each in start order)."""
    grouped: list[list[S]] = []
    for spell in spells:
        for run in grouped:
            if follows(run[-1], spell):
                run.append(spell)
                break
        else:
            grouped.append([spell])
    return grouped
