"""Builders for survey tests, written through the services like real writes."""

import datetime
import re

from django.contrib.auth.models import User
from django.core import mail
from django.utils import timezone

from workforce_health.surveys.groups import SOCIAL_WORK_GROUPS
from workforce_health.surveys.models import Questionnaire, Wave
from workforce_health.surveys.services import invitations, waves

SWHC = "social-work-health-check"


def builtin(code: str = SWHC) -> Questionnaire:
    return Questionnaire.objects.filter(code=code, organisation__isnull=True).latest("version")


def wave(council, slug: str = "childrens-2025", **fields) -> Wave:
    today = timezone.localdate()
    values: dict = {
        "questionnaire": builtin(),
        "title": "Children's Social Work Health Check 2025",
        "slug": slug,
        "services": [council.children],
        "staff_groups": list(SOCIAL_WORK_GROUPS),
        "opens_on": today,
        "closes_on": today + datetime.timedelta(days=28),
    } | fields
    return waves.wave_create(organisation=council.organisation, **values)


def open_wave(council, **fields) -> Wave:
    created = wave(council, **fields)
    waves.wave_open(wave=created)
    return Wave.objects.get(pk=created.pk)


def give_emails(council) -> None:
    """Email addresses for the sign-ins linked to staff records (test data only)."""
    for user in council.users.values():
        User.objects.filter(pk=user.pk).update(email=f"{user.username}@example.org")


def invitation_tokens(opened: Wave) -> list[str]:
    """Send the invitations and read the tokens from the emails (the only place they exist)."""
    invitations.invitations_send(wave=opened, base_url="http://testserver")
    found = [re.search(r"/s/([A-Za-z0-9_-]+)/", str(m.body)) for m in mail.outbox]
    return [match.group(1) for match in found if match]


def shared_token(opened: Wave, **group: str) -> str:
    return invitations.shared_link_start(wave=opened, access_code=opened.access_code, group=group)
