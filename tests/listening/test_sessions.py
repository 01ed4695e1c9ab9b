"""Leader sessions: planning, .ics invitations by email, attendance counts, a register only for
a mandatory briefing, reach, who sees which sessions."""

import datetime

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.core.mail import EmailMessage
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from tests.factories import Role
from tests.listening import helpers
from workforce_health.core.scope import Scope
from workforce_health.listening import selectors, services
from workforce_health.listening.models import LeaderSession


def _calendar_of(message: EmailMessage) -> Calendar:
    [part] = [p for p in message.message().walk() if p.get_content_type() == "text/calendar"]
    assert part.get_param("method") in ("PUBLISH", "CANCEL")
    payload = part.get_payload(decode=True)
    assert isinstance(payload, bytes)
    return Calendar.from_ical(payload)


@pytest.mark.django_db
def test_invitations_go_to_the_audience_with_a_calendar_file_and_updates_replace_it(council):
    helpers.more_staff(council, 3)
    session = helpers.session(council, audience_teams=[council.assessment])
    sent, missing = services.session_invitations_send(session=session, host="workforce.example")
    assert (sent, missing) == (3, 2)  # two of the team have no email address
    assert sorted(m.to[0] for m in mail.outbox) == [f"worker{n}@example.org" for n in range(3)]
    [event] = _calendar_of(mail.outbox[0]).events
    assert event.uid == f"{session.uid}@workforce.example"
    assert event.start == session.starts_at.replace(microsecond=0)
    assert event.sequence == 0
    assert [c.invited for c in session.invited.all()] == [5]  # the whole team was invited
    moved = services.session_update(
        session=session,
        audience_teams=[council.assessment],
        **{
            f: getattr(session, f)
            for f in services.sessions.SESSION_FIELDS
            if f not in ("starts_at",)
        },
        starts_at=session.starts_at + datetime.timedelta(hours=2),
    )
    assert moved.sequence == 1
    mail.outbox.clear()
    services.session_invitations_send(session=moved, host="workforce.example")
    assert _calendar_of(mail.outbox[0]).events[0].sequence == 1
    cancelled = services.session_cancel(session=moved)
    mail.outbox.clear()
    services.session_invitations_send(session=cancelled, host="workforce.example")
    assert _calendar_of(mail.outbox[0]).method == "CANCEL"
    assert mail.outbox[0].subject.startswith("Cancelled: ")


@pytest.mark.django_db
def test_attendance_is_counted_by_team_or_in_total_and_never_by_name(council, client):
    helpers.more_staff(council, 8)
    session = helpers.session(
        council,
        starts_at=timezone.now() - datetime.timedelta(days=1),
        audience_services=[council.children],
    )
    with pytest.raises(ValidationError):
        services.session_register_record(session=session, person_ids=[council.social_worker.pk])
    services.session_attendance_record(
        session=session, by_team={council.assessment.pk: 4, council.safeguarding.pk: 0}
    )
    session.refresh_from_db()
    assert session.status == LeaderSession.Status.HELD
    assert selectors.attended_total(session) == 4
    assert selectors.invited_total(session) == 10  # 8 new social workers, Alex and Priya
    with pytest.raises(ValidationError):
        services.session_attendance_record(session=session, by_team={council.adults_locality.pk: 1})
    services.session_attendance_record(session=session, total=6, questions_raised="Parking?")
    assert selectors.attended_total(session) == 6
    client.force_login(council.users[Role.WORKFORCE_LEAD])
    page = client.get(reverse("listening-session", args=[session.pk])).content.decode()
    assert "6 of 10 invited" in page and "Parking?" in page


@pytest.mark.django_db
def test_a_register_only_for_a_mandatory_briefing(council):
    with pytest.raises(ValidationError):
        helpers.session(council, keeps_register=True)  # a coffee session: never
    with pytest.raises(ValidationError):
        helpers.session(council, kind=LeaderSession.Kind.BRIEFING, keeps_register=True)
    briefing = helpers.session(
        council,
        kind=LeaderSession.Kind.BRIEFING,
        mandatory=True,
        keeps_register=True,
        starts_at=timezone.now() - datetime.timedelta(hours=3),
    )
    with pytest.raises(ValidationError):
        services.session_attendance_record(session=briefing, total=3)
    services.session_register_record(
        session=briefing, person_ids=[council.social_worker.pk, council.adult_worker.pk]
    )
    assert selectors.attended_total(briefing) == 2
    assert {c.team_id for c in briefing.attendance.all()} == {
        council.assessment.pk,
        council.adults_locality.pk,
    }


@pytest.mark.django_db
def test_reach_by_quarter_and_team_within_a_managers_scope(council):
    helpers.more_staff(council, 8)
    held = helpers.session(council, starts_at=timezone.now() - datetime.timedelta(days=2))
    services.session_attendance_record(
        session=held,
        by_team={
            council.assessment.pk: 5,
            council.safeguarding.pk: 0,
            council.adults_locality.pk: 1,
        },
    )
    today = timezone.localdate()
    manager = council.users[Role.TEAM_MANAGER].memberships.get()
    found = selectors.session_reach(
        scope=Scope.of(manager), start=today.replace(month=1, day=1), end=today
    )
    assert list(found.teams) == [("Children's Services", "Assessment North")]
    whole = council.users[Role.WORKFORCE_LEAD].memberships.get()
    everything = selectors.session_reach(
        scope=Scope.of(whole), start=today.replace(month=1, day=1), end=today
    )
    quarter = everything.quarters[-1]
    assert everything.organisation[quarter].attended == 6
    assert everything.teams[("Children's Services", "Assessment North")][quarter].reach == 50.0


@pytest.mark.django_db
def test_staff_download_the_calendar_of_sessions_they_are_invited_to(council, client):
    theirs = helpers.session(council, audience_teams=[council.assessment])
    others = helpers.session(council, audience_teams=[council.adults_locality])
    client.force_login(council.users[Role.PRACTITIONER])
    response = client.get(reverse("listening-session-calendar", args=[theirs.pk]))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    assert Calendar.from_ical(response.content).events[0].summary == theirs.title
    assert client.get(reverse("listening-session-calendar", args=[others.pk])).status_code == 404
    home = client.get(reverse("listening-home")).content.decode()
    assert theirs.title in home and "Add to calendar" in home


@pytest.mark.django_db
def test_the_lead_plans_a_session_through_the_form(council, client):
    client.force_login(council.users[Role.WORKFORCE_LEAD])
    day = timezone.localdate() + datetime.timedelta(days=14)
    response = client.post(
        reverse("listening-session-create"),
        {
            "kind": "briefing",
            "title": "=Briefing on caseloads",
            "date-day": day.day,
            "date-month": day.month,
            "date-year": day.year,
            "time": "09:30",
            "duration_minutes": "60",
            "format": "online",
            "location": "Teams",
            "hosts": ["director", "principal_social_worker"],
            "audience_services": [council.children.pk],
            "standards": ["S3", "S5"],
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    session = LeaderSession.objects.get()
    assert timezone.localtime(session.starts_at).strftime("%H:%M") == "09:30"
    assert session.standards == ["S3", "S5"]
    csv = client.get(reverse("listening-session-reach-download", args=["sessions-held", "csv"]))
    assert csv.status_code == 200
