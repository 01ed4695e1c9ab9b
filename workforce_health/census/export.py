"""Writing the census XML return for a chosen year (csww-census.md §12 "Exporter").

``write_return`` writes whatever it is given, in the year's schema order, UTF-8, no namespace,
leaving out optional elements without a value; formats follow §12 (FTE 6 dp with leaver ``FTE``
written as ``0``; money, days lost and vacancies 2 dp; ``ContractWeeks`` 1 dp; ISO dates;
``DateTime`` in UTC with ``Z``; ``LEA`` as a 3-digit string). ``export_return`` validates the
written file with the same rules as imports and hands back bytes only if there are no errors.
"""

from __future__ import annotations

import io
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import BinaryIO

from workforce_health.census import values
from workforce_health.census.parse import open_return
from workforce_health.census.records import CensusWorker, CouncilLevel, Header
from workforce_health.census.rules import Finding, validate
from workforce_health.census.safexml import etree
from workforce_health.census.schema import Base, Node, schema_for
from workforce_health.census.semantics import DEFAULT_FTE, FteMapping, reference_date

__all__ = ["ExportResult", "export_return", "stream_return", "write_return"]


def _leaf_texts(spec: Node, value: object, *, leaver: bool) -> list[str]:
    assert spec.type is not None
    if spec.name == "FTE" and leaver:
        return ["0"]  # §7, §12: the open validator compares the text with "0"
    items = value if isinstance(value, tuple) else (value,)
    texts = []
    for item in items:
        if item is None:
            continue
        text = values.write(spec.type, item)
        keep_empty = spec.type.base is Base.STRING and not spec.type.min_length
        if text or (keep_empty and spec.min_occurs):
            texts.append(text)
    return texts


def _element(node: Node, record: object, *, leaver: bool = False) -> etree._Element:
    element = etree.Element(node.name)
    for spec in node.children:
        for text in _leaf_texts(spec, getattr(record, spec.attr, None), leaver=leaver):
            etree.SubElement(element, spec.name).text = text
    return element


def _header(year: int, header: Header) -> etree._Element:
    lea = header.lea.zfill(3) if header.lea and header.lea.isdigit() else header.lea
    filled = Header(
        year=year,
        reference_date=header.reference_date or reference_date(year),
        lea=lea,
        collection=header.collection or "CSWW",
        source_level=header.source_level or "L",
        software_code=header.software_code,
        date_time=header.date_time or datetime.now(UTC),
    )
    node = schema_for(year).header
    element = etree.Element(node.name)
    for child in node.children:
        element.append(_element(child, filled))
    return element


def stream_return(
    out: BinaryIO,
    year: int,
    header: Header,
    council: CouncilLevel,
    workers: Iterable[CensusWorker],
) -> None:
    """Write the return to ``out`` one worker at a time (bounded memory)."""
    schema = schema_for(year)
    out.write(b'<?xml version="1.0" encoding="UTF-8"?>\n')  # §12: double-quoted declaration
    with etree.xmlfile(out, encoding="UTF-8") as xf:
        with xf.element(schema.root_name):
            blocks = [_header(year, header), _element(schema.council, council)]
            for block in blocks:
                xf.write("\n  ")
                etree.indent(block, space="  ", level=1)
                xf.write(block)
            for worker in workers:
                block = _element(schema.worker, worker, leaver=worker.role_end_date is not None)
                etree.indent(block, space="  ", level=1)
                xf.write("\n  ")
                xf.write(block)
            xf.write("\n")
    out.write(b"\n")


def write_return(
    year: int, header: Header, council: CouncilLevel, workers: Iterable[CensusWorker]
) -> bytes:
    """The return for census ``year`` as UTF-8 bytes (``header.year`` is replaced by ``year``)."""
    out = io.BytesIO()
    stream_return(out, year, header, council, workers)
    return out.getvalue()


@dataclass(frozen=True)
class ExportResult:
    """Either ``data`` (no errors; warnings may remain) or ``None`` and the errors to fix."""

    data: bytes | None
    findings: list[Finding] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.data is not None

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.is_error]

    @property
    def failing_workers(self) -> list[int]:
        """1-based positions (in the order given) of worker records with errors."""
        return sorted({f.worker for f in self.errors if f.worker is not None})


def export_return(
    year: int,
    header: Header,
    council: CouncilLevel,
    workers: Iterable[CensusWorker],
    *,
    fte: FteMapping = DEFAULT_FTE,
) -> ExportResult:
    """Write the return, validate what was written, and release it only if error-free."""
    data = write_return(year, header, council, workers)
    findings = validate(open_return(data, year=year), census_year=year, fte=fte)
    if any(f.is_error for f in findings):
        return ExportResult(None, findings)
    return ExportResult(data, findings)
