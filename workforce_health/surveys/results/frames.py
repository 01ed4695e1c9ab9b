"""Reads for results: which waves a viewer may see, at what scope, and the engine's input frames.

The one place where Response, InvitedGroup and the questionnaire become polars frames
(docs/survey-analysis.md §1).
"""

import io
from dataclasses import dataclass
from functools import cached_property

import polars as pl
from django.db.models import Count, QuerySet, TextField
from django.db.models.functions import Cast

from workforce_health.core.models import Membership
from workforce_health.core.permissions import ORGANISATION_WIDE_ROLES
from workforce_health.surveys import analysis
from workforce_health.surveys import questionnaire as qn
from workforce_health.surveys.groups import GROUP_FIELDS
from workforce_health.surveys.models import InvitedGroup, Response, Wave

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


@dataclass(frozen=True)
class Frames:
    responses: pl.DataFrame
    items: pl.DataFrame
    invited: pl.DataFrame
    questionnaire: qn.Questionnaire
    settings: analysis.DisclosureSettings

    @cached_property
    def prepared(self) -> pl.DataFrame:
        """`analysis.prepare(responses, items)`, computed once when first asked for: the engine's
        functions accept it in place of `responses`, so a page parses the answers once."""
        return analysis.prepare(self.responses, self.items)

    @property
    def respondents(self) -> int:
        return self.responses["response_id"].n_unique() if self.responses.height else 0


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
        Wave.objects.filter(organisation=viewer.organisation)
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
    earlier = (
        Wave.objects.filter(
            organisation_id=wave.organisation_id,
            questionnaire__code=wave.questionnaire.code,
            opens_on__lt=wave.opens_on,
        )
        .exclude(status=Wave.Status.DRAFT)
        .select_related("questionnaire")
        .order_by("-opens_on", "-pk")
    )
    services = set(wave.services.values_list("pk", flat=True))
    candidates = list(earlier.prefetch_related("services"))
    same = [w for w in candidates if {s.pk for s in w.services.all()} == services]
    overlapping = [w for w in candidates if {s.pk for s in w.services.all()} & services]
    found = same or overlapping
    return found[0] if found else None


_RESPONSE_SCHEMA = {
    "response_id": pl.String,
    **dict.fromkeys(GROUP_FIELDS, pl.String),
    "item_code": pl.String,
    "value": pl.String,
}


def results_frames(*, wave: Wave) -> Frames:
    """The wave's responses (long), items and invited counts, as the engine reads them.

    One row is read per response, with its answers as JSON text; polars parses the answers (as
    NDJSON) and turns them long: one row per answered questionnaire item, responses in id order
    and items in questionnaire order. Answers are stored as text (docs/survey-analysis.md §1),
    so each value is the stored text; codes not in the questionnaire are left out.
    """
    parsed = wave.questionnaire.parsed()
    codes = list(dict.fromkeys(item.code for item in parsed.items()))
    stored = (
        Response.objects.filter(wave=wave)
        .annotate(answers_text=Cast("answers", TextField()))
        .values_list("id", *GROUP_FIELDS, "answers_text")
    )
    ids: list[str] = []
    labels: list[list[str | None]] = [[] for _ in GROUP_FIELDS]
    texts: list[str] = []
    for response_id, *groups, text in stored:
        ids.append(str(response_id))
        for column, label in zip(labels, groups, strict=True):
            column.append(label or None)
        texts.append(text)
    # Upper-case working names: item codes are lower case, so they never collide.
    index = {name: name.upper() for name in ("response_id", *GROUP_FIELDS)}
    if not texts or not codes:
        responses = pl.DataFrame(schema=_RESPONSE_SCHEMA)
    else:
        answers = pl.read_ndjson(  # one JSON object a line: the stored text has no raw newline
            io.BytesIO("\n".join(texts).encode()), schema=dict.fromkeys(codes, pl.String)
        )
        responses = (
            pl.DataFrame(
                {
                    "RESPONSE_ID": ids,
                    **{index[n]: column for n, column in zip(GROUP_FIELDS, labels, strict=True)},
                },
                schema=dict.fromkeys(index.values(), pl.String),
            )
            .with_row_index("ROW")
            .hstack(answers)
            .unpivot(
                index=["ROW", *index.values()],
                on=codes,
                variable_name="item_code",
                value_name="value",
            )
            .drop_nulls("value")
            .sort("ROW", maintain_order=True)
            .select(*[pl.col(upper).alias(n) for n, upper in index.items()], "item_code", "value")
        )
    items = pl.DataFrame(
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
    invited = pl.DataFrame(
        list(InvitedGroup.objects.filter(wave=wave).values(*GROUP_FIELDS, "invited")),
        schema={**dict.fromkeys(GROUP_FIELDS, pl.String), "invited": pl.Int64},
    )
    return Frames(responses, items, invited, parsed, wave.disclosure_settings())
