"""Fixtures for the benchmark tests: the real DfE files (skipped when absent) and synthetic CSVs.

Of the real files, only the 2025-release indicators file is shipped in the package
(``benchmarks/data``): it is always there. For the others, set ``WORKFORCE_HEALTH_DFE_DATA`` to
the folder holding them; the default is ``../shared/data/dfe-csww`` relative to the repo root.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

from workforce_health.benchmarks.packaged import PACKAGED_FILE, packaged_bytes

REPO_ROOT = Path(__file__).resolve().parents[3]


def data_dir() -> Path:
    path = Path(os.environ.get("WORKFORCE_HEALTH_DFE_DATA", "../shared/data/dfe-csww"))
    return path if path.is_absolute() else REPO_ROOT / path


@pytest.fixture
def dfe_file(tmp_path: Path) -> Callable[[str], Path]:
    """Path to a real DfE file (the shipped one if the folder lacks it), or skip the test."""

    def find(name: str) -> Path:
        path = data_dir() / name
        if not path.is_file() and name == PACKAGED_FILE:
            path = tmp_path / name
            path.write_bytes(packaged_bytes())
        if not path.is_file():
            pytest.skip(f"DfE reference file {name} not found in {data_dir()}")
        return path

    return find
