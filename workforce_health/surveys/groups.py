"""The groups a respondent is reported in: role group, tenure band and employment type."""

import datetime
from collections import Counter

from django.db import models

from workforce_health.core.models import Employment, JobRole
from workforce_health.surveys import analysis


class RoleGroup(models.TextChoices):
    SOCIAL_WORKER = "social_worker", "Social worker"
    SENIOR_PRACTITIONER = "senior_practitioner", "Senior or advanced practitioner"
    MANAGER = "manager", "Manager"
    OTHER_PRACTITIONER = "other_practitioner", "Other practitioner or support role"


ROLE_GROUP_OF: dict[str, str] = {
    JobRole.PRINCIPAL_SOCIAL_WORKER: RoleGroup.MANAGER,
    JobRole.HEAD_OF_SERVICE: RoleGroup.MANAGER,
    JobRole.SERVICE_MANAGER: RoleGroup.MANAGER,
    JobRole.TEAM_MANAGER: RoleGroup.MANAGER,
    JobRole.ADVANCED_PRACTITIONER: RoleGroup.SENIOR_PRACTITIONER,
    JobRole.SENIOR_PRACTITIONER: RoleGroup.SENIOR_PRACTITIONER,
    JobRole.INDEPENDENT_REVIEWING_OFFICER: RoleGroup.SENIOR_PRACTITIONER,
    JobRole.SOCIAL_WORKER: RoleGroup.SOCIAL_WORKER,
    JobRole.NEWLY_QUALIFIED_SOCIAL_WORKER: RoleGroup.SOCIAL_WORKER,
    JobRole.FAMILY_SUPPORT_WORKER: RoleGroup.OTHER_PRACTITIONER,
    JobRole.PERSONAL_ADVISER: RoleGroup.OTHER_PRACTITIONER,
    JobRole.OCCUPATIONAL_THERAPIST: RoleGroup.OTHER_PRACTITIONER,
    JobRole.SOCIAL_CARE_ASSESSOR: RoleGroup.OTHER_PRACTITIONER,
    JobRole.SUPPORT_WORKER: RoleGroup.OTHER_PRACTITIONER,
}

SOCIAL_WORK_GROUPS = [RoleGroup.SOCIAL_WORKER, RoleGroup.SENIOR_PRACTITIONER, RoleGroup.MANAGER]


class TenureBand(models.TextChoices):
    UNDER_1 = "under_1", "Less than 1 year"
    FROM_1_TO_2 = "1_to_2", "1 year to less than 2 years"
    FROM_2_TO_5 = "2_to_5", "2 years to less than 5 years"
    FIVE_PLUS = "5_plus", "5 years or more"


def _years_between(start: datetime.date, on: datetime.date) -> int:
    return on.year - start.year - ((on.month, on.day) < (start.month, start.day))


def tenure_band(start: datetime.date, on: datetime.date) -> str:
    years = _years_between(start, on)
    if years < 1:
        return TenureBand.UNDER_1.label
    if years < 2:
        return TenureBand.FROM_1_TO_2.label
    if years < 5:
        return TenureBand.FROM_2_TO_5.label
    return TenureBand.FIVE_PLUS.label


EMPLOYMENT_TYPES = [label for _, label in Employment.ContractType.choices]
NOT_KNOWN = analysis.NOT_KNOWN  # the label for a missing or withheld group
GROUP_FIELDS = ("service", "team", "role_group", "tenure_band", "employment_type")

# Every invitee's snapshot is shared by at least this many invitees (docs/surveys-anonymity.md).
SNAPSHOT_MIN_GROUP = 5
# Withheld first to last when a combination is too rare; the service is withheld last.
GENERALISE_ORDER = ("tenure_band", "employment_type", "role_group", "team", "service")


def generalise(
    snapshots: list[dict[str, str]], k: int = SNAPSHOT_MIN_GROUP
) -> list[dict[str, str]]:
    """Replace group labels by "Not known" until each combination is held by k or more people.

    Without this, a unique combination (the only agency senior practitioner in a team) would
    identify its holder's response to anyone who can read the people records.
    """
    result = [dict(s) for s in snapshots]
    pending = set(range(len(snapshots)))
    for level in range(len(GENERALISE_ORDER) + 1):
        hidden = GENERALISE_ORDER[:level]
        keys = {
            i: tuple(NOT_KNOWN if f in hidden else snapshots[i][f] for f in GROUP_FIELDS)
            for i in pending
        }
        counts = Counter(keys.values())
        for i, key in keys.items():
            if counts[key] >= k or level == len(GENERALISE_ORDER):
                result[i] = dict(zip(GROUP_FIELDS, key, strict=True))
                pending.discard(i)
    return result
