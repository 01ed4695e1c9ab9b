"""The DfE file shipped with the package is the DfE's file, and reads like any imported one."""

from __future__ import annotations

import gzip
from collections.abc import Callable
from pathlib import Path

import polars as pl
import pytest

from workforce_health.benchmarks import OGL_ATTRIBUTION, Layout, packaged, packaged_release
from workforce_health.benchmarks.errors import PublishedFileError

from .synthetic import INDICATORS


def test_the_shipped_release_has_england_every_region_and_every_council() -> None:
    release = packaged_release()
    assert release.layout is Layout.INDICATORS_2017_2025 and release.release == "2025 release"
    assert release.sha256 == packaged.PACKAGED_SHA256 and release.attribution == OGL_ATTRIBUTION
    assert release.years == list(range(2017, 2026)) and release.rows == 1463
    latest = release.frame.filter(pl.col("time_period") == 2025, pl.col("measure") == "inpost_fte")
    levels = latest["geographic_level"].value_counts().sort("geographic_level").rows()
    assert levels == [("Local authority", 151), ("National", 1), ("Regional", 11)]
    wolverhampton = latest.filter(pl.col("old_la_code") == "336")
    assert wolverhampton["region_name"].to_list() == ["West Midlands"]


def test_the_shipped_copy_is_the_downloaded_file(dfe_file: Callable[[str], Path]) -> None:
    assert packaged.packaged_bytes() == dfe_file(INDICATORS).read_bytes()


def test_a_changed_copy_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    data = packaged.packaged_bytes().replace(b"36186.3", b"36186.4", 1)
    (tmp_path / f"{packaged.PACKAGED_FILE}.gz").write_bytes(gzip.compress(data))
    monkeypatch.setattr(packaged, "DATA_DIR", tmp_path)
    with pytest.raises(PublishedFileError, match="the shipped copy is not the DfE's file"):
        packaged.packaged_bytes()
