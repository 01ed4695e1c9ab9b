"""Reads for questionnaires and waves (scoped to the viewer's organisation) and for respondents."""

from dataclasses import dataclass, field

from django.db.models import Count, Q, QuerySet

from workforce_health.core.models import Membership, Organisation
from workforce_health.surveys import questionnaire as qn
from workforce_health.surveys import tokens
from workforce_health.surveys.models import (
    Draft,
    Invitation,
    Questionnaire,
    Response,
    SpentToken,
    Wave,
)


def questionnaire_list(*, viewer: Membership) -> QuerySet[Questionnaire]:
    """Packaged questionnaires and the viewer's organisation's copies."""
    return Questionnaire.objects.filter(
        Q(organisation__isnull=True) | Q(organisation=viewer.organisation)
    ).order_by("code", "-version")


def questionnaire_get(*, viewer: Membership, questionnaire_id: int) -> Questionnaire | None:
    return questionnaire_list(viewer=viewer).filter(pk=questionnaire_id).first()


def questionnaire_copy_get(*, viewer: Membership, questionnaire_id: int) -> Questionnaire | None:
    """One of the organisation's own copies (the only questionnaires that can be reworded)."""
    return Questionnaire.objects.filter(
        organisation=viewer.organisation, pk=questionnaire_id
    ).first()


def wave_list(*, viewer: Membership) -> QuerySet[Wave]:
    return (
        Wave.objects.filter(organisation=viewer.organisation)
        .select_related("questionnaire")
        .annotate(response_count=Count("responses", distinct=True))
    )


def wave_get(*, viewer: Membership, wave_id: int) -> Wave | None:
    return wave_list(viewer=viewer).filter(pk=wave_id).first()


def wave_by_slug(*, organisation: Organisation, slug: str) -> Wave | None:
    return Wave.objects.filter(organisation=organisation, slug=slug).first()


def wave_shared_get(*, la_code: str, slug: str) -> Wave | None:
    """A wave reached by its shared link (public): open or closed, never a draft."""
    return (
        Wave.objects.filter(organisation__la_code=la_code, slug=slug)
        .exclude(status=Wave.Status.DRAFT)
        .select_related("questionnaire", "organisation")
        .first()
    )


@dataclass
class WaveCounts:
    invited: int
    emailed: int
    shared_link_starts: int
    responses: int


def wave_counts(*, wave: Wave) -> WaveCounts:
    invitations = wave.invitations.all()
    return WaveCounts(
        invited=invitations.filter(source=Invitation.Source.RECORD).count(),
        emailed=invitations.filter(sent_on__isnull=False).count(),
        shared_link_starts=invitations.filter(source=Invitation.Source.SHARED_LINK).count(),
        responses=Response.objects.filter(wave=wave).count(),
    )


@dataclass
class Respondent:
    """What a token opens: the wave, the invitation's group snapshot, any saved answers."""

    token: str
    invitation: Invitation
    wave: Wave
    questionnaire: qn.Questionnaire
    answers: dict[str, str] = field(default_factory=dict)
    sections_seen: int = 0
    has_responded: bool = False


def respondent_get(*, token: str) -> Respondent | None:
    """The respondent for a token from a link, or None if it is not a token we issued."""
    if not tokens.looks_like_token(token):
        return None
    invitation = (
        Invitation.objects.filter(
            token_hash=tokens.token_hash(token, tokens.Purpose.INVITATION),
            wave__status__in=[Wave.Status.OPEN, Wave.Status.CLOSED],
        )
        .select_related("wave", "wave__questionnaire", "wave__organisation")
        .first()
    )
    if invitation is None:
        return None
    draft = Draft.objects.filter(key=tokens.token_hash(token, tokens.Purpose.DRAFT)).first()
    return Respondent(
        token=token,
        invitation=invitation,
        wave=invitation.wave,
        questionnaire=invitation.wave.questionnaire.parsed(),
        answers=dict(draft.answers) if draft else {},
        sections_seen=draft.sections_seen if draft else 0,
        has_responded=SpentToken.objects.filter(
            key=tokens.token_hash(token, tokens.Purpose.SPENT)
        ).exists(),
    )
