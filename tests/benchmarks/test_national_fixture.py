"""The attributed England fixture equals the national rows of the real 2025-release file."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import polars as pl

from workforce_health.benchmarks import Layout, england_national, read_published
from workforce_health.benchmarks.national_fixture import ATTRIBUTION, FIXTURE_MEASURES

from .synthetic import INDICATORS


def test_fixture_shape_and_attribution() -> None:
    fixture = england_national()
    assert (
        fixture.attribution
        == ATTRIBUTION
        == (
            "Contains public sector information licensed under the Open Government Licence v3.0. "
            "Source: Department for Education, Children's social work workforce."
        )
    )
    assert fixture.layout is Layout.INDICATORS_2017_2025 and fixture.release == "2025 release"
    assert fixture.years == list(range(2017, 2026))
    assert fixture.frame.height == 9 * len(FIXTURE_MEASURES)
    assert fixture.frame["symbol"].null_count() == fixture.frame.height


def test_fixture_equals_national_rows_of_the_real_file(dfe_file: Callable[[str], Path]) -> None:
    real = read_published(dfe_file(INDICATORS), filename=INDICATORS)
    fixture = england_national()
    assert real.sha256 == fixture.sha256
    national = real.frame.filter(
        pl.col("geographic_level") == "National", pl.col("measure").is_in(FIXTURE_MEASURES)
    )
    order = ["time_period", "measure"]
    assert national.schema == fixture.frame.schema
    assert national.sort(order).equals(fixture.frame.sort(order))
