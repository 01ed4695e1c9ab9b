"""Write a report from its inputs: the listed sections, then the summary and the appendix.

The summary repeats only the findings the sections wrote from their own figures, so every
sentence in it is backed by a table in the report.
"""

from __future__ import annotations

import datetime
from collections.abc import Collection, Mapping

from django.utils import timezone

from workforce_health.reports.document import (
    Block,
    Document,
    Section,
    TableColumn,
    TableData,
    bullets,
    paragraph,
    subheading,
    table_block,
)
from workforce_health.reports.inputs import ReportInputs
from workforce_health.reports.sections.catalogue import section_specs
from workforce_health.reports.sections.spec import Content
from workforce_health.results.wording import DISCLOSURE_EXPLAINED, significance_explained
from workforce_health.staffing.selectors import reference_date_text

SUMMARY, APPENDIX = "summary", "appendix"
OGL = (
    "Statistics from the Department for Education are used under the Open Government Licence "
    "v3.0 (nationalarchives.gov.uk/doc/open-government-licence/version/3)."
)


def default_title(meeting_date: datetime.date) -> str:
    return f"Workforce health and retention: report to the scrutiny panel, {meeting_date:%-d %B %Y}"


def _summary(inputs: ReportInputs, findings: list[str]) -> list[Block]:
    waves = [r.wave.title for r in inputs.waves]
    years = sorted({ctx.year for ctx in inputs.census.values()})
    covers = (
        f"This report covers {inputs.scope_label}. It draws on "
        + (
            f"the Health Check survey{'s' if len(waves) > 1 else ''} {', '.join(waves)}"
            if waves
            else "no Health Check survey"
        )
        + " and on workforce records for the year ending "
        + (", ".join(reference_date_text(y) for y in years) if years else "(none)")
        + "."
    )
    blocks = [paragraph(covers)]
    if findings:
        blocks += [subheading("Key findings"), bullets(findings)]
    return blocks


def _appendix(inputs: ReportInputs, contents: list[Content]) -> list[Block]:
    definitions = [d for c in contents for d in c.definitions]
    sources = list(dict.fromkeys(s for c in contents for s in c.sources))
    settings = TableData(
        slug="disclosure-settings",
        caption="Disclosure settings of each survey",
        columns=(
            TableColumn("Survey"),
            TableColumn("Smallest group shown (responses)", "count"),
            TableColumn("Smallest group for comments (responses)", "count"),
            TableColumn("Smallest group for response rates (invited)", "count"),
        ),
        rows=tuple(
            (
                r.wave.title,
                r.frames.settings.min_group_size,
                r.frames.settings.min_group_size_comments,
                r.frames.settings.min_invited_for_response_rate,
            )
            for r in inputs.waves
        ),
    )
    return [
        subheading("Definitions"),
        bullets([f"{term}: {text}" for term, text in definitions]),
        subheading("Disclosure control"),
        paragraph(DISCLOSURE_EXPLAINED),
        table_block(settings),
        subheading("Significance test"),
        paragraph(significance_explained()),
        subheading("Data sources"),
        bullets([*sources, OGL]),
    ]


def report_document(
    inputs: ReportInputs,
    *,
    title: str = "",
    included: Collection[str] | None = None,
    commentary: Mapping[str, str] | None = None,
    prepared_on: datetime.date | None = None,
    version: int | None = None,
) -> Document:
    """Build the report. `included`: the optional sections to show (None: all of them)."""
    inputs.check()
    commentary = commentary or {}
    specs = [s for s in section_specs() if not s.optional or included is None or s.key in included]
    built = [(spec, spec.build(inputs)) for spec in specs]
    findings = [f for _, content in built for f in content.findings]
    sections = [
        Section(SUMMARY, "Summary", tuple(_summary(inputs, findings)), commentary.get(SUMMARY, "")),
        *(
            Section(
                spec.key,
                spec.title,
                tuple(content.blocks),
                commentary.get(spec.key, ""),
                tuple(content.findings),
            )
            for spec, content in built
        ),
        Section(
            APPENDIX,
            "Technical appendix",
            tuple(_appendix(inputs, [c for _, c in built])),
            commentary.get(APPENDIX, ""),
        ),
    ]
    return Document(
        title=title or default_title(inputs.meeting_date),
        organisation=inputs.organisation.name,
        scope=inputs.scope_label,
        meeting_date=inputs.meeting_date,
        prepared_on=prepared_on or timezone.localdate(),  # as the draft and the command
        sections=tuple(sections),
        version=version,
    )
