"""Practitioner-reported numbers (hours over contract, caseload, new cases) and comments."""

from dataclasses import dataclass
from typing import Any

import polars as pl

from workforce_health.core.models import Organisation
from workforce_health.surveys import analysis
from workforce_health.surveys.comments import Dictionary, redact, themes
from workforce_health.surveys.comments.selectors import (
    StaffNames,
    redaction_names,
    theme_dictionary,
)
from workforce_health.surveys.results.common import LABELS, WHOLE_WAVE, shown, suppression_notes
from workforce_health.surveys.results.frames import Frames, Scope
from workforce_health.web.tables import Column, Table, Value

HOURS_OVER = "hours_over_contract"
ALL = "All respondents"
ALL_OF = "All"  # a margin in a table by team: the whole service, or every service
NOT_SHOWN = "Not shown"
NO_THEME = "No theme found"
ALL_COMMENTS = "All comments"
ALL_THEMES = "All themes"


def _measure_label(frames: Frames, code: str) -> str:
    if code == HOURS_OVER:
        return "Hours worked over contract each week"
    item = next((i for i in frames.questionnaire.items() if i.code == code), None)
    return item.text if item else code


def _group_columns(by: tuple[str, ...]) -> tuple[str, ...]:
    """The group columns of a table by `by`: a team comes with its service."""
    return analysis.breakdowns.layout(by)[0]


def numbers_table(frames: Frames, by: tuple[str, ...], scope: Scope = WHOLE_WAVE) -> Table:
    """Mean and median of each reported number, for the whole wave or by one group (teams
    within their service); for a manager, the scope's own rows of that table."""
    table = scope.restrict(
        analysis.breakdown(
            frames.answers, frames.items, by=by, measure="numbers", settings=frames.settings
        )
    )
    dims = _group_columns(by)
    margin = ALL_OF if len(dims) > 1 else ALL
    rows: list[tuple[Value, ...]] = []
    for row in table.to_dicts():
        rows.append(
            (
                _measure_label(frames, row["measure"]),
                *(row[d] or margin for d in dims),
                shown(row, "n"),
                shown(row, "mean"),
                shown(row, "median"),
                shown(row, "pct_over_contract") if row["measure"] == HOURS_OVER else "",
            )
        )
    margin_notes = [f"{ALL_OF} means every team of the service, or every service."]
    margin_notes = margin_notes if margin == ALL_OF else []
    return Table(
        slug="-".join(["numbers", *(["by"] if by else []), *by]).replace("_", "-"),
        caption="Hours and caseloads"
        + (f" by {' and '.join(LABELS[d].lower() for d in by)}" if by else ""),
        columns=(
            Column("Measure"),
            *(Column(LABELS[d]) for d in dims),
            Column("Answers", "count"),
            Column("Mean", "rate"),
            Column("Median", "rate"),
            Column("Working over contract (%)", "rate"),
        ),
        rows=tuple(rows),
        notes=(
            "Answers outside a plausible range (for example more than 80 hours a week or 60 "
            "cases) are left out. Hours over contract is actual minus contracted weekly hours, "
            "for those who gave both.",
            *margin_notes,
            *suppression_notes(frames.settings),
        ),
    )


@dataclass(frozen=True)
class Comment:
    text: str  # always redacted
    group: str  # the service (a group meeting the comment threshold)
    themes: tuple[str, ...]


@dataclass(frozen=True)
class ThemeComments:
    theme: str
    comments: tuple[Comment, ...]


@dataclass(frozen=True)
class CommentsPage:
    tables: dict[str, Table]
    text_shown: bool  # the viewer may read comment text (the workforce lead)
    sections: tuple[ThemeComments, ...]
    threshold: int


# Each comment as written -> (redacted, its themes): shared by the tables of one page, where
# a comment appears once for each group it is counted in.
Redacted = dict[str, tuple[str, list[str]]]


def _tagged(
    frames: Frames,
    by: tuple[str, ...],
    dictionary: Dictionary,
    names: StaffNames,
    redacted: Redacted | None = None,
) -> list[dict[str, Any]]:
    """The engine's comments for groups that may show them: redacted, then tagged by theme.

    Themes are found in the redacted text, so every tag can be explained from what is shown.
    """
    rows = analysis.comments(frames.answers, frames.items, by=by, settings=frames.settings)
    done: Redacted = {} if redacted is None else redacted
    tagged = []
    for row in rows.to_dicts():
        if row["comment"] not in done:
            text = redact(row["comment"], names=names.names, given_names=names.given_names)
            done[row["comment"]] = (text, themes(text, dictionary))
        text, found = done[row["comment"]]
        tagged.append(row | {"comment": text, "themes": found})
    return tagged


def comment_theme_counts(
    frames: Frames,
    by: tuple[str, ...],
    dictionary: Dictionary,
    names: StaffNames,
    scope: Scope = WHOLE_WAVE,
    redacted: Redacted | None = None,
) -> Table:
    """How many comments mention each theme, for groups large enough for comments: for the
    whole wave or by one group (teams within their service); for a manager, the scope's own
    groups of that table.

    Groups below the comment threshold, hidden to protect another (the engine's `comments`
    rules) or without comments are listed as not shown. A comment may have several themes.
    """
    dim = by[0] if by else None
    dims = _group_columns(by)
    tagged = _tagged(frames, by, dictionary, names, redacted)
    groups: list[tuple[str, ...]]
    if dims:
        present = frames.answers.frame.select(
            pl.col(d).fill_null(analysis.NOT_KNOWN) for d in dims
        ).unique()
        groups = sorted(scope.restrict(present).rows())
    else:
        groups = [()] if scope.covers(by) else []
    rows: list[tuple[Value, ...]] = []
    for group in groups:
        mine = [r for r in tagged if tuple(r[d] for d in dims) == group]
        if not mine:  # one row for the group, not one a theme
            rows.append((*group, ALL_THEMES, NOT_SHOWN))
            continue
        counts: list[tuple[str, Value]] = [
            (name, sum(name in r["themes"] for r in mine)) for name in dictionary.names
        ]
        counts += [(NO_THEME, sum(not r["themes"] for r in mine)), (ALL_COMMENTS, len(mine))]
        rows += [(*group, theme, count) for theme, count in counts]
    return Table(
        slug=f"comments-by-{dim.replace('_', '-')}" if dim else "comments",
        caption="Comments by theme" + (f" and {LABELS[dim].lower()}" if dim else ""),
        columns=(
            *(Column(LABELS[d]) for d in dims),
            Column("Theme"),
            Column("Comments", "count"),
        ),
        rows=tuple(rows),
        notes=(
            f"{NOT_SHOWN}: the group has fewer than {frames.settings.min_group_size_comments} "
            "responses, is hidden to protect another group, or made no comments, so none of its "
            "themes is counted. Themes come "
            "from a published keyword list; a comment can have more than one theme.",
        ),
    )


def _sections(tagged: list[dict[str, Any]], dictionary: Dictionary) -> tuple[ThemeComments, ...]:
    comments = [
        Comment(r["comment"], r["service"], tuple(r["themes"])) for r in tagged if r["service"]
    ]
    by_theme = [(name, [c for c in comments if name in c.themes]) for name in dictionary.names]
    by_theme.append((NO_THEME, [c for c in comments if not c.themes]))
    return tuple(ThemeComments(name, tuple(found)) for name, found in by_theme if found)


# The tables of theme counts: the whole wave, by service, by team (each restricted to a
# manager's scope, which has rows only in those by its own service or team).
COMMENT_TABLES: tuple[tuple[str, ...], ...] = ((), ("service",), ("team",))


def comments_page(
    frames: Frames, *, organisation: Organisation, show_text: bool, scope: Scope = WHOLE_WAVE
) -> CommentsPage:
    """Theme counts for everyone who may open the page, within their scope; redacted text
    only when `show_text` (the workforce lead, whose scope is the whole wave).

    Text comes only from services that meet the comment threshold and are not hidden to
    protect another service, and is never shown unredacted.
    """
    dictionary = theme_dictionary()
    names = redaction_names(organisation=organisation)
    redacted: Redacted = {}
    tables = [
        comment_theme_counts(frames, by, dictionary, names, scope, redacted)
        for by in COMMENT_TABLES
        if scope.covers(by)
    ]
    show_text = show_text and scope.whole_wave
    sections = (
        _sections(_tagged(frames, ("service",), dictionary, names, redacted), dictionary)
        if show_text
        else ()
    )
    return CommentsPage(
        {t.slug: t for t in tables},
        show_text,
        sections,
        frames.settings.min_group_size_comments,
    )
