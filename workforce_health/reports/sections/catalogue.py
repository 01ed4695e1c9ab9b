"""Every section of the scrutiny report, listed here (and only here), in report order.

To add a section (supervision, actions taken): write its module with a `SectionSpec` and add it
to `SECTIONS`. The builder writes the summary first and the technical appendix last.
"""

from workforce_health.reports.sections import development, health_check, listening, workforce
from workforce_health.reports.sections.spec import SectionSpec

RESERVED = ("summary", "appendix")  # the builder's own sections

SECTIONS: tuple[SectionSpec, ...] = (
    health_check.SECTION,
    health_check.TEAMS,
    health_check.COMMENT_THEMES,
    listening.SECTION,
    workforce.SECTION,
    workforce.STARTERS_LEAVERS,
    development.SECTION,
)


# Sections offered by apps above the report (which the report may not import): the
# self-assessment offers its own when Django starts (`assessments.apps`).
_OFFERED: dict[str, SectionSpec] = {}


def offer(section: SectionSpec) -> None:
    """Add a section written by an app above the report (once per key)."""
    _OFFERED[section.key] = section


def section_specs() -> list[SectionSpec]:
    """Every section in report order."""
    return sorted((*SECTIONS, *_OFFERED.values()), key=lambda s: (s.order, s.key))
