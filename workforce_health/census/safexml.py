"""Safe, streaming access to an XML file with lxml (csww-census.md §12 "Parser").

No DTDs at all: a ``<!DOCTYPE`` (and so any entity declaration) is refused before lxml sees it,
and again from lxml's document info as a second line of defence. The parser never loads DTDs,
never resolves entities and never touches the network; ``huge_tree`` stays off so libxml2's
size limits apply.
"""

from __future__ import annotations

import io
import os
import re
from collections.abc import Iterator
from typing import BinaryIO

from lxml import etree  # type: ignore[import-untyped]  # no stubs installed (see report)

__all__ = ["CensusParseError", "Source", "etree", "local_name", "safe_events"]

Source = str | os.PathLike[str] | bytes | BinaryIO

_PEEK = 1 << 20  # bytes searched for a DOCTYPE before the first element
_ELEMENT_START = re.compile(rb"<[A-Za-z_:]")
_DOCTYPE = re.compile(rb"<!(DOCTYPE|ENTITY)", re.IGNORECASE)


class CensusParseError(ValueError):
    """The file cannot be read as a census return; ``line`` is 1-based where known."""

    def __init__(self, message: str, line: int | None = None) -> None:
        super().__init__(f"Line {line}: {message}" if line else message)
        self.message = message
        self.line = line


class _Prefixed(io.RawIOBase):
    """A stream that replays ``head`` and then continues with ``rest``."""

    def __init__(self, head: bytes, rest: BinaryIO) -> None:
        self._head = head
        self._rest = rest

    def readable(self) -> bool:
        return True

    def read(self, size: int | None = -1) -> bytes:
        if self._head:
            n = len(self._head) if size is None or size < 0 else size
            out, self._head = self._head[:n], self._head[n:]
            return out
        return self._rest.read(-1 if size is None else size)


def _refuse_doctype(head: bytes) -> None:
    match = _ELEMENT_START.search(head)
    prolog = head[: match.start()] if match else head
    found = _DOCTYPE.search(prolog)
    if found:
        line = prolog.count(b"\n", 0, found.start()) + 1
        raise CensusParseError(
            "The file contains a DOCTYPE or entity declaration. Census files must not have "
            "one, so the file was refused without reading it further.",
            line,
        )


def _check_docinfo(root: etree._Element) -> None:
    info = root.getroottree().docinfo
    if info.internalDTD is not None or info.system_url or info.public_id:
        raise CensusParseError("The file contains a DOCTYPE declaration and was refused.", 1)


def local_name(tag: object) -> str:
    """Element name without any namespace (``{uri}Name`` -> ``Name``)."""
    return tag.rpartition("}")[2] if isinstance(tag, str) else ""


def safe_events(source: Source) -> Iterator[tuple[str, etree._Element]]:
    """``("start" | "end", element)`` events from ``source``, refusing DTDs and entities.

    Raises ``CensusParseError`` (with the line number) for DTDs and malformed XML.
    """
    if isinstance(source, bytes):
        stream: BinaryIO = io.BytesIO(source)
        close = False
    elif isinstance(source, str | os.PathLike):
        stream = open(source, "rb")  # closed in the finally below
        close = True
    else:
        stream, close = source, False
    try:
        head = stream.read(_PEEK)
        _refuse_doctype(head)
        events = etree.iterparse(
            _Prefixed(head, stream),
            events=("start", "end"),
            resolve_entities=False,
            no_network=True,
            load_dtd=False,
            dtd_validation=False,
            huge_tree=False,
            remove_pis=True,
        )
        first = True
        try:
            for event, element in events:
                if first:
                    _check_docinfo(element)
                    first = False
                yield event, element
        except etree.XMLSyntaxError as error:
            line = error.lineno or None
            raise CensusParseError(f"The file is not well-formed XML: {error.msg}", line) from None
    finally:
        if close:
            stream.close()
