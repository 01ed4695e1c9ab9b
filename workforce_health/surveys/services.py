"""Writes for questionnaires, waves, invitations and anonymous responses.

How responses are kept unlinkable to people: docs/surveys-anonymity.md.
"""

import copy
import datetime
import re
import secrets
from collections import Counter
from collections.abc import Iterable
from typing import Any

from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import IntegrityError, connection, transaction
from django.db.models import Max, Min, Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from workforce_health.core.models import Employment, Organisation, Service
from workforce_health.core.versioning import version_check
from workforce_health.surveys import anonymise, groups, tokens
from workforce_health.surveys import questionnaire as qn
from workforce_health.surveys.models import (
    DISCLOSURE_FIELDS,
    GROUP_FIELDS,
    Draft,
    Invitation,
    InvitedGroup,
    Questionnaire,
    Response,
    SpentToken,
    Wave,
    group_values,
)

ACCESS_CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O or 1/I


def _save(instance: Any) -> Any:
    instance.full_clean()
    instance.save()
    return instance


def _clean_in_transaction(instance: Any) -> Any:
    """`full_clean()` without its database look-ups, for the respondent's writes.

    Every field rule and the model's `clean()` still run. Left out: the check that the wave
    exists (the caller holds the wave it just read; the foreign key refuses anything else) and
    the unique checks (the unique indexes refuse a duplicate inside the transaction, where a
    look-up beforehand could not see a concurrent insert anyway). Saves 2-3 round trips a write.
    """
    instance.clean_fields(exclude={"wave"})
    instance.clean()
    return instance


@transaction.atomic
def questionnaire_builtins_sync() -> int:
    """Add a row for each packaged questionnaire file not yet in the database; return how many."""
    added = 0
    for name, definition in qn.builtin_definitions():
        parsed = qn.parse(definition, source=name)
        if not Questionnaire.objects.filter(code=parsed.code, version=parsed.version).exists():
            _save(
                Questionnaire(
                    code=parsed.code,
                    version=parsed.version,
                    title=parsed.title,
                    definition=definition,
                )
            )
            added += 1
    return added


def _next_version(code: str) -> int:
    latest = Questionnaire.objects.filter(code=code).aggregate(latest=Max("version"))["latest"]
    return (latest or 0) + 1


@transaction.atomic
def questionnaire_copy(
    *, organisation: Organisation, questionnaire: Questionnaire, title: str
) -> Questionnaire:
    """A council's own copy, as the next version of the same code, which it may then reword."""
    version = _next_version(questionnaire.code)
    definition = copy.deepcopy(questionnaire.definition)
    definition["questionnaire"].update(version=version, title=title.strip())
    return _save(
        Questionnaire(
            organisation=organisation,
            code=questionnaire.code,
            version=version,
            title=title.strip(),
            definition=definition,
            based_on=questionnaire,
        )
    )


def questionnaire_in_use(questionnaire: Questionnaire) -> bool:
    return questionnaire.waves.exclude(status=Wave.Status.DRAFT).exists()


def _questionnaire_editable(questionnaire: Questionnaire) -> Questionnaire:
    """The council copy, re-read and locked, or a ValidationError saying why it cannot change.

    The copy's waves are locked too: a wave opening at the same moment (wave_open locks its
    row) either opens first, and the change is refused, or waits for the change to be saved.
    """
    if questionnaire.is_builtin:
        raise ValidationError("Packaged questionnaires cannot be changed: make a copy first")
    locked = Questionnaire.objects.select_for_update().get(pk=questionnaire.pk)
    statuses = set(
        Wave.objects.select_for_update()
        .filter(questionnaire=locked)
        .values_list("status", flat=True)
    )
    if statuses - {Wave.Status.DRAFT}:
        raise ValidationError(
            f"{locked} is used by a wave that has opened: make a new copy to change it"
        )
    return locked


def _definition_save(
    questionnaire: Questionnaire, locked: Questionnaire, definition: dict[str, Any]
) -> Questionnaire:
    """Save a changed definition (checked by questionnaire.parse through full_clean)."""
    locked.definition = definition
    locked.title = definition["questionnaire"]["title"]
    try:
        _save(locked)
    except ValidationError as error:
        # The definition is not a form field: say what is wrong as a message of its own.
        raise ValidationError(
            [f"The change would leave the questionnaire unusable: {m}" for m in error.messages]
        ) from error
    questionnaire.definition, questionnaire.title = locked.definition, locked.title
    return locked


def _codes_of_other_versions(questionnaire: Questionnaire) -> set[str]:
    """Item codes of every other version of this questionnaire the council can use: packaged
    versions and its own copies. Waves of any of them are compared year on year by item code."""
    others = (
        Questionnaire.objects.filter(code=questionnaire.code)
        .filter(Q(organisation__isnull=True) | Q(organisation_id=questionnaire.organisation_id))
        .exclude(pk=questionnaire.pk)
    )
    codes: set[str] = set()
    for other in others:
        codes.update(item.code for item in other.parsed_cached().items())
    return codes


def _reworded_code(code: str, version: int) -> str:
    """A new lineage code for an item whose wording changed (its results start afresh)."""
    return f"{re.sub(r'_v[0-9]+$', '', code)}_v{version}"


def _lineage_break(item: dict[str, Any], version: int, elsewhere: set[str]) -> None:
    """Give a changed item a new code if its code is asked elsewhere (another version), so its
    results are never compared with answers to the old wording. An item found only in this
    copy has no answers anywhere yet and keeps its code."""
    if item["code"] in elsewhere:
        item["code"] = _reworded_code(item["code"], version)


def _item_codes(definition: dict[str, Any]) -> list[str]:
    return [item["code"] for section in definition["sections"] for item in section["items"]]


def _refuse_repeated_codes(definition: dict[str, Any]) -> None:
    codes = _item_codes(definition)
    repeated = sorted({code for code in codes if codes.count(code) > 1})
    if repeated:
        raise ValidationError(
            f"Two questions would have the code {', '.join(repeated)}: remove or change one of "
            "them first"
        )


@transaction.atomic
def questionnaire_reword(
    *,
    questionnaire: Questionnaire,
    title: str,
    texts: dict[str, str],
    version: int | None = None,
) -> Questionnaire:
    """Change a council copy's title and item wording; a reworded item asked in another
    version gets a new code. `version`: the copy's lock_version when the form was opened."""
    locked = version_check(_questionnaire_editable(questionnaire), version)
    elsewhere = _codes_of_other_versions(locked)
    definition = copy.deepcopy(locked.definition)
    definition["questionnaire"]["title"] = title.strip()
    for section in definition["sections"]:
        for item in section["items"]:
            new_text = texts.get(item["code"], item["text"]).strip()
            if new_text != item["text"].strip():
                item["text"] = new_text
                _lineage_break(item, locked.version, elsewhere)
    _refuse_repeated_codes(definition)
    return _definition_save(questionnaire, locked, definition)


def _new_code_problem(code: str, definition: dict[str, Any], elsewhere: set[str]) -> str:
    """Why `code` cannot be a new item's code ("" if it can)."""
    if not qn.CODE_PATTERN.fullmatch(code) or len(code) > qn.CODE_MAX_LENGTH:
        return (
            "Code must start with a lower-case letter and use only a-z, 0-9 and _ "
            f"({qn.CODE_MAX_LENGTH} characters at most), like our_hybrid_working"
        )
    if code in qn.RESERVED_CODES:
        return f"Code {code} is kept for a group or the wave in answers and imports: choose another"
    if re.search(r"_v[0-9]+$", code):
        return "Codes ending in _v and a number are kept for reworded questions: choose another"
    if code in _item_codes(definition):
        return f"This questionnaire already has a question with the code {code}"
    if code in elsewhere:
        return (
            f"Code {code} is used by another version of this questionnaire: choose a new code, "
            "so that results are never compared with a different question"
        )
    return ""


def _section_code(title: str, definition: dict[str, Any]) -> str:
    taken = {section["code"] for section in definition["sections"]}
    base = re.sub(r"[^a-z0-9]+", "_", title.lower()).strip("_") or "section"
    code, n = base, 2
    while code in taken:
        code, n = f"{base}_{n}", n + 1
    return code


@transaction.atomic
def questionnaire_item_add(
    *,
    questionnaire: Questionnaire,
    item: qn.Item,
    section: str | None,
    new_section_title: str = "",
) -> Questionnaire:
    """Add a question to a council copy, at the end of the section with code `section`, or
    (`section` None) of a new last section titled `new_section_title`.

    The code must be new: not in this copy, not in another version (packaged or the council's
    copies, which are compared year on year by code), not reserved and not ending _v<n>."""
    locked = _questionnaire_editable(questionnaire)
    definition = copy.deepcopy(locked.definition)
    problem = _new_code_problem(item.code, definition, _codes_of_other_versions(locked))
    if problem:
        raise ValidationError({"code": problem})
    table = qn.item_table(item)
    if section is None:
        if not new_section_title.strip():
            raise ValidationError({"new_section_title": "Enter the title of the new section"})
        definition["sections"].append(
            {
                "code": _section_code(new_section_title, definition),
                "title": new_section_title.strip(),
                "items": [table],
            }
        )
    else:
        chosen = next((s for s in definition["sections"] if s["code"] == section), None)
        if chosen is None:
            raise ValidationError({"section": "Choose a section of this questionnaire"})
        chosen["items"].append(table)
    return _definition_save(questionnaire, locked, definition)


@transaction.atomic
def questionnaire_item_remove(*, questionnaire: Questionnaire, code: str) -> Questionnaire:
    """Remove a question from a council copy; a section left without questions goes too."""
    locked = _questionnaire_editable(questionnaire)
    definition = copy.deepcopy(locked.definition)
    if code not in _item_codes(definition):
        raise ValidationError(f"{locked} has no question with the code {code}")
    if len(_item_codes(definition)) == 1:
        raise ValidationError("A questionnaire needs at least one question: add another first")
    for section in definition["sections"]:
        section["items"] = [item for item in section["items"] if item["code"] != code]
    definition["sections"] = [section for section in definition["sections"] if section["items"]]
    return _definition_save(questionnaire, locked, definition)


@transaction.atomic
def questionnaire_options_change(
    *, questionnaire: Questionnaire, code: str, labels: list[str], version: int | None = None
) -> Questionnaire:
    """Replace the options of a council copy's choice question by `labels`, in order.

    An option whose label is unchanged keeps its stored value; a new one gets a value made from
    its label. If the options change at all, a question asked in another version gets a new
    code, as a reworded one does: its answers mean something different."""
    labels = [label.strip() for label in labels if label.strip()]
    if len(labels) < 2:
        raise ValidationError({"options": "Enter at least 2 options, one on each line"})
    lowered = [label.lower() for label in labels]
    repeated = sorted({label for label in labels if lowered.count(label.lower()) > 1})
    if repeated:
        raise ValidationError({"options": f"Each option must be different: {repeated[0]} repeats"})
    locked = version_check(_questionnaire_editable(questionnaire), version)
    definition = copy.deepcopy(locked.definition)
    item = next((i for s in definition["sections"] for i in s["items"] if i["code"] == code), None)
    if item is None or item.get("type") != qn.CHOICE:
        raise ValidationError(f"{locked} has no choice question with the code {code}")
    old = {option["label"]: option["value"] for option in item.get("options", [])}
    taken = {value for label, value in old.items() if label in labels}
    options = []
    for label in labels:
        value = old.get(label) or qn.option_value(label, taken)
        taken.add(value)
        options.append({"value": value, "label": label})
    if options != item.get("options", []):
        item["options"] = options
        _lineage_break(item, locked.version, _codes_of_other_versions(locked))
        _refuse_repeated_codes(definition)
    return _definition_save(questionnaire, locked, definition)


def _access_code() -> str:
    return "".join(secrets.choice(ACCESS_CODE_ALPHABET) for _ in range(8))


@transaction.atomic
def wave_create(
    *,
    organisation: Organisation,
    questionnaire: Questionnaire,
    title: str,
    slug: str,
    services: Iterable[Service],
    staff_groups: list[str],
    opens_on: datetime.date,
    closes_on: datetime.date,
    **disclosure: int,
) -> Wave:
    unknown = set(disclosure) - set(DISCLOSURE_FIELDS)
    if unknown:
        raise TypeError(f"wave_create() got unexpected settings: {', '.join(sorted(unknown))}")
    services = _services_of(organisation, services)
    wave = _save(
        Wave(
            organisation=organisation,
            questionnaire=questionnaire,
            title=title.strip(),
            slug=slug,
            staff_groups=list(staff_groups),
            opens_on=opens_on,
            closes_on=closes_on,
            access_code=_access_code(),
            **disclosure,
        )
    )
    wave.services.set(services)
    return wave


def _services_of(organisation: Organisation, services: Iterable[Service]) -> list[Service]:
    chosen = list(services)
    if not chosen:
        raise ValidationError({"services": "Choose at least one service"})
    if any(service.organisation_id != organisation.pk for service in chosen):
        raise ValidationError({"services": f"Choose services of {organisation}"})
    return chosen


@transaction.atomic
def wave_update(
    *,
    wave: Wave,
    questionnaire: Questionnaire,
    title: str,
    services: Iterable[Service],
    staff_groups: list[str],
    opens_on: datetime.date,
    closes_on: datetime.date,
    version: int | None = None,
) -> Wave:
    """Change a draft wave's questionnaire, title, services, staff groups and dates, checked as
    when it was created. Refused once the wave has opened: they are fixed then.

    The wave is re-read and locked, so a wave being opened at the same moment (wave_open locks
    it too) is either changed before it opens or refused after. `version`: its lock_version
    when the form was opened (core.versioning): EditConflict if it was saved since."""
    locked = version_check(Wave.objects.select_for_update().get(pk=wave.pk), version)
    if locked.status != Wave.Status.DRAFT:
        raise ValidationError(
            f"{locked.title} has opened, so its questionnaire, title, services, staff groups "
            "and dates can no longer change"
        )
    chosen = _services_of(locked.organisation, services)
    locked.questionnaire = questionnaire
    locked.title = title.strip()
    locked.staff_groups = list(staff_groups)
    locked.opens_on, locked.closes_on = opens_on, closes_on
    _save(locked)
    locked.services.set(chosen)
    return locked


@transaction.atomic
def wave_disclosure_update(*, wave: Wave, version: int | None = None, **settings: int) -> Wave:
    """Change the disclosure settings; refused once the wave has opened. `version`: as for
    wave_update."""
    unknown = set(settings) - set(DISCLOSURE_FIELDS)
    if unknown:
        raise TypeError(f"unexpected settings: {', '.join(sorted(unknown))}")
    version_check(wave, version)
    for name, value in settings.items():
        setattr(wave, name, value)
    return _save(wave)


def _invitee_snapshots(wave: Wave, on: datetime.date) -> list[tuple[int, dict[str, str]]]:
    """(person id, group labels) for staff in the wave's services and groups on ``on``."""
    current = (
        Employment.objects.filter(
            organisation=wave.organisation,
            team__service__in=wave.services.all(),
            start_date__lte=on,
        )
        .exclude(end_date__lt=on)
        .select_related("team", "team__service")
        .order_by("person_id", "-start_date", "-pk")
    )
    first_start = dict(
        Employment.objects.filter(organisation=wave.organisation)
        .values_list("person_id")
        .annotate(first=Min("start_date"))
    )
    chosen: dict[int, dict[str, str]] = {}
    for employment in current:
        role_group = groups.ROLE_GROUP_OF.get(employment.job_role, "")
        if employment.person_id in chosen or role_group not in wave.staff_groups:
            continue
        chosen[employment.person_id] = {
            "service": employment.team.service.name,
            "team": employment.team.name,
            "role_group": groups.RoleGroup(role_group).label,
            "tenure_band": groups.tenure_band(first_start[employment.person_id], on),
            "employment_type": employment.get_contract_type_display(),
        }
    return list(chosen.items())


@transaction.atomic
def wave_open(*, wave: Wave, today: datetime.date | None = None) -> int:
    """Open the wave: snapshot every invitee's group and fix the settings. Returns the count."""
    today = today or timezone.localdate()
    wave = Wave.objects.select_for_update().get(pk=wave.pk)
    if wave.status != Wave.Status.DRAFT:
        raise ValidationError(f"{wave} is already {wave.get_status_display().lower()}")
    if not wave.opens_on <= today < wave.closes_on:
        raise ValidationError(
            f"{wave} can be opened from {wave.opens_on:%-d %B %Y} until the day before it "
            f"closes ({wave.closes_on:%-d %B %Y})"
        )
    invitees = _invitee_snapshots(wave, today)
    snapshots = groups.generalise([snapshot for _, snapshot in invitees])
    Invitation.objects.bulk_create(
        Invitation(wave=wave, person_id=person_id, source=Invitation.Source.RECORD, **snapshot)
        for (person_id, _), snapshot in zip(invitees, snapshots, strict=True)
    )
    counts = Counter(tuple(s[f] for f in GROUP_FIELDS) for s in snapshots)
    InvitedGroup.objects.bulk_create(
        InvitedGroup(wave=wave, invited=n, **dict(zip(GROUP_FIELDS, key, strict=True)))
        for key, n in sorted(counts.items())
    )
    wave.status, wave.opened_on = Wave.Status.OPEN, today
    _save(wave)
    return len(invitees)


@transaction.atomic
def wave_close(*, wave: Wave) -> Wave:
    """Close the wave to responses and write the stored form its results are read from."""
    from workforce_health.surveys.results.services import stored_answers_write

    locked = Wave.objects.select_for_update().get(pk=wave.pk)  # one close at a time
    if locked.status != Wave.Status.OPEN:
        raise ValidationError(f"{wave} is not open, so it cannot be closed")
    wave.status = Wave.Status.CLOSED
    _save(wave)
    anonymise.wave_responses_unorder(wave=wave)  # the order of sending is not kept
    stored_answers_write(wave=wave)
    return wave


def _invitation_emails(wave: Wave) -> dict[int, str]:
    """Person id -> where to send their invitation: the email address on their staff record,
    else the email of their sign-in in this organisation, where there is one."""
    from workforce_health.core.models import Membership, Person

    rows = Membership.objects.filter(
        organisation=wave.organisation, person__isnull=False
    ).values_list("person_id", "user__email")
    emails = {person_id: email for person_id, email in rows if email}
    on_record = Person.objects.filter(organisation=wave.organisation).exclude(email="")
    emails.update(on_record.values_list("id", "email"))
    return emails


def invitations_send(*, wave: Wave, base_url: str) -> tuple[int, int]:
    """Email a new single-use link to each invitee not yet sent one. Returns (sent, no address).

    The token exists only in the email: the invitation keeps a hash of it.
    """
    if not wave.is_accepting:
        raise ValidationError(f"{wave} is not open, so no invitations can be sent")
    emails = _invitation_emails(wave)
    pending = wave.invitations.filter(
        source=Invitation.Source.RECORD, sent_on__isnull=True, person__isnull=False
    )
    sent = without_address = 0
    for invitation in pending:
        address = emails.get(invitation.person_id or 0)
        if not address:
            without_address += 1
            continue
        token = tokens.new_token()
        with transaction.atomic():
            invitation.token_hash = tokens.token_hash(token, tokens.Purpose.INVITATION)
            invitation.sent_on = timezone.localdate()
            _save(invitation)
            send_mail(
                subject=f"{wave.title}: your invitation",
                message=render_to_string(
                    "surveys/email/invitation.txt",
                    {"wave": wave, "link": base_url.rstrip("/") + respondent_path(token)},
                ),
                from_email=None,
                recipient_list=[address],
            )
        sent += 1
    return sent, without_address


def respondent_path(token: str) -> str:
    return reverse("survey-start", kwargs={"token": token})


@transaction.atomic
def shared_link_start(*, wave: Wave, access_code: str, group: dict[str, str]) -> str:
    """Start a response through the shared link; returns the new respondent token.

    The groups are what the respondent chose (self-declared); "" means "prefer not to say".
    """
    if not wave.is_accepting:
        raise ValidationError(f"{wave} is not open")
    if access_code.strip().upper().replace(" ", "").replace("-", "") != wave.access_code:
        raise ValidationError(
            {"access_code": "Enter the organisation code from the poster or email"}
        )
    token = tokens.new_token()
    snapshot = {name: group.get(name) or groups.NOT_KNOWN for name in GROUP_FIELDS}
    _save(
        Invitation(
            wave=wave,
            source=Invitation.Source.SHARED_LINK,
            token_hash=tokens.token_hash(token, tokens.Purpose.INVITATION),
            **snapshot,
        )
    )
    return token


def _clean_answers(wave: Wave, answers: dict[str, str]) -> dict[str, str]:
    codes = {item.code for item in wave.questionnaire.parsed_cached().items()}
    unknown = set(answers) - codes
    if unknown:
        raise ValidationError(f"Unknown question code(s): {', '.join(sorted(unknown))}")
    return {code: str(value) for code, value in answers.items() if str(value).strip()}


def _locked_draft(key: str) -> Draft | None:
    return Draft.objects.select_for_update().filter(key=key).first()


def _draft_merge(draft: Draft, wave: Wave, answers: dict[str, str], sections_seen: int) -> Draft:
    merged = {**draft.answers, **answers}
    draft.answers = _clean_answers(wave, {k: v for k, v in merged.items() if v != ""})
    draft.sections_seen = max(draft.sections_seen, sections_seen)
    return draft


@transaction.atomic
def draft_save(*, wave: Wave, token: str, answers: dict[str, str], sections_seen: int) -> Draft:
    """Save answers in progress under the token's draft hash (merging with earlier sections).

    Two first saves at once (a double click on the first section) both find no draft to lock.
    The insert that comes second fails on the draft's unique key once the first commits; it then
    locks the first's draft and merges into it, rather than answering with a server error.
    """
    if not wave.is_accepting:
        raise ValidationError(f"{wave} is not open")
    key = tokens.token_hash(token, tokens.Purpose.DRAFT)
    draft = _locked_draft(key)
    if draft is None:
        new = _draft_merge(Draft(wave=wave, key=key), wave, answers, sections_seen)
        try:
            with transaction.atomic():
                _clean_in_transaction(new)  # the insert checks the unique key
                new.save(force_insert=True)
                return new
        except IntegrityError:
            draft = Draft.objects.select_for_update().get(key=key)
    draft = _clean_in_transaction(_draft_merge(draft, wave, answers, sections_seen))
    draft.save(update_fields=["answers", "sections_seen"])
    return draft


def _draft_take(key: str) -> dict[str, str] | None:
    """Delete the token's draft and return its answers (None if there is none), in one statement.

    `DELETE ... RETURNING` locks the row as `SELECT ... FOR UPDATE` would: a second submit of the
    same token waits for the first's transaction, then finds nothing to take. Written as SQL
    because the ORM has no delete that returns rows; it saves a round trip, the deletion
    collector and compiling two queries (PostgreSQL, and SQLite from 3.35).
    """
    quote = connection.ops.quote_name
    field = Draft._meta.get_field("answers")
    with connection.cursor() as cursor:
        cursor.execute(
            f"DELETE FROM {quote(Draft._meta.db_table)} WHERE {quote('key')} = %s"  # noqa: S608
            f" RETURNING {quote(str(field.column))}",
            [key],
        )
        row = cursor.fetchone()
    if row is None:
        return None
    answers = field.from_db_value(row[0], None, connection)  # type: ignore[arg-type]
    return dict(answers or {})


def _still_open(wave: Wave) -> bool:
    """Whether the wave is still open, read inside the submitting transaction after its first
    write, so that a wave's stored answers (written as it closes) hold every response it let in.
    On PostgreSQL the row is read FOR KEY SHARE: a close, which locks it FOR UPDATE, waits for
    this response to commit, or this read waits for the close and then sees it. SQLite runs one
    writing transaction at a time, and this one holds the lock from its first write."""
    quote = connection.ops.quote_name
    lock = " FOR KEY SHARE" if connection.vendor == "postgresql" else ""
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT {quote('status')} FROM {quote(Wave._meta.db_table)}"  # noqa: S608
            f" WHERE {quote('id')} = %s{lock}",
            [wave.pk],
        )
        row = cursor.fetchone()
    return row is not None and row[0] == Wave.Status.OPEN


@transaction.atomic
def _response_store(*, wave: Wave, invitation: Invitation, token: str, spent_key: str) -> bool:
    answers = _draft_take(tokens.token_hash(token, tokens.Purpose.DRAFT))
    if not answers:
        # No draft to send: either this token was used (its draft went with the response) or
        # nothing was answered (the transaction is rolled back, so an empty draft is kept). A
        # draft with answers is sent unless the marker's insert fails.
        if SpentToken.objects.filter(key=spent_key).exists():
            return False
        if not _still_open(wave):  # closing deleted the drafts it did not receive
            raise ValidationError(f"{wave} is closed, so responses can no longer be sent")
        raise ValidationError("Answer at least one question before you send your response")
    if not _still_open(wave):  # closed since the page read it: nothing is stored
        raise ValidationError(f"{wave} is closed, so responses can no longer be sent")
    _clean_in_transaction(SpentToken(wave=wave, key=spent_key)).save(force_insert=True)
    response = Response(
        wave=wave,
        source=invitation.source,
        submitted_on=timezone.localdate(),
        answers=_clean_answers(wave, answers),
        **group_values(invitation),
    )
    _clean_in_transaction(response).save(force_insert=True)
    return True


def response_submit(*, wave: Wave, invitation: Invitation, token: str) -> bool:
    """Store the draft as an anonymous response. False if this token was already used.

    One transaction: take the draft (deleting it returns its answers and locks it), insert the
    spent marker (unique) and the response. A retried or double-clicked submission waits for the
    draft's lock, then finds no draft and the marker, and stores nothing. Should the marker's
    insert still fail on its unique key (a draft saved again after the token was used), the
    whole transaction is rolled back.
    """
    if not wave.is_accepting:
        raise ValidationError(f"{wave} is closed, so responses can no longer be sent")
    spent_key = tokens.token_hash(token, tokens.Purpose.SPENT)
    try:
        return _response_store(wave=wave, invitation=invitation, token=token, spent_key=spent_key)
    except IntegrityError:
        if SpentToken.objects.filter(key=spent_key).exists():
            return False
        raise
