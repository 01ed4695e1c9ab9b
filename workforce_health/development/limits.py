"""The size limits of development imports, in one place (pages and the command alike).

A file larger than ``DEVELOPMENT_IMPORT_MAX_BYTES`` (default 10 MB: years of a council's
records are a few megabytes) is refused before it is read; an XLSX workbook whose contents
would unpack to more than ``MAX_UNPACKED_BYTES`` is refused before it is opened; at most
``MAX_ROWS`` data rows are read, and at most ``MAX_ERRORS`` errors listed.
"""

import io
import zipfile

from django.conf import settings

DEFAULT_MAX_BYTES = 10 * 1024 * 1024
MAX_UNPACKED_BYTES = 200 * 1024 * 1024
MAX_ROWS = 100_000
MAX_ERRORS = 200


def max_file_bytes() -> int:
    return int(getattr(settings, "DEVELOPMENT_IMPORT_MAX_BYTES", DEFAULT_MAX_BYTES))


def megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.0f} MB" if size >= 1024 * 1024 else f"{size:,} bytes"


def size_problem(size: int) -> str | None:
    """Why a file of ``size`` bytes is refused, or None."""
    cap = max_file_bytes()
    if size > cap:
        return f"The file is larger than {megabytes(cap)}. Split it into smaller files"
    if size == 0:
        return "The selected file is empty"
    return None


def workbook_problem(data: bytes) -> str | None:
    """Why an XLSX file is refused before it is opened (not a workbook, or a zip bomb)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
    except zipfile.BadZipFile:
        return "The file is not a readable XLSX workbook"
    if unpacked > MAX_UNPACKED_BYTES:
        return "The workbook is too large once unpacked. Save it as CSV, or split it"
    return None
