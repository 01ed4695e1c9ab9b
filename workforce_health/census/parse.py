"""Streaming parser for census returns, any year 2021-2025 (csww-census.md §2, §12 "Parser").

``open_return`` reads the header and council block, then yields worker records one at a time,
clearing each from the tree, so memory stays bounded whatever the file size. ``read_return``
keeps everything in memory for small files. Neither validates: they record what the file says
(raw text and line of every element, plus typed values) and leave judgement to ``rules``.

Year detection (§12): ``Header/CollectionDetails/Year`` if readable; else the caller's year;
else ``LALevel`` means 2025. Names match on local names, so a namespaced file still parses.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from workforce_health.census import values
from workforce_health.census.records import (
    CensusWorker,
    CouncilLevel,
    CouncilRecord,
    Header,
    HeaderRecord,
    ParsedReturn,
    RawElement,
    WorkerRecord,
)
from workforce_health.census.safexml import (
    CensusParseError,
    Source,
    etree,
    local_name,
    safe_events,
)
from workforce_health.census.schema import (
    COUNCIL_BLOCK_NAMES,
    SCHEMAS,
    YEARS,
    Base,
    Node,
    YearSchema,
    schema_for,
)

__all__ = ["CensusParseError", "CensusReader", "open_return", "read_return"]

MAX_BLOCK_ELEMENTS = 10_000  # elements allowed inside one Header, council block or worker
_TEXT_DEFAULTS = frozenset({"swe_no", "other_allowances"})
_LATEST = SCHEMAS[YEARS[-1]]


def _raw(element: etree._Element) -> RawElement:
    """The element as a ``RawElement`` (hot path: written for speed, not elegance)."""
    children = []
    for child in element:
        tag = child.tag
        if not isinstance(tag, str):
            continue  # comments
        if len(child):
            children.append(_raw(child))
        else:
            name = tag[tag.rfind("}") + 1 :]
            children.append(RawElement(name, (child.text or "").strip(), child.sourceline or 0))
    text = "" if children else (element.text or "").strip()
    return RawElement(local_name(element.tag), text, element.sourceline or 0, tuple(children))


def _typed(node: Node, raw: RawElement | None) -> dict[str, Any]:
    """Typed values for ``node``'s leaf children found in ``raw`` (first occurrence wins).

    Unreadable or empty values are left out: the raw element keeps the text for the rules.
    """
    out: dict[str, Any] = dict.fromkeys(node.attrs)
    lists: dict[str, list[Any]] = {}
    index = node.index
    for child in raw.children if raw else ():
        found = index.get(child.name)
        if found is None or found[1].type is None:
            continue
        spec = found[1]
        spec_type = found[1].type
        if not child.text and (spec_type.min_length or spec_type.base is not Base.STRING):
            continue
        try:
            value = values.read(spec_type, child.text)
        except ValueError:
            continue
        if spec.max_occurs != 1:
            lists.setdefault(spec.attr, []).append(value)
        elif out[spec.attr] is None:
            out[spec.attr] = value
    for spec in node.repeatables:
        out[spec.attr] = tuple(lists.get(spec.attr, ()))
    for key in _TEXT_DEFAULTS:
        if key in out and out[key] is None:
            out[key] = ""
    return out


def _header(raw: RawElement) -> HeaderRecord:
    node = _LATEST.header
    details, source = node.child("CollectionDetails"), node.child("Source")
    assert details is not None and source is not None
    found = _typed(details, raw.find("CollectionDetails")) | _typed(source, raw.find("Source"))
    return HeaderRecord(raw, Header(**found))


class CensusReader:
    """A census return being read; iterate ``iter_workers()`` once, in order.

    ``header``, ``council`` and ``year`` are known once the constructor returns (for files in
    schema order); ``structure`` (the top-level elements, runs of workers collapsed) is
    complete once the workers have been consumed.
    """

    def __init__(self, source: Source, *, year: int | None = None) -> None:
        if year is not None:
            schema_for(year)
        self.requested_year = year
        self.header: HeaderRecord | None = None
        self.council: CouncilRecord | None = None
        self.structure: list[tuple[str, int]] = []
        self.root_name = ""
        self._schema: YearSchema | None = None
        self._count = 0
        self._records = self._run(source)
        self._pending = next(self._records, None)
        self._started = False

    @property
    def schema(self) -> YearSchema:
        return self._schema or self._resolve(None, 1)

    @property
    def year(self) -> int:
        return self.schema.year

    @property
    def count(self) -> int:
        """Worker records read so far."""
        return self._count

    def iter_workers(self) -> Iterator[WorkerRecord]:
        if self._started:
            raise RuntimeError("Worker records can be read only once; open the file again.")
        self._started = True
        if self._pending is not None:
            yield self._pending
            self._pending = None
        yield from self._records

    def _resolve(self, block: str | None, line: int) -> YearSchema:
        if self._schema is None:
            header_year = self.header.values.year if self.header else None
            year = header_year or self.requested_year
            if year is None and block == "LALevel":
                year = 2025
            if year is None:
                raise CensusParseError(
                    "The file does not say which census year it is for (no Header Year). "
                    "Choose the census year and import it again.",
                    line,
                )
            if year not in SCHEMAS:
                raise CensusParseError(
                    f"The file is for {year}; this product reads census years "
                    f"{YEARS[0]} to {YEARS[-1]}.",
                    line,
                )
            self._schema = SCHEMAS[year]
        return self._schema

    def _note(self, name: str, line: int) -> None:
        if not (self.structure and self.structure[-1][0] == name == "CSWWWorker"):
            self.structure.append((name, line))

    def _run(self, source: Source) -> Iterator[WorkerRecord]:
        depth = inside = 0
        for event, element in safe_events(source):
            if event == "start":
                depth += 1
                if depth == 1:
                    self.root_name = local_name(element.tag)
                elif depth == 2:
                    inside = 0
                    self._note(local_name(element.tag), element.sourceline or 0)
                else:
                    inside += 1
                    if inside > MAX_BLOCK_ELEMENTS:
                        raise CensusParseError(
                            f"More than {MAX_BLOCK_ELEMENTS} elements inside one block.",
                            element.sourceline,
                        )
                continue
            depth -= 1
            if depth != 1:
                continue
            record = self._take(element)
            element.clear(keep_tail=False)
            parent = element.getparent()
            while parent is not None and element.getprevious() is not None:
                del parent[0]
            if record is not None:
                yield record

    def _take(self, element: etree._Element) -> WorkerRecord | None:
        raw = _raw(element)
        if raw.name == "Header":
            self.header = _header(raw)
        elif raw.name in COUNCIL_BLOCK_NAMES:
            node = self._resolve(raw.name, raw.line).council
            self.council = CouncilRecord(raw, CouncilLevel(**_typed(node, raw)))
        elif raw.name == "CSWWWorker":
            self._count += 1
            node = self._resolve(None, raw.line).worker
            return WorkerRecord(self._count, raw, CensusWorker(**_typed(node, raw)))
        return None


def open_return(source: Source, *, year: int | None = None) -> CensusReader:
    """Start reading ``source`` (path, bytes or binary file); ``year`` if the header lacks one."""
    return CensusReader(source, year=year)


def read_return(source: Source, *, year: int | None = None) -> ParsedReturn:
    """Read a whole return into memory (fine for real councils' files of a few thousand rows)."""
    reader = open_return(source, year=year)
    workers = list(reader.iter_workers())
    return ParsedReturn(
        year=reader.year,
        requested_year=year,
        header=reader.header,
        council=reader.council,
        workers=workers,
        structure=reader.structure,
        root_name=reader.root_name,
    )
