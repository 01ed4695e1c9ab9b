"""Benchmark: loading the demo council with and without rendering its published reports' files.

Run with `make bench` (or `python bench/bench_demo_load.py [--runs N]`). Loads the demo council
into a throwaway SQLite database, RUNS times each way, alternating (with the files as
`workforce-health demo` loads it, then without them as the tests that never download a report
load it: `demo_load(report_files=False)`), deleting it after each load, and prints the median
wall-clock and CPU seconds of this process and the ratio, so the machine's load falls on both.
"""

import argparse
import functools
import statistics
import tempfile
from pathlib import Path

from bench_careers import machine, setup_django, timed

RUNS = 3


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=RUNS)
    runs = parser.parse_args().runs
    with tempfile.TemporaryDirectory() as var_dir:
        setup_django(Path(var_dir))
        from workforce_health.demo.loader import demo_load, demo_reset

        samples: dict[bool, list[tuple[float, float]]] = {True: [], False: []}
        for _ in range(runs):
            for report_files in (True, False):
                load = functools.partial(demo_load, report_files=report_files)
                samples[report_files].append(timed(load))
                demo_reset()
    print(f"Machine: {machine()}; median of {runs} loads each way, alternating")
    for report_files, label in ((True, "with the report files"), (False, "without them")):
        wall = statistics.median(w for w, _ in samples[report_files]) / 1000
        cpu = statistics.median(c for _, c in samples[report_files]) / 1000
        print(f"  demo load {label:<22} {wall:6.1f} s wall {cpu:6.1f} s CPU")
    ratios = [a[1] / b[1] for a, b in zip(samples[True], samples[False], strict=True)]
    print(f"  CPU ratio with/without, pair by pair: {', '.join(f'{r:.2f}' for r in ratios)}")


if __name__ == "__main__":
    main()
