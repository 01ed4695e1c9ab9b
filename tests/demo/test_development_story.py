"""The demo council's development records tell the Health Check's story: recorded supervision
rises from 2023 to 2025 as the supervision scores do, an NQSW cohort each year (most passing,
one paused and one extended), secondments; and no demo date is after the demo's today."""

import datetime
from collections.abc import Iterator

import pytest
from django.db.models import Max

from workforce_health.core.models import Membership, Organisation
from workforce_health.core.scope import Scope
from workforce_health.demo.loader import demo_load, demo_reset
from workforce_health.development import frames
from workforce_health.development.models import (
    CpdEntry,
    Enrolment,
    Pause,
    Secondment,
    SupervisionSession,
)

TODAY = datetime.date(2025, 11, 14)
pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker) -> Iterator[Organisation]:
    with django_db_blocker.unblock():
        result = demo_load(today=TODAY, report_files=False)
        yield result.organisation
        demo_reset()


def test_recorded_supervision_rises_before_each_health_check(demo):
    lead = Membership.objects.get(organisation=demo, user__username="lead")
    inputs = frames.supervision_inputs_get(scope=Scope.of(lead))
    measures = frames.supervision_measures(inputs, until=TODAY)
    met = {}
    for year in (2023, 2024, 2025):
        opens = datetime.date(year, 2, 3)  # the demo waves open on 3 February
        period = frames.Period(datetime.date(year - 1, 2, 3), opens - datetime.timedelta(1), TODAY)
        met[year] = measures.compliance(period).row(0, named=True)["share_met"]
    assert 55 <= met[2023] < met[2024] < met[2025] <= 90
    assert met[2025] - met[2023] >= 12


def test_an_nqsw_cohort_each_year_mostly_passing(demo):
    enrolments = Enrolment.objects.filter(organisation=demo)
    years = {e.starts_on.year for e in enrolments}
    assert {2022, 2023, 2024, 2025} <= years
    finished = enrolments.filter(planned_end__lt=TODAY - datetime.timedelta(days=120))
    passed = finished.filter(decision="pass").count()
    assert passed >= 0.6 * finished.count()
    assert Pause.objects.filter(enrolment__organisation=demo).count() >= 3
    assert enrolments.exclude(extended_to=None).count() >= 3


def test_secondments_cpd_and_dates(demo):
    secondments = Secondment.objects.filter(organisation=demo)
    assert 2 <= secondments.count() <= 6
    assert secondments.filter(
        census_treatment="leaver", starts_on__lte=datetime.date(2025, 9, 30)
    ).exists()
    assert CpdEntry.objects.filter(organisation=demo).count() > 1000
    latest = SupervisionSession.objects.filter(organisation=demo).aggregate(Max("held_on"))
    assert latest["held_on__max"] <= TODAY
    assert CpdEntry.objects.filter(organisation=demo, done_on__gt=TODAY).count() == 0
