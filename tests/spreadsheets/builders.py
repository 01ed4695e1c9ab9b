"""Hostile spreadsheets for the import tests: a lying <dimension>, a zip bomb, huge cells."""

import io
import re
import zipfile
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from openpyxl import Workbook

SHARED_STRINGS_TYPE = (
    b'<Override PartName="/xl/sharedStrings.xml" ContentType="application/'
    b'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
)


def xlsx(rows: Sequence[Sequence[Any]], sheet: str = "Sheet") -> bytes:
    book = Workbook()
    active = book.active
    assert active is not None
    active.title = sheet
    for values in rows:
        active.append(list(values))
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _rewritten(data: bytes, changes: dict[str, Any]) -> bytes:
    """The workbook with each member named in `changes` replaced (or added) by change(old bytes,
    or b"" if new): bytes, or an iterable of chunks written as they come, so that a huge member
    is never held in memory."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        names = [info.filename for info in source.infolist()]
        for name in [*names, *(n for n in changes if n not in names)]:
            old = source.read(name) if name in names else b""
            new = changes[name](old) if name in changes else old
            chunks: Iterable[bytes] = [new] if isinstance(new, bytes) else new
            with target.open(name, "w", force_zip64=True) as member:
                for chunk in chunks:
                    member.write(chunk)
    return out.getvalue()


def with_dimension(data: bytes, ref: str) -> bytes:
    """The workbook's first sheet claiming `<dimension ref="...">` whatever its rows are."""
    return _rewritten(
        data,
        {
            "xl/worksheets/sheet1.xml": lambda xml: re.sub(
                rb'<dimension ref="[^"]*"', f'<dimension ref="{ref}"'.encode(), xml
            )
        },
    )


def shared_strings_bomb(data: bytes, megabytes: int) -> bytes:
    """The workbook with its shared strings padded to `megabytes` MB of one long string: a file
    of well under 1 MB that openpyxl would inflate and hold in memory whole."""

    def bomb(_old: bytes) -> Iterator[bytes]:
        yield b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" '
        yield b'uniqueCount="1"><si><t>'
        chunk = b"A" * (1 << 20)
        for _megabyte in range(megabytes):
            yield chunk
        yield b"</t></si></sst>"

    def declared(types: bytes) -> bytes:
        return types.replace(b"</Types>", SHARED_STRINGS_TYPE + b"</Types>")

    return _rewritten(data, {"xl/sharedStrings.xml": bomb, "[Content_Types].xml": declared})
