"""Forms for anonymous conversations: the sender's, and the leaders' reply and flag lists."""

import uuid
from typing import Any

from django import forms

from workforce_health.core.models import Service
from workforce_health.listening import codes
from workforce_health.listening.models import Message
from workforce_health.listening.models.conversations import MESSAGE_MAX_LENGTH

LEADERSHIP = "leadership"


def _message_field(label: str, hint: str, *, required: bool = True) -> forms.CharField:
    return forms.CharField(
        label=label,
        help_text=hint,
        required=required,
        max_length=MESSAGE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 8}),
        error_messages={
            "required": "Enter your message",
            "max_length": f"Your message must be {MESSAGE_MAX_LENGTH:,} characters or fewer",
        },
    )


class ConversationForm(forms.Form):
    recipient = forms.ChoiceField(
        label="Who do you want to send it to?",
        widget=forms.RadioSelect,
        error_messages={"required": "Choose who to send it to"},
    )
    message = _message_field(
        "Your message",
        "Do not include your name, or anything else that would identify you or someone else, "
        "unless you want to. Names, email addresses and phone numbers are hidden from the people "
        "who read it, but other details are not.",
    )
    share_name = forms.BooleanField(
        label="Show my name with this message",
        required=False,
    )

    def __init__(
        self, *args: Any, services: list[Service], sender_name: str, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.services = {str(s.pk): s for s in services}
        self.fields["recipient"].choices = [  # type: ignore[attr-defined]
            (LEADERSHIP, "The leadership team (read by the workforce lead)"),
            *((key, f"The leaders of {s.name}") for key, s in self.services.items()),
        ]
        self.fields["share_name"].help_text = (
            "Leave this unticked to stay anonymous. If you tick it, the people who read your "
            f"message will see that it is from {sender_name}."
        )
        self.sender_name = sender_name

    @property
    def service(self) -> Service | None:
        return self.services.get(self.cleaned_data["recipient"])


class CodeForm(forms.Form):
    code = forms.CharField(
        label="Your private code",
        help_text=(
            "The code you were given when you sent your message, like K7QM-3XDP-9HTR-WV2A-B4NE"
        ),
        max_length=40,
        widget=forms.TextInput(
            attrs={
                "class": "govuk-input--width-20 govuk-input--extra-letter-spacing",
                "autocomplete": "off",
                "spellcheck": "false",
            }
        ),
        error_messages={"required": "Enter your private code"},
    )

    def clean_code(self) -> str:
        code: str = self.cleaned_data["code"]
        if codes.normalised(code) is None:
            raise forms.ValidationError(
                "Enter the code as you were given it: 20 letters and numbers, like "
                "K7QM-3XDP-9HTR-WV2A-B4NE"
            )
        return code


class FollowUpForm(CodeForm):
    """The sender writes again. The code and a one-time key travel in hidden fields (never in
    the address, so never in a log); the key makes a repeated submission send nothing twice."""

    message = _message_field("Write again", "The leaders will see this in the same conversation.")
    once = forms.UUIDField(widget=forms.HiddenInput)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["code"].widget = forms.HiddenInput()
        self.fields["once"].initial = uuid.uuid4()


class ReplyForm(forms.Form):
    reply = _message_field(
        "Reply",
        "The sender reads this with their private code. It is signed with your role. Do not "
        "ask them who they are.",
    )


class AcknowledgeForm(forms.Form):
    acknowledgement = forms.ChoiceField(
        label="Or send a set response",
        choices=Message.Acknowledgement.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose a response"},
    )


class FlagCategoryForm(forms.Form):
    name = forms.CharField(label="Name", max_length=100)
    keywords = forms.CharField(
        label="Words and phrases",
        help_text="One on each line. A word ending in * matches any word starting with it "
        "(bully* matches bullying and bullied); other words match whole words only.",
        widget=forms.Textarea(attrs={"rows": 12}),
        error_messages={"required": "Enter at least one word or phrase"},
    )
    guidance = forms.CharField(
        label="Guidance for the person reading a flagged message",
        widget=forms.Textarea(attrs={"rows": 6}),
        max_length=3000,
        error_messages={"required": "Enter guidance"},
    )
