"""Fixtures for the benchmark tests: the real DfE files (skipped when absent) and synthetic CSVs.

The real files are never copied into this repository. Set ``WORKFORCE_HEALTH_DFE_DATA`` to the
folder holding them; the default is ``../shared/data/dfe-csww`` relative to the repo root.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[3]


def data_dir() -> Path:
    path = Path(os.environ.get("WORKFORCE_HEALTH_DFE_DATA", "../shared/data/dfe-csww"))
    return path if path.is_absolute() else REPO_ROOT / path


@pytest.fixture
def dfe_file() -> Callable[[str], Path]:
    """Path to a real DfE file, or skip the test if it is not there."""

    def find(name: str) -> Path:
        path = data_dir() / name
        if not path.is_file():
            pytest.skip(f"DfE reference file {name} not found in {data_dir()}")
        return path

    return find
