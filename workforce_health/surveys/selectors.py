"""Reads for questionnaires and waves (scoped to the viewer's organisation) and for respondents."""

import datetime
import weakref
from dataclasses import dataclass, field

from django.db import connection, connections, router
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.models import (
    BooleanField,
    Count,
    JSONField,
    PositiveIntegerField,
    Q,
    QuerySet,
    Sum,
)
from django.db.models.expressions import RawSQL
from django.db.models.query import get_related_populators
from django.utils import timezone

from workforce_health.core.models import Membership, Organisation
from workforce_health.surveys import questionnaire as qn
from workforce_health.surveys import tokens
from workforce_health.surveys.invitees import invitation_emails, invitee_snapshots
from workforce_health.surveys.models import (
    Draft,
    Invitation,
    InvitedGroup,
    Questionnaire,
    Response,
    SpentToken,
    Wave,
)

# Questionnaires without the listening app's mark (a missing key is not "listening": SQL's NULL).
NOT_LISTENING = Q(definition__questionnaire__purpose__isnull=True) | ~Q(
    definition__questionnaire__purpose=Wave.Purpose.LISTENING
)


def questionnaire_list(*, organisation: Organisation) -> QuerySet[Questionnaire]:
    """Packaged questionnaires and the organisation's own copies (not the listening app's
    pulses, check-backs and session feedback, marked `purpose = "listening"`)."""
    return (
        Questionnaire.objects.filter(Q(organisation__isnull=True) | Q(organisation=organisation))
        .filter(NOT_LISTENING)
        .order_by("code", "-version")
    )


def questionnaire_get(*, viewer: Membership, questionnaire_id: int) -> Questionnaire | None:
    return questionnaire_list(organisation=viewer.organisation).filter(pk=questionnaire_id).first()


def questionnaire_copy_get(*, viewer: Membership, questionnaire_id: int) -> Questionnaire | None:
    """One of the organisation's own copies (the only questionnaires that can be reworded)."""
    return Questionnaire.objects.filter(
        organisation=viewer.organisation, pk=questionnaire_id
    ).first()


def questionnaire_in_use(*, questionnaire: Questionnaire) -> bool:
    """Whether a wave using the questionnaire has opened (it can no longer change)."""
    return questionnaire.waves.exclude(status=Wave.Status.DRAFT).exists()


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


def wave_invited_total(*, wave: Wave) -> int | None:
    """How many were invited to the wave by the counts recorded, or None if none are."""
    total: int | None = InvitedGroup.objects.filter(wave=wave).aggregate(n=Sum("invited"))["n"]
    return total


def wave_shared_get(*, la_code: str, slug: str) -> Wave | None:
    """A wave reached by its shared link (public): open or closed, never a draft."""
    return (
        Wave.objects.filter(organisation__la_code=la_code, slug=slug)
        .exclude(status=Wave.Status.DRAFT)
        .select_related("questionnaire", "organisation")
        .first()
    )


@dataclass(frozen=True)
class WaveOpening:
    """What opening a draft wave today would do: how many staff it invites, and how many of
    them are emailed a personal link (the rest have no address: they need the shared link)."""

    invited: int
    emailed: int

    @property
    def without_address(self) -> int:
        return self.invited - self.emailed


def wave_opening_get(*, wave: Wave, on: datetime.date | None = None) -> WaveOpening:
    """Who `services.waves.wave_open` would invite on `on` (today) and how many of them
    `services.invitations.invitations_send` would email: the same definitions (invitees.py)."""
    people = [person_id for person_id, _ in invitee_snapshots(wave, on or timezone.localdate())]
    emails = invitation_emails(wave)
    return WaveOpening(invited=len(people), emailed=sum(1 for p in people if emails.get(p)))


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


def _by_key(column: str, table: str) -> str:
    quote = connection.ops.quote_name
    # Names from the models' metadata only; the key is always a parameter.
    return f"SELECT {quote(column)} FROM {quote(table)} WHERE {quote('key')} = %s"  # noqa: S608


# The draft and the "used" marker are found by their own hashes of the token, not by a join.
# Written as SQL (each an indexed look-up on the unique key): building the same subqueries with
# the ORM costs over 1 ms of CPU a request, more than running the whole query.
_DRAFT_ANSWERS = _by_key("answers", Draft._meta.db_table)
_DRAFT_SECTIONS_SEEN = _by_key("sections_seen", Draft._meta.db_table)
_TOKEN_SPENT = f"EXISTS ({_by_key('id', SpentToken._meta.db_table)})"


def _respondent_queryset(
    invitation_key: str, draft_key: str, spent_key: str
) -> QuerySet[Invitation]:
    return (
        Invitation.objects.filter(
            token_hash=invitation_key,
            wave__status__in=[Wave.Status.OPEN, Wave.Status.CLOSED],
        )
        .select_related("wave", "wave__questionnaire", "wave__organisation")
        .annotate(
            draft_answers=RawSQL(_DRAFT_ANSWERS, [draft_key], output_field=JSONField()),  # noqa: S611
            draft_sections_seen=RawSQL(  # noqa: S611
                _DRAFT_SECTIONS_SEEN, [draft_key], output_field=PositiveIntegerField()
            ),
            token_spent=RawSQL(_TOKEN_SPENT, [spent_key], output_field=BooleanField()),  # noqa: S611
        )
        .order_by()  # the hash is unique: no ORDER BY or LIMIT to build
    )


class _CompiledQuery:
    """`_respondent_queryset` compiled to SQL once per database connection, run with new keys.

    Every respondent request runs the same query with different hashes, and compiling it
    (four tables, three subqueries) cost more CPU than the rest of the look-up. The rows become
    model instances exactly as `QuerySet` makes them (`ModelIterable`: the same converters,
    `from_db` and select_related populators); only the SQL is reused.
    """

    KEYS = ("\x00invitation", "\x00draft", "\x00spent")  # stand-ins no real hash can equal

    def __init__(self, alias: str) -> None:
        self.alias = alias
        compiler = _respondent_queryset(*self.KEYS).query.get_compiler(using=alias)
        self.sql, self.params = compiler.as_sql()
        self.compiler = compiler
        select, klass_info = compiler.select, compiler.klass_info
        assert klass_info is not None
        first, last = klass_info["select_fields"][0], klass_info["select_fields"][-1] + 1
        self.own = slice(first, last)
        self.init_list = [column[0].target.attname for column in select[self.own]]
        self.related = get_related_populators(klass_info, select, alias)  # type: ignore[call-arg]
        self.annotations = dict(compiler.annotation_col_map or {})
        self.converters = compiler.get_converters([s[0] for s in select[: compiler.col_count]])

    def first(self, *keys: str) -> tuple[Invitation, dict[str, object]] | None:
        """The invitation, its wave, questionnaire and organisation, and the annotations."""
        given = dict(zip(self.KEYS, keys, strict=True))
        params = [given.get(p, p) if isinstance(p, str) else p for p in self.params]
        with connections[self.alias].cursor() as cursor:
            cursor.execute(self.sql, params)
            rows = cursor.fetchall()
        if self.converters:
            rows = list(self.compiler.apply_converters(rows, self.converters))
        if not rows:
            return None
        row = rows[0]
        invitation = Invitation.from_db(self.alias, self.init_list, row[self.own])
        for populator in self.related:
            populator.populate(row, invitation)
        return invitation, {name: row[position] for name, position in self.annotations.items()}


_COMPILED: weakref.WeakKeyDictionary[BaseDatabaseWrapper, _CompiledQuery] = (
    weakref.WeakKeyDictionary()
)


def _respondent_invitation(
    invitation_key: str, draft_key: str, spent_key: str
) -> tuple[Invitation, dict[str, object]] | None:
    alias = router.db_for_read(Invitation)
    wrapper = connections[alias]  # one per thread: the compiled query is kept with it
    compiled = _COMPILED.get(wrapper)
    if compiled is None:
        compiled = _COMPILED[wrapper] = _CompiledQuery(alias)
    return compiled.first(invitation_key, draft_key, spent_key)


def respondent_get(*, token: str) -> Respondent | None:
    """The respondent for a token from a link, or None if it is not a token we issued.

    One query: the invitation with its wave and questionnaire, the saved draft's answers and
    progress, and whether the token has been used.
    """
    if not tokens.looks_like_token(token):
        return None
    found = _respondent_invitation(
        tokens.token_hash(token, tokens.Purpose.INVITATION),
        tokens.token_hash(token, tokens.Purpose.DRAFT),
        tokens.token_hash(token, tokens.Purpose.SPENT),
    )
    if found is None:
        return None
    invitation, extra = found
    answers, sections_seen = extra["draft_answers"], extra["draft_sections_seen"]
    return Respondent(
        token=token,
        invitation=invitation,
        wave=invitation.wave,
        questionnaire=invitation.wave.questionnaire.parsed_cached(),
        answers=dict(answers) if isinstance(answers, dict) else {},
        sections_seen=sections_seen if isinstance(sections_seen, int) else 0,
        has_responded=bool(extra["token_spent"]),
    )
