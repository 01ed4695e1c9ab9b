"""Pluggable report sections: each capability registers what it contributes.

A section's `build` takes the report's inputs and returns its blocks, the findings the summary
repeats, and the definitions and sources the technical appendix lists. The builder knows no
section by name, so a later capability (supervision, actions taken) only registers another.
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


_SECTIONS: dict[str, SectionSpec] = {}


def register(spec: SectionSpec) -> SectionSpec:
    if spec.key in _SECTIONS or spec.key in ("summary", "appendix"):
        raise ValueError(f"a report section called {spec.key!r} is already registered")
    _SECTIONS[spec.key] = spec
    return spec


def section_specs() -> list[SectionSpec]:
    """Every registered section in report order (importing the built-in ones first)."""
    from workforce_health.development import report_section  # noqa: F401
    from workforce_health.reports.sections import health_check, workforce  # noqa: F401

    return sorted(_SECTIONS.values(), key=lambda s: (s.order, s.key))
