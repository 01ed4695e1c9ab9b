"""Run Social Finance's liiatools CSWW cleaning on census files; print one JSON line of totals.

Not a benchmark of its own (``make bench`` runs only ``bench_*.py``): ``bench_census_national``
runs it with the interpreter of a separate virtual environment holding liiatools
(``LIIATOOLS_PYTHON``, see docs/performance.md), never the project's ``.venv``.

Usage: ``python liiatools_csww_clean.py OUTPUT_DIR FILE...`` where each file name starts with
its census year (``2023_...xml``). Each file goes through the steps of liiatools'
``csww_main_functions.cleanfile`` (liiatools 0.2.0) in the same order: parse, strip text, add
context, add schema, clean, validate, log errors, save the error log, collect records, build the
worker and council tables, add year and LA, degrade dates of birth and hash SWE numbers, write
both CSV files. Two departures, both forced: liiatools 0.2.0 ships one CSWW schema (2022), so
every file is checked against it whatever its year (``cleanfile`` would look for a schema for
the file's own year and fail); and the data-retention check on the year is skipped.
"""
# mypy: ignore-errors

import json
import sys
import time
from pathlib import Path

from liiatools.datasets.social_work_workforce.lds_csww_clean import (
    cleaner,
    csww_record,
    file_creator,
    filters,
    logger,
)
from liiatools.datasets.social_work_workforce.lds_csww_clean import (
    validator as clean_validator,
)
from liiatools.datasets.social_work_workforce.lds_csww_clean.parse import dom_parse
from liiatools.datasets.social_work_workforce.lds_csww_clean.schema import FilePath, Schema

SCHEMA_YEAR = 2022  # the only CSWW schema liiatools 0.2.0 ships
LA_NAME = "Benchmark council"


def clean_one(path: Path, output: Path, schema: object, schema_path: Path) -> int:
    """Clean one file as ``cleanfile`` does; the number of worker rows written."""
    year = path.name[:4]
    stream = dom_parse(str(path))
    stream = filters.strip_text(stream)
    stream = filters.add_context(stream)
    stream = filters.add_schema(stream, schema=schema)
    stream = filters.add_schema_dict(stream, schema_path=schema_path)
    stream = cleaner.clean(stream)
    stream = clean_validator.validate_elements(stream)
    stream = logger.log_errors(stream)
    stream = logger.save_errors_la(stream, la_log_dir=str(output), filename=path.stem)
    stream = csww_record.message_collector(stream)
    data_worker, data_lalevel = csww_record.export_table(stream)
    data_worker = file_creator.add_fields(year, data_worker, LA_NAME)
    data_worker = file_creator.degrade_data(data_worker)
    file_creator.export_file(str(path), str(output), data_worker, "worker")
    data_lalevel = file_creator.add_fields(year, data_lalevel, LA_NAME)
    file_creator.export_file(str(path), str(output), data_lalevel, "lalevel")
    return len(data_worker)


def main() -> None:
    output, files = Path(sys.argv[1]), [Path(p) for p in sys.argv[2:]]
    output.mkdir(parents=True, exist_ok=True)
    schema = Schema(SCHEMA_YEAR).schema  # loaded once, outside the timing, like Django setup
    schema_path = FilePath(SCHEMA_YEAR).path
    rows = 0
    seconds = []
    for path in files:
        began = time.perf_counter()
        rows += clean_one(path, output, schema, schema_path)
        seconds.append(time.perf_counter() - began)
    print(json.dumps({"files": len(files), "rows": rows, "seconds": seconds}))


if __name__ == "__main__":
    main()
