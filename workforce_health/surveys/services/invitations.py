"""Writes for invitations: personal links emailed to invitees, and responses started through
the wave's shared link. How responses are kept unlinkable to people: docs/surveys-anonymity.md."""

from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from workforce_health.surveys import groups, tokens
from workforce_health.surveys.invitees import invitation_emails
from workforce_health.surveys.models import GROUP_FIELDS, Invitation, Wave
from workforce_health.surveys.services.common import save


def invitations_send(*, wave: Wave, base_url: str) -> tuple[int, int]:
    """Email a new single-use link to each invitee not yet sent one. Returns (sent, no address).

    The token exists only in the email: the invitation keeps a hash of it.
    """
    if not wave.is_accepting:
        raise ValidationError(f"{wave} is not open, so no invitations can be sent")
    emails = invitation_emails(wave)
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
            save(invitation)
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


WRONG_ACCESS_CODE = "That organisation code is not right: check it on the poster or in the email"


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
        raise ValidationError({"access_code": WRONG_ACCESS_CODE})
    token = tokens.new_token()
    snapshot = {name: group.get(name) or groups.NOT_KNOWN for name in GROUP_FIELDS}
    save(
        Invitation(
            wave=wave,
            source=Invitation.Source.SHARED_LINK,
            token_hash=tokens.token_hash(token, tokens.Purpose.INVITATION),
            **snapshot,
        )
    )
    return token
