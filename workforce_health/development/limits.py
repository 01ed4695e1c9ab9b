"""What is particular to the limits of development imports (pages and the command alike).

Files are read within ``spreadsheets.reading.DEVELOPMENT_RECORDS`` (100,000 rows, the column
and cell caps, zip bombs refused before a workbook is opened), with its file-size cap taken
here from the ``DEVELOPMENT_IMPORT_MAX_BYTES`` setting (default 10 MB: years of a council's
records are a few megabytes). At most ``MAX_ERRORS`` errors are listed.
"""

from dataclasses import replace

from django.conf import settings

from workforce_health.spreadsheets.reading import DEVELOPMENT_RECORDS, Limits, size_text, too_big

DEFAULT_MAX_BYTES = 10 * 1024 * 1024
MAX_ERRORS = 200


def max_file_bytes() -> int:
    return int(getattr(settings, "DEVELOPMENT_IMPORT_MAX_BYTES", DEFAULT_MAX_BYTES))


def records_limits() -> Limits:
    """``DEVELOPMENT_RECORDS`` with the file-size cap of the settings."""
    return replace(DEVELOPMENT_RECORDS, max_file_bytes=max_file_bytes())


def size_problem(size: int) -> str | None:
    """Why a file of ``size`` bytes is refused before it is read, or None."""
    if size == 0:
        return "The selected file is empty"
    return too_big(size, records_limits())


def too_large_message() -> str:
    """For an upload refused on its declared size, before its body is read."""
    return f"The selected file must be smaller than {size_text(max_file_bytes())}"
