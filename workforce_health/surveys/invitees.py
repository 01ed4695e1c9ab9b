"""Who a wave invites and where their invitations go: one definition for opening the wave
(services.waves), sending the emails (services.invitations) and the opening page's counts
(selectors.wave_opening_get). Reads only."""

import datetime

from django.db.models import Min

from workforce_health.core.models import Employment, Membership, Person
from workforce_health.surveys import groups
from workforce_health.surveys.models import Wave


def invitee_snapshots(wave: Wave, on: datetime.date) -> list[tuple[int, dict[str, str]]]:
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


def invitation_emails(wave: Wave) -> dict[int, str]:
    """Person id -> where to send their invitation: the email address on their staff record,
    else the email of their sign-in in this organisation, where there is one."""
    rows = Membership.objects.filter(
        organisation=wave.organisation, person__isnull=False
    ).values_list("person_id", "user__email")
    emails = {person_id: email for person_id, email in rows if email}
    on_record = Person.objects.filter(organisation=wave.organisation).exclude(email="")
    emails.update(on_record.values_list("id", "email"))
    return emails
