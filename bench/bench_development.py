"""Benchmark: supervision compliance for the demo council's whole history (target: under 1 s).

Run with `make bench` (or `python bench/bench_development.py`). Loads the demo council into a
throwaway SQLite database, then times, as the workforce lead: reading the records into the
measures' input frames; working out every supervision window since the first agreement and
whether it was met; and the compliance tables (the whole history, by team, and by person), the
overdue list and the supervision page's work end to end. The median of 5 runs each, wall-clock
and CPU seconds of this process.
"""

import datetime
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_report import machine, setup_django, timed

REPEATS = 5
TODAY = datetime.date(2026, 1, 14)
TARGET = 1.0  # seconds: read and compute the whole history's compliance


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="bench-development-") as var_dir:
        setup_django(Path(var_dir))
        from workforce_health.core.models import Membership
        from workforce_health.core.scope import Scope
        from workforce_health.demo.loader import demo_load
        from workforce_health.development import frames
        from workforce_health.development.models import SupervisionSession

        print(machine())
        demo = demo_load(today=TODAY)
        lead = Membership.objects.get(organisation=demo.organisation, user__username="lead")
        first = SupervisionSession.objects.order_by("held_on").first()
        assert first is not None
        history = frames.Period(datetime.date(2015, 1, 1), TODAY, TODAY)
        print(
            f"demo: {SupervisionSession.objects.count():,} sessions from "
            f"{first.held_on:%-d %B %Y} to {TODAY:%-d %B %Y}"
        )

        def read() -> frames.SupervisionInputs:
            return frames.supervision_inputs_get(scope=Scope.of(lead))

        inputs = read()

        def windows() -> frames.SupervisionMeasures:
            return frames.supervision_measures(inputs, until=TODAY)

        measures = windows()

        def whole() -> object:
            inputs = read()
            measures = frames.supervision_measures(inputs, until=TODAY)
            return (
                measures.compliance(history),
                measures.compliance(history, ["team"]),
                measures.compliance(history, ["person_id"]),
                frames.supervision_overdue(inputs, as_of=TODAY, measures=measures),
            )

        steps = {
            "read the records into frames": read,
            "every window and whether met": windows,
            "whole history, total": lambda: measures.compliance(history),
            "whole history, by team": lambda: measures.compliance(history, ["team"]),
            "whole history, by person": lambda: measures.compliance(history, ["person_id"]),
            "end to end (read, windows, 3 tables, overdue)": whole,
        }
        print(f"windows: {measures.met.height:,}; agreements: {inputs.agreements.height:,}")
        print(f"{'step':<48}{'wall s':>10}{'CPU s':>10}")
        end_to_end = 0.0
        for name, run in steps.items():
            runs = [timed(run)[:2] for _ in range(REPEATS)]
            wall = statistics.median(r[0] for r in runs)
            cpu = statistics.median(r[1] for r in runs)
            print(f"{name:<48}{wall:>10.3f}{cpu:>10.3f}")
            end_to_end = wall
        verdict = "meets" if end_to_end < TARGET else "MISSES"
        print(f"end to end {end_to_end:.3f} s: {verdict} the {TARGET:.0f} s target")


if __name__ == "__main__":
    main()
