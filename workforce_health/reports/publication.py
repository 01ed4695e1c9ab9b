"""What publishing a report's next version makes readable and unchangeable, for the page that
asks to confirm it (views.report_publish): the version, what it covers, its sections, the
commentary and quotations it carries, and who can read it."""

from dataclasses import dataclass

from workforce_health.reports.builder import APPENDIX, SUMMARY
from workforce_health.reports.models import Report
from workforce_health.reports.sections.catalogue import section_specs
from workforce_health.reports.selectors import report_readers_count


@dataclass(frozen=True)
class Publication:
    number: int  # the version publishing makes
    covers: str
    sections: tuple[str, ...]
    commentary: tuple[str, ...]  # titles of the sections with the workforce lead's words
    quotations: int
    readers: dict[str, int]  # role label -> sign-ins that can read it

    @property
    def readers_total(self) -> int:
        return sum(self.readers.values())


def publication_get(*, report: Report) -> Publication:
    excluded = set(report.excluded_sections)
    included = [s for s in section_specs() if not s.optional or s.key not in excluded]
    sections = [(SUMMARY, "Summary"), *((s.key, s.title) for s in included)]
    sections.append((APPENDIX, "Technical appendix"))
    services = [s.name for s in report.services.order_by("name")]
    return Publication(
        number=report.versions.count() + 1,
        covers=", ".join(services) if services else f"the whole of {report.organisation.name}",
        sections=tuple(title for _, title in sections),
        commentary=tuple(
            title for key, title in sections if str(report.commentary.get(key, "")).strip()
        ),
        quotations=len(report.quotations),
        readers=report_readers_count(report=report),
    )
