"""The differencing audit: can any hidden group be worked out from everything published?
(no Django; independent of the survey engine's own algebra).

The attacker holds every published table of several waves (a Health Check and its pulses) and
assumes the worst: that a group holds the same people, with the same answers, in every wave.
So a cell is a sum of *microcells* (the finest groups: every combination of the columns the
tables use, teams only within their own service), the same unknowns in every wave for tables of
the same quantity (the same question, or the count of respondents). A hidden cell is recovered
when its indicator vector is a linear combination of the shown cells' vectors: a rank test, by
exact Gaussian elimination over the rationals.

A group shown in one wave and hidden in another is not counted as recovered (the attacker can
read it where it is shown); the audit reports groups that no wave shows and that the shown cells
of all waves together give away.
"""

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction

Labels = Mapping[str, str | None]  # column -> value; None (or a missing column) means "all"


@dataclass(frozen=True)
class Published:
    """One published table: which wave, which quantity, and each cell with whether it is shown."""

    wave: str
    quantity: str  # tables with the same quantity share their unknowns across waves
    cells: tuple[tuple[Labels, bool], ...]


@dataclass(frozen=True)
class Recovered:
    quantity: str
    group: tuple[tuple[str, str], ...]  # the hidden group's fixed columns and values


def _key(labels: Labels) -> tuple[tuple[str, str], ...]:
    return tuple(sorted((c, v) for c, v in labels.items() if v is not None))


def _covers(labels: Labels, micro: Mapping[str, str]) -> bool:
    return all(v is None or micro.get(c) == v for c, v in labels.items())


class _Basis:
    """Rows in reduced echelon form over Fractions; `reduce` leaves what they cannot give."""

    def __init__(self) -> None:
        self.rows: dict[int, dict[int, Fraction]] = {}  # pivot column -> row (pivot 1)

    def reduce(self, vector: Mapping[int, Fraction]) -> dict[int, Fraction]:
        rest = {k: v for k, v in vector.items() if v}
        for pivot in sorted(self.rows):
            factor = rest.get(pivot)
            if not factor:
                continue
            for column, value in self.rows[pivot].items():
                updated = rest.get(column, Fraction(0)) - factor * value
                if updated:
                    rest[column] = updated
                else:
                    rest.pop(column, None)
        return rest

    def add(self, vector: Mapping[int, Fraction]) -> None:
        rest = self.reduce(vector)
        if not rest:
            return
        pivot = min(rest)
        scale = rest[pivot]
        row = {c: v / scale for c, v in rest.items()}
        for existing in self.rows.values():  # keep every row free of the new pivot
            factor = existing.get(pivot)
            if factor:
                for column, value in row.items():
                    updated = existing.get(column, Fraction(0)) - factor * value
                    if updated:
                        existing[column] = updated
                    else:
                        existing.pop(column, None)
        self.rows[pivot] = row


def recoverable(
    tables: Iterable[Published], *, microcells: Sequence[Mapping[str, str]]
) -> list[Recovered]:
    """Groups hidden in every table that lists them, yet given by the shown cells of all."""
    by_quantity: dict[str, list[Published]] = {}
    for table in tables:
        by_quantity.setdefault(table.quantity, []).append(table)
    found: list[Recovered] = []
    for quantity, published in sorted(by_quantity.items()):
        shown: dict[tuple[tuple[str, str], ...], Labels] = {}
        hidden: dict[tuple[tuple[str, str], ...], Labels] = {}
        for table in published:
            for labels, is_shown in table.cells:
                (shown if is_shown else hidden)[_key(labels)] = labels
        basis = _Basis()
        for labels in shown.values():
            basis.add(_vector(labels, microcells))
        for key, labels in sorted(hidden.items()):
            if key in shown:
                continue  # shown in another wave: public there, nothing to recover
            if not basis.reduce(_vector(labels, microcells)):
                found.append(Recovered(quantity, key))
    return found


def _vector(labels: Labels, microcells: Sequence[Mapping[str, str]]) -> dict[int, Fraction]:
    return {i: Fraction(1) for i, micro in enumerate(microcells) if _covers(labels, micro)}
