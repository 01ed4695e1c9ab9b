"""What a report section is: its key, title and place, and the content it builds.

A section's `build` takes the report's inputs and returns its blocks, the findings the summary
repeats, and the definitions and sources the technical appendix lists. The sections are listed
in `catalogue.py`, the one place that imports them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from workforce_health.reports.document import Block

if TYPE_CHECKING:
    from workforce_health.reports.inputs import ReportInputs


@dataclass(frozen=True)
class Content:
    blocks: list[Block]
    findings: list[str] = field(default_factory=list)
    definitions: list[tuple[str, str]] = field(default_factory=list)  # (term, definition)
    sources: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class SectionSpec:
    key: str
    title: str
    order: int  # position in the report; the summary comes first and the appendix last
    description: str  # what the section holds, for the workforce lead choosing sections
    build: Callable[[ReportInputs], Content]
    optional: bool = True  # the workforce lead may leave it out
