"""Health Check results: response rates, headline questions, standards, teams and comment themes.

Every figure comes from the results pages' builders (results/pages), so the report shows the
same suppressed figures as the pages, in the same words.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import polars as pl

from workforce_health.charts import Bar, bar_chart
from workforce_health.core.scope import Scope
from workforce_health.reports.document import (
    Block,
    Figure,
    TableColumn,
    TableData,
    chart_block,
    subheading,
    table_block,
)
from workforce_health.reports.document import paragraph as para
from workforce_health.reports.sections.change_words import Change, changes_finding
from workforce_health.reports.sections.common import percent, table_data
from workforce_health.reports.sections.spec import Content, SectionSpec
from workforce_health.results.pages.breakdowns import ALL, heatmap_get, heatmap_kind
from workforce_health.results.pages.comments import comment_theme_counts
from workforce_health.results.pages.common import scoped
from workforce_health.results.pages.overview import Overview, overview_get
from workforce_health.results.scoping import service_name
from workforce_health.results.wording import significance_explained, suppression_notes
from workforce_health.surveys import analysis
from workforce_health.surveys.comments.selectors import redaction_names, theme_dictionary
from workforce_health.surveys.questionnaire import Item

if TYPE_CHECKING:
    from workforce_health.reports.inputs import ReportInputs, WaveResults

SOURCE = "Source: the council's Health Check survey, analysed by Workforce Health."
STANDARDS_SOURCE = (
    "Standards for employers of social workers in England (Local Government Association, 2020); "
    "the Social Work Health Check and Wider Workforce Health Check."
)


def _scopes(inputs: ReportInputs, results: WaveResults) -> list[Scope]:
    services = set(results.wave.services.values_list("name", flat=True))
    scopes = list(dict.fromkeys(unit.scope for unit in inputs.units))
    return [s for s in scopes if service_name(s) is None or service_name(s) in services]


def _slug(results: WaveResults, scope: Scope, name: str) -> str:
    service = service_name(scope)
    where = f"-{service}" if service else ""
    return f"{results.wave.slug}{where}-{name}".lower().replace(" ", "-").replace("'", "")


def _response(page: Overview, title: str) -> tuple[list[Figure], list[str]]:
    if page.respondents is None or page.invited is None or page.response_rate is None:
        return [], []
    figure = Figure(
        "Response rate",
        percent(page.response_rate),
        f"{page.respondents} of {page.invited} staff invited",
    )
    finding = (
        f"{title}: {page.respondents} of {page.invited} staff invited responded "
        f"({percent(page.response_rate)})."
    )
    return [figure], [finding]


def _standards(page: Overview, title: str, slug: str) -> tuple[list[Block], list[str]]:
    shown = [r for r in page.standards if not r.hidden and r.score is not None]
    if not shown:
        return [], []
    chart_title = f"{title}: scores by employer standard (0 to 100)"
    bars = [Bar(r.title, r.score) for r in page.standards if not r.hidden]
    svg = bar_chart(bars, title=chart_title, ident=f"chart-{slug}")
    table = table_data(page.tables["standard-scores"], context=title, slug=slug)
    findings = []
    for band, words in (("high", "high (75 or more)"), ("low", "low (50 or less)")):
        names = [f"{r.title} ({r.score})" for r in shown if r.band == band]
        if names:
            findings.append(f"{title}: standards scoring {words}: {'; '.join(names)}.")
    return chart_block(svg, chart_title, table, SOURCE), findings


def _changes(results: WaveResults, scope: Scope, title: str, slug: str) -> tuple[Block, list[str]]:
    """Every question whose agreement changed significantly since the previous wave."""
    assert results.previous is not None and results.previous_frames is not None
    frames, before = results.frames, results.previous_frames
    compared = analysis.wave_change(
        scoped(frames, scope, "items"),
        scoped(before, scope, "items"),
        min_group_size=frames.settings.min_group_size,
    ).filter(pl.col("significant").fill_null(False))
    items = {item.code: item for item in frames.questionnaire.items()}
    ordered = sorted(compared.to_dicts(), key=lambda r: -abs(r["change"]))
    rows = [
        (
            _question(items, r["item_code"]),
            r["pct_agree_previous"],
            r["pct_agree_current"],
            r["change"],
            f"{r['label']} ({r['direction']})" if r["direction"] else r["label"],
        )
        for r in ordered
    ]
    previous = results.previous.title
    reversed_shown = [_question(items, r["item_code"]) for r in ordered if _reverse(items, r)]
    table = TableData(
        slug=slug,
        caption=f"{title}: questions whose agreement changed significantly since {previous}",
        columns=(
            TableColumn("Question"),
            TableColumn(f"{previous} agree (%)", "rate"),
            TableColumn("This survey agree (%)", "rate"),
            TableColumn("Change (points)", "rate"),
            TableColumn("Change"),
        ),
        rows=tuple(rows),
        source=SOURCE,
        notes=(
            significance_explained(),
            *([_reverse_note(reversed_shown)] if reversed_shown else []),
        ),
    )
    changes = [
        Change(
            question=_question(items, r["item_code"]),
            previous=r["pct_agree_previous"],
            current=r["pct_agree_current"],
            reverse=_reverse(items, r),
        )
        for r in ordered
    ]
    finding = changes_finding(title, previous, changes)
    if not rows:
        text = f"No question's agreement changed significantly since {previous}."
        return para(text), [finding]
    return table_block(table), [finding]


def _question(items: dict[str, Item], code: str) -> str:
    return items[code].text if code in items else code


def _reverse(items: dict[str, Item], row: dict[str, Any]) -> bool:
    """Less agreement is better (a reverse-scored question)."""
    item = items.get(row["item_code"])
    return item is not None and item.reverse


def _reverse_note(questions: list[str]) -> str:
    named = "; ".join(f"“{q}”" for q in questions)
    return (
        "Better or worse: more agreement is better, except on questions where agreeing "
        f"means something is wrong, where less agreement is better: {named}."
    )


def _team_label(service: str, team: str) -> str:
    if team != ALL:
        return team
    return f"All of {service}" if service != ALL else "All teams"


def _heatmap(results: WaveResults, scope: Scope, title: str, slug: str) -> Block | None:
    standards, rows, _ = heatmap_get(results.frames, scope)
    if not rows:
        return None
    parsed = results.frames.questionnaire
    by_standard = heatmap_kind(results.frames) == "standard"
    names = parsed.standards if by_standard else parsed.themes
    table = TableData(
        slug=slug,
        caption=f"{title}: scores by {'employer standard' if by_standard else 'theme'} for "
        "each team (0 to 100)",
        columns=(
            TableColumn("Team"),
            *(TableColumn(code if by_standard else names[code], "count") for code in standards),
        ),
        rows=tuple(
            (_team_label(r.service, r.team), *(c.hidden or c.score for c in r.cells)) for r in rows
        ),
        source=SOURCE,
        notes=(
            *(
                ["Standards: " + "; ".join(f"{c} {names.get(c, '')}" for c in standards) + "."]
                if by_standard
                else []
            ),
            "Bands: 0 to 50 low, 51 to 74 moderate, 75 to 100 high.",
            *suppression_notes(results.frames.settings),
        ),
    )
    return table_block(table)


def _themes(
    inputs: ReportInputs, results: WaveResults, scope: Scope, title: str, slug: str
) -> Block:
    dictionary = theme_dictionary()
    names = redaction_names(organisation=inputs.organisation)
    service = service_name(scope)
    by = ("service",) if service else ()
    whole = Scope.whole(inputs.organisation)
    table = comment_theme_counts(results.frames, by, dictionary, names, whole)
    rows = [row for row in table.rows if not service or row[0] == service]
    if service:
        rows = [row[1:] for row in rows]
    data = TableData(
        slug=slug,
        caption=f"{title}: comments by theme (counts only)",
        columns=(TableColumn("Theme"), TableColumn("Comments", "count")),
        rows=tuple(
            (str(row[0]), row[1] if isinstance(row[1], int | str) else None) for row in rows
        ),
        source=SOURCE,
        notes=table.notes,
    )
    return table_block(data)


def _wave(inputs: ReportInputs, results: WaveResults, scope: Scope, title: str) -> Content:
    wave = results.wave
    previous_title = results.previous.title if results.previous else ""
    page = overview_get(
        results.frames,
        scope,
        results.previous_frames,
        previous_title,
        history=results.history,
        label=results.label,
    )
    blocks: list[Block] = [
        subheading(title),
        para(
            f"The survey was open from {wave.opens_on:%-d %B %Y} to {wave.closes_on:%-d %B %Y}"
            + (f"; it is compared with {previous_title}." if previous_title else ".")
        ),
    ]
    if page.hidden:
        blocks.append(para(page.hidden))
        return Content(blocks)
    figures, findings = _response(page, title)
    if page.enps is not None:
        figures.append(
            Figure(
                "Employee net promoter score",
                f"{page.enps:+d}",
                f"{page.enps_n} answers; % scoring 9–10 minus % scoring 0–6 (range −100 to +100)",
            )
        )
    if figures:
        blocks.append(Block("figures", figures=tuple(figures)))
    for key in ("response-rate", "response-rate-service", "response-rate-role_group"):
        if key in page.tables:
            blocks.append(
                table_block(
                    table_data(page.tables[key], context=title, slug=_slug(results, scope, key))
                )
            )
    blocks.append(
        table_block(
            table_data(
                page.tables["headline-items"], context=title, slug=_slug(results, scope, "headline")
            )
        )
    )
    standard_blocks, standard_findings = _standards(page, title, _slug(results, scope, "standards"))
    blocks += standard_blocks
    findings += standard_findings
    for key in ("standard-scores-over-time", "theme-scores-over-time"):
        if key in page.tables:
            blocks.append(
                table_block(
                    table_data(page.tables[key], context=title, slug=_slug(results, scope, key))
                )
            )
    if results.previous is not None:
        block, change_findings = _changes(results, scope, title, _slug(results, scope, "changes"))
        blocks.append(block)
        findings += change_findings
    return Content(blocks, findings)


def _each_wave(inputs: ReportInputs) -> list[tuple[WaveResults, Scope, str]]:
    """Each wave at each of the report's scopes it covers, with its title: the wave's, and the
    service's name when the wave covers more than that service."""
    found = []
    for results in inputs.waves:
        covers = results.wave.services.count()
        for scope in _scopes(inputs, results):
            service = service_name(scope)
            wider = service is not None and covers > 1
            found.append((results, scope, results.wave.title + (f", {service}" if wider else "")))
    return found


def build_teams(inputs: ReportInputs) -> Content:
    blocks: list[Block] = []
    for results, scope, title in _each_wave(inputs):
        heat = _heatmap(results, scope, title, _slug(results, scope, "teams"))
        if heat is not None:
            blocks.append(heat)
    return Content(blocks)


def build_themes(inputs: ReportInputs) -> Content:
    blocks: list[Block] = [
        para(
            "How many comments mention each theme, found with a published keyword list. "
            "Comment text is not included."
        )
    ]
    for results, scope, title in _each_wave(inputs):
        blocks.append(_themes(inputs, results, scope, title, _slug(results, scope, "themes")))
    if inputs.quotations:
        blocks.append(subheading("What staff said"))
        blocks.append(
            para(
                "Quotations chosen by the workforce lead from the survey comments, with names, "
                "email addresses and telephone numbers removed."
            )
        )
        blocks += [Block("quote", text=q) for q in inputs.quotations]
    elif inputs.withheld_quotations:
        count = inputs.withheld_quotations
        blocks.append(subheading("What staff said"))
        blocks.append(
            para(
                f"The workforce lead has chosen {count} quotation{'s' if count != 1 else ''} "
                "from the survey comments. Only the lead reads comment text before the report "
                "is published; the published report shows "
                f"{'them' if count != 1 else 'it'} here."
            )
        )
    return Content(blocks)


def build(inputs: ReportInputs) -> Content:
    blocks: list[Block] = []
    findings: list[str] = []
    for results, scope, title in _each_wave(inputs):
        content = _wave(inputs, results, scope, title)
        blocks += content.blocks
        findings += content.findings
    settings = inputs.waves[0].frames.settings if inputs.waves else analysis.DisclosureSettings()
    return Content(
        blocks,
        findings,
        definitions=[
            (
                "Agree (%)",
                "The share of those answering a question, other than don't know, who agree or "
                "strongly agree.",
            ),
            (
                "Standard score",
                "Answers score 0 (strongly disagree) to 100 (strongly agree), reversed for "
                "negatively worded questions. A respondent's score for a standard is the mean "
                "of their answers; the standard's score is the mean over respondents. Bands: "
                "0 to 50 low, 51 to 74 moderate, 75 to 100 high.",
            ),
            (
                "Employee net promoter score",
                "The percentage scoring 9 or 10 minus the percentage scoring 0 to 6 on how "
                "likely they are to recommend the council as an employer (0 to 10).",
            ),
            (
                "Significant change",
                "A two-sided two-proportion z-test of the share agreeing in this survey and the "
                "previous one, at the 5% level.",
            ),
            (
                "Disclosure control",
                f"No figure is shown for a group of fewer than {settings.min_group_size} "
                "responses (response rates: fewer than "
                f"{settings.min_invited_for_response_rate} invited), and further groups are "
                "hidden so that no hidden figure can be worked out by subtracting others. "
                f"Comment themes are counted only for groups of at least "
                f"{settings.min_group_size_comments} responses.",
            ),
        ],
        sources=[STANDARDS_SOURCE],
    )


SECTION = SectionSpec(
    key="health-check",
    title="Health Check results",
    order=10,
    description=(
        "Response rates, headline questions with change since last year, standard scores "
        "with bands, scores by team and comment themes, from the latest Health Checks."
    ),
    build=build,
    optional=False,
)
TEAMS = SectionSpec(
    key="health-check-teams",
    title="Health Check results by team",
    order=11,
    description="Each team's score for each employer standard, with small teams hidden.",
    build=build_teams,
)
COMMENT_THEMES = SectionSpec(
    key="comment-themes",
    title="What staff commented on",
    order=12,
    description=(
        "How many comments mention each theme (counts only), and any quotations you choose "
        "from the redacted comments."
    ),
    build=build_themes,
)
