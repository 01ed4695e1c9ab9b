"""Writes for benchmarks: importing published DfE files (the shipped one too), comparators.

Imports are all or nothing (workforce-measures.md §8.5): the pure reader parses the whole file
first and raises :class:`~.errors.PublishedFileError` naming row and column; only then are the
values saved, in one transaction. A file already imported (same SHA-256) changes nothing.
"""

import hashlib
import os
from collections.abc import Sequence
from pathlib import Path
from typing import IO, Final

import polars as pl
from django.contrib.auth.models import User
from django.db import connection, transaction

from workforce_health.benchmarks import published as pure
from workforce_health.benchmarks.models import (
    ComparatorSet,
    PublishedRelease,
    PublishedValue,
    published_council_codes,
)
from workforce_health.benchmarks.packaged import PACKAGED_FILE, packaged_bytes
from workforce_health.benchmarks.published import TIDY_COLUMNS, la_code_matches, read_published
from workforce_health.core.models import Organisation
from workforce_health.core.versioning import version_check

DEMO_FILES: Final = (
    "csww_indicators_2017_to_2025.csv",
    "csww_headline_measures_2017_to_2022.csv",
    "SFR07_2016_UD.csv",
    "SFR08_2017_UD.csv",
)
DEMO_LA_CODE: Final = (
    "990"  # workforce_health/demo/council.py, a West Midlands metropolitan borough
)
# Birmingham, Coventry, Dudley, Sandwell, Solihull, Walsall, Wolverhampton: West Midlands mets.
DEMO_COMPARATORS: Final = ("330", "331", "332", "333", "334", "335", "336")
_BATCH: Final = 2000


def dfe_data_dir() -> Path:
    """Folder of downloaded DfE files for tests and the demo (the package ships only one)."""
    repo = Path(__file__).resolve().parents[2]
    path = Path(os.environ.get("WORKFORCE_HEALTH_DFE_DATA", "../shared/data/dfe-csww"))
    return path if path.is_absolute() else repo / path


def _read_bytes(source: str | Path | bytes | IO[bytes]) -> bytes:
    if isinstance(source, bytes):
        return source
    if isinstance(source, str | Path):
        return Path(source).read_bytes()
    return source.read()


@transaction.atomic
def _save(parsed: pure.PublishedRelease, *, user: User | None) -> PublishedRelease:
    # Databases loaded before the DfE file was shipped hold an England-only fixture taken from
    # it (same SHA-256): the real file replaces it.
    PublishedRelease.objects.filter(sha256=parsed.sha256, is_fixture=True).delete()
    years = parsed.years
    release = PublishedRelease(
        release=parsed.release,
        layout=str(parsed.layout),
        source_file=parsed.source_file,
        sha256=parsed.sha256,
        imported_by=user,
        attribution=parsed.attribution,
        row_count=parsed.rows,
        first_year=years[0],
        last_year=years[-1],
    )
    release.full_clean()
    release.save()
    _insert_values(release, parsed)
    return release


# Each value's own columns: the tidy frame's, less what its release row already holds.
_VALUE_FIELDS: Final = tuple(
    c for c in TIDY_COLUMNS if c not in ("release", "source_file", "source_sha256")
)


def _insert_values(release: PublishedRelease, parsed: pure.PublishedRelease) -> None:
    """Insert the tidy rows with one executemany: bulk_create's per-object work took ~7 s for the
    32,000 values of the indicators file. The pure reader has already checked every cell."""
    quote = connection.ops.quote_name
    columns = ", ".join(quote(c) for c in ("release_id", *_VALUE_FIELDS))
    # Identifiers come from the model; every value is a query parameter.
    sql = (
        f"INSERT INTO {quote(PublishedValue._meta.db_table)} ({columns}) "  # noqa: S608
        f"VALUES ({', '.join(['%s'] * (len(_VALUE_FIELDS) + 1))})"
    )
    text = ("old_la_code", "area_name", "region_code", "region_name", "symbol")
    frame = parsed.frame.select(
        pl.lit(release.pk).alias("release_id"),
        *(pl.col(f).fill_null("") if f in text else pl.col(f) for f in _VALUE_FIELDS),
    )
    rows = frame.rows()
    with connection.cursor() as cursor:
        for start in range(0, len(rows), _BATCH):
            cursor.executemany(sql, rows[start : start + _BATCH])


def published_release_import(
    *, source: str | Path | bytes | IO[bytes], filename: str, user: User | None = None
) -> PublishedRelease:
    """Import one published DfE file (any layout in ``benchmarks.layouts``).

    Returns the new release, or the existing one with ``already_imported = True`` when a file
    with the same SHA-256 was imported before. Raises ``PublishedFileError`` (nothing saved).
    """
    data = _read_bytes(source)
    existing = PublishedRelease.objects.filter(
        sha256=hashlib.sha256(data).hexdigest(), is_fixture=False
    ).first()
    if existing is not None:
        existing.already_imported = True
        return existing
    return _save(read_published(data, filename=filename), user=user)


def packaged_release_load(*, user: User | None = None) -> PublishedRelease:
    """The DfE's 2025-release indicators shipped with the package (``benchmarks.packaged``):
    England, every region and every council, 2017-2025. Changes nothing when already imported
    (from the package or from a downloaded copy of the same file)."""
    return published_release_import(source=packaged_bytes(), filename=PACKAGED_FILE, user=user)


@transaction.atomic
def comparators_set(
    *, organisation: Organisation, la_codes: Sequence[str] | str, version: int | None = None
) -> ComparatorSet:
    """Replace the organisation's comparator councils; ``ValidationError`` names unknown codes.
    `version`: the set's lock_version when the form was opened, 0 if there was none
    (core.versioning): EditConflict if it was saved since."""
    if isinstance(la_codes, str):
        la_codes = la_codes.replace("\n", ",").replace(" ", ",").split(",")
    comparators = ComparatorSet.objects.filter(organisation=organisation).first()
    if comparators is not None:
        version_check(comparators, version)
    comparators = comparators or ComparatorSet(organisation=organisation)
    comparators.la_codes = ",".join(code.strip() for code in la_codes if code.strip())
    comparators.full_clean()
    comparators.save()
    return comparators


def benchmarks_demo_load(*, data_dir: Path | None = None) -> list[PublishedRelease]:
    """The demo's benchmarks: the DfE file shipped with the package, and the other DfE files
    (earlier releases, 2015 and 2016) when a folder of downloads holds them.

    The folder is ``data_dir`` or env ``WORKFORCE_HEALTH_DFE_DATA`` (default
    ``<repo>/../shared/data/dfe-csww``); without it the shipped file is enough. Load them before
    the demo council, which then takes its comparators from them (``demo_comparators_set``); a
    demo council already loaded gets them now.
    """
    folder = data_dir or dfe_data_dir()
    paths = [folder / name for name in DEMO_FILES if (folder / name).is_file()]
    paths = [path for path in paths if path.name != PACKAGED_FILE]  # the same file
    releases = [packaged_release_load()]
    releases += [published_release_import(source=path, filename=path.name) for path in paths]
    organisation = Organisation.objects.filter(la_code=DEMO_LA_CODE).first()
    if organisation is not None:
        demo_comparators_set(organisation=organisation)
    return releases


def demo_comparators_set(*, organisation: Organisation) -> ComparatorSet | None:
    """The demo council's comparators: the West Midlands metropolitan councils found in the
    imported releases (none before any is imported)."""
    published = published_council_codes()
    found = [c for c in DEMO_COMPARATORS if any(la_code_matches(p, c) for p in published)]
    return comparators_set(organisation=organisation, la_codes=found) if found else None
