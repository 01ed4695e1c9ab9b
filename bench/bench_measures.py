"""Benchmark: the DfE measures engine at council, regional and national scale.

Run with `make bench`. Prints seconds per run and, the figure to compare between machines,
the cost per 100,000 spells relative to the smallest size in the same run (1.0 = linear).
"""

import statistics
import time
from datetime import date

import polars as pl

from workforce_health.staffing.measures import compute_measures

SIZES = [10_000, 100_000, 1_000_000]
REPEATS = 3


def _draw(row: pl.Expr, seed: int, modulus: int) -> pl.Expr:
    """A deterministic pseudo-random whole number in [0, modulus) per row."""
    return (row.hash(seed) % modulus).cast(pl.Int64)


def synthetic_spells(rows: int) -> pl.DataFrame:
    """Spells over 150 councils x 11 teams, started 2010-2025, about a third ended."""
    row = pl.int_range(0, rows, eager=False)
    start = pl.lit(date(2010, 1, 1)) + pl.duration(days=_draw(row, 1, 365 * 15))
    ended = _draw(row, 2, 100) < 35
    return (
        pl.LazyFrame()
        .select(
            spell_id=row.cast(pl.String),
            organisation=(300 + _draw(row, 3, 150)).cast(pl.String),
            team=_draw(row, 4, 11).cast(pl.String),
            worker_key=_draw(row, 5, rows).cast(pl.String),
            agency=_draw(row, 6, 100) < 15,
            fte=pl.lit(1.0) - _draw(row, 7, 3).cast(pl.Float64) * 0.2,
            start_date=start,
            end_date=pl.when(ended).then(start + pl.duration(days=30 + _draw(row, 8, 2900))),
            census_role=pl.lit("5"),
            reason_leave=pl.when(ended).then(pl.lit("1")),
            leaver_destination=pl.when(ended).then(pl.lit("1")),
        )
        .collect()
    )


def main() -> None:
    print(f"{'spells':>10} {'median s':>10} {'s per 100k':>11} {'ratio':>6}")
    base = None
    for size in SIZES:
        spells = synthetic_spells(size)
        times = []
        for _ in range(REPEATS):
            began = time.perf_counter()
            compute_measures(spells, period=2025, by=["organisation", "team"])
            times.append(time.perf_counter() - began)
        median = statistics.median(times)
        per_100k = median / size * 100_000
        base = base or per_100k
        print(f"{size:>10,} {median:>10.3f} {per_100k:>11.3f} {per_100k / base:>6.2f}")


if __name__ == "__main__":
    main()
