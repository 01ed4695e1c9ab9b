"""Linear span of sparse vectors, to test whether a hidden cell is determined by shown ones.

Vectors are sets of microcell indices (0/1 vectors) or mappings index -> integer weight.
Arithmetic is modulo the Mersenne prime 2**61 - 1, which agrees with rational arithmetic for
these small integer systems unless the prime divides a minor (vanishingly unlikely); the tests
check the result independently with Fractions.
"""

from collections.abc import Iterable, Mapping, Sequence
from typing import Final

_P: Final = 2**61 - 1

Vector = frozenset[int] | Mapping[int, int]


def _as_dict(vector: Vector) -> dict[int, int]:
    if isinstance(vector, frozenset):
        return dict.fromkeys(vector, 1)
    return {c: v % _P for c, v in vector.items() if v % _P}


class Span:
    """Row-echelon basis; each row's pivot is its smallest column, normalised to 1."""

    def __init__(self, vectors: Iterable[Vector] = ()) -> None:
        self._rows: dict[int, dict[int, int]] = {}
        for vector in vectors:
            self.add(vector)

    def reduce(self, vector: Vector) -> dict[int, int]:
        """What is left of `vector` after subtracting the basis: empty iff it is in the span.

        A linear map: the residual of a combination is the combination of the residuals."""
        rest = _as_dict(vector)
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

    def add(self, vector: Vector) -> None:
        rest = self.reduce(vector)
        if rest:
            pivot = min(rest)
            inverse = pow(rest[pivot], _P - 2, _P)
            self._rows[pivot] = {c: v * inverse % _P for c, v in rest.items()}

    def __contains__(self, vector: Vector) -> bool:
        return not self.reduce(vector)


def dependencies(vectors: Sequence[Mapping[int, int]]) -> list[dict[int, int]]:
    """A basis of the combinations {position: coefficient} under which `vectors` sum to zero."""
    rows: dict[int, tuple[dict[int, int], dict[int, int]]] = {}  # pivot -> (row, combination)
    found: list[dict[int, int]] = []
    for position, vector in enumerate(vectors):
        rest, combination = _as_dict(vector), {position: 1}
        for pivot in sorted(rows):
            factor = rest.pop(pivot, 0)
            if not factor:
                continue
            row, made_of = rows[pivot]
            for target, source in ((rest, row), (combination, made_of)):
                for column, value in source.items():
                    if target is rest and column == pivot:
                        continue
                    new = (target.get(column, 0) - factor * value) % _P
                    if new:
                        target[column] = new
                    else:
                        target.pop(column, None)
        if not rest:
            found.append(combination)
            continue
        pivot = min(rest)
        inverse = pow(rest[pivot], _P - 2, _P)
        rows[pivot] = (
            {c: v * inverse % _P for c, v in rest.items()},
            {c: v * inverse % _P for c, v in combination.items()},
        )
    return found


def combine(coefficients: Mapping[int, int], vectors: Sequence[Vector]) -> dict[int, int]:
    """The vector sum of coefficient x vector (positions index `vectors`)."""
    total: dict[int, int] = {}
    for position, factor in coefficients.items():
        for column, value in _as_dict(vectors[position]).items():
            total[column] = (total.get(column, 0) + factor * value) % _P
    return {c: v for c, v in total.items() if v}
