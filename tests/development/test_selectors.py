"""Who sees and changes whose development records: like the people records, plus their own."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse

from tests import factories
from tests.development.helpers import START, records
from workforce_health.core.models import Membership
from workforce_health.core.scope import Scope
from workforce_health.development import selectors, services

pytestmark = pytest.mark.django_db
Role = Membership.Role


@pytest.fixture
def other_team(council):
    """A social worker in another children's team, with a session of their own."""
    person = factories.person(
        council.organisation, "991-9", "Kim Other", is_registered_social_worker=True
    )
    factories.employment(person, council.safeguarding)
    services.session_record(
        person=person,
        held_on=START,
        minutes=60,
        kind="one_to_one",
        uninterrupted=False,
        topics=[],
        recorded_by=None,
    )
    return person


def membership(council, role):
    return council.users[role].memberships.get()


@pytest.mark.parametrize(
    ("role", "sees_other_team"),
    [
        (Role.WORKFORCE_LEAD, True),
        (Role.ADMINISTRATOR, True),
        (Role.SERVICE_MANAGER, True),
        (Role.TEAM_MANAGER, False),
        (Role.PRACTITIONER, False),
        (Role.SCRUTINY_MEMBER, False),
    ],
)
def test_sessions_are_scoped_like_the_people_records(council, other_team, role, sees_other_team):
    records(council)
    people = {s.person for s in selectors.session_list(scope=Scope.of(membership(council, role)))}
    assert (other_team in people) == sees_other_team
    sees_own_team = role not in (Role.PRACTITIONER, Role.SCRUTINY_MEMBER)
    assert (council.social_worker in people) == sees_own_team


def test_a_practitioner_sees_their_own_record_only(council, client, other_team):
    made = records(council)
    client.force_login(council.users[Role.PRACTITIONER])
    page = client.get(reverse("development-mine"))
    assert page.status_code == 200 and b"Life story work" in page.content
    others = selectors.session_list(scope=Scope.of(membership(council, Role.TEAM_MANAGER)))
    assert made.session in others
    not_theirs = other_team.supervision_sessions.get()
    assert client.get(reverse("development-mine-rate", args=[not_theirs.pk])).status_code == 404
    assert client.get(reverse("development-person", args=[other_team.pk])).status_code == 403


def test_a_practitioner_rates_their_own_session(council, client):
    made = records(council)
    client.force_login(council.users[Role.PRACTITIONER])
    response = client.post(
        reverse("development-mine-rate", args=[made.session.pk]), {"quality": "4"}
    )
    assert response.status_code == 302
    made.session.refresh_from_db()
    assert made.session.quality == 4


def test_a_practitioner_keeps_their_own_cpd_and_only_their_own(council, client, other_team):
    records(council)
    client.force_login(council.users[Role.PRACTITIONER])
    data = {
        "done_on-day": "3",
        "done_on-month": "3",
        "done_on-year": "2025",
        "activity_type": "reading",
        "title": "Research in Practice briefing",
        "hours": "1.5",
        "learnt": "Neglect builds slowly",
        "impact": "I look at history first",
        "peer_reflection": "no",
        "recorded_with_swe": "yes",
    }
    assert client.post(reverse("development-mine-cpd-add"), data).status_code == 302
    entry = council.social_worker.cpd_entries.get(title="Research in Practice briefing")
    assert entry.hours == Decimal("1.5") and entry.recorded_by == council.users[Role.PRACTITIONER]
    theirs = services.cpd_entry_create(
        person=other_team,
        done_on=datetime.date(2025, 3, 3),
        activity_type="course",
        title="Not yours",
        hours=Decimal("1"),
        learnt="x",
        impact="y",
        peer_reflection=False,
        recorded_with_swe=False,
        recorded_by=None,
    )
    assert client.get(reverse("development-mine-cpd-edit", args=[theirs.pk])).status_code == 404
    assert (
        client.post(reverse("development-mine-cpd-edit", args=[theirs.pk]), data).status_code == 404
    )
    theirs.refresh_from_db()
    assert theirs.title == "Not yours"
    # Read-only otherwise: no recording for others, no changing sessions.
    assert client.get(reverse("development-session-record")).status_code == 403
    assert client.post(reverse("development-cpd-add"), data).status_code == 403


def test_a_team_manager_cannot_open_or_change_another_teams_records(council, client, other_team):
    client.force_login(council.users[Role.TEAM_MANAGER])
    session = other_team.supervision_sessions.get()
    assert client.get(reverse("development-session-edit", args=[session.pk])).status_code == 404
    response = client.post(reverse("development-session-delete", args=[session.pk]))
    assert response.status_code == 404 and other_team.supervision_sessions.exists()
    form = client.get(reverse("development-session-record")).content.decode()
    assert "Kim Other" not in form and "Alex Morgan" in form


def test_an_assessor_sees_the_nqsws_they_assess_whatever_their_role(council, client):
    made = records(council)
    assessor = factories.person(council.organisation, "991-7", "Ada Assessor")
    factories.employment(assessor, council.adults_locality, job_role="advanced_practitioner")
    services.enrolment_update(enrolment=made.enrolment, assessor=assessor)
    user = factories.services.user_with_membership_create(
        username="ada",
        password=factories.PASSWORD,
        organisation=council.organisation,
        role=Role.PRACTITIONER,
        person=assessor,
    )
    client.force_login(user)
    assert client.get(reverse("development-asye")).status_code == 200
    page = client.get(reverse("development-enrolment", args=[made.enrolment.pk]))
    assert page.status_code == 200 and b"Alex Morgan" in page.content
    data = {
        "point": "3",
        "held_on-day": "2",
        "held_on-month": "12",
        "held_on-year": "2024",
        "present": "Alex, Ada",
        "judgement": "on_track",
        "notes": "",
    }
    review = reverse("development-review", args=[made.enrolment.pk])
    assert client.post(review, data).status_code == 302
    assert made.enrolment.reviews.get(point=3).present == "Alex, Ada"
    # The assessor records reviews and evidence, not the enrolment itself.
    edit = reverse("development-enrolment-edit", args=[made.enrolment.pk])
    assert client.get(edit).status_code == 403
    # The practitioner being assessed is not an assessor: the dashboard is not theirs.
    client.force_login(council.users[Role.PRACTITIONER])
    assert client.get(reverse("development-asye")).status_code == 403
