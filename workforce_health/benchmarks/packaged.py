"""The DfE's published indicators shipped with the package, so benchmarks work out of the box.

``data/csww_indicators_2017_to_2025.csv.gz`` is the DfE's own file, byte for byte, compressed
with gzip: national, regional and every council's indicators for 2017-2025 (the 2025 release),
so England, the region and comparator councils are there on a fresh install. Its provenance
and licence (Open Government Licence v3.0) are in ``data/README.md``; show
:data:`~.measures.OGL_ATTRIBUTION` wherever its figures appear. Newer releases are imported from
the files users download, as before; a release is identified by its SHA-256, so importing the
downloaded copy of this file changes nothing.

Pure Python: reading the file needs no Django.
"""

from __future__ import annotations

import gzip
import hashlib
from pathlib import Path
from typing import Final

from .errors import PublishedFileError
from .published import PublishedRelease, read_published

DATA_DIR: Final = Path(__file__).parent / "data"
PACKAGED_FILE: Final = "csww_indicators_2017_to_2025.csv"
PACKAGED_SHA256: Final = "9e058bac193cc5b03f0d21ebe4259c8935d236dbf59f09d90b3e0916bfbca95f"
PACKAGED_RELEASE: Final = "2025 release"
_MAX_BYTES: Final = 1 << 20  # the file is 288,726 bytes; refuse anything far larger


def packaged_bytes() -> bytes:
    """The shipped file, decompressed and checked against the SHA-256 recorded for it."""
    with gzip.open(DATA_DIR / f"{PACKAGED_FILE}.gz", "rb") as stream:
        data = stream.read(_MAX_BYTES + 1)
    if len(data) > _MAX_BYTES or hashlib.sha256(data).hexdigest() != PACKAGED_SHA256:
        raise PublishedFileError(PACKAGED_FILE, "the shipped copy is not the DfE's file")
    return data


def packaged_release() -> PublishedRelease:
    """The shipped file read as any imported file is (tidy frame, provenance, attribution)."""
    return read_published(packaged_bytes(), filename=PACKAGED_FILE)
