"""Reads for sign-in settings, group mappings and locked sign-ins."""

import datetime
from collections.abc import Iterable
from dataclasses import dataclass

from axes.models import AccessAttempt
from django.conf import settings
from django.db.models import Max, QuerySet, Sum

from workforce_health.core.models import Membership, Organisation
from workforce_health.signin.models import GroupMapping, OrganisationSignIn

ROLE_ORDER = [value for value, _ in Membership.Role.choices]  # administrator first


def sign_in_settings_get(*, organisation: Organisation) -> OrganisationSignIn | None:
    return OrganisationSignIn.objects.filter(organisation=organisation).first()


def entra_settings_list() -> list[OrganisationSignIn]:
    return list(
        OrganisationSignIn.objects.filter(entra_enabled=True)
        .select_related("organisation")
        .order_by("organisation__name")
    )


def entra_settings_for_provider(*, provider_id: str) -> OrganisationSignIn | None:
    return next((s for s in entra_settings_list() if s.provider_id == provider_id), None)


def group_mapping_list(*, organisation: Organisation) -> QuerySet[GroupMapping]:
    return GroupMapping.objects.filter(organisation=organisation).select_related("service", "team")


def group_mapping_get(*, organisation: Organisation, mapping_id: int) -> GroupMapping | None:
    return group_mapping_list(organisation=organisation).filter(pk=mapping_id).first()


def group_mapping_for_claims(
    *, organisation: Organisation, values: Iterable[str]
) -> GroupMapping | None:
    """The mapping of the user's groups and app roles with the widest role, or None.

    Group object ids are compared without case; app role values exactly as Entra sends them.
    """
    wanted = {str(value) for value in values} | {str(value).lower() for value in values}
    matches = [
        m
        for m in group_mapping_list(organisation=organisation)
        if m.claim_value in wanted or m.claim_value.lower() in wanted
    ]
    if not matches:
        return None
    return min(matches, key=lambda m: (ROLE_ORDER.index(m.role), m.claim_value))


@dataclass(frozen=True)
class Lock:
    kind: str  # "account" or "address"
    value: str  # the username or the address
    failures: int
    last_attempt: datetime.datetime


def locked_sign_in_list(*, organisation: Organisation) -> list[Lock]:
    """This organisation's accounts, and addresses its usernames were tried from, that are locked.

    django-axes counts failures per account and per address across its rows (its lockout
    rule); one is locked once the sum reaches AXES_FAILURE_LIMIT, until an administrator unlocks.
    """
    limit = int(settings.AXES_FAILURE_LIMIT)
    usernames = Membership.objects.filter(organisation=organisation).values("user__username")
    tried = AccessAttempt.objects.filter(username__in=usernames)
    locks = [
        Lock("account", row["username"], row["failures"], row["last"])
        for row in tried.values("username")
        .annotate(failures=Sum("failures_since_start"), last=Max("attempt_time"))
        .filter(failures__gte=limit)
    ]
    addresses = tried.exclude(ip_address=None).values("ip_address")
    locks += [
        Lock("address", row["ip_address"], row["failures"], row["last"])
        for row in AccessAttempt.objects.filter(ip_address__in=addresses)
        .values("ip_address")
        .annotate(failures=Sum("failures_since_start"), last=Max("attempt_time"))
        .filter(failures__gte=limit)
    ]
    return sorted(locks, key=lambda lock: lock.last_attempt, reverse=True)
