"""England's headline national series, 2017-2025, for demos when no DfE file has been imported.

The national rows only, copied from the DfE 2025-release indicators file
(``csww_indicators_2017_to_2025.csv``; workforce-measures.md §7.1-7.2). The figures are DfE's;
show :data:`~.measures.OGL_ATTRIBUTION` wherever they are displayed.
"""

from __future__ import annotations

from typing import Final

import polars as pl

from .layouts import Layout
from .measures import ENGLAND_CODE, NATIONAL, OGL_ATTRIBUTION
from .published import TIDY_COLUMNS, TIDY_SCHEMA, PublishedRelease

SOURCE_FILE: Final = "csww_indicators_2017_to_2025.csv"
SOURCE_SHA256: Final = "9e058bac193cc5b03f0d21ebe4259c8935d236dbf59f09d90b3e0916bfbca95f"
RELEASE: Final = "2025 release"
ATTRIBUTION: Final = OGL_ATTRIBUTION

FIXTURE_MEASURES: Final = (
    "inpost_fte",
    "turnover_rate_fte",
    "vacancy_rate_fte",
    "agency_rate_fte",
    "caseload_fte",
    "absence_rate_fte",
)

# (reporting year, row in the source file, *values in FIXTURE_MEASURES order)
ENGLAND_SERIES: Final[tuple[tuple[int, int, float, float, float, float, float, float], ...]] = (
    (2017, 1302, 28482.6, 13.4, 17.0, 15.8, 17.7, 3.1),
    (2018, 1139, 29464.9, 15.1, 16.5, 15.4, 17.4, 3.2),
    (2019, 977, 30683.8, 15.0, 16.4, 15.8, 16.9, 3.1),
    (2020, 815, 31852.3, 13.5, 16.1, 15.4, 16.3, 2.9),
    (2021, 653, 32502.0, 15.4, 16.7, 15.5, 16.3, 3.1),
    (2022, 491, 31634.1, 17.2, 20.0, 17.6, 16.6, 3.5),
    (2023, 328, 33119.1, 15.9, 18.9, 17.9, 16.0, 3.3),
    (2024, 165, 34328.2, 13.9, 17.3, 16.2, 15.4, 3.4),
    (2025, 2, 36186.3, 11.8, 14.2, 13.0, 15.2, 3.5),
)


def england_national() -> PublishedRelease:
    """The fixture as a :class:`PublishedRelease` in the same tidy shape as an imported file."""
    rows = [
        {
            "time_period": year,
            "geographic_level": NATIONAL,
            "area_code": ENGLAND_CODE,
            "old_la_code": None,
            "area_name": "England",
            "region_code": None,
            "region_name": None,
            "measure": measure,
            "value": value,
            "symbol": None,
            "release": RELEASE,
            "source_file": SOURCE_FILE,
            "source_sha256": SOURCE_SHA256,
            "source_row": source_row,
        }
        for year, source_row, *values in ENGLAND_SERIES
        for measure, value in zip(FIXTURE_MEASURES, values, strict=True)
    ]
    frame = pl.DataFrame(rows, schema=TIDY_SCHEMA).select(TIDY_COLUMNS)
    return PublishedRelease(
        frame=frame,
        layout=Layout.INDICATORS_2017_2025,
        source_file=SOURCE_FILE,
        release=RELEASE,
        sha256=SOURCE_SHA256,
        rows=len(ENGLAND_SERIES),
        attribution=ATTRIBUTION,
    )
