"""Actions (you said, we did) and the staff page every signed-in member of staff can read."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from tests.factories import Role
from tests.listening import helpers
from tests.surveys import helpers as survey_helpers
from workforce_health.listening import selectors, services
from workforce_health.listening.models import Action, ActionLink

ITEM = "sw_workload_manageable"
TEAMS_2024 = {"Assessment North": 12, "Safeguarding East": 10, "Front Door": 3}


@pytest.fixture
def health_checks(council):
    """Children's Health Checks of 2024 (25% manage their workload) and 2025 (75%)."""
    before = helpers.past_health_check(
        council, slug="hc-2024", year=2024, agree_share=0.25, item=ITEM, teams=TEAMS_2024
    )
    after = helpers.past_health_check(
        council, slug="hc-2025", year=2025, agree_share=0.75, item=ITEM, teams=TEAMS_2024
    )
    return before, after


@pytest.mark.django_db
def test_an_action_raised_from_a_result_is_completed_with_evidence_and_shows_what_moved(
    council, health_checks
):
    before, _ = health_checks
    action = helpers.action(
        council,
        services=[council.children],
        prompts=[{"kind": ActionLink.Kind.HEALTH_CHECK_ITEM, "wave": before, "item_code": ITEM}],
    )
    with pytest.raises(ValidationError):
        services.action_progress(
            action=action, status=Action.Status.COMPLETE, note="Done", author=None
        )  # no date, no evidence
    services.action_progress(
        action=action,
        status=Action.Status.COMPLETE,
        note="Done",
        author=None,
        completed_on=timezone.localdate(),
        evidence="Caseload audit: 94% at or under 18",
    )
    action.refresh_from_db()
    assert action.status == Action.Status.COMPLETE and action.percent_complete == 100
    assert action.check_back_due_on == timezone.localdate() + datetime.timedelta(weeks=6)
    [said] = selectors.action_said(action)
    assert said.text.startswith("24% agreed: “My workload is manageable”")  # 6 of 25, rounded
    assert said.later.startswith("76% agreed")
    assert said.moved == pytest.approx(52.0)


@pytest.mark.django_db
def test_the_staff_page_shows_suppressed_headlines_what_was_done_and_what_is_in_hand(
    council, client, health_checks
):
    before, _ = health_checks
    done = helpers.action(
        council,
        title="Caseload weighting",
        services=[council.children],
        prompts=[{"kind": ActionLink.Kind.HEALTH_CHECK_ITEM, "wave": before, "item_code": ITEM}],
    )
    services.action_progress(
        action=done,
        status=Action.Status.COMPLETE,
        note="Done",
        author=None,
        completed_on=timezone.localdate(),
        evidence="Weighting tool in every team",
    )
    helpers.action(council, title="A career pathway", services=[council.children])
    helpers.action(council, title="Only for managers", visibility=Action.Visibility.MANAGERS)
    helpers.action(council, title="For adults only", services=[council.adults])
    client.force_login(council.users[Role.PRACTITIONER])
    page = client.get(reverse("listening-home")).content.decode()
    assert "Children&#x27;s Social Work Health Check 2025" in page
    assert "What we did" in page and "Caseload weighting" in page and "Weighting tool" in page
    assert "A career pathway" in page
    assert "Only for managers" not in page and "For adults only" not in page


@pytest.mark.django_db
def test_headlines_on_the_staff_page_are_the_suppressed_figures_of_the_results_pages(council):
    helpers.past_health_check(
        council,
        slug="hc-small",
        year=2025,
        agree_share=0.5,
        item=ITEM,
        teams={"Assessment North": 4},
    )
    page = selectors.staff_page(viewer=council.users[Role.PRACTITIONER].memberships.get())
    [headlines] = page.headlines
    assert headlines.hidden  # 4 respondents: fewer than the smallest group of 5
    assert all(h.pct_agree is None for h in headlines.headlines)


@pytest.mark.django_db
def test_the_promise_of_results_is_kept_on_the_staff_page(council, client):
    wave = survey_helpers.open_wave(council, slug="open-now")
    client.force_login(council.users[Role.PRACTITIONER])
    page = client.get(reverse("listening-home")).content.decode()
    closes = f"{wave.closes_on:%-d %B %Y}"
    assert f"is open until {closes}" in page
    assert "Its results will be shared on this page once it closes" in page


@pytest.mark.django_db
def test_managers_see_actions_for_their_service_and_the_organisations(council, client):
    helpers.action(council, title="Everyone's")
    helpers.action(council, title="Children's", services=[council.children])
    helpers.action(council, title="Adults'", services=[council.adults])
    client.force_login(council.users[Role.SERVICE_MANAGER])
    page = client.get(reverse("listening-actions")).content.decode()
    assert "Everyone&#x27;s" in page and "Children&#x27;s" in page and "Adults&#x27;" not in page
    adults = Action.objects.get(title="Adults'")
    assert client.get(reverse("listening-action", args=[adults.pk])).status_code == 404


@pytest.mark.django_db
def test_the_lead_raises_an_action_from_a_health_check_question_through_the_form(
    council, client, health_checks
):
    _, latest = health_checks  # the form offers the latest Health Check's questions
    client.force_login(council.users[Role.WORKFORCE_LEAD])
    due = timezone.localdate() + datetime.timedelta(days=60)
    form = {
        "title": "@SUM(1+1) caseloads",
        "owner": council.manager.pk,
        "due_on-day": due.day,
        "due_on-month": due.month,
        "due_on-year": due.year,
        "visibility": "staff",
        "prompt-kind": "item",
    }
    refused = client.post(reverse("listening-action-create"), form)
    assert (
        refused.status_code == 200
        and "Choose the health check question" in refused.content.decode()
    )
    created = client.post(
        reverse("listening-action-create"), form | {"prompt-item": f"{latest.pk}:{ITEM}"}
    )
    assert created.status_code == 302
    action = Action.objects.get()
    assert action.links.get().item_code == ITEM
    csv = client.get(reverse("listening-actions-download", args=["csv"])).content.decode()
    assert "'@SUM(1+1) caseloads" in csv  # formula-like text made inert
