"""The scrutiny report's listening section: sessions, conversations (counts only) and actions,
with their findings, read for one service's scope."""

import datetime

import pytest
from django.utils import timezone

from tests.listening import helpers
from workforce_health.listening import services
from workforce_health.listening.models import Action, ActionLink
from workforce_health.reports.inputs import ReportInputs
from workforce_health.reports.sections import listening
from workforce_health.reports.sections.catalogue import section_specs


@pytest.mark.django_db
def test_the_scrutiny_report_has_a_listening_section_with_findings(council):
    helpers.more_staff(council, 4)
    held = helpers.session(council, starts_at=timezone.now() - datetime.timedelta(days=10))
    services.session_attendance_record(session=held, by_team={council.assessment.pk: 4})
    for _ in range(3):
        services.conversation_start(
            organisation=council.organisation, service=council.children, body="Caseloads are high"
        )
    action = helpers.action(
        council,
        services=[council.children],
        prompts=[{"kind": ActionLink.Kind.SESSION, "session": held}],
    )
    services.action_progress(
        action=action,
        status=Action.Status.COMPLETE,
        note="Done",
        author=None,
        completed_on=timezone.localdate(),
        evidence="Done",
    )
    inputs = ReportInputs(
        organisation=council.organisation,
        services=(council.children,),
        meeting_date=timezone.localdate() + datetime.timedelta(days=20),
    )
    content = listening.build(inputs)
    slugs = [b.table.slug for b in content.blocks if b.table is not None]
    assert "engagement-sessions-held" in slugs
    assert "engagement-conversations-by-theme" in slugs
    assert "engagement-actions" in slugs
    assert any("1 leader session" in f for f in content.findings)
    assert any("3 anonymous conversations" in f for f in content.findings)
    assert any("1 action" in f and "was completed" in f for f in content.findings)
    assert "listening" in [spec.key for spec in section_specs()]
