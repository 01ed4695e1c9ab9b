"""Reads for results: which waves a reader may see, and the engine's input frames.

Every read here is scoped by `core.scope.Scope` (a page's viewer, or the scrutiny report's
service) and never writes: a closed wave's answers are read from their stored form
(`surveys/answers.py`), or parsed from its responses when that is missing or out of date.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import polars as pl
from django.db.models import Count, QuerySet

from workforce_health.core.models import Membership
from workforce_health.core.scope import Scope
from workforce_health.surveys import analysis
from workforce_health.surveys import questionnaire as qn
from workforce_health.surveys.answers import answers_from_responses, items_frame, stored_decode
from workforce_health.surveys.comments import Dictionary, redact, themes
from workforce_health.surveys.comments.selectors import StaffNames
from workforce_health.surveys.groups import GROUP_FIELDS
from workforce_health.surveys.models import InvitedGroup, StoredAnswers, Wave


@dataclass(frozen=True)
class Frames:
    answers: analysis.Answers
    items: pl.DataFrame
    invited: pl.DataFrame
    questionnaire: qn.Questionnaire
    settings: analysis.DisclosureSettings

    @property
    def respondents(self) -> int:
        return self.answers.height


def results_scope(*, viewer: Membership) -> Scope | None:
    """The viewer's scope, or None if the role sees no survey results."""
    scope = Scope.of(viewer)
    return scope if scope.sees_records else None


def results_wave_list(*, scope: Scope) -> QuerySet[Wave]:
    """Waves with results the scope may open: opened or closed, covering its service (a team's
    scope: the team's service)."""
    return (
        Wave.objects.filter(scope.filter(service="services"), purpose=Wave.Purpose.HEALTH_CHECK)
        .exclude(status=Wave.Status.DRAFT)
        .select_related("questionnaire")
        .annotate(response_count=Count("responses", distinct=True))
        .order_by("-opens_on", "title")
    )


def results_wave_get(*, scope: Scope, wave_id: int) -> Wave | None:
    return results_wave_list(scope=scope).filter(pk=wave_id).first()


def results_previous_wave_get(*, wave: Wave) -> Wave | None:
    """The latest earlier opened or closed wave of the same questionnaire code and organisation,
    covering the same services, or failing that some of them (Children's 2025 compares with
    Children's 2024, never with an Adults' wave of the same questionnaire)."""
    return results_previous_waves(waves=[wave])[0]


def results_earlier_waves(*, wave: Wave, most: int = 4) -> list[Wave]:
    """The wave's previous wave, that wave's previous, and so on (`results_previous_wave_get`),
    latest first, at most `most` of them: the surveys its scores are followed through."""
    earlier: list[Wave] = []
    previous = results_previous_wave_get(wave=wave)
    while previous is not None and len(earlier) < most:
        earlier.append(previous)
        previous = results_previous_wave_get(wave=previous)
    return earlier


def survey_labels(waves: Sequence[Wave]) -> list[str]:
    """Each wave's year of opening, or its title where two open in the same year."""
    years = [w.opens_on.year for w in waves]
    return [str(y) if years.count(y) == 1 else w.title for w, y in zip(waves, years, strict=True)]


def results_previous_waves(*, waves: Sequence[Wave]) -> list[Wave | None]:
    """`results_previous_wave_get` of each of `waves`, read in two queries in all."""
    organisations = {w.organisation_id for w in waves}
    codes = {w.questionnaire.code for w in waves}
    earlier = list(
        Wave.objects.filter(organisation_id__in=organisations, questionnaire__code__in=codes)
        .exclude(status=Wave.Status.DRAFT)
        .select_related("questionnaire")
        .prefetch_related("services")
        .order_by("-opens_on", "-pk")
    )
    services = {w.pk: {s.pk for s in w.services.all()} for w in earlier}
    for wave in waves:
        if wave.pk not in services:  # a draft, or a wave of another organisation's code
            services[wave.pk] = set(wave.services.values_list("pk", flat=True))
    found: list[Wave | None] = []
    for wave in waves:
        candidates = [
            w
            for w in earlier
            if w.organisation_id == wave.organisation_id
            and w.questionnaire.code == wave.questionnaire.code
            and w.opens_on < wave.opens_on
        ]
        mine = services[wave.pk]
        same = [w for w in candidates if services[w.pk] == mine]
        overlapping = [w for w in candidates if services[w.pk] & mine]
        chosen = same or overlapping
        found.append(chosen[0] if chosen else None)
    return found


def results_answers(*, wave: Wave, items: pl.DataFrame | None = None) -> analysis.Answers:
    """The wave's answers as the engine reads them: a closed wave's from its stored form (one
    row), an open wave's, or a closed one's without a current stored form, parsed from its
    responses."""
    items = items if items is not None else items_frame(wave.questionnaire.parsed())
    if wave.status == Wave.Status.CLOSED:
        found = stored_decode(StoredAnswers.objects.filter(wave=wave).first(), items)
        if found is not None:
            return found
    return answers_from_responses(wave=wave, items=items)


def results_answers_many(
    *, waves: Sequence[Wave], labels: Sequence[object] | None = None
) -> analysis.Answers:
    """Many waves' answers in one `Answers`, each wave's rows under its label in the `wave`
    column (default: the wave's id), for analysing them together: every table is then per
    wave (docs/survey-analysis.md §1 "Many waves"). The waves must share one questionnaire.
    Closed waves' stored forms are read in one query."""
    if not waves:
        raise ValueError("Give at least one wave")
    if len({w.questionnaire_id for w in waves}) > 1:
        raise ValueError("The waves must share one questionnaire")
    labels = list(labels) if labels is not None else [w.pk for w in waves]
    items = items_frame(waves[0].questionnaire.parsed())
    stored = {s.wave_id: s for s in StoredAnswers.objects.filter(wave__in=waves)}
    parts = []
    for wave, label in zip(waves, labels, strict=True):
        answers = None
        if wave.status == Wave.Status.CLOSED:
            answers = stored_decode(stored.get(wave.pk), items)
        if answers is None:
            answers = results_answers(wave=wave, items=items)
        parts.append(answers.frame.with_columns(pl.lit(label).alias(analysis.WAVE)))
    frame = pl.concat(parts, how="vertical_relaxed")
    return analysis.Answers(
        frame.select(analysis.WAVE, pl.exclude(analysis.WAVE)),
        analysis.inputs.normalise_items(items),
    )


def results_frames(*, wave: Wave) -> Frames:
    """The wave's answers, items and invited counts, as the engine reads them."""
    parsed = wave.questionnaire.parsed()
    items = items_frame(parsed)
    invited = pl.DataFrame(
        list(InvitedGroup.objects.filter(wave=wave).values(*GROUP_FIELDS, "invited")),
        schema={**dict.fromkeys(GROUP_FIELDS, pl.String), "invited": pl.Int64},
    )
    answers = results_answers(wave=wave, items=items)
    return Frames(answers, items, invited, parsed, wave.disclosure_settings())


@dataclass(frozen=True)
class History:
    """A wave's earlier surveys, followed through (`results_earlier_waves`), oldest first."""

    waves: list[Wave]
    surveys: list[tuple[str, Frames]]  # each earlier wave's label (`survey_labels`) and frames
    label: str  # the wave's own label beside them

    @property
    def previous(self) -> Wave | None:
        return self.waves[-1] if self.waves else None

    @property
    def previous_frames(self) -> Frames | None:
        return self.surveys[-1][1] if self.surveys else None


def results_history(*, wave: Wave) -> History:
    earlier = results_earlier_waves(wave=wave)[::-1]
    *labels, label = survey_labels([*earlier, wave])
    frames = [results_frames(wave=w) for w in earlier]
    return History(earlier, list(zip(labels, frames, strict=True)), label)


NO_THEME = "No theme found"


@dataclass(frozen=True)
class Comment:
    text: str  # always redacted
    group: str  # the service (a group meeting the comment threshold)
    themes: tuple[str, ...]


@dataclass(frozen=True)
class ThemeComments:
    theme: str
    comments: tuple[Comment, ...]


# Each comment as written -> (redacted, its themes): shared by the tables of one page, where
# a comment appears once for each group it is counted in.
Redacted = dict[str, tuple[str, list[str]]]


def results_comments_tagged(
    *,
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


def results_comment_sections(
    *,
    frames: Frames,
    dictionary: Dictionary,
    names: StaffNames,
    redacted: Redacted | None = None,
) -> tuple[ThemeComments, ...]:
    """The wave's redacted comments by theme (a comment under each of its themes; those with
    none last), only from services that meet the comment threshold and are not hidden to
    protect another service. For readers of comment text: the comments page of the workforce
    lead, and the scrutiny report's quotations."""
    tagged = results_comments_tagged(
        frames=frames, by=("service",), dictionary=dictionary, names=names, redacted=redacted
    )
    comments = [
        Comment(r["comment"], r["service"], tuple(r["themes"])) for r in tagged if r["service"]
    ]
    by_theme = [(name, [c for c in comments if name in c.themes]) for name in dictionary.names]
    by_theme.append((NO_THEME, [c for c in comments if not c.themes]))
    return tuple(ThemeComments(name, tuple(found)) for name, found in by_theme if found)
