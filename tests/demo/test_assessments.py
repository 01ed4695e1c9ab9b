"""The demo council's self-assessments: 2024 (published) and 2025 (a draft), every standard
with evidence and the staff view, and in 2024 one standard the staff view contradicts, with an
action raised from it."""

import datetime
from collections.abc import Iterator

import pytest

from workforce_health.assessments.models import Assessment
from workforce_health.assessments.page import assessment_page
from workforce_health.core.models import Organisation
from workforce_health.demo.loader import demo_load, demo_reset
from workforce_health.listening.models import Action

TODAY = datetime.date(2025, 11, 14)
pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker) -> Iterator[Organisation]:
    with django_db_blocker.unblock():
        result = demo_load(today=TODAY, report_files=False)
        yield result.organisation
        demo_reset()


def test_2024_published_and_2025_draft(demo):
    by_year = {a.year: a for a in Assessment.objects.filter(organisation=demo)}
    assert sorted(by_year) == [2024, 2025]
    assert (by_year[2024].framework, by_year[2025].framework) == ("2020", "2025")
    assert by_year[2024].versions.count() == 1
    assert by_year[2025].versions.count() == 0
    page = assessment_page(by_year[2025], today=TODAY)
    assert len(page.standards) == 8
    assert all(s.evidence.staff and s.evidence.staff.score is not None for s in page.standards)
    assert all(s.evidence.tiles for s in page.standards[:7])


def test_the_staff_view_contradicts_one_claim_and_an_action_was_raised(demo):
    assessment = Assessment.objects.get(organisation=demo, year=2024)
    page = assessment_page(assessment, today=TODAY)
    contradicted = [s.code for s in page.standards if any(g.kind == "staff" for g in s.gaps)]
    assert contradicted == ["S3"]
    (action,) = next(s for s in page.standards if s.code == "S3").actions
    assert action.status == Action.Status.COMPLETE
    version = assessment.versions.get()
    assert "S3" in {s["key"].upper() for s in version.document["sections"]}
    assert version.ratings["S3"] == {"level": 3, "label": "Largely met"}
