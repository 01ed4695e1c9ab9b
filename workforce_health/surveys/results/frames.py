"""Reads for results: which waves a viewer may see, at what scope, and the engine's input frames.

The one place where Response, InvitedGroup and the questionnaire become polars frames
(docs/survey-analysis.md §1).
"""

from dataclasses import dataclass

import polars as pl
from django.db.models import Count, QuerySet

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
    """The latest earlier opened or closed wave of the same questionnaire code and organisation."""
    return (
        Wave.objects.filter(
            organisation_id=wave.organisation_id,
            questionnaire__code=wave.questionnaire.code,
            opens_on__lt=wave.opens_on,
        )
        .exclude(status=Wave.Status.DRAFT)
        .select_related("questionnaire")
        .order_by("-opens_on", "-pk")
        .first()
    )


_RESPONSE_SCHEMA = {
    "response_id": pl.String,
    **dict.fromkeys(GROUP_FIELDS, pl.String),
    "item_code": pl.String,
    "value": pl.String,
}


def results_frames(*, wave: Wave) -> Frames:
    """The wave's responses (long), items and invited counts, as the engine reads them."""
    rows: list[tuple[str | None, ...]] = []
    for response_id, *labels, answers in Response.objects.filter(wave=wave).values_list(
        "id", *GROUP_FIELDS, "answers"
    ):
        groups = [label or None for label in labels]
        rows.extend(
            (str(response_id), *groups, code, str(value)) for code, value in answers.items()
        )
    parsed = wave.questionnaire.parsed()
    codes = {item.code for item in parsed.items()}
    responses = pl.DataFrame(
        [row for row in rows if row[-2] in codes], schema=_RESPONSE_SCHEMA, orient="row"
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
