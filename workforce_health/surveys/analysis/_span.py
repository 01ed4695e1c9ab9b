"""Linear span of 0/1 vectors, to test whether a hidden cell is determined by shown ones.

Vectors are sets of microcell indices. Arithmetic is modulo the Mersenne prime 2**61 - 1,
which agrees with rational arithmetic for these small 0/1 systems unless the prime divides
a minor (vanishingly unlikely); the tests check the result independently with Fractions.
"""

from collections.abc import Iterable
from typing import Final

_P: Final = 2**61 - 1


class Span:
    """Row-echelon basis; each row's pivot is its smallest column, normalised to 1."""

    def __init__(self, vectors: Iterable[frozenset[int]] = ()) -> None:
        self._rows: dict[int, dict[int, int]] = {}
        for vector in vectors:
            self.add(vector)

    def _reduce(self, vector: frozenset[int]) -> dict[int, int]:
        rest = dict.fromkeys(vector, 1)
        for pivot in sorted(self._rows):
            factor = rest.pop(pivot, 0)
            if factor:
                for column, value in self._rows[pivot].items():
                    if column != pivot:
                        new = (rest.get(column, 0) - factor * value) % _P
                        if new:
                            rest[column] = new
                        else:
                            rest.pop(column, None)
        return rest

    def add(self, vector: frozenset[int]) -> None:
        rest = self._reduce(vector)
        if rest:
            pivot = min(rest)
            inverse = pow(rest[pivot], _P - 2, _P)
            self._rows[pivot] = {c: v * inverse % _P for c, v in rest.items()}

    def __contains__(self, vector: frozenset[int]) -> bool:
        return not self._reduce(vector)
