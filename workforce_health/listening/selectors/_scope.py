"""Who may see which rows of this app: decided here only (PARALLEL.md: to become core's
`Scope` when it lands, in this one function).

Built on today's `core.selectors`: the services and teams in the viewer's scope. Organisation-wide
roles (administrator, workforce lead) see every row of their organisation; a service manager the
rows for their service (and the organisation's own, such as an organisation-wide session); a team
manager those for their team's service and team; practitioners see only what staff pages show.
"""

from dataclasses import dataclass

from workforce_health.core import selectors as core_selectors
from workforce_health.core.models import Membership, Organisation
from workforce_health.core.permissions import ORGANISATION_WIDE_ROLES


@dataclass(frozen=True)
class Reach:
    organisation: Organisation
    whole: bool  # every row of the organisation
    service_ids: frozenset[int]  # otherwise: rows for these services
    team_ids: frozenset[int]  # and these teams


def reach(viewer: Membership) -> Reach:
    if viewer.role in ORGANISATION_WIDE_ROLES:
        return Reach(viewer.organisation, True, frozenset(), frozenset())
    teams = list(core_selectors.team_list(viewer=viewer).values_list("pk", "service_id"))
    return Reach(
        viewer.organisation,
        False,
        frozenset(service for _, service in teams) | frozenset(filter(None, [viewer.service_id])),
        frozenset(team for team, _ in teams),
    )
