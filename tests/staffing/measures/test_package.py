"""The engine stays pure (no Django) and copes with national-scale inputs."""

from __future__ import annotations

import ast
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import polars as pl

import workforce_health.staffing.measures as measures_pkg
from workforce_health.staffing.measures import (
    MEASURES,
    compute_measures,
    stability,
)

PACKAGE = Path(measures_pkg.__file__).parent


def test_no_module_imports_django() -> None:
    for path in PACKAGE.glob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names: list[str] = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom):
                names = [node.module or ""]
            assert not any(n.split(".")[0] == "django" for n in names), path.name


def test_importing_the_engine_does_not_load_django() -> None:
    code = (
        "import sys, workforce_health.staffing.measures; "
        "sys.exit(any(m == 'django' or m.startswith('django.') for m in sys.modules))"
    )
    argv = [sys.executable, "-c", code]  # a fixed command: no untrusted input
    result = subprocess.run(argv, check=False, cwd=PACKAGE.parents[2])
    assert result.returncode == 0


def national(rows: int) -> pl.DataFrame:
    """``rows`` synthetic spells over 150 councils, built with vectorised expressions."""
    i = pl.int_range(0, rows, eager=True)
    start = pl.lit(date(2000, 1, 1)) + pl.duration(days=(pl.col("i") * 7919) % 9400)
    return pl.DataFrame({"i": i}).select(
        spell_id=pl.col("i").cast(pl.String),
        organisation=(pl.col("i") % 150).cast(pl.String),
        team=(pl.col("i") % 11).cast(pl.String),
        worker_key=(pl.col("i") // 2).cast(pl.String),
        agency=(pl.col("i") % 9) == 0,
        fte=pl.when(pl.col("i") % 97 == 0).then(None).otherwise(0.5 + (pl.col("i") % 2) * 0.5),
        start_date=start,
        end_date=pl.when(pl.col("i") % 3 == 0).then(start + timedelta(days=400)),
        date_of_birth=pl.lit(date(1960, 1, 1)) + pl.duration(days=(pl.col("i") * 31) % 14000),
        census_role=((pl.col("i") % 6) + 1).cast(pl.String),
    )


def test_national_scale_shape() -> None:
    frame = national(300_000)
    out = compute_measures(frame, period=2025, by=["organisation", "team"])
    assert out.height == 150 * 11
    assert set(MEASURES) <= set(out.columns)
    assert out["inpost_headcount"].sum() > 0
    assert stability(frame, period=2025, by=["organisation"]).height == 150
