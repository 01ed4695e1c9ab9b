"""Writes for sign-in settings, group mappings, Microsoft sign-ins and unlocking."""

import logging
import re
from typing import Any

from axes.utils import reset
from django.contrib.auth.models import User
from django.db import transaction

from workforce_health.core import services as core_services
from workforce_health.core.models import Membership, Organisation, Service, Team
from workforce_health.signin.models import GroupMapping, OrganisationSignIn

logger = logging.getLogger("workforce_health.signin")


def _save(instance: Any) -> Any:
    instance.full_clean()
    instance.save()
    return instance


@transaction.atomic
def sign_in_settings_update(
    *,
    organisation: Organisation,
    entra_enabled: bool,
    tenant_id: str,
    client_id: str,
    secret_variable: str,
    sso_only: bool,
    break_glass_user: User | None,
) -> OrganisationSignIn:
    settings = OrganisationSignIn.objects.filter(organisation=organisation).first()
    settings = settings or OrganisationSignIn(organisation=organisation)
    settings.entra_enabled = entra_enabled
    settings.tenant_id = tenant_id.strip().lower()
    settings.client_id = client_id.strip().lower()
    settings.secret_variable = secret_variable.strip()
    settings.sso_only = sso_only
    settings.break_glass_user = break_glass_user
    return _save(settings)


@transaction.atomic
def group_mapping_create(
    *,
    organisation: Organisation,
    claim_value: str,
    role: str,
    service: Service | None = None,
    team: Team | None = None,
) -> GroupMapping:
    return _save(
        GroupMapping(
            organisation=organisation,
            claim_value=claim_value.strip(),
            role=role,
            service=service,
            team=team,
        )
    )


@transaction.atomic
def group_mapping_delete(*, mapping: GroupMapping) -> None:
    mapping.delete()


@transaction.atomic
def membership_from_mapping(*, user: User, mapping: GroupMapping) -> Membership:
    """Give the user the mapped role in the mapping's organisation (at every Microsoft sign-in)."""
    membership = Membership.objects.filter(user=user, organisation=mapping.organisation).first()
    if membership is None:
        return core_services.membership_create(
            user=user,
            organisation=mapping.organisation,
            role=mapping.role,
            service=mapping.service,
            team=mapping.team,
        )
    if (membership.role, membership.service_id, membership.team_id) == (
        mapping.role,
        mapping.service_id,
        mapping.team_id,
    ):
        return membership
    return core_services.membership_update(
        membership=membership, role=mapping.role, service=mapping.service, team=mapping.team
    )


def entra_username(*, wanted: str) -> str:
    """A free username like the Entra one (its user principal name), for display only."""
    base = re.sub(r"[^\w.@+-]", "", wanted)[:140] or "microsoft-user"
    candidate, number = base, 1
    while User.objects.filter(username=candidate).exists():
        number += 1
        candidate = f"{base}-{number}"
    return candidate


def sign_in_unlock(*, kind: str, value: str, by: str) -> int:
    """Forget the failed sign-ins of an account ("account") or an address ("address")."""
    if kind == "account":
        removed = reset(username=value)
    elif kind == "address":
        removed = reset(ip=value)
    else:
        raise ValueError(f"Unknown lock kind {kind!r}")
    logger.warning("Sign-in unlocked: %s %r by %s", kind, value, by)
    return removed


@transaction.atomic
def authenticator_app_add(*, user: User, secret: str) -> None:
    """Give `user` an authenticator app (TOTP) with this base32 secret (the demo's sign-ins)."""
    from allauth.mfa.models import Authenticator
    from allauth.mfa.totp.internal.auth import TOTP

    if not Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists():
        TOTP.activate(user, secret)
