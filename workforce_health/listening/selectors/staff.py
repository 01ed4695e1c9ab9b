"""The staff page, "You said, we did": what every signed-in member of staff may read about their
service (the latest Health Check headlines, suppressed; what was raised, done and in hand)."""

from dataclasses import dataclass

from workforce_health.core.models import Employment, Membership, Service
from workforce_health.core.scope import Scope, current_employment
from workforce_health.listening import results_adapter
from workforce_health.listening.models import Action, ActionUpdate, LeaderSession
from workforce_health.listening.selectors.actions import Said, action_said, staff_actions
from workforce_health.listening.selectors.pulses import CheckBack, check_back_result
from workforce_health.listening.selectors.sessions import upcoming_sessions
from workforce_health.surveys.models import Wave


def viewer_service(viewer: Membership) -> Service | None:
    """The service a member of staff belongs to: a manager's own (a team manager's team's),
    else their current post's. None for sign-ins without one (the whole organisation is shown)."""
    scope = Scope.of(viewer)
    if scope.service is not None:
        return scope.service
    if viewer.person is None:
        return None
    post = (
        Employment.objects.filter(current_employment(), person=viewer.person)
        .select_related("team__service")
        .order_by("-start_date", "-pk")
        .first()
    )
    return post.team.service if post is not None else None


@dataclass(frozen=True)
class StaffAction:
    action: Action
    said: list[Said]
    latest: ActionUpdate | None
    check_back: CheckBack | None


@dataclass(frozen=True)
class StaffPage:
    service: Service | None
    headlines: list[results_adapter.HeadlineSet]
    open_surveys: list[Wave]
    done: list[StaffAction]
    in_progress: list[StaffAction]
    sessions: list[LeaderSession]


def _staff_action(action: Action) -> StaffAction:
    updates = sorted(action.updates.all(), key=lambda u: (u.written_on, u.pk), reverse=True)
    return StaffAction(
        action=action,
        said=action_said(action),
        latest=updates[0] if updates else None,
        check_back=check_back_result(action=action),
    )


def staff_page(*, viewer: Membership) -> StaffPage:
    service = viewer_service(viewer)
    organisation = viewer.organisation
    actions = [_staff_action(a) for a in staff_actions(organisation=organisation, service=service)]
    return StaffPage(
        service=service,
        headlines=results_adapter.latest_headlines(organisation=organisation, service=service),
        open_surveys=results_adapter.open_health_checks(organisation=organisation, service=service),
        done=[a for a in actions if a.action.status == Action.Status.COMPLETE],
        in_progress=[a for a in actions if a.action.is_open],
        sessions=upcoming_sessions(organisation=organisation, person=viewer.person),
    )
