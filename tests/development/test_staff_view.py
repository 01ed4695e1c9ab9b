"""What staff said beside the records: the results engine's own suppressed rows, for the
reader's scope, never suppressed or recomputed again."""

import pytest
from django.urls import reverse

from tests.development.helpers import records
from tests.reports import helpers
from workforce_health.core.models import Membership
from workforce_health.core.scope import Scope
from workforce_health.development import staff_view
from workforce_health.results import scoping
from workforce_health.results import selectors as results
from workforce_health.surveys import analysis

pytestmark = pytest.mark.django_db
Role = Membership.Role


@pytest.fixture
def surveyed(council):
    records(council)
    return helpers.reported(council)


def membership(council, role):
    return council.users[role].memberships.get()


def scope(council, role):
    return Scope.of(membership(council, role))


def test_the_supervision_questions_are_the_engines_rows_for_the_scope(surveyed):
    manager = scope(surveyed, Role.TEAM_MANAGER)
    [view] = staff_view.staff_view_get(scope=manager, topic="supervision")
    assert view.wave == surveyed.wave
    frames = results.results_frames(wave=surveyed.wave)
    assert manager.team is not None and manager.team.name == "Assessment North"
    engine = scoping.rows(
        analysis.breakdown(
            frames.answers,
            frames.items,
            by=("team",),
            measure="items",
            settings=frames.settings,
        ),
        manager,
    ).filter(
        analysis.breakdowns.pl.col("item_code").is_in(
            ["sw_supervision_reflective", "sw_supervision_quality"]
        )
    )
    expected = {row["item_code"]: (row["n"], row["pct_agree"]) for row in engine.to_dicts()}
    texts = {item.code: item.text for item in frames.questionnaire.items()}
    shown = {row[0]: (row[1], row[2]) for row in view.table.rows}
    assert shown == {texts[code]: figures for code, figures in expected.items()}
    assert "Assessment North" in view.table.caption


def test_a_small_team_stays_hidden_with_the_engines_reason(surveyed):
    view = staff_view.team_view_get(scope=scope(surveyed, Role.WORKFORCE_LEAD), topic="supervision")
    assert view is not None
    small = view.teams[helpers.SMALL_TEAM]
    assert small.pct_agree is None and small.n is None
    assert small.hidden == "Fewer than 10 responses"  # the wave's smallest group
    assert view.teams["Assessment North"].n == 12


def test_cpd_questions_include_recording_cpd(surveyed):
    [view] = staff_view.staff_view_get(scope=scope(surveyed, Role.WORKFORCE_LEAD), topic="cpd")
    questions = [row[0] for row in view.table.rows]
    assert "I get the help I need to record my CPD and renew my registration" in questions
    assert "I am satisfied with the learning and development open to me" in questions


def test_practitioners_see_no_survey_results(surveyed):
    practitioner = scope(surveyed, Role.PRACTITIONER)
    assert staff_view.staff_view_get(scope=practitioner, topic="supervision") == []
    assert staff_view.team_view_get(scope=practitioner, topic="supervision") is None


def test_the_pages_show_it_beside_the_records(surveyed, client):
    client.force_login(surveyed.users[Role.WORKFORCE_LEAD])
    text = client.get(reverse("development-supervision")).content.decode()
    assert (
        "Records beside what staff said" in text and "What staff said in the Health Check" in text
    )
    assert "Health Check: agree (%)" in text and "Assessment North" in text
    needs = client.get(reverse("development-training-needs")).content.decode()
    assert "CPD pieces per person" in needs
