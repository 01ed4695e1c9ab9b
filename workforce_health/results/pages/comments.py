"""The comments page: how many comments mention each theme, for everyone who may open it within
their scope, and the redacted comments by theme for the workforce lead."""

from dataclasses import dataclass

import polars as pl

from workforce_health.core.models import Organisation
from workforce_health.core.scope import Scope
from workforce_health.results import scoping
from workforce_health.results.pages.common import LABELS
from workforce_health.results.selectors import (
    NO_THEME,
    Frames,
    Redacted,
    ThemeComments,
    results_comment_sections,
    results_comments_tagged,
)
from workforce_health.surveys import analysis
from workforce_health.surveys.comments import Dictionary
from workforce_health.surveys.comments.selectors import (
    StaffNames,
    redaction_names,
    theme_dictionary,
)
from workforce_health.web.tables import Column, Table, Value

NOT_SHOWN = "Not shown"
ALL_COMMENTS = "All comments"
ALL_THEMES = "All themes"


def _group_columns(by: tuple[str, ...]) -> tuple[str, ...]:
    """The group columns of a table by `by`: a team comes with its service."""
    return analysis.breakdowns.layout(by)[0]


@dataclass(frozen=True)
class CommentsPage:
    tables: dict[str, Table]
    text_shown: bool  # the viewer may read comment text (the workforce lead)
    sections: tuple[ThemeComments, ...]
    threshold: int


def comment_theme_counts(
    frames: Frames,
    by: tuple[str, ...],
    dictionary: Dictionary,
    names: StaffNames,
    scope: Scope,
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
    tagged = results_comments_tagged(
        frames=frames, by=by, dictionary=dictionary, names=names, redacted=redacted
    )
    groups: list[tuple[str, ...]]
    if dims:
        present = frames.answers.frame.select(
            pl.col(d).fill_null(analysis.NOT_KNOWN) for d in dims
        ).unique()
        groups = sorted(scoping.rows(present, scope).rows())
    else:
        groups = [()] if scoping.covers(scope, by) else []
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


# The tables of theme counts: the whole wave, by service, by team (each restricted to a
# manager's scope, which has rows only in those by its own service or team).
COMMENT_TABLES: tuple[tuple[str, ...], ...] = ((), ("service",), ("team",))


def comments_page(
    frames: Frames, *, organisation: Organisation, show_text: bool, scope: Scope
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
        if scoping.covers(scope, by)
    ]
    show_text = show_text and scope.whole_organisation
    sections = (
        results_comment_sections(
            frames=frames, dictionary=dictionary, names=names, redacted=redacted
        )
        if show_text
        else ()
    )
    return CommentsPage(
        {t.slug: t for t in tables},
        show_text,
        sections,
        frames.settings.min_group_size_comments,
    )
