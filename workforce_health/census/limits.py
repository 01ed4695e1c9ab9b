"""The size cap on census returns and HR extracts (pages and commands alike).

``CENSUS_MAX_FILE_BYTES`` in settings, default 50 MB: a real return of a few thousand workers
is a few megabytes. Larger files are refused before they are read.
"""

from __future__ import annotations

import os
from typing import IO

from django.conf import settings

from workforce_health.census.safexml import Source

DEFAULT_MAX_FILE_BYTES = 50 * 1024 * 1024


def max_file_bytes() -> int:
    return int(getattr(settings, "CENSUS_MAX_FILE_BYTES", DEFAULT_MAX_FILE_BYTES))


def size_label(size: int) -> str:
    """``50 MB``, ``1.2 GB``, ``800 KB``: sizes as people say them (1 MB = 1,048,576 bytes)."""
    for unit, scale in (("GB", 1 << 30), ("MB", 1 << 20), ("KB", 1 << 10)):
        if size >= scale:
            value = size / scale
            return f"{value:.0f} {unit}" if value == int(value) else f"{value:.1f} {unit}"
    return f"{size} bytes"


def source_size(source: Source | IO[bytes]) -> int:
    """Bytes in a path, ``bytes`` or seekable binary file (the file's position is kept)."""
    if isinstance(source, bytes):
        return len(source)
    if isinstance(source, str | os.PathLike):
        return os.stat(source).st_size
    position = source.tell()
    size = source.seek(0, os.SEEK_END)
    source.seek(position)
    return size


def too_big(size: int) -> str | None:
    """Why a file of ``size`` bytes is refused, or ``None`` if it is within the cap."""
    cap = max_file_bytes()
    if size <= cap:
        return None
    return (
        f"The file is {size_label(size)}; files larger than {size_label(cap)} are not accepted. "
        "Check it is the right file."
    )
