"""Group codes: `compress` numbers the distinct rows of code columns in sorted order."""

import numpy as np
import pytest

from workforce_health.surveys.analysis._codes import compress, sort_key, sort_order


@pytest.mark.parametrize("seed", range(20))
def test_compress_numbers_distinct_rows_in_sorted_order(seed: int) -> None:
    rng = np.random.default_rng(seed)
    rows = int(rng.integers(0, 400))
    sizes = [int(s) for s in rng.choice([1, 2, 3, 8, 250, 12_500, 10**6], size=rng.integers(0, 5))]
    columns = [rng.integers(0, size, rows) for size in sizes]
    of_row, groups = compress(columns, sizes, rows)
    if not columns:
        assert groups.shape == ((1 if rows else 0), 0) and not of_row.any()
        return
    expected = np.unique(np.stack(columns, axis=1), axis=0)
    assert np.array_equal(groups, expected)  # every distinct row once, sorted
    assert np.array_equal(groups[of_row], np.stack(columns, axis=1))  # each row's own group


def test_sort_key_sorts_as_the_keys_do_even_when_they_do_not_fit_one_integer() -> None:
    rng = np.random.default_rng(1)
    keys = [rng.integers(0, 10**7, 300) for _ in range(4)]  # 10**28 combinations
    order = sort_order(keys)
    assert np.array_equal(order, np.lexsort(tuple(reversed(keys))))
    assert np.array_equal(np.argsort(sort_key(keys, [10**7] * 4), kind="stable"), order)
