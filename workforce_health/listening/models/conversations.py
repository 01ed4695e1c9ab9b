"""Anonymous conversations between staff and leaders (docs/listening.md, "Anonymity").

Nothing here links a message to its sender: no person, sign-in, session, address, token or time
finer than the day, and random UUID keys. The sender holds a private code; the conversation
keeps only a keyed hash of it. Rows are rewritten in key order whenever a message is sent
(`storage.rewrite_in_key_order`), so neither their physical order nor their transaction ids
tell which came first. Leaders' replies are signed (the leader is not anonymous).
"""

import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.db import models

from workforce_health.core.models import Organisation, Service

MESSAGE_MAX_LENGTH = 5000


class Conversation(models.Model):
    class Status(models.TextChoices):
        AWAITING = "awaiting", "Awaiting a reply"
        ACKNOWLEDGED = "acknowledged", "Acknowledged"
        REPLIED = "replied", "Replied"
        CLOSED = "closed", "Closed"

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    # Who it is addressed to: a service's leaders, or (None) the organisation's leadership.
    service = models.ForeignKey(
        Service, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    code_hash = models.CharField(max_length=64, unique=True)
    started_on = models.DateField()
    last_message_on = models.DateField()
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.AWAITING)
    # Given only when the sender chose to share their name (their own record's name).
    revealed_name = models.CharField(max_length=200, blank=True)
    # Flag categories found in the sender's messages (flags.Category keys).
    flags = models.JSONField(default=list, blank=True)

    class Meta:
        ordering = ["-last_message_on", "id"]  # the day, then random: never sending order

    def __str__(self) -> str:
        return f"Conversation started on {self.started_on:%-d %B %Y}"

    @property
    def recipient(self) -> str:
        return self.service.name if self.service is not None else "The leadership team"

    def clean(self) -> None:
        if self.service is not None and self.service.organisation_id != self.organisation_id:
            raise ValidationError({"service": "Choose a service of this organisation"})


class Message(models.Model):
    class Author(models.TextChoices):
        SENDER = "sender", "Sender"
        LEADER = "leader", "Leader"

    class Acknowledgement(models.TextChoices):
        """One-click answers (as Peakon's acknowledgements), shown to the sender as written."""

        THANKS = "thanks", "Thank you for raising this. We have read it."
        LOOKING = "looking", "Thank you. We are looking into this and will reply again."
        PASSED_ON = "passed_on", "Thank you. We have shared this with the people who can act on it."
        ACTION_PLAN = "action_plan", "Thank you. This will be considered in our action plan."
        HEARD_BEFORE = (
            "heard_before",
            (
                "Thank you. Others have raised this too; see the You said, we did page for what is "
                "being done."
            ),
        )

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    conversation = models.ForeignKey(
        Conversation, on_delete=models.CASCADE, related_name="messages"
    )
    position = models.PositiveIntegerField(help_text="Order within the conversation")
    author = models.CharField(max_length=8, choices=Author.choices)
    body = models.TextField(blank=True, validators=[MaxLengthValidator(MESSAGE_MAX_LENGTH)])
    acknowledgement = models.CharField(max_length=20, choices=Acknowledgement.choices, blank=True)
    sent_on = models.DateField()
    # A leader's reply is signed: the sign-in and the role shown to the sender. Never set on
    # the sender's messages.
    leader = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True
    )
    leader_role = models.CharField(max_length=100, blank=True)

    class Meta:
        ordering = ["conversation", "position"]
        constraints = [
            models.UniqueConstraint(
                fields=["conversation", "position"], name="message_position_unique"
            ),
            models.CheckConstraint(
                condition=models.Q(author="leader") | models.Q(leader__isnull=True),
                name="sender_messages_are_unsigned",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_author_display()} message"

    @property
    def text(self) -> str:
        """What the message says: its body, or the acknowledgement's words."""
        return self.body or (self.get_acknowledgement_display() if self.acknowledgement else "")

    def clean(self) -> None:
        if self.author == self.Author.SENDER and (self.leader_id or self.acknowledgement):
            raise ValidationError("A sender's message is never signed or an acknowledgement")
        if not self.body.strip() and not self.acknowledgement:
            raise ValidationError({"body": "Enter a message"})


class FullTextView(models.Model):
    """The workforce lead opened a flagged conversation's full (unredacted) text: who and when
    (§3.8: log who viewed what). About the lead, never the sender."""

    conversation = models.ForeignKey(
        Conversation, on_delete=models.CASCADE, related_name="full_text_views"
    )
    viewer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    viewer_name = models.CharField(max_length=200, help_text="Kept if the sign-in is deleted")
    viewed_on = models.DateField()

    def __str__(self) -> str:
        return f"Full text viewed on {self.viewed_on}"


class FlagCategory(models.Model):
    """An organisation's keyword list for one kind of message to flag, with its guidance."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    key = models.SlugField(max_length=40)
    name = models.CharField(max_length=100)
    keywords = models.TextField(help_text="One word or phrase on each line")
    guidance = models.TextField()
    position = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["position", "name"]
        constraints = [
            models.UniqueConstraint(fields=["organisation", "key"], name="flag_category_unique")
        ]

    def __str__(self) -> str:
        return self.name
