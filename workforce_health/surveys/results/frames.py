"""Reads for results: which waves a viewer may see, at what scope, and the engine's input frames.

The one place where Response, StoredAnswers, InvitedGroup and the questionnaire become the
engine's inputs (docs/survey-analysis.md §1). A closed wave's answers are read from its stored
form, which `results_answers` writes when it is missing or out of date (through the results
services): the one read here that may write.
"""

import io
from collections.abc import Sequence
from dataclasses import dataclass

import polars as pl
from django.db.models import Count, QuerySet, TextField
from django.db.models.functions import Cast

from workforce_health.core.models import Membership
from workforce_health.core.permissions import ORGANISATION_WIDE_ROLES
from workforce_health.surveys import analysis
from workforce_health.surveys import questionnaire as qn
from workforce_health.surveys.groups import GROUP_FIELDS
from workforce_health.surveys.models import InvitedGroup, Response, StoredAnswers, Wave

# Version of the encoding of StoredAnswers.data: the columns of analysis.Answers.frame. Change
# it whenever that encoding changes, and every stored form is written again when next read.
STORED_LAYOUT = 1

Role = Membership.Role


@dataclass(frozen=True)
class Scope:
    """What a viewer may see: the whole wave, one service, or one team within its service."""

    service: str | None = None
    team: str | None = None

    @property
    def whole_wave(self) -> bool:
        return self.service is None

    @property
    def by(self) -> tuple[str, ...]:
        """The breakdown whose row is this scope's figures (the same table the lead sees)."""
        return () if self.service is None else ("team",) if self.team else ("service",)

    @property
    def label(self) -> str:
        return "All respondents" if self.service is None else self.team or self.service

    @property
    def own(self) -> str | None:
        """The group column naming this scope ("service" or "team"; None for the whole wave)."""
        return None if self.service is None else "team" if self.team else "service"

    def covers(self, by: Sequence[str]) -> bool:
        """Whether the engine's breakdown by `by` has rows that are this scope's own figures:
        every breakdown for the whole wave; for a service, those by service or by team (a team
        breakdown carries its service); for a team, those by team."""
        if self.service is None:
            return True
        return "team" in by or (self.team is None and "service" in by)

    def alternatives(self, by: Sequence[str]) -> list[tuple[str, ...]]:
        """Breakdowns this scope has rows in, nearest to `by` (which it need not cover): each
        other group of `by` within this scope's own column, or that column alone."""
        if self.own is None or self.covers(by):
            return [tuple(by)]
        others = [d for d in by if d not in ("service", "team")]
        return [(self.own, other) for other in others] or [(self.own,)]

    def restrict(self, table: pl.DataFrame) -> pl.DataFrame:
        """The rows of an engine table that are this scope's own figures: for a service, the
        rows of that service (its teams, its role groups within it, its total); for a team,
        the rows of that team. Never a total that includes other groups, nor a sibling's row:
        none at all when the table has no such rows (`covers`). The rows are those of the one
        suppressed table everyone sees, never suppressed again on their own."""
        if self.service is None:
            return table
        needed = ("service", "team") if self.team else ("service",)
        if any(column not in table.columns for column in needed):
            return table.clear()
        keep = pl.col("service") == self.service
        if self.team:
            keep = keep & (pl.col("team") == self.team)
        return table.filter(keep)


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
    if viewer.role in ORGANISATION_WIDE_ROLES:
        return Scope()
    if viewer.role == Role.SERVICE_MANAGER and viewer.service is not None:
        return Scope(service=viewer.service.name)
    if viewer.role == Role.TEAM_MANAGER and viewer.team is not None:
        return Scope(service=viewer.team.service.name, team=viewer.team.name)
    return None


def results_wave_list(*, viewer: Membership) -> QuerySet[Wave]:
    """Waves with results the viewer may open: opened or closed, covering the viewer's service."""
    waves = (
        Wave.objects.filter(organisation=viewer.organisation, purpose=Wave.Purpose.HEALTH_CHECK)
        .exclude(status=Wave.Status.DRAFT)
        .select_related("questionnaire")
        .annotate(response_count=Count("responses", distinct=True))
        .order_by("-opens_on", "title")
    )
    if viewer.role in ORGANISATION_WIDE_ROLES:
        return waves
    service_id = viewer.service_id or (viewer.team.service_id if viewer.team else None)
    if service_id is None or results_scope(viewer=viewer) is None:
        return waves.none()
    return waves.filter(services__id=service_id)


def results_wave_get(*, viewer: Membership, wave_id: int) -> Wave | None:
    return results_wave_list(viewer=viewer).filter(pk=wave_id).first()


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


def items_frame(parsed: qn.Questionnaire) -> pl.DataFrame:
    """The questionnaire's items as the engine reads them (docs/survey-analysis.md §1)."""
    return pl.DataFrame(
        parsed.analysis_items(),
        schema={
            "item_code": pl.String,
            "type": pl.String,
            "standard": pl.String,
            "theme": pl.String,
            "reverse": pl.Boolean,
            "headline": pl.Boolean,
            "min_value": pl.Float64,
            "max_value": pl.Float64,
        },
    )


def answers_from_responses(*, wave: Wave, items: pl.DataFrame) -> analysis.Answers:
    """The wave's Response rows parsed: one row is read per response, with its answers as JSON
    text, which polars parses (as NDJSON: one struct field per questionnaire item). Responses
    are in id order; codes not in the questionnaire are left out."""
    codes = items["item_code"].to_list()
    stored = (
        Response.objects.filter(wave=wave)
        .annotate(answers_text=Cast("answers", TextField()))
        .values_list(*GROUP_FIELDS, "answers_text")
    )
    labels: list[list[str | None]] = [[] for _ in GROUP_FIELDS]
    texts: list[str] = []
    for *groups, text in stored:
        for column, label in zip(labels, groups, strict=True):
            column.append(label or None)
        texts.append(text)
    groups_frame = pl.DataFrame(
        dict(zip(GROUP_FIELDS, labels, strict=True)), schema=dict.fromkeys(GROUP_FIELDS, pl.String)
    )
    if texts and codes:
        answers = pl.read_ndjson(  # one JSON object a line: the stored text has no raw newline
            io.BytesIO("\n".join(texts).encode()), schema=dict.fromkeys(codes, pl.String)
        )
        groups_frame = groups_frame.hstack(answers)
    return analysis.prepare_wide(groups_frame, items)


def _stored_is_current(stored: StoredAnswers | None) -> bool:
    """A closed wave's stored answers are written as it closes (or its responses are imported)
    and no response can be added after that (`services._still_open`), so they are current while
    their encoding is."""
    return stored is not None and stored.layout == STORED_LAYOUT


def _read_stored(stored: StoredAnswers, items: pl.DataFrame) -> analysis.Answers | None:
    """The stored answers, or None if they were not written for these items."""
    frame = pl.read_parquet(io.BytesIO(bytes(stored.data)))
    expected = [*GROUP_FIELDS, *items["item_code"].to_list()]
    if frame.columns != expected:
        return None
    return analysis.Answers(frame, analysis.inputs.normalise_items(items))


def results_answers(*, wave: Wave, items: pl.DataFrame | None = None) -> analysis.Answers:
    """The wave's answers as the engine reads them. A closed wave's are read from its stored
    form (one row), written first if it is missing or its encoding out of date; an open wave's
    are parsed from its responses."""
    items = items if items is not None else items_frame(wave.questionnaire.parsed())
    if wave.status != Wave.Status.CLOSED:
        return answers_from_responses(wave=wave, items=items)
    stored = StoredAnswers.objects.filter(wave=wave).first()
    if _stored_is_current(stored):
        assert stored is not None
        found = _read_stored(stored, items)
        if found is not None:
            return found
    from workforce_health.surveys.results.services import stored_answers_write

    return stored_answers_write(wave=wave, items=items)


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
        found = stored.get(wave.pk)
        answers = None
        if wave.status == Wave.Status.CLOSED and _stored_is_current(found):
            assert found is not None
            answers = _read_stored(found, items)
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
