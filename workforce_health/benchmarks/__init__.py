"""Benchmarks: DfE children's social work workforce statistics, imported and compared.

Pure Python + polars; the modules imported here have no Django imports. The package is also
the Django app ``benchmarks`` (apps.py, models, services, selectors, views), whose own files
are the only ones that import Django; ``selectors.py`` documents the dashboard's two selectors.

Importing
    Users import the files they download from the DfE (workforce-measures.md §8.5 step 9); the
    2025-release indicators file is also shipped here, compressed (``data/``, with its provenance
    and licence in ``data/README.md``; :mod:`.packaged`). :func:`read_published` reads
    any of four layouts, recognised from the header row by :func:`detect_layout`:

    ==========================  =====================================  ==========  ============
    Layout                      File                                   Years       Release
    ==========================  =====================================  ==========  ============
    ``INDICATORS_2017_2025``    csww_indicators_2017_to_2025.csv       2017-2025   "2025 release"
    ``HEADLINE_2017_2022``      csww_headline_measures_2017_to_2022    2017-2022   "2022 release"
    ``SFR07_2015``              SFR07_2016_UD.csv                      2015        "SFR 07/2016"
    ``SFR08_2016``              SFR08_2017_UD.csv                      2016        "SFR 08/2017"
    ==========================  =====================================  ==========  ============

    The result is a tidy frame (:data:`~.published.TIDY_COLUMNS`): one row per area, year and
    measure, with ``value`` (float, null for a symbol), ``symbol`` (``x z c low u :`` in EES
    files, ``x .. . -`` in SFR files; §8.4) and provenance (release, file name, SHA-256, row).
    Measures carry the DfE's 2025 variable names (:data:`~.measures.MEASURES`); the headline
    file's ``_%`` columns and the SFR ``A1_/B1_/…`` columns are mapped onto them in
    :mod:`.layouts` (§8.2, §8.3). Any cell that is neither a number nor a known symbol raises
    :class:`PublishedFileError` listing row, column and text; nothing partial is returned.

Codes
    Codes stay strings. Joint returns keep their joint code (``"940 / 941"``, ``"314 / 318"``);
    :func:`la_code_matches` lets either partner's code find the joint row. Regions are matched
    on ONS code, never name (SFR says "East", EES "East of England"). In EES files London
    boroughs sit in Inner or Outer London (``E13…``); in SFR files, in London (``E12000007``).

Comparing
    :func:`comparison` and :func:`trend` compare a council with its region (taken from the
    frame), England and comparator councils (statistical neighbours), one release at a time:
    a frame holding two releases raises :class:`MixedReleasesError` (§7.3). Comparator mean and
    median are unweighted over published values; symbol cells are excluded and listed.

Caveats
    The SFR 2016 ``Average_caseload`` (mapped to ``caseload_fte``) used an earlier method and
    must not be trended against 2017 onwards (§5.5). SFR national figures are rounded to the
    nearest 10, and SFR 2015 rates to whole numbers (§7). The headline file shows joint returns
    as two rows, the partner as ``z`` (§8.2).

Shipped data
    :func:`packaged_release` reads the shipped 2025-release indicators (England, regions and
    councils, 2017-2025), checked against its recorded SHA-256. Display :data:`OGL_ATTRIBUTION`
    with any DfE figure.
"""

from .compare import comparison, single_release, trend
from .errors import CellProblem, MixedReleasesError, PublishedFileError
from .layouts import Layout, detect_layout
from .measures import MEASURES, OGL_ATTRIBUTION, SYMBOLS
from .packaged import packaged_release
from .published import PublishedRelease, la_code_matches, read_published

__all__ = [
    "MEASURES",
    "OGL_ATTRIBUTION",
    "SYMBOLS",
    "CellProblem",
    "Layout",
    "MixedReleasesError",
    "PublishedFileError",
    "PublishedRelease",
    "comparison",
    "detect_layout",
    "la_code_matches",
    "packaged_release",
    "read_published",
    "single_release",
    "trend",
]
