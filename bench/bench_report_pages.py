"""Benchmark: the scrutiny report pages a user waits on, before and after issue 12 item 9.

Run with `make bench` (or `python bench/bench_report_pages.py`). Loads the demo council as
`make run` does (as of today) into a throwaway SQLite database, signs in as the workforce lead
and times, through Django's test client, the median of 3 requests of:

- each draft's preview page: "before" with the code the preview had until then (a council's
  name lookup built again for every comment redacted; the theme dictionary read, and its
  matcher's word lookups started afresh, on every page; every value of the census frames
  converted one by one), "after" as it is now;
- each published version's PDF, HTML and XLSX download: "before" rendered from the version's
  document at every request, "after" the files stored as it was published.

Before and after alternate in one run, so the machine's load falls on both alike: compare
the ratios (docs/performance.md). Wall-clock and CPU seconds of this process are given.
"""

import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from decimal import Decimal
from pathlib import Path
from typing import Any

REPEATS = 3


def setup_django(var_dir: Path) -> None:
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings.test"
    os.environ["WORKFORCE_HEALTH_VAR_DIR"] = str(var_dir)
    os.environ.pop("DATABASE_URL", None)  # never the developer's own database
    os.environ.setdefault("LOG_LEVEL", "WARNING")
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)


def machine() -> str:
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        "unknown CPU",
    )
    memory = next(
        (
            int(line.split()[1]) / 1024**2
            for line in Path("/proc/meminfo").read_text().splitlines()
            if line.startswith("MemTotal")
        ),
        0.0,
    )
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    return f"{cpu}, {os.cpu_count()} cores, {memory:.0f} GiB, load average {load}"


def _frame_before(queryset: Any, fields: Any) -> Any:
    """staffing.selectors._frame as it was: every value through a conversion call."""
    import polars as pl

    def plain(value: object, dtype: Any) -> object:
        if isinstance(value, Decimal):
            return float(value)
        if dtype == pl.String and isinstance(value, int):
            return str(value)
        return value

    columns = list(zip(*queryset.values_list(*fields), strict=True)) or [()] * len(fields)
    return pl.DataFrame(
        [
            pl.Series(name, [plain(v, dtype) for v in values], dtype=dtype)
            for (name, dtype), values in zip(fields.values(), columns, strict=True)
        ]
    )


@contextmanager
def preview_before() -> Iterator[None]:
    from workforce_health.staffing import selectors
    from workforce_health.surveys.comments import redaction
    from workforce_health.surveys.comments import selectors as comments

    cached, frame, dictionary = redaction._known, selectors._frame, comments._dictionary
    redaction._known = cached.__wrapped__  # type: ignore[assignment]  # the uncached builder
    comments._dictionary = dictionary.__wrapped__  # type: ignore[assignment]
    selectors._frame = _frame_before
    try:
        yield
    finally:
        redaction._known, selectors._frame, comments._dictionary = cached, frame, dictionary


@contextmanager
def download_before() -> Iterator[None]:
    from workforce_health.reports import selectors

    stored = selectors.report_version_file
    selectors.report_version_file = lambda **kwargs: None
    try:
        yield
    finally:
        selectors.report_version_file = stored


@contextmanager
def as_now() -> Iterator[None]:
    yield


def timed(run: Callable[[], Any]) -> tuple[float, float]:
    wall, cpu = time.perf_counter(), time.process_time()
    run()
    return time.perf_counter() - wall, time.process_time() - cpu


def compare(label: str, get: Callable[[], Any], before: Callable[[], Any]) -> tuple[float, float]:
    """Median wall and CPU seconds before and after, alternating; prints one line."""
    runs: dict[str, list[tuple[float, float]]] = {"before": [], "after": []}
    get()  # warm: templates, imports
    for _ in range(REPEATS):
        for name, context in (("before", before), ("after", as_now)):
            with context():
                runs[name].append(timed(get))
    medians = {
        name: (statistics.median(w for w, _ in r), statistics.median(c for _, c in r))
        for name, r in runs.items()
    }
    (bw, bc), (aw, ac) = medians["before"], medians["after"]
    print(
        f"{label:<44}{bw:>8.2f} ({bc:>5.2f}){aw:>8.2f} ({ac:>5.2f}){bw / aw:>8.1f}x{bc / ac:>7.1f}x"
    )
    return medians["after"]


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="bench-report-pages-") as var_dir:
        setup_django(Path(var_dir))
        from django.contrib.auth.models import User
        from django.test import Client
        from django.urls import reverse
        from django.utils import timezone

        from workforce_health.demo.loader import demo_load
        from workforce_health.reports.models import Report, ReportVersion

        print(machine())
        started = time.perf_counter()
        demo_load()
        today = timezone.localdate()
        print(f"demo loaded as of {today} in {time.perf_counter() - started:.0f} s")
        client = Client(HTTP_HOST="127.0.0.1")
        client.force_login(User.objects.get(username="lead"))

        def get(url: str) -> Callable[[], Any]:
            def run() -> None:
                response = client.get(url)
                assert response.status_code == 200, (url, response.status_code)

            return run

        print(f"{'median of 3: wall s (CPU s)':<44}{'before':>16}{'after':>16}{'ratio':>16}")
        slowest_preview = 0.0
        for report in Report.objects.order_by("pk"):
            covers = ", ".join(s.name for s in report.services.all()) or "whole council"
            label = f"preview, {covers}, {report.meeting_date:%d %b %Y}"
            url = reverse("report-preview", args=[report.pk])
            wall, _ = compare(label, get(url), preview_before)
            slowest_preview = max(slowest_preview, wall)
        for version in ReportVersion.objects.select_related("report").order_by("pk"):
            covers = ", ".join(s.name for s in version.report.services.all()) or "whole council"
            for file_format in ("pdf", "html", "xlsx"):
                url = reverse("report-version-download", args=[version.pk, file_format])
                compare(f"published {file_format.upper()}, {covers}", get(url), download_before)
        verdict = "meets" if slowest_preview < 2 else "misses"
        print(f"slowest draft preview {slowest_preview:.2f} s: {verdict} the 2 s target")
        print(machine())


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    main()
