"""The development services: rules on the models, one wording for forms, services and imports."""

import datetime
from decimal import Decimal

import pytest
from auditlog.context import disable_auditlog
from django.core.exceptions import ValidationError
from django.utils import timezone

from tests import factories
from tests.development.helpers import START, records
from workforce_health.core.models import Employment, Team
from workforce_health.development import services
from workforce_health.development.measures import schedule
from workforce_health.development.models import Enrolment, SupervisionSession

pytestmark = pytest.mark.django_db


def test_the_default_policy_is_the_lgas(council):
    policy = services.cadence_policy_default(organisation=council.organisation)
    assert policy.rule(newly_qualified=True).phases == schedule.LGA_NEWLY_QUALIFIED
    assert policy.rule(newly_qualified=False).phases == schedule.LGA_EXPERIENCED
    assert (policy.minimum_minutes, policy.must_be_uninterrupted) == (90, True)
    assert policy.counted_kinds == ["one_to_one"]
    assert services.cadence_policy_default(organisation=council.organisation) == policy


def test_only_one_default_policy(council):
    first = services.cadence_policy_default(organisation=council.organisation)
    second = services.cadence_policy_create(
        organisation=council.organisation, name="Fostering", is_default=True
    )
    first.refresh_from_db()
    assert second.is_default and not first.is_default


def test_a_policy_must_make_sense(council):
    with pytest.raises(ValidationError) as error:
        services.cadence_policy_create(
            organisation=council.organisation,
            name="Broken",
            experienced=[{"every": 1, "unit": "months", "until": 3, "until_unit": "months"}],
            counted_kinds=[],
        )
    assert "last phase must go on" in str(error.value)
    assert "at least one kind" in str(error.value)


def test_a_session_is_with_the_agreements_supervisor_and_never_in_the_future(council):
    made = records(council)
    assert made.session.supervisor == council.manager
    with pytest.raises(ValidationError, match="today or in the past"):
        services.session_record(
            person=council.social_worker,
            held_on=timezone.localdate() + datetime.timedelta(days=1),
            minutes=90,
            kind="one_to_one",
            uninterrupted=True,
            topics=[],
            recorded_by=None,
        )
    with pytest.raises(ValidationError, match="Choose topics"):
        services.session_record(
            person=council.social_worker,
            held_on=START,
            minutes=90,
            kind="one_to_one",
            uninterrupted=True,
            topics=["case notes"],
            recorded_by=None,
        )


def test_agreements_for_a_person_never_overlap(council):
    records(council)
    with pytest.raises(ValidationError, match="overlaps another supervision agreement"):
        services.agreement_create(
            person=council.social_worker,
            supervisor=council.manager,
            starts_on=datetime.date(2025, 1, 1),
        )
    with pytest.raises(ValidationError, match="someone other than"):
        services.agreement_create(
            person=council.manager, supervisor=council.manager, starts_on=START
        )


def test_records_stay_in_their_organisation(council, other_council):
    with pytest.raises(ValidationError, match="in this organisation"):
        services.agreement_create(
            person=council.social_worker, supervisor=other_council.manager, starts_on=START
        )


def test_a_review_point_is_recorded_once_and_can_be_changed(council):
    made = records(council)
    first = services.review_record(
        enrolment=made.enrolment,
        point=3,
        held_on=datetime.date(2024, 12, 2),
        present="NQSW, assessor",
        judgement="on_track",
    )
    again = services.review_record(
        enrolment=made.enrolment,
        point=3,
        held_on=datetime.date(2024, 12, 3),
        present="NQSW, assessor, supervisor",
        judgement="some_concerns",
    )
    assert first.pk == again.pk and made.enrolment.reviews.count() == 1


def test_the_enrolment_defaults_and_rules(council):
    made = records(council)
    assert made.enrolment.planned_end == datetime.date(2025, 9, 1)
    assert made.enrolment.protected_hours_per_week == Decimal("3.75")
    with pytest.raises(ValidationError, match="date the programme is extended to"):
        services.enrolment_update(
            enrolment=made.enrolment, decision="extension", panel_on=datetime.date(2025, 9, 20)
        )
    with pytest.raises(ValidationError, match="kind of evidence this programme"):
        services.evidence_record(
            enrolment=made.enrolment, requirement="portfolio", status="planned", held_at="x"
        )


def test_a_secondment_has_one_host_and_keeps_a_post_of_the_person(council):
    made = records(council)
    with pytest.raises(ValidationError, match="host team, or give a host organisation"):
        services.secondment_update(secondment=made.secondment, host_organisation="Partner")
    with pytest.raises(ValidationError, match="one of this person's posts"):
        services.secondment_update(
            secondment=made.secondment, home_employment=council.manager.employments.get()
        )


def test_attendance_is_one_row_a_person(council):
    made = records(council)
    services.attendance_set(event=made.event, person=council.social_worker, status="booked")
    assert made.event.attendances.get().status == "booked"


def test_deleting_a_council_as_the_demo_reset_does_takes_its_records(council):
    records(council)
    with disable_auditlog():  # as demo_reset: the trail goes with its organisation
        Employment.objects.filter(organisation=council.organisation).delete()
        Team.objects.filter(organisation=council.organisation).delete()
        council.organisation.delete()
    assert not SupervisionSession.objects.exists() and not Enrolment.objects.exists()


def test_a_new_person_outside_the_council_cannot_be_supervised_here(council, other_council):
    outsider = factories.person(other_council.organisation, "X1", "Out Sider")
    with pytest.raises(ValidationError):
        services.agreement_create(person=outsider, supervisor=council.manager, starts_on=START)
