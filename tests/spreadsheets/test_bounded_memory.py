"""Imports keep memory bounded (issue 11, finding 6): a small XLSX whose shared strings inflate
to 512 MB, and a 200,000-row survey CSV, each read by the real importers in a fresh process
whose peak memory is measured (ru_maxrss), against a ceiling far below what reading them whole
took (1.29 GB and 1.9 GB)."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.spreadsheets.builders import shared_strings_bomb, xlsx
from workforce_health.census import hr_extract

ROOT = Path(__file__).resolve().parents[2]
CEILING_MB = 64  # growth of the peak resident memory while importing
MEASURE = """
import json, resource, sys
import django
django.setup()
from workforce_health.census import hr_extract
from workforce_health.surveys import questionnaire
from workforce_health.results import imports

def peak():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024  # MB (KB on Linux)

name, definition = next(
    d for d in questionnaire.builtin_definitions() if d[0] == "social-work-health-check.toml"
)
parsed = questionnaire.parse(definition, source=name)
path, importer = sys.argv[1], sys.argv[2]
data = open(path, "rb").read()
before = peak()
if importer == "hr":
    rows, errors = hr_extract.read_rows(path, data)
else:
    rows, errors = imports.read_responses(parsed, path, data)
print(json.dumps({"grown": peak() - before, "rows": len(rows), "errors": list(errors)[:3]}))
"""


def _import_in_a_fresh_process(path: Path, importer: str) -> dict:
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    run = subprocess.run(
        [sys.executable, "-c", MEASURE, str(path), importer],
        cwd=ROOT,
        env=env | {"DJANGO_SETTINGS_MODULE": "config.settings.test"},
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert run.returncode == 0, run.stderr[-3000:]
    return json.loads(run.stdout.strip().splitlines()[-1])


@pytest.fixture(scope="module")
def bomb(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("bomb") / "bomb.xlsx"
    path.write_bytes(shared_strings_bomb(xlsx([list(hr_extract.COLUMNS)]), megabytes=512))
    assert path.stat().st_size < 1024 * 1024
    return path


@pytest.mark.parametrize("importer", ["hr", "survey"])
def test_a_zip_bomb_is_refused_in_bounded_memory(bomb, importer):
    seen = _import_in_a_fresh_process(bomb, importer)
    assert seen["rows"] == 0
    assert seen["errors"][0].startswith("The workbook would expand to 512 MB when opened")
    assert seen["grown"] < CEILING_MB, seen


def test_a_200000_row_survey_csv_is_refused_in_bounded_memory(tmp_path):
    path = tmp_path / "responses.csv"
    with path.open("w") as out:
        out.write("service,team,sw_clear_vision,sw_enough_staff\n")
        for n in range(200_000):
            out.write(f"Children's Services,Team {n % 40},Agree,{n % 5 + 1}\n")
    seen = _import_in_a_fresh_process(path, "survey")
    assert seen["errors"] == [
        "The file has more than 20,000 rows; at most 20,000 can be imported at once. Split it "
        "into smaller files, or check it is the right file."
    ]
    assert seen["grown"] < CEILING_MB, seen
