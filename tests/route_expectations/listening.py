"""Routes of the listening app. The sender's pages are under /anonymous/: sending needs a
signed-in member of staff, reading only the private code. Leaders' pages need the listening
capabilities (core/permissions.py)."""

import datetime

from django.utils import timezone

from tests.route_expectations import EDITORS, POST_ONLY, PUBLIC, STRUCTURE_VIEWERS, Role
from tests.surveys import helpers
from workforce_health.listening import services, survey_adapter
from workforce_health.listening.models import ActionLink, LeaderSession, PulseSeries

STAFF = STRUCTURE_VIEWERS | {Role.PRACTITIONER}
REPLIERS = frozenset({Role.WORKFORCE_LEAD, Role.SERVICE_MANAGER})
COUNTERS = frozenset({Role.ADMINISTRATOR, Role.WORKFORCE_LEAD, Role.SERVICE_MANAGER})
LEAD = frozenset({Role.WORKFORCE_LEAD})


def _listening(council):
    """A conversation to Children's Services, an organisation-wide session coming up, an action
    and a pulse series following an opened Children's Health Check, made once per council."""
    if not hasattr(council, "listening"):
        wave = helpers.open_wave(council, slug="listening-route-walk")
        started = services.conversation_start(
            organisation=council.organisation, service=council.children, body="Too many cases"
        )
        session = services.session_create(
            organisation=council.organisation,
            kind=LeaderSession.Kind.COFFEE,
            title="Coffee and catch up",
            starts_at=timezone.now() + datetime.timedelta(days=7),
            duration_minutes=45,
            format=LeaderSession.Format.IN_PERSON,
            location="Room 1",
            hosts=[LeaderSession.Host.DIRECTOR],
            audience_role_groups=[],
            standards=["S3"],
            topics="Anything",
            mandatory=False,
            keeps_register=False,
        )
        action = services.action_create(
            organisation=council.organisation,
            title="Review caseloads",
            owner=council.manager,
            due_on=timezone.localdate() + datetime.timedelta(days=90),
            prompts=[{"kind": ActionLink.Kind.CONVERSATION_THEME, "theme": "Caseload"}],
        )
        series = services.pulse_series_create(
            organisation=council.organisation,
            title="Children's pulse",
            questionnaire=survey_adapter.packaged(survey_adapter.ENGAGEMENT_PULSE),
            reference_wave=wave,
            every=PulseSeries.Every.QUARTER,
            starts_on=timezone.localdate(),
        )
        council.listening = {
            "conversation": started.conversation,
            "session": session,
            "action": action,
            "series": series,
        }
    return council.listening


EXPECTED = {
    "listening-anonymous-new": STAFF,
    "listening-anonymous-read": PUBLIC,
    "listening-anonymous-follow-up": POST_ONLY,
    "listening-home": STAFF,
    "listening-inbox": REPLIERS,
    "listening-conversation": REPLIERS,
    "listening-conversation-summary": COUNTERS,
    "listening-conversation-summary-download": COUNTERS,
    "listening-flags": LEAD,
    "listening-flag-edit": LEAD,
    "listening-sessions": STRUCTURE_VIEWERS,
    "listening-session-create": EDITORS,
    "listening-session-reach-download": STRUCTURE_VIEWERS,
    "listening-session": STRUCTURE_VIEWERS,
    "listening-session-edit": EDITORS,
    "listening-session-attendance": EDITORS,
    "listening-session-attendance-download": STRUCTURE_VIEWERS,
    "listening-session-calendar": STAFF,
    "listening-session-feedback": POST_ONLY,
    "listening-actions": STRUCTURE_VIEWERS,
    "listening-actions-download": STRUCTURE_VIEWERS,
    "listening-action-create": EDITORS,
    "listening-action": STRUCTURE_VIEWERS,
    "listening-action-edit": EDITORS,
    "listening-action-progress": EDITORS,
    "listening-action-link": EDITORS,
    "listening-action-check-back": EDITORS,
    "listening-pulses": STRUCTURE_VIEWERS,
    "listening-pulse-create": EDITORS,
    "listening-pulse-questionnaire": EDITORS,
    "listening-pulse-series": STRUCTURE_VIEWERS,
    "listening-pulse-download": STRUCTURE_VIEWERS,
}
ARGUMENTS = {
    "conversation_id": lambda council: _listening(council)["conversation"].pk,
    "session_id": lambda council: _listening(council)["session"].pk,
    "action_id": lambda council: _listening(council)["action"].pk,
    "series_id": lambda council: _listening(council)["series"].pk,
    "flag_key": lambda council: "bullying",
    "summary_table": lambda council: "conversations-by-month",
    "reach_table": lambda council: "sessions-held",
    "pulse_table": lambda council: "pulse-trend",
    "listening_format": lambda council: "csv",
}
