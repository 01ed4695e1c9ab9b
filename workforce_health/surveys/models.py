"""Questionnaires, waves, invitations and anonymous responses.

Anonymity (docs/surveys-anonymity.md): Response rows hold no person, token, invitation id or time
finer than the day, and have random UUID keys. Invitations, drafts and the "used" markers each keep
a differently salted hash of the respondent's token, so none can be matched to another.
"""

import copy
import threading
import uuid
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q

from workforce_health.core.models import Organisation, Person, Service
from workforce_health.core.versioning import Versioned
from workforce_health.surveys import questionnaire as qn
from workforce_health.surveys.analysis import DisclosureSettings
from workforce_health.surveys.groups import GROUP_FIELDS, RoleGroup

DEFAULTS = DisclosureSettings()
DISCLOSURE_FIELDS = ("min_group_size", "min_group_size_comments", "min_invited_for_response_rate")
LOCKED_FIELDS = (*DISCLOSURE_FIELDS, "questionnaire_id", "staff_groups", "opens_on")

# Parsed questionnaires, per process: (pk, code, version) -> (the definition parsed, the result).
# Respondent pages parse the same definition on every request otherwise (about 0.5 ms a time).
# An entry is used only while the stored definition is still equal to the one parsed (a dict
# comparison, microseconds), so a reworded council copy is parsed afresh, never served stale.
_PARSED: dict[tuple[int, str, int], tuple[dict[str, Any], qn.Questionnaire]] = {}
_PARSED_LIMIT = 64
_PARSED_LOCK = threading.Lock()


class Questionnaire(Versioned):
    """One version of a questionnaire: a packaged file (no organisation) or a council's copy."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    code = models.CharField(max_length=80)
    version = models.PositiveIntegerField()
    title = models.CharField(max_length=200)
    definition = models.JSONField(
        help_text="The TOML file's table, validated by questionnaire.parse"
    )
    based_on = models.ForeignKey("self", on_delete=models.PROTECT, null=True, blank=True)

    class Meta:
        ordering = ["code", "-version"]
        constraints = [
            models.UniqueConstraint(fields=["code", "version"], name="questionnaire_version_unique")
        ]

    def __str__(self) -> str:
        return f"{self.title} (version {self.version})"

    @property
    def is_builtin(self) -> bool:
        return self.organisation_id is None

    def parsed(self) -> qn.Questionnaire:
        return qn.parse(self.definition, source=f"questionnaire {self.code} v{self.version}")

    def parsed_cached(self) -> qn.Questionnaire:
        """`parsed()`, reused within this process while the definition is unchanged.

        The result is shared between requests: treat it as read-only (its classes are frozen).
        """
        if self.pk is None:
            return self.parsed()
        key = (self.pk, self.code, self.version)
        found = _PARSED.get(key)
        if found is not None and found[0] == self.definition:
            return found[1]
        parsed = self.parsed()
        with _PARSED_LOCK:
            if len(_PARSED) >= _PARSED_LIMIT:
                _PARSED.clear()
            _PARSED[key] = (copy.deepcopy(self.definition), parsed)
        return parsed

    def clean(self) -> None:
        try:
            parsed = self.parsed()
        except qn.QuestionnaireError as error:
            raise ValidationError({"definition": str(error)}) from error
        if (parsed.code, parsed.version) != (self.code, self.version):
            raise ValidationError({"definition": "The definition's code and version must match"})


class Wave(Versioned):
    """One run of a questionnaire, e.g. "Children's Social Work Health Check 2025"."""

    class Status(models.TextChoices):
        DRAFT = "draft", "Not yet open"
        OPEN = "open", "Open"
        CLOSED = "closed", "Closed"

    class Purpose(models.TextChoices):
        HEALTH_CHECK = "health_check", "Health Check"
        # A pulse, check-back or session feedback survey of the listening app: its results are
        # published there, with disclosure control across its series (docs/listening.md), never
        # on the Health Check's results pages or in its report section.
        LISTENING = "listening", "Listening survey"

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    questionnaire = models.ForeignKey(Questionnaire, on_delete=models.PROTECT, related_name="waves")
    title = models.CharField(max_length=200)
    slug = models.SlugField(max_length=80, help_text="Used in the shared link")
    services = models.ManyToManyField(Service, related_name="+")
    staff_groups = models.JSONField(default=list, help_text="RoleGroup values invited")
    opens_on = models.DateField()
    closes_on = models.DateField()
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DRAFT)
    purpose = models.CharField(max_length=20, choices=Purpose.choices, default=Purpose.HEALTH_CHECK)
    opened_on = models.DateField(null=True, blank=True)
    access_code = models.CharField(
        max_length=12, help_text="Organisation code for the shared link, printed on posters"
    )
    min_group_size = models.PositiveIntegerField(
        default=DEFAULTS.min_group_size, validators=[MinValueValidator(5)]
    )
    min_group_size_comments = models.PositiveIntegerField(
        default=DEFAULTS.min_group_size_comments, validators=[MinValueValidator(10)]
    )
    min_invited_for_response_rate = models.PositiveIntegerField(
        default=DEFAULTS.min_invited_for_response_rate, validators=[MinValueValidator(5)]
    )

    class Meta:
        ordering = ["-opens_on", "title"]
        constraints = [
            models.UniqueConstraint(fields=["organisation", "slug"], name="wave_slug_unique"),
            models.CheckConstraint(
                condition=Q(closes_on__gt=models.F("opens_on")), name="wave_closes_after_opening"
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def disclosure_settings(self) -> DisclosureSettings:
        return DisclosureSettings(**{name: getattr(self, name) for name in DISCLOSURE_FIELDS})

    def clean(self) -> None:
        errors: dict[str, str] = {}
        if self.opens_on and self.closes_on and self.closes_on <= self.opens_on:
            errors["closes_on"] = "The closing date must be after the opening date"
        bad_groups = set(self.staff_groups or []) - set(RoleGroup.values)
        if not self.staff_groups or bad_groups:
            errors["staff_groups"] = "Choose at least one staff group to invite"
        if self.min_group_size_comments < max(self.min_group_size or 0, 10):
            errors["min_group_size_comments"] = (
                "The minimum group for comments must be at least 10 and at least the minimum "
                "group size"
            )
        if self.questionnaire_id and self.questionnaire.organisation_id not in (
            None,
            self.organisation_id,
        ):
            errors["questionnaire"] = "Choose a questionnaire of this organisation"
        if errors:
            raise ValidationError(errors)
        self._refuse_locked_changes()

    def _refuse_locked_changes(self) -> None:
        """Once a wave has opened, its questionnaire, groups and disclosure settings are fixed."""
        if self.pk is None:
            return
        saved = Wave.objects.filter(pk=self.pk).values(*LOCKED_FIELDS, "status").first()
        if saved is None or saved["status"] == Wave.Status.DRAFT:
            return
        changed = [name for name in LOCKED_FIELDS if saved[name] != getattr(self, name)]
        if changed:
            names = ", ".join(name.removesuffix("_id").replace("_", " ") for name in changed)
            raise ValidationError(
                f"{self.title} has opened, so these can no longer change: {names}"
            )

    @property
    def is_accepting(self) -> bool:
        from django.utils import timezone

        return self.status == Wave.Status.OPEN and timezone.localdate() <= self.closes_on


class Invitation(models.Model):
    """One invitee, with their group snapshot at opening. Never linked to a response."""

    class Source(models.TextChoices):
        RECORD = "record", "From the people records"
        SHARED_LINK = "shared_link", "Shared link (groups chosen by the respondent)"

    wave = models.ForeignKey(Wave, on_delete=models.CASCADE, related_name="invitations")
    person = models.ForeignKey(Person, on_delete=models.SET_NULL, null=True, blank=True)
    source = models.CharField(max_length=12, choices=Source.choices)
    token_hash = models.CharField(max_length=64, unique=True, null=True, blank=True)
    sent_on = models.DateField(null=True, blank=True)
    service = models.CharField(max_length=200)
    team = models.CharField(max_length=200)
    role_group = models.CharField(max_length=60)
    tenure_band = models.CharField(max_length=60)
    employment_type = models.CharField(max_length=60)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["wave", "person"],
                condition=Q(person__isnull=False),
                name="one_invitation_per_person",
            )
        ]

    def __str__(self) -> str:
        return f"Invitation to {self.wave}"


class InvitedGroup(models.Model):
    """How many were invited in each group at opening: the response rate's denominator."""

    wave = models.ForeignKey(Wave, on_delete=models.CASCADE, related_name="invited_groups")
    service = models.CharField(max_length=200)
    team = models.CharField(max_length=200)
    role_group = models.CharField(max_length=60)
    tenure_band = models.CharField(max_length=60)
    employment_type = models.CharField(max_length=60)
    invited = models.PositiveIntegerField()

    def __str__(self) -> str:
        return f"{self.invited} invited to {self.wave}"


class Draft(models.Model):
    """Answers saved before sending, under the token's draft hash; deleted when sent."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    wave = models.ForeignKey(Wave, on_delete=models.CASCADE, related_name="+")
    key = models.CharField(max_length=64, unique=True)
    # Empty while a respondent moves through sections without answering (progress only);
    # sending an empty draft is refused by response_submit.
    answers = models.JSONField(default=dict, blank=True)
    sections_seen = models.PositiveIntegerField(default=0)

    def __str__(self) -> str:
        return "Saved answers"


class SpentToken(models.Model):
    """A token has been used. Its hash matches neither the invitation's nor the draft's."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    wave = models.ForeignKey(Wave, on_delete=models.CASCADE, related_name="+")
    key = models.CharField(max_length=64, unique=True)

    def __str__(self) -> str:
        return "Used token"


class Response(models.Model):
    """One anonymous response: the wave, the group snapshot, the day it was sent, the answers."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    wave = models.ForeignKey(Wave, on_delete=models.PROTECT, related_name="responses")
    source = models.CharField(max_length=12, choices=Invitation.Source.choices)
    submitted_on = models.DateField()
    service = models.CharField(max_length=200)
    team = models.CharField(max_length=200)
    role_group = models.CharField(max_length=60)
    tenure_band = models.CharField(max_length=60)
    employment_type = models.CharField(max_length=60)
    answers = models.JSONField(help_text="item code -> value as text (docs/survey-analysis.md §1)")

    class Meta:
        ordering = ["id"]  # random: never insertion order

    def __str__(self) -> str:
        return f"Response to {self.wave}"


def group_values(source: Any) -> dict[str, str]:
    """The group snapshot (labels, not keys) of an invitation or response."""
    return {name: getattr(source, name) for name in GROUP_FIELDS}


class StoredAnswers(models.Model):
    """A closed wave's responses in columnar form, so results read them in one row instead of
    parsing every response's JSON (docs/surveys-anonymity.md, docs/performance.md).

    `data` is the analysis engine's `Answers.frame` (one row per response: the five group
    labels and one typed column per item, responses in the order of their random ids) as an
    Arrow IPC file, compressed. It holds nothing the Response rows do not: no id, no date, no
    source. Written when the wave closes or its responses are imported (no response can be
    added to a closed wave after that), and again when its `layout` is out of date."""

    wave = models.OneToOneField(Wave, on_delete=models.CASCADE, related_name="stored_answers")
    layout = models.PositiveIntegerField(help_text="Version of the stored columns' encoding")
    responses = models.PositiveIntegerField(help_text="How many responses it holds")
    data = models.BinaryField()

    def __str__(self) -> str:
        return f"Stored answers of {self.wave}"
