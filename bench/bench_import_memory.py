"""Benchmark: peak memory and CPU time of reading imports at their caps (docs/performance.md).

Each file is read by the real reader (``hr_extract.read_rows``, ``imports.read_responses``) in a
fresh process, which reports how much its peak resident memory grew (ru_maxrss) and how long
reading took in CPU seconds (the machines here are shared: wall time varies with their load).
Files: an HR extract and a survey responses file at their row caps (CSV and XLSX),
a 200,000-row survey CSV (over the cap) and a ~1 MB workbook whose shared strings inflate to
1 GB. Nothing is written to a database. Run: `.venv/bin/python bench/bench_import_memory.py`.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from openpyxl import Workbook

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")

MEASURE = """
import json, resource, sys
import django
django.setup()
from workforce_health.census import hr_extract
from workforce_health.surveys import questionnaire
from workforce_health.results import imports

name, definition = next(
    d for d in questionnaire.builtin_definitions() if d[0] == "social-work-health-check.toml"
)
parsed = questionnaire.parse(definition, source=name)
path, importer = sys.argv[1], sys.argv[2]
data = open(path, "rb").read()
def cpu():
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime

before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
started = cpu()
if importer == "hr":
    rows, errors = hr_extract.read_rows(path, data)
else:
    rows, errors = imports.read_responses(parsed, path, data)
seconds = cpu() - started
grown = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024
print(json.dumps({"grown_mb": round(grown), "seconds": round(seconds, 1), "rows": len(rows),
                  "errors": len(errors), "first_error": (list(errors) or [""])[0][:70]}))
"""


def _hr_rows(count: int) -> list[list[str]]:
    import django

    django.setup()
    from workforce_health.census import hr_extract

    rows = []
    for n in range(count):
        row = dict(hr_extract.EXAMPLE)
        row |= {
            "employee_number": f"E{n:06d}",
            "swe_number": f"SW{n:06d}",
            "email": f"p{n}@example.org",
            "team": f"Team {n % 40}",
        }
        rows.append([row[c] for c in hr_extract.COLUMNS])
    return [list(hr_extract.COLUMNS), *rows]


def _survey_rows(count: int) -> list[list[str]]:
    import django

    django.setup()
    from workforce_health.surveys import questionnaire

    name, definition = next(
        d for d in questionnaire.builtin_definitions() if d[0] == "social-work-health-check.toml"
    )
    parsed = questionnaire.parse(definition, source=name)
    header = ["service", "team", "role_group", *(item.code for item in parsed.items())]
    answers = {"agree": "Agree", "scale_0_10": "8", "number": "37", "text": "x" * 300}
    rows = []
    for n in range(count):
        values = ["Children's Services", f"Team {n % 40}", "Social worker"]
        for item in parsed.items():
            value = item.options[0].label if item.type == "choice" else answers[item.type]
            values.append(value)
        rows.append(values)
    return [header, *rows]


def _write(path: Path, rows: list[list[str]]) -> Path:
    if path.suffix == ".csv":
        import csv

        with path.open("w", newline="") as out:
            csv.writer(out).writerows(rows)
    else:
        book = Workbook(write_only=True)
        sheet = book.create_sheet()
        for row in rows:
            sheet.append(row)
        book.save(path)
    return path


def _measure(path: Path, importer: str) -> dict:
    run = subprocess.run(  # noqa: S603 - our own interpreter and script
        [sys.executable, "-c", MEASURE, str(path), importer],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(run.stdout.strip().splitlines()[-1])


def main() -> None:
    from tests.spreadsheets.builders import shared_strings_bomb, xlsx

    with tempfile.TemporaryDirectory() as folder:
        here = Path(folder)
        hr, survey = _hr_rows(50_000), _survey_rows(20_000)
        cases = [
            (_write(here / "hr-50000.csv", hr), "hr"),
            (_write(here / "hr-50000.xlsx", hr), "hr"),
            (_write(here / "survey-20000.csv", survey), "survey"),
            (_write(here / "survey-20000.xlsx", survey), "survey"),
        ]
        over = here / "survey-200000.csv"
        with over.open("w") as out:
            out.write("service,team,sw_clear_vision,sw_enough_staff\n")
            for n in range(200_000):
                out.write(f"Children's Services,Team {n % 40},Agree,{n % 5 + 1}\n")
        cases.append((over, "survey"))
        bomb = here / "bomb-1gb.xlsx"
        bomb.write_bytes(shared_strings_bomb(xlsx([["a"], ["b"]]), megabytes=1024))
        cases += [(bomb, "hr"), (bomb, "survey")]
        print(
            "| File | Size | Reader | Rows read | Peak memory growth | CPU seconds | First error |"
        )
        print("|---|---:|---|---:|---:|---:|---|")
        for path, importer in cases:
            seen = _measure(path, importer)
            size = f"{path.stat().st_size / 1024 / 1024:.1f} MB"
            print(
                f"| {path.name} | {size} | {importer} | {seen['rows']:,} | {seen['grown_mb']} MB "
                f"| {seen['seconds']} | {seen['first_error']} |"
            )


if __name__ == "__main__":
    main()
